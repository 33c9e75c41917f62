"""Iterating a Django or mongoengine queryset runs the query; PynamoDB models call DynamoDB."""

from fastapi import FastAPI
from mongoengine import Document, StringField
from pynamodb.attributes import UnicodeAttribute
from pynamodb.models import Model

app = FastAPI()


class Author(Document):
    name = StringField()


class Order(Model):
    class Meta:
        table_name = "orders"

    order_id = UnicodeAttribute(hash_key=True)
    status = UnicodeAttribute()


@app.get("/authors")
async def authors(prefix: str):  # expect-fix: convert-to-def
    return [a.name for a in Author.objects(name__startswith=prefix)]  # expect: UNB140


@app.get("/orders/{order_id}")
async def order(order_id: str):  # expect-fix: convert-to-def
    return {"status": Order.get(order_id).status}  # expect: UNB140


@app.get("/orders")
async def orders(status: str):  # expect-fix: convert-to-def
    return [o.order_id for o in Order.scan(Order.status == status)]  # expect: UNB140


@app.get("/query-shape")
async def query_shape(prefix: str):
    queryset = Author.objects(name__startswith=prefix)
    return {"query": str(queryset._query)}
