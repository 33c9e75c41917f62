import peewee
from fastapi import FastAPI

db = peewee.PostgresqlDatabase("app", host="db")


class Note(peewee.Model):
    body = peewee.TextField()

    class Meta:
        database = db


app = FastAPI()


@app.post("/notes")
async def add_note(body: str):  # expect-fix: convert-to-def
    db.connect(reuse_if_open=True)  # expect: UNB140
    note = Note(body=body)
    note.save()  # expect: UNB140
    note.delete_instance()  # expect: UNB140
    if not db.is_closed():
        db.close()  # expect: UNB140
    return {"id": note.id}
