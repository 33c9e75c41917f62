from asgiref.sync import sync_to_async
from django.db import models
from fastapi import FastAPI

app = FastAPI()


class Article(models.Model):
    title = models.CharField(max_length=200)
    published = models.BooleanField(default=False)


@app.get("/articles")
async def articles():
    # filter() is lazy: no query runs until the list is built, in a thread.
    queryset = Article.objects.filter(published=True).order_by("-id")
    rows = await sync_to_async(list)(queryset)
    first = await Article.objects.filter(published=True).afirst()
    return {"titles": [row.title for row in rows], "first": first.title if first else None}
