"""Synchronous DB-API drivers (category ``database``).

Connecting is a TCP handshake plus authentication, so ``connect`` functions
are entries; so are statement execution, commit and rollback. ``fetch*`` on a
default (client-side, buffered) cursor reads memory and is not listed, except
where the driver produces rows lazily: sqlite3, Oracle (``arraysize`` rows
per round trip) and PyMySQL's unbuffered ``SSCursor``. Async drivers (asyncpg,
aiosqlite, aiomysql, ``psycopg.AsyncConnection``) are other names and never match.
"""

from __future__ import annotations

from ._helpers import each, returning
from .model import Alias, BlockingApi, Returns

_CONNECT = "opens a database connection (TCP handshake and authentication)"
_ROUND_TRIP = "a round trip to the database server"
_FETCH = ("fetchone", "fetchmany", "fetchall")


def _driver(connection: str, cursor: str, connection_io: tuple[str, ...], cursor_io: tuple[str, ...],
            why: str = _ROUND_TRIP) -> tuple[list[BlockingApi], list[Returns]]:
    """A connection class and its cursor class: entries, and ``connection.cursor()`` typing."""
    entries = [*each(connection, connection_io, "database", why=why), *each(cursor, cursor_io, "database", why=why)]
    return entries, [Returns(f"{connection}.cursor", cursor)]


_PG2_CONN, _PG2_CUR = "psycopg2.extensions.connection", "psycopg2.extensions.cursor"
_PG3_CONN, _PG3_CUR = "psycopg.Connection", "psycopg.Cursor"
_MYSQL_CONN, _MYSQL_CUR = "pymysql.connections.Connection", "pymysql.cursors.Cursor"
_MYSQLDB_CONN, _MYSQLDB_CUR = "MySQLdb.connections.Connection", "MySQLdb.cursors.Cursor"
_CONNECTOR_CONN, _CONNECTOR_CUR = "mysql.connector.connection.MySQLConnection", "mysql.connector.cursor.MySQLCursor"

_DRIVERS = [
    _driver(_PG2_CONN, _PG2_CUR, ("commit", "rollback", "close"),
            ("execute", "executemany", "callproc", "copy_expert", "copy_from", "copy_to")),
    _driver(_PG3_CONN, _PG3_CUR, ("execute", "commit", "rollback", "close", "transaction", "pipeline", "cancel",
                                  "cancel_safe", "tpc_begin", "tpc_prepare", "tpc_commit", "tpc_rollback",
                                  "tpc_recover"),
            ("execute", "executemany", "copy")),
    _driver(_MYSQL_CONN, _MYSQL_CUR, ("commit", "rollback", "ping", "close", "select_db", "begin"),
            ("execute", "executemany", "callproc")),
    _driver(_MYSQLDB_CONN, _MYSQLDB_CUR, ("commit", "rollback", "ping", "close", "query"),
            ("execute", "executemany", "callproc")),
    _driver(_CONNECTOR_CONN, _CONNECTOR_CUR, ("commit", "rollback", "ping", "close", "reconnect", "cmd_query"),
            ("execute", "executemany", "callproc")),
    _driver("sqlite3.Connection", "sqlite3.Cursor",
            ("execute", "executemany", "executescript", "commit", "rollback", "backup", "iterdump", "close"),
            ("execute", "executemany", "executescript", *_FETCH),
            why="SQLite runs the statement (and produces rows) as they are asked for, on disk"),
    _driver("oracledb.Connection", "oracledb.Cursor", ("commit", "rollback", "close", "ping"),
            ("execute", "executemany", "callproc", *_FETCH)),
    _driver("cx_Oracle.Connection", "cx_Oracle.Cursor", ("commit", "rollback", "close", "ping"),
            ("execute", "executemany", "callproc", *_FETCH)),
]

