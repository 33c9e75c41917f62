import zmq
from fastapi import FastAPI

app = FastAPI()
context = zmq.Context()


@app.get("/quote/{symbol}")
def quote(symbol: str):  # expect-fix: convert-to-def
    socket = context.socket(zmq.REQ)
    socket.connect("tcp://quotes.internal:5555")
    socket.send_string(symbol)
    price = socket.recv_string()  # expect: UNB180
    return {"symbol": symbol, "price": price}
