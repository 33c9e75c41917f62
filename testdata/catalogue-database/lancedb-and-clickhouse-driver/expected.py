import lancedb
from clickhouse_driver import Client
from fastapi import FastAPI

app = FastAPI()
db = lancedb.connect("/srv/vectors")
warehouse = Client(host="clickhouse.internal")


@app.get("/search")
def search(vector: list[float], limit: int = 5):  # expect-fix: convert-to-def
    table = db.open_table("documents")  # expect: UNB140
    query = table.search(vector).where("published = true").limit(limit)
    return query.to_list()  # expect: UNB140


@app.post("/documents")
def add_document(text: str, vector: list[float]):  # expect-fix: convert-to-def
    db.open_table("documents").add([{"text": text, "vector": vector}])  # expect: UNB140
    return {"tables": db.table_names()}  # expect: UNB140


@app.get("/events/daily")
def daily_events():  # expect-fix: convert-to-def
    rows = warehouse.execute("SELECT toDate(ts), count() FROM events GROUP BY 1")  # expect: UNB140
    return [{"day": str(day), "count": count} for day, count in rows]


@app.get("/events/stream")
def stream_events():  # expect-fix: convert-to-def
    return [row for row in warehouse.execute_iter("SELECT * FROM events LIMIT 100")]  # expect: UNB140
