import datetime

import peewee
from fastapi import FastAPI

db = peewee.SqliteDatabase("events.db")


class Event(peewee.Model):
    name = peewee.CharField()
    day = peewee.DateField()

    class Meta:
        database = db


app = FastAPI()


@app.get("/events")
def upcoming():  # expect-fix: convert-to-def
    soon = Event.select().where(Event.day >= datetime.date.today()).order_by(Event.day)
    count = soon.count()  # expect: UNB140
    names = [e.name for e in soon.limit(10).iterator()]  # expect: UNB140
    Event.update(name=Event.name.upper()).where(Event.day < datetime.date.today()).execute()  # expect: UNB140
    return {"count": count, "names": names}
