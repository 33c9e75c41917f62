import stripe
from fastapi import FastAPI

app = FastAPI()


@app.post("/checkout/{customer_id}")
async def checkout(customer_id: str, price: str):  # expect-fix: convert-to-def
    customer = stripe.Customer.retrieve(customer_id)  # expect: UNB190
    session = stripe.checkout.Session.create(  # expect: UNB190
        customer=customer.id,
        mode="subscription",
        line_items=[{"price": price, "quantity": 1}],
        success_url="https://example.org/ok",
    )
    return {"url": session.url}
