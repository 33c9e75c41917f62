from email.message import EmailMessage

import aiosmtplib
from fastapi import FastAPI

app = FastAPI()


@app.post("/feedback")
async def feedback(text: str):
    message = EmailMessage()
    message["From"] = "site@example.org"
    message["To"] = "feedback@example.org"
    message["Subject"] = "Feedback"
    message.set_content(text)
    await aiosmtplib.send(message, hostname="smtp.example.org", port=587, start_tls=True)
    return {"sent": True}
