import dropbox
import gspread
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from gtts import gTTS
from pyairtable import Api
from simple_salesforce import Salesforce
from vertexai.generative_models import GenerativeModel

app = FastAPI()
sheets = gspread.service_account_from_dict({"type": "service_account"})
airtable = Api("airtable-token")
box = dropbox.Dropbox("dropbox-token")
model = GenerativeModel("gemini-1.5-flash")


@app.post("/signups")
def record_signup(email: str):  # expect-fix: convert-to-def
    worksheet = sheets.open_by_key("sheet-id").sheet1  # expect: UNB190
    worksheet.append_row([email])  # expect: UNB190
    airtable.table("base-id", "Signups").create({"Email": email})  # expect: UNB190
    return {"ok": True}


@app.post("/contacts")
def create_contact(name: str):  # expect-fix: convert-to-def
    sf = Salesforce(username="api@example.com", password="secret", security_token="token")  # expect: UNB190
    return sf.Contact.create({"LastName": name})  # expect: UNB190


@app.get("/files")
def list_files():  # expect-fix: convert-to-def
    return [entry.name for entry in box.files_list_folder("").entries]  # expect: UNB190


@app.post("/summaries")
async def summarise(request: Request):  # expect-fix: wrap-in-threadpool
    body = await request.json()
    response = await run_in_threadpool(
        model.generate_content, f"Summarise: {body['text']}"
    )  # expect: UNB190
    return {"summary": response.text}


@app.post("/speech")
def speech(text: str):  # expect-fix: convert-to-def
    gTTS(text, lang="en").save("/srv/audio/latest.mp3")  # expect: UNB190
    return {"path": "/srv/audio/latest.mp3"}
