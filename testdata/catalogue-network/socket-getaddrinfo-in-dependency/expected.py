import ipaddress
import socket
from urllib.parse import urlparse

from fastapi import Depends, FastAPI, HTTPException

app = FastAPI()


def public_url(url: str) -> str:  # expect-fix: convert-to-def
    host = urlparse(url).hostname or ""
    for *_, sockaddr in socket.getaddrinfo(host, 443):  # expect: UNB180
        if ipaddress.ip_address(sockaddr[0]).is_private:
            raise HTTPException(status_code=400, detail="private address")
    return url


@app.post("/webhooks")
async def register_webhook(url: str = Depends(public_url)):
    return {"registered": url}
