import peewee
from fastapi import FastAPI, HTTPException

db = peewee.SqliteDatabase("events.db")


class BaseModel(peewee.Model):
    class Meta:
        database = db


class Event(BaseModel):
    name = peewee.CharField()
    day = peewee.DateField()


app = FastAPI()


@app.get("/events/{eid}")
def get_event(eid: int):  # expect-fix: convert-to-def
    event = Event.get_or_none(Event.id == eid)  # expect: UNB140
    if event is None:
        raise HTTPException(status_code=404)
    twin = Event.create(name=event.name + " (copy)", day=event.day)  # expect: UNB140
    return {"name": event.name, "copy": twin.id}
