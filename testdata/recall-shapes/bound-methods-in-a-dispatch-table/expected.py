"""Bound methods kept in a dict on the object, then called by key: a webhook's event table.

``self.handlers = {"invoice.paid": self.on_paid}`` and ``self.handlers[kind](event)`` runs
one of the methods, so the call blocks when one of them does. A table of methods that only
touch memory stays clean, and so does a method read as a value but never called. A literal
key picks its own entry: ``workflows["count"](event)`` runs the counting step only, even
though the same table holds a step that blocks.
"""

import requests
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from pymongo import MongoClient

app = FastAPI()
accounts = MongoClient("mongodb://db:27017")["billing"]["accounts"]


class BillingWebhook:
    def __init__(self) -> None:
        self.handlers = {
            "invoice.paid": self.on_paid,
            "invoice.payment_failed": self.on_failed,
        }
        self.counters = {"seen": self.count_seen}
        self.seen = 0

    def on_paid(self, event: dict) -> None:
        accounts.update_one({"customer": event["customer"]}, {"$set": {"plan": "pro"}})

    def on_failed(self, event: dict) -> None:
        requests.post("https://alerts.internal/billing", json=event, timeout=5)

    def count_seen(self, event: dict) -> None:
        self.seen += 1

    async def handle(self, request: Request) -> dict:  # expect-fix: wrap-in-threadpool
        event = await request.json()
        handler = self.handlers.get(event["type"])
        if handler is not None:
            await run_in_threadpool(handler, event)  # expect: UNB110,UNB140
        return {"received": True}

    async def handle_by_key(self, kind: str, event: dict) -> None:  # expect-fix: wrap-in-threadpool
        await run_in_threadpool(self.handlers[kind], event)  # expect: UNB110,UNB140

    async def count(self, event: dict) -> int:
        self.counters["seen"](event)
        return self.seen

    async def describe(self) -> dict:
        reader = self.on_paid
        return {"paid": reader.__name__}


webhook = BillingWebhook()


def billing_workflows(hook: BillingWebhook):
    def sync_accounts(event: dict) -> None:
        hook.on_paid(event)

    def count(event: dict) -> None:
        hook.count_seen(event)

    return {"sync-accounts": sync_accounts, "count": count}


@app.post("/billing/webhook")
async def billing_webhook(request: Request):  # expect-fix: wrap-in-threadpool
    return await webhook.handle(request)  # expect: UNB110,UNB140


@app.post("/billing/replay/{kind}")
async def replay(kind: str, event: dict):  # expect-fix: wrap-in-threadpool
    await webhook.handle_by_key(kind, event)  # expect: UNB110,UNB140
    return {"replayed": kind}


@app.post("/billing/count")
async def count(event: dict):
    return {"seen": await webhook.count(event)}


@app.get("/billing/describe")
async def describe():
    return await webhook.describe()


@app.post("/billing/workflows/count")
async def run_count_workflow(event: dict):
    workflows = billing_workflows(webhook)
    workflows["count"](event)
    return {"seen": webhook.seen}


@app.post("/billing/workflows/sync")
def run_sync_workflow(event: dict):  # expect-fix: convert-to-def
    workflows = billing_workflows(webhook)
    workflows["sync-accounts"](event)  # expect: UNB140
    return {"synced": True}