_CONNECTS = [
    *[BlockingApi(name, "database", why=_CONNECT)
      for name in ("psycopg2.connect", "psycopg.connect", "psycopg.Connection.connect", "pymysql.connect",
                   "pymysql.connections.Connection", "MySQLdb.connect", "mysql.connector.connect",
                   "sqlite3.connect", "oracledb.connect", "cx_Oracle.connect")],
    *[BlockingApi(f"psycopg2.pool.{pool}.getconn", "database", why="may open a new connection")
      for pool in ("SimpleConnectionPool", "ThreadedConnectionPool")],
    *each("psycopg_pool.ConnectionPool", ("connection", "getconn", "wait"), "database",
          why="waits for a free pooled connection"),
    BlockingApi("oracledb.ConnectionPool.acquire", "database", why="waits for a free pooled connection"),
    *[BlockingApi(f"pymysql.cursors.{cursor}.{name}", "database", why="an unbuffered cursor reads rows from the socket")
      for cursor in ("SSCursor", "SSDictCursor") for name in ("execute", "executemany", "callproc", *_FETCH)],
    *each("psycopg2.extras", ("execute_values", "execute_batch"), "database", why=_ROUND_TRIP),
    # A generator: rows (and notifications) are read from the server as it is iterated.
    BlockingApi(f"{_PG3_CUR}.stream", "database", lazy=True, why="reads the rows from the server as it is iterated"),
    BlockingApi(f"{_PG3_CONN}.notifies", "database", lazy=True, why="waits for NOTIFY messages as it is iterated"),
    # A named (server-side) cursor fetches its rows from the server.
    *each("psycopg.ServerCursor", ("execute", "executemany", *_FETCH, "scroll", "close", "__iter__"), "database",
          why="a server-side cursor fetches rows from the server"),
]

ENTRIES: list[BlockingApi] = [*_CONNECTS, *[api for entries, _ in _DRIVERS for api in entries]]

RETURNS: list[Returns] = [
    *[item for _, returns in _DRIVERS for item in returns],
    Returns("psycopg2.connect", _PG2_CONN),
    *[Returns(f"psycopg2.pool.{pool}.getconn", _PG2_CONN) for pool in ("SimpleConnectionPool", "ThreadedConnectionPool")],
    Returns("psycopg.connect", _PG3_CONN),
    Returns("psycopg.Connection.connect", _PG3_CONN),
    Returns("psycopg.Connection.execute", _PG3_CUR),
    *returning("psycopg_pool.ConnectionPool", ("connection", "getconn"), _PG3_CONN),
    Returns("pymysql.connect", _MYSQL_CONN),
    Returns("MySQLdb.connect", _MYSQLDB_CONN),
    Returns("mysql.connector.connect", _CONNECTOR_CONN),
    Returns("sqlite3.connect", "sqlite3.Connection"),
    *returning("sqlite3.Connection", ("execute", "executemany", "executescript"), "sqlite3.Cursor"),
    Returns("oracledb.connect", "oracledb.Connection"),
    Returns("oracledb.create_pool", "oracledb.ConnectionPool"),
    Returns("oracledb.ConnectionPool.acquire", "oracledb.Connection"),
    Returns("cx_Oracle.connect", "cx_Oracle.Connection"),
]

ALIASES: list[Alias] = [
    Alias("psycopg2._psycopg.connection", _PG2_CONN),
    Alias("psycopg2._psycopg.cursor", _PG2_CUR),
    Alias("psycopg.connection.Connection", _PG3_CONN),
    Alias("psycopg.cursor.Cursor", _PG3_CUR),
    Alias("psycopg.server_cursor.ServerCursor", "psycopg.ServerCursor"),
    Alias("psycopg_pool.pool.ConnectionPool", "psycopg_pool.ConnectionPool"),
    Alias("pymysql.Connect", "pymysql.connect"),
    Alias("pymysql.Connection", _MYSQL_CONN),
    Alias("pymysql.cursors.DictCursor", _MYSQL_CUR),
    Alias("MySQLdb.Connect", "MySQLdb.connect"),
    Alias("MySQLdb.Connection", _MYSQLDB_CONN),
    Alias("mysql.connector.MySQLConnection", _CONNECTOR_CONN),
    Alias("oracledb.connection.Connection", "oracledb.Connection"),
    Alias("oracledb.cursor.Cursor", "oracledb.Cursor"),
    Alias("oracledb.pool.ConnectionPool", "oracledb.ConnectionPool"),
]
