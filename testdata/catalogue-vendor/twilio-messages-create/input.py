from fastapi import FastAPI
from twilio.rest import Client

app = FastAPI()
twilio = Client("AC_sid", "auth_token")


@app.post("/sms")
async def send_sms(to: str, body: str):  # expect-fix: convert-to-def
    message = twilio.messages.create(to=to, from_="+15550000000", body=body)  # expect: UNB190
    return {"sid": message.sid}
