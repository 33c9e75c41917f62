"""Warehouse and analytic clients: a query is a round trip to the service, or in-process work for DuckDB."""

import clickhouse_connect
import duckdb
import snowflake.connector
from azure.cosmos import CosmosClient
from fastapi import FastAPI

app = FastAPI()
clickhouse = clickhouse_connect.get_client(host="clickhouse")
analytics = duckdb.connect("analytics.duckdb")
orders = CosmosClient("https://account.documents.azure.com", credential="key").get_database_client(
    "shop"
).get_container_client("orders")


@app.get("/revenue")
def revenue():  # expect-fix: convert-to-def
    connection = snowflake.connector.connect(user="u", password="p", account="a")  # expect: UNB140
    cursor = connection.cursor()
    cursor.execute("select sum(amount) from orders")  # expect: UNB140
    return {"revenue": cursor.fetchone()[0]}  # expect: UNB140


@app.get("/events")
def events():  # expect-fix: convert-to-def
    return clickhouse.query("select count() from events").result_rows  # expect: UNB140


@app.get("/local")
def local():  # expect-fix: convert-to-def
    return analytics.sql("select 42").fetchall()  # expect: UNB140


@app.get("/orders/{order_id}")
def order(order_id: str):  # expect-fix: convert-to-def
    return orders.read_item(item=order_id, partition_key=order_id)  # expect: UNB140


@app.get("/config")
async def config():
    return {"database": "analytics.duckdb"}
