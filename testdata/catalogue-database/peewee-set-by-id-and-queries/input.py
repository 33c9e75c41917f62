import peewee
from fastapi import FastAPI

db = peewee.SqliteDatabase("tasks.db")


class BaseModel(peewee.Model):
    class Meta:
        database = db


class Task(BaseModel):
    title = peewee.CharField()
    done = peewee.BooleanField(default=False)


app = FastAPI()


@app.post("/tasks/{tid}/done")
async def finish(tid: int):  # expect-fix: convert-to-def
    Task.set_by_id(tid, {"done": True})  # expect: UNB140
    Task.update(done=False).where(Task.title == "").execute()  # expect: UNB140
    Task.insert(title="follow-up").execute()  # expect: UNB140
    Task.delete().where(Task.done == True).execute()  # expect: UNB140
    open_ = [t.title for t in Task.select().where(Task.done == False)]  # expect: UNB140
    rows = list(Task.raw("SELECT * FROM task WHERE id = ?", tid).dicts())  # expect: UNB140
    query = Task.select().where(Task.id == tid).order_by(Task.title)
    return {"open": open_, "rows": rows, "sql": str(query)}
