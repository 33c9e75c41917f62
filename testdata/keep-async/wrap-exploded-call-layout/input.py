import asyncio

import stripe
from fastapi import FastAPI

app = FastAPI()
stripe_client = stripe.StripeClient("sk_test")


@app.post("/customers")
async def create_customer(email: str):  # expect-fix: wrap-in-threadpool
    await asyncio.sleep(0)
    # One argument spanning lines: after the callable is prepended there are two,
    # one per line, so the call gets the trailing comma ruff format would add.
    customer = stripe_client.v1.customers.create(  # expect: UNB190
        params={
            "email": email,
            "metadata": {"source": "signup"},
        }
    )
    # Arguments on one line of their own: the callable joins them there.
    refund = stripe_client.v1.refunds.create(  # expect: UNB190
        {"charge": "ch_1"}, {"idempotency_key": email}
    )
    # Arguments on one line but with a magic trailing comma: a formatter puts them one
    # per line, so the callable takes a line of its own.
    stripe_client.v1.events.create(  # expect: UNB190
        {"type": "signup"}, {"idempotency_key": email},
    )
    # Arguments on one line of their own that no longer fit once the callable joins them:
    # one per line, each with its comma, as ruff format lays them out.
    invoice = stripe_client.v1.invoices.create(  # expect: UNB190
        {"customer": customer.id, "collection_method": "send_invoice"}, {"idempotency_key": email}
    )
    return {"customer": customer.id, "refund": refund.id, "invoice": invoice.id}
