from django.db import models
from fastapi import FastAPI


class Article(models.Model):
    title = models.CharField(max_length=200)

    class Meta:
        app_label = "news"


app = FastAPI()


@app.post("/articles")
async def create_article(title: str):  # expect-fix: convert-to-def
    article = Article(title=title)
    article.save()  # expect: UNB140
    return {"id": article.pk}
