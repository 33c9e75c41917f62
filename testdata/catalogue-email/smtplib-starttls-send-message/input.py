import smtplib
from email.message import EmailMessage

from fastapi import FastAPI

app = FastAPI()


@app.post("/contact")
async def contact(sender: str, body: str):  # expect-fix: convert-to-def
    msg = EmailMessage()
    msg["From"] = "site@example.org"
    msg["To"] = "team@example.org"
    msg["Reply-To"] = sender
    msg.set_content(body)
    with smtplib.SMTP("smtp.example.org", 587) as smtp:  # expect: UNB170
        smtp.starttls()  # expect: UNB170
        smtp.login("site", "secret")  # expect: UNB170
        smtp.send_message(msg)  # expect: UNB170
    return {"sent": True}
