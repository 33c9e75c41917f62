from fastapi import FastAPI
from sendgrid import SendGridAPIClient
from sendgrid.helpers.mail import Mail

app = FastAPI()
sg = SendGridAPIClient("SG.key")


@app.post("/invite")
def invite(email: str):  # expect-fix: convert-to-def
    message = Mail(from_email="hello@example.org", to_emails=email, subject="Join us", html_content="<p>Hi</p>")
    response = sg.send(message)  # expect: UNB170
    return {"status": response.status_code}
