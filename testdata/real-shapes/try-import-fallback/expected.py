from fastapi import FastAPI

try:
    from smtplib import SMTP
except ImportError:
    def SMTP(host):
        return None

app = FastAPI()


@app.post("/mail")
def mail(to: str):  # expect-fix: convert-to-def
    server = SMTP("mail.example")  # expect: UNB170
    server.sendmail("noreply@example", [to], "hello")  # expect: UNB170
    return {"sent": True}
