from fastapi import FastAPI
from kafka import KafkaProducer

app = FastAPI()


@app.post("/clicks")
def click(page: str):  # expect-fix: convert-to-def
    producer = KafkaProducer(bootstrap_servers="kafka:9092")  # expect: UNB180
    producer.send("clicks", page.encode())  # expect: UNB180
    producer.flush()  # expect: UNB180
    return {"sent": page}
