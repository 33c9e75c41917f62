from fastapi import FastAPI

from app.middleware.slow_requests import SlowRequestLog

app = FastAPI()
app.add_middleware(SlowRequestLog)
