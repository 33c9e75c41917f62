from fastapi import FastAPI
from sqlmodel import SQLModel, create_engine

app = FastAPI()
engine = create_engine("sqlite:///scratch.db")


@app.post("/admin/reset")
async def reset_schema():  # expect-fix: convert-to-def
    SQLModel.metadata.drop_all(engine)  # expect: UNB140
    SQLModel.metadata.create_all(engine)  # expect: UNB140
    return {"reset": True}
