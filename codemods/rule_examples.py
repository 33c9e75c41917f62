"""One example per rule: a FastAPI module it reports, and the module after the fix.

The "after" text is written as the edits that turn "before" into it, so a
reader sees at a glance what the fix changes, and the two cannot drift apart
in the lines the fix leaves alone. For a rule with no automatic fix the edits
are the change to make by hand. ``tests/test_rule_docs.py`` runs the tool on
every example: it must report the rule and write exactly "after".
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .models import Strategy

THREADPOOL_IMPORT = "from fastapi.concurrency import run_in_threadpool\n"


@dataclass(frozen=True)
class Example:
    before: str
    #: (text of ``before``, what it becomes): each text occurs once in ``before``.
    edits: tuple[tuple[str, str], ...]
    #: The fix the tool chooses for ``before`` (``NONE``: the edits are a hand fix).
    fix: Strategy
    #: The blocking call as written in ``before``: its line shows where a suppression comment goes.
    call: str

    @property
    def after(self) -> str:
        text = self.before
        for old, new in self.edits:
            if text.count(old) != 1:
                raise ValueError(f"example edit {old!r} must match exactly once")
            text = text.replace(old, new)
        return text

    def call_line(self) -> str:
        """The line of ``before`` that holds :attr:`call`, without its indentation."""
        return next(line.strip() for line in self.before.splitlines() if self.call in line)

    def def_line(self) -> str:
        """The ``async def`` line of the reported function: the last one above the call."""
        lines = self.before.splitlines()
        above = lines[: next(i for i, line in enumerate(lines) if self.call in line)]
        return next(line.strip() for line in reversed(above) if line.lstrip().startswith("async def "))


def _module(text: str) -> str:
    return textwrap.dedent(text).lstrip("\n")


def _to_def(name: str) -> tuple[tuple[str, str], ...]:
    return ((f"async def {name}(", f"def {name}("),)


def _import_after(line: str) -> tuple[str, str]:
    return line, line + THREADPOOL_IMPORT


EXAMPLES: dict[str, Example] = {
    "UNB100": Example(_module("""
        import time

        from fastapi import FastAPI, WebSocket

        app = FastAPI()


        @app.websocket("/ticks")
        async def ticks(websocket: WebSocket):
            await websocket.accept()
            while True:
                await websocket.send_json({"time": time.time()})
                time.sleep(1)
        """), (("import time\n", "import asyncio\nimport time\n"), ("time.sleep(1)", "await asyncio.sleep(1)")),
        Strategy.SWAP_TO_ASYNC, "time.sleep(1)"),
    "UNB110": Example(_module("""
        import requests
        from fastapi import FastAPI, Request

        app = FastAPI()
        HOOK = "https://hooks.example.com/in"


        @app.post("/forward")
        async def forward(request: Request):
            payload = await request.json()
            response = requests.post(HOOK, json=payload, timeout=5)
            return {"status": response.status_code}
        """), (_import_after("from fastapi import FastAPI, Request\n"),
               ("requests.post(HOOK,", "await run_in_threadpool(requests.post, HOOK,")),
        Strategy.WRAP_IN_THREADPOOL, "requests.post("),
    "UNB120": Example(_module("""
        from fastapi import FastAPI, Request

        app = FastAPI()


        @app.post("/notes/{note_id}")
        async def add_note(note_id: int, request: Request):
            note = (await request.body()).decode()
            with open(f"notes/{note_id}.txt", "a") as handle:
                handle.write(note + "\\n")
            return {"saved": note_id}
        """), (_import_after("from fastapi import FastAPI, Request\n"), (
            '    with open(f"notes/{note_id}.txt", "a") as handle:\n        handle.write(note + "\\n")\n',
            ('\n    def _blocking_io_1():\n'
             '        with open(f"notes/{note_id}.txt", "a") as handle:\n            handle.write(note + "\\n")\n'
             '\n    await run_in_threadpool(_blocking_io_1)\n'))),
        Strategy.WRAP_IN_THREADPOOL, "with open("),
    "UNB130": Example(_module("""
        import subprocess

        from fastapi import FastAPI

        app = FastAPI()


        @app.get("/version")
        async def version():
            result = subprocess.run(["git", "describe"], capture_output=True, text=True)
            return {"version": result.stdout.strip()}
        """), _to_def("version"), Strategy.CONVERT_TO_DEF, "subprocess.run("),
    "UNB140": Example(_module("""
        from fastapi import Depends, FastAPI
        from sqlalchemy import create_engine, text
        from sqlalchemy.orm import Session

        app = FastAPI()
        engine = create_engine("sqlite:///app.db")


        def get_session():
            with Session(engine) as session:
                yield session


        @app.get("/users/{user_id}")
        async def get_user(user_id: int, session: Session = Depends(get_session)):
            name = session.scalar(text("SELECT name FROM users WHERE id = :id"), {"id": user_id})
            return {"name": name}
        """), _to_def("get_user"), Strategy.CONVERT_TO_DEF, "session.scalar("),
    "UNB150": Example(_module("""
        import redis
        from fastapi import FastAPI

        app = FastAPI()
        cache = redis.Redis()


        @app.get("/hits")
        async def hits():
            count = cache.incr("hits")
            return {"hits": count}
        """), _to_def("hits"), Strategy.CONVERT_TO_DEF, "cache.incr("),
    "UNB160": Example(_module("""
        import boto3
        from fastapi import FastAPI, UploadFile

        app = FastAPI()
        s3 = boto3.client("s3")


        @app.post("/upload")
        async def upload(file: UploadFile):
            data = await file.read()
            s3.put_object(Bucket="uploads", Key=file.filename, Body=data)
            return {"size": len(data)}
        """), (_import_after("from fastapi import FastAPI, UploadFile\n"), (
            '    s3.put_object(Bucket="uploads", Key=file.filename, Body=data)\n',
            '    await run_in_threadpool(\n        s3.put_object, Bucket="uploads", Key=file.filename, Body=data\n    )\n')),
        Strategy.WRAP_IN_THREADPOOL, "s3.put_object("),
    "UNB170": Example(_module("""
        import smtplib
        from email.message import EmailMessage

        from fastapi import FastAPI

        app = FastAPI()


        @app.post("/contact")
        async def contact(address: str):
            message = EmailMessage()
            message["To"] = address
            message["Subject"] = "Thanks"
            with smtplib.SMTP("localhost") as smtp:
                smtp.send_message(message)
            return {"sent": True}
        """), _to_def("contact"), Strategy.CONVERT_TO_DEF, "smtplib.SMTP("),
    "UNB180": Example(_module("""
        import socket

        from fastapi import FastAPI

        app = FastAPI()


        @app.get("/resolve")
        async def resolve(host: str):
            return {"address": socket.gethostbyname(host)}
        """), _to_def("resolve"), Strategy.CONVERT_TO_DEF, "socket.gethostbyname("),
    "UNB190": Example(_module("""
        import stripe
        from fastapi import FastAPI, Request

        app = FastAPI()


        @app.post("/customers")
        async def create_customer(request: Request):
            body = await request.json()
            customer = stripe.Customer.create(email=body["email"])
            return {"id": customer.id}
        """), (_import_after("from fastapi import FastAPI, Request\n"),
               ("stripe.Customer.create(email", "await run_in_threadpool(stripe.Customer.create, email")),
        Strategy.WRAP_IN_THREADPOOL, "stripe.Customer.create("),
    "UNB200": Example(_module("""
        from concurrent.futures import ThreadPoolExecutor

        from fastapi import FastAPI

        app = FastAPI()
        pool = ThreadPoolExecutor()


        def build_report() -> str:
            return "done"


        @app.get("/report")
        async def report():
            future = pool.submit(build_report)
            return {"report": future.result()}
        """), _to_def("report"), Strategy.CONVERT_TO_DEF, "future.result()"),
    "UNB210": Example(_module("""
        import os.path

        from fastapi import FastAPI

        app = FastAPI()


        @app.get("/files/{name}")
        async def has_file(name: str):
            return {"exists": os.path.exists(f"files/{name}")}
        """), _to_def("has_file"), Strategy.CONVERT_TO_DEF, "os.path.exists("),
    "UNB220": Example(_module("""
        import bcrypt
        from fastapi import FastAPI

        app = FastAPI()


        @app.post("/hash")
        async def hash_password(password: str):
            hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt())
            return {"hash": hashed.decode()}
        """), _to_def("hash_password"), Strategy.CONVERT_TO_DEF, "bcrypt.hashpw("),
    "UNB230": Example(_module("""
        import asyncio

        from fastapi import FastAPI

        app = FastAPI()


        async def fetch_price() -> float:
            await asyncio.sleep(0.1)
            return 9.99


        @app.get("/price")
        async def price():
            value = asyncio.run(fetch_price())
            return {"price": value}
        """), (("asyncio.run(fetch_price())", "await fetch_price()"),), Strategy.NONE, "asyncio.run("),
}
