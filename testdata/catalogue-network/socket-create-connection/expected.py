import socket

from fastapi import FastAPI

app = FastAPI()


@app.get("/probe/{host}/{port}")
def probe(host: str, port: int):  # expect-fix: convert-to-def
    with socket.create_connection((host, port), timeout=3) as sock:  # expect: UNB180
        sock.sendall(b"PING\r\n")  # expect: UNB180
        reply = sock.recv(64)  # expect: UNB180
    return {"reply": reply.decode(errors="replace"), "me": socket.gethostname()}
