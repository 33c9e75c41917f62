import dns.resolver
from fastapi import FastAPI

app = FastAPI()


@app.get("/mx/{domain}")
async def mx(domain: str):  # expect-fix: convert-to-def
    answers = dns.resolver.resolve(domain, "MX")  # expect: UNB180
    return sorted(str(r.exchange) for r in answers)
