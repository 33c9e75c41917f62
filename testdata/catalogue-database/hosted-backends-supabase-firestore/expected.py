"""Supabase and Firebase: a built query is sent by ``execute()``; Firestore references by ``get``/``set``."""

from fastapi import FastAPI
from firebase_admin import auth, firestore
from supabase import create_client

app = FastAPI()
supabase = create_client("https://project.supabase.co", "service-key")
db = firestore.client()


@app.get("/notes/{owner}")
def notes(owner: str):  # expect-fix: convert-to-def
    query = supabase.table("notes").select("id, body").eq("owner", owner).order("id")
    return query.execute().data  # expect: UNB140


@app.post("/notes")
def add_note(body: str):  # expect-fix: convert-to-def
    return supabase.table("notes").insert({"body": body}).execute().data  # expect: UNB140


@app.get("/profiles/{uid}")
def profile(uid: str):  # expect-fix: convert-to-def
    snapshot = db.collection("profiles").document(uid).get()  # expect: UNB140
    return snapshot.to_dict()


@app.get("/recent")
def recent():  # expect-fix: convert-to-def
    query = db.collection("events").where("kind", "==", "login").limit(10)
    return [doc.to_dict() for doc in query.stream()]  # expect: UNB140


@app.get("/me")
def me(token: str):  # expect-fix: convert-to-def
    return auth.verify_id_token(token)  # expect: UNB190


@app.get("/query-text")
async def query_text(owner: str):
    query = supabase.table("notes").select("*").eq("owner", owner)
    return {"built": repr(query)}
