from smtplib import SMTP_SSL

from fastapi import FastAPI

app = FastAPI()


@app.post("/alerts")
def alert(text: str):  # expect-fix: convert-to-def
    server = SMTP_SSL("smtp.example.org", 465, timeout=10)  # expect: UNB170
    server.sendmail("alerts@example.org", ["oncall@example.org"], f"Subject: alert\n\n{text}")  # expect: UNB170
    server.quit()  # expect: UNB170
    return {"queued": True}
