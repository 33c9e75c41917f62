from asgiref.sync import sync_to_async
from django.db import models
from fastapi import FastAPI, Request

app = FastAPI()


class Note(models.Model):
    text = models.TextField()


@app.post("/notes")
async def add_note(request: Request):  # expect-fix: wrap-in-threadpool
    body = await request.json()
    note = await sync_to_async(Note.objects.create)(text=body["text"])  # expect: UNB140
    return {"id": note.pk}
