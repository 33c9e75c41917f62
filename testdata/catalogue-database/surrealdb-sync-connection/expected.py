from fastapi import FastAPI
from surreal_commands import get_command_status, submit_command
from surrealdb import AsyncSurreal, Surreal

DATABASE_URL = "ws://localhost:8000/rpc"
app = FastAPI()


def queue_processing(source_id: str) -> str:
    return submit_command("notebook", "process_source", {"source_id": source_id})


@app.get("/notes/{note_id}")
def read_note(note_id: str):  # expect-fix: convert-to-def
    with Surreal(DATABASE_URL) as db:  # expect: UNB140
        db.signin({"username": "root", "password": "root"})  # expect: UNB140
        db.use("app", "notes")  # expect: UNB140
        return db.select(note_id)  # expect: UNB140


@app.post("/sources/{source_id}/process")
def process_source(source_id: str):  # expect-fix: convert-to-def
    command_id = queue_processing(source_id)  # expect: UNB140
    return {"command_id": command_id}


@app.get("/commands/{command_id}")
async def command_status(command_id: str):
    status = await get_command_status(command_id)
    return {"status": status.status}


@app.get("/async-notes/{note_id}")
async def read_note_async(note_id: str):
    async with AsyncSurreal(DATABASE_URL) as db:
        await db.signin({"username": "root", "password": "root"})
        await db.use("app", "notes")
        return await db.select(note_id)
