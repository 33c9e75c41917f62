import stripe
from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


@app.get("/customers/{customer_id}/invoices")
def invoices(customer_id: str):  # expect-fix: convert-to-def
    amounts = []
    for invoice in stripe.Invoice.list(customer=customer_id, limit=100).auto_paging_iter():  # expect: UNB190
        amounts.append(invoice.amount_due)
    return {"total": sum(amounts)}


@app.post("/customers/names")
async def customer_names(request: Request):  # expect-fix: wrap-in-threadpool
    limit = (await request.json())["limit"]
    pages = await run_in_threadpool(stripe.Customer.list, limit=limit)  # expect: UNB190
    names = []

    # The pages are fetched while the loop runs: the whole loop moves to the threadpool.
    def _blocking_io_1():
        for customer in pages.auto_paging_iter():  # expect: UNB190
            names.append(customer.name)

    await run_in_threadpool(_blocking_io_1)
    return names
