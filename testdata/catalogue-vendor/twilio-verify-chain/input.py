from fastapi import FastAPI
from twilio.rest import Client

app = FastAPI()
client = Client("AC_sid", "auth_token")


@app.post("/verify/{phone}")
async def start_verification(phone: str):  # expect-fix: convert-to-def
    verification = client.verify.v2.services("VA_service").verifications.create(to=phone, channel="sms")  # expect: UNB190
    return {"status": verification.status}
