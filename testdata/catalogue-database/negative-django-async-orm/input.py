from django.db import models
from fastapi import FastAPI


class Article(models.Model):
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=False)

    class Meta:
        app_label = "news"


app = FastAPI()


@app.get("/articles/{pk}/summary")
async def summary(pk: int):
    item = await Article.objects.aget(pk=pk)
    drafts = Article.objects.filter(published=False).exclude(title="")
    count = await drafts.acount()
    await item.asave()
    return {"title": item.title, "drafts": count}
