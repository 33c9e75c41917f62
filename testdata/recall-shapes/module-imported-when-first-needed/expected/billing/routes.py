from fastapi import APIRouter

from .lazy import load_codec, load_stripe, load_stripe_unannotated

router = APIRouter()


@router.post("/portal/{customer}")
def portal(customer: str):  # expect-fix: convert-to-def
    stripe = load_stripe()
    if stripe is None:
        return {"url": None}
    session = stripe.billing_portal.Session.create(customer=customer)  # expect: UNB190
    return {"url": session.url}


@router.delete("/subscriptions/{subscription}")
def cancel(subscription: str):  # expect-fix: convert-to-def
    sdk = load_stripe_unannotated()
    sdk.Subscription.cancel(subscription)  # expect: UNB190
    return {"cancelled": subscription}


@router.post("/echo")
async def echo(payload: dict):
    codec = load_codec()
    return {"body": codec.dumps(payload)}
