import stripe
from fastapi import FastAPI

app = FastAPI()


@app.get("/customers/{customer_id}/invoices")
async def invoices(customer_id: str):  # expect-fix: convert-to-def
    amounts = []
    for invoice in stripe.Invoice.list(customer=customer_id, limit=100).auto_paging_iter():  # expect: UNB190
        amounts.append(invoice.amount_due)
    return {"total": sum(amounts)}
