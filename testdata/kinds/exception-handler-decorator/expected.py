import requests
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

app = FastAPI()


class PaymentDeclined(Exception):
    def __init__(self, reason: str) -> None:
        self.reason = reason


@app.exception_handler(PaymentDeclined)
def payment_declined(
    request: Request, exc: PaymentDeclined
):  # expect-fix: convert-to-def
    alert = {"path": request.url.path, "reason": exc.reason}
    requests.post("https://alerts.example/payments", json=alert, timeout=3)  # expect: UNB110
    return JSONResponse({"detail": exc.reason}, status_code=402)
