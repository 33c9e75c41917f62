from django.db import models
from fastapi import FastAPI


class Article(models.Model):
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=False)

    class Meta:
        app_label = "news"


app = FastAPI()


@app.get("/articles/{pk}")
def article(pk: int):  # expect-fix: convert-to-def
    item = Article.objects.get(pk=pk)  # expect: UNB140
    total = Article.objects.filter(published=True).count()  # expect: UNB140
    return {"title": item.title, "published": total}
