"""Warehouses, analytic engines, ODBC and document/search services (category ``database``).

Snowflake, Databricks SQL and ClickHouse clients talk to a remote service
over HTTPS: connecting, executing and fetching result chunks are round
trips. DuckDB runs queries in-process, on the calling thread (CPU and disk).
pyodbc and pymssql are DB-API drivers like the ones in ``drivers``. Azure
Cosmos DB's container methods are HTTPS requests (its ``query_items`` pages
as it is iterated); Meilisearch's client and index methods are HTTP
requests; InfluxDB's query API runs the query on the server.
"""

from __future__ import annotations

from ._helpers import each, instance, returning
from .model import Alias, BlockingApi, Returns

_CONNECT = "opens a connection to the database or warehouse"
_ROUND_TRIP = "a round trip to the database or warehouse"
_FETCH = ("fetchone", "fetchmany", "fetchall")
#: connection class -> (its cursor class, the connect function, connection methods, cursor methods)
_DB_API = {
    "snowflake.connector.SnowflakeConnection": ("snowflake.connector.cursor.SnowflakeCursor",
                                                "snowflake.connector.connect", ("commit", "rollback", "close",
                                                                                "execute_string", "execute_stream"),
                                                ("execute", "executemany", "execute_async", *_FETCH,
                                                 "fetch_pandas_all", "fetch_arrow_all", "get_results_from_sfqid")),
    "databricks.sql.client.Connection": ("databricks.sql.client.Cursor", "databricks.sql.connect", ("close",),
                                         ("execute", "executemany", *_FETCH, "fetchall_arrow", "tables",
                                          "columns", "schemas", "catalogs")),
    "pyodbc.Connection": ("pyodbc.Cursor", "pyodbc.connect", ("execute", "commit", "rollback", "close"),
                          ("execute", "executemany", *_FETCH, "tables", "columns", "commit", "rollback")),
    "pymssql.Connection": ("pymssql.Cursor", "pymssql.connect", ("commit", "rollback", "close"),
                           ("execute", "executemany", "callproc", *_FETCH)),
}
_CLICKHOUSE = "clickhouse_connect.driver.client.Client"
_DUCKDB = "duckdb.DuckDBPyConnection"
_DUCKDB_RUNS = ("execute", "executemany", "sql", "query", "fetchall", "fetchone", "fetchmany", "fetchdf", "df",
                "pl", "arrow", "fetch_df", "commit", "rollback", "read_csv", "read_parquet", "read_json")
_COSMOS = "azure.cosmos.ContainerProxy"

ENTRIES: list[BlockingApi] = [
    *[api for connection, (cursor, connect, connection_io, cursor_io) in _DB_API.items() for api in (
        BlockingApi(connect, "database", why=_CONNECT),
        *each(connection, connection_io, "database", why=_ROUND_TRIP),
        *each(cursor, cursor_io, "database", why=_ROUND_TRIP))],
    BlockingApi("clickhouse_connect.get_client", "database", why="connects and asks the server for its settings"),
    *each(_CLICKHOUSE, ("query", "command", "insert", "query_df", "insert_df", "query_arrow", "insert_arrow",
                        "query_np", "raw_query", "raw_insert", "ping", "query_rows_stream", "query_df_stream"),
          "database", why=_ROUND_TRIP),
    BlockingApi("duckdb.connect", "database", why="opens (or creates) the database file"),
    *each(_DUCKDB, _DUCKDB_RUNS, "database", why="runs the query in-process, on the calling thread"),
    *each("duckdb", ("sql", "query", "execute", "read_csv", "read_parquet", "read_json"), "database",
          why="runs the query in-process, on the calling thread"),
    *each(_COSMOS, ("create_item", "read_item", "upsert_item", "replace_item", "patch_item", "delete_item",
                    "read", "delete_all_items_by_partition_key", "execute_item_batch"), "database",
          why="an HTTPS request to Cosmos DB"),
    *each(_COSMOS, ("query_items", "read_all_items", "query_items_change_feed"), "database", lazy=True,
          why="pages through Cosmos DB as it is iterated"),
    *each("azure.cosmos.DatabaseProxy", ("create_container", "create_container_if_not_exists", "delete_container",
                                         "read"), "database", why="an HTTPS request to Cosmos DB"),
    *each("azure.cosmos.CosmosClient", ("create_database", "create_database_if_not_exists", "delete_database"),
          "database", why="an HTTPS request to Cosmos DB"),
    BlockingApi("meilisearch.Client.*", "database", why="an HTTP request to Meilisearch"),
    BlockingApi("meilisearch.index.Index.*", "database", why="an HTTP request to Meilisearch"),
    *each("influxdb_client.client.query_api.QueryApi", ("query", "query_raw", "query_csv", "query_data_frame",
                                                        "query_stream"), "database", why=_ROUND_TRIP),
    # clickhouse-driver's native-protocol client connects on its first query.
    *each("clickhouse_driver.Client", ("execute", "execute_with_progress", "query_dataframe", "insert_dataframe",
                                       "disconnect"), "database", why=_ROUND_TRIP),
    BlockingApi("clickhouse_driver.Client.execute_iter", "database", lazy=True,
                why="streams the rows from the server as they are iterated"),
]

RETURNS: list[Returns] = [
    *[item for connection, (cursor, connect, _c, _k) in _DB_API.items()
      for item in (Returns(connect, connection), Returns(f"{connection}.cursor", cursor))],
    Returns("clickhouse_connect.get_client", _CLICKHOUSE),
    Returns("duckdb.connect", _DUCKDB),
    *instance("azure.cosmos.CosmosClient", "meilisearch.Client", "influxdb_client.InfluxDBClient",
              "clickhouse_driver.Client"),
    *returning("azure.cosmos.CosmosClient", ("get_database_client",), "azure.cosmos.DatabaseProxy"),
    *returning("azure.cosmos.DatabaseProxy", ("get_container_client",), _COSMOS),
    Returns("meilisearch.Client.index", "meilisearch.index.Index"),
    Returns("influxdb_client.InfluxDBClient.query_api", "influxdb_client.client.query_api.QueryApi"),
]

ALIASES: list[Alias] = [
    Alias("snowflake.connector.connection.SnowflakeConnection", "snowflake.connector.SnowflakeConnection"),
    Alias("clickhouse_connect.get_async_client_sync", "clickhouse_connect.get_client"),
    Alias("influxdb_client.client.influxdb_client.InfluxDBClient", "influxdb_client.InfluxDBClient"),
    Alias("clickhouse_driver.client.Client", "clickhouse_driver.Client"),
]
