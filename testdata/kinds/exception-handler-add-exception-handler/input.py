import time
import traceback

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, PlainTextResponse

app = FastAPI()


class QuotaExceeded(Exception):
    pass


async def log_crash(request: Request, exc: Exception):  # expect-fix: convert-to-def
    with open("crashes.log", "a", encoding="utf-8") as log:  # expect: UNB120
        log.write("".join(traceback.format_exception(exc)))  # expect: UNB120
    return PlainTextResponse("internal error", status_code=500)


async def quota_exceeded(request: Request, exc: QuotaExceeded):  # expect-fix: convert-to-def
    time.sleep(1)  # expect: UNB100
    return JSONResponse({"detail": "quota exceeded"}, status_code=429)


app.add_exception_handler(Exception, log_crash)
app.add_exception_handler(QuotaExceeded, handler=quota_exceeded)
