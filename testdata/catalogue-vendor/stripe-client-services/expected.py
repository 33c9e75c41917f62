from fastapi import FastAPI
from stripe import StripeClient

app = FastAPI()
stripe_client = StripeClient("sk_test_key")


@app.post("/customers")
def create_customer(email: str):  # expect-fix: convert-to-def
    customer = stripe_client.customers.create(params={"email": email})  # expect: UNB190
    return {"id": customer.id}
