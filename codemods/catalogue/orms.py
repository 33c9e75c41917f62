"""Active-record ORMs: peewee, the Django ORM, mongoengine, PynamoDB (category ``database``).

Projects call these through their own model classes (``class Event(peewee.Model)``,
often through a project base model), so the entries are written on the
library base class (``peewee.Model.get``) and reached through the model's
bases. Methods that only build a query (``Model.select``, ``Model.update``,
Django's ``filter``/``exclude``/``order_by``) are typed, not listed; the
calls that run the query (``.get()``, ``.execute()``, ``.count()``, iteration)
are. Django >= 4.1/4.2 has a faithful ``a``-prefixed twin for each
(``aget``, ``acount``, ``asave``...).
"""

from __future__ import annotations

from ._helpers import each, instance, same_type
from .model import Alias, BlockingApi, Returns

_PEEWEE = "peewee.Model"
_SELECT, _INSERT, _UPDATE, _DELETE = "peewee.ModelSelect", "peewee.ModelInsert", "peewee.ModelUpdate", "peewee.ModelDelete"
_PEEWEE_WHY = "peewee runs the query on a synchronous connection"
_RAW, _DATABASE, _QUEUE_DB = "peewee.ModelRaw", "peewee.Database", "playhouse.sqliteq.SqliteQueueDatabase"
# ``connection``/``cursor`` connect when the database is closed; the context managers
# (``atomic``, ``connection_context``...) are listed like ``atomic``: their block talks to the server.
_DATABASE_IO = ("connect", "close", "execute_sql", "execute", "atomic", "transaction", "savepoint",
                "connection_context", "connection", "cursor", "begin", "commit", "rollback", "session_start",
                "session_commit", "session_rollback", "create_tables", "drop_tables", "get_tables", "get_columns",
                "get_indexes", "get_primary_keys", "get_foreign_keys", "get_views", "table_exists",
                "sequence_exists")
_QUERY_BUILDERS = ("where", "orwhere", "on_conflict", "on_conflict_ignore", "on_conflict_replace", "returning",
                   "as_rowcount", "dicts", "tuples", "namedtuples", "objects", "limit", "offset", "order_by",
                   "paginate", "from_", "with_cte")
# The playhouse database classes have the API of peewee.Database (SqliteQueueDatabase has its own entries).
_PLAYHOUSE_DATABASES = ("pool.PooledSqliteDatabase", "pool.PooledPostgresqlDatabase", "pool.PooledMySQLDatabase",
                        "pool.PooledPostgresqlExtDatabase",
                        "postgres_ext.PostgresqlExtDatabase", "postgres_ext.PooledPostgresqlExtDatabase",
                        "postgres_ext.Psycopg3Database", "postgres_ext.PooledPsycopg3Database",
                        "cockroachdb.CockroachDatabase", "cockroachdb.PooledCockroachDatabase",
                        "mysql_ext.MySQLConnectorDatabase", "mysql_ext.MariaDBConnectorDatabase",
                        "mysql_ext.PooledMySQLConnectorDatabase", "sqlite_ext.SqliteExtDatabase",
                        "sqlite_ext.CSqliteExtDatabase", "apsw_ext.APSWDatabase", "shortcuts.ReconnectMixin")
_DJANGO_MODEL, _MANAGER, _QUERYSET = "django.db.models.Model", "django.db.models.Manager", "django.db.models.QuerySet"
_DJANGO_WHY = "evaluates the query on a sync connection (and raises SynchronousOnlyOperation in async code)"
_DJANGO_RUNS = ("get", "first", "last", "count", "exists", "aggregate", "in_bulk", "earliest", "latest",
                "iterator", "contains", "explain", "create", "get_or_create", "update_or_create", "bulk_create",
                "bulk_update", "update")
_DJANGO_LAZY = ("all", "filter", "exclude", "order_by", "select_related", "prefetch_related", "values",
                "values_list", "annotate", "alias", "distinct", "only", "defer", "using", "none", "reverse",
                "select_for_update", "extra", "union", "intersection", "difference", "dates", "datetimes")
_ME_DOCUMENT, _ME_QUERYSET = "mongoengine.Document", "mongoengine.queryset.QuerySet"


def _django(owner: str, names: tuple[str, ...]) -> list[BlockingApi]:
    return [BlockingApi(f"{owner}.{name}", "database", async_twin=f"{owner}.a{name}", why=_DJANGO_WHY)
            for name in names]


_PEEWEE_ENTRIES = [
    *each(_PEEWEE, ("get", "get_or_none", "get_by_id", "get_or_create", "create", "delete_by_id", "bulk_create",
                    "bulk_update", "create_table", "drop_table", "table_exists", "save", "delete_instance",
                    "set_by_id", "truncate_table"),
          "database", why=_PEEWEE_WHY),
    *each(_SELECT, ("get", "get_or_none", "first", "count", "exists", "scalar", "scalars", "execute", "iterator",
                    "peek", "prefetch", "create_table"), "database", why=_PEEWEE_WHY),
    *[BlockingApi(f"{query}.{name}", "database", why=_PEEWEE_WHY)
      for query in (_INSERT, _UPDATE, _DELETE) for name in ("execute", "iterator")],
    BlockingApi(f"{_RAW}.execute", "database", why=_PEEWEE_WHY),
    *[BlockingApi(f"{query}.__iter__", "database", why="iterating the query runs it on a synchronous connection")
      for query in (_SELECT, _RAW)],
    *each(_DATABASE, _DATABASE_IO, "database", why="peewee opens, uses or commits a synchronous connection"),
    BlockingApi(f"{_DATABASE}.batch_commit", "database", lazy=True,
                why="commits a transaction every n items as it is iterated"),
    *each(_DATABASE, ("close_all", "close_idle", "close_stale", "manual_close"), "database",
          why="a pooled database (playhouse.pool) closes its connections"),
    *each(_DATABASE, ("pragma", "attach", "detach", "load_extension", "set_time_zone"), "database",
          why="runs the statement on the open connection"),
    # SqliteQueueDatabase sends writes to a writer thread and waits for their result.
    *each(_QUEUE_DB, (*_DATABASE_IO, "pragma", "attach", "detach"), "database",
          why="waits for SQLite, or for the writer thread to run the write"),
    *each(_QUEUE_DB, ("stop", "pause", "unpause"), "wait", why="waits for the writer thread"),
]

_DJANGO_ENTRIES = [
    *_django(_DJANGO_MODEL, ("save", "delete", "refresh_from_db")),
    *_django(_MANAGER, _DJANGO_RUNS),
    *_django(_QUERYSET, (*_DJANGO_RUNS, "delete")),
]

_MONGOENGINE_ENTRIES = [
    *each(_ME_DOCUMENT, ("save", "delete", "reload", "update", "modify"), "database",
          why="mongoengine talks to MongoDB synchronously"),
    *each(_ME_QUERYSET, ("first", "get", "count", "delete", "update", "update_one", "upsert_one", "modify",
                         "insert", "in_bulk", "distinct", "aggregate", "sum", "average", "to_json"), "database",
          why="mongoengine runs the query on MongoDB synchronously"),
]

_ITERATED = [BlockingApi(f"{queryset}.__iter__", "database", why="iterating the queryset runs the query")
             for queryset in (_QUERYSET, _ME_QUERYSET)]

# PynamoDB: every class method and instance method is a DynamoDB request over botocore (``query`` and
# ``scan`` page through results as they are iterated).
_PYNAMO = "pynamodb.models.Model"
_PYNAMO_ENTRIES = [
    *each(_PYNAMO, ("get", "batch_get", "count", "exists", "create_table", "delete_table", "describe_table",
                    "save", "update", "delete", "refresh", "transact_get_items"), "database",
          why="a DynamoDB request (botocore, synchronous)"),
    *each(_PYNAMO, ("query", "scan"), "database", lazy=True, why="pages through DynamoDB as it is iterated"),
]

ENTRIES: list[BlockingApi] = [*_PEEWEE_ENTRIES, *_DJANGO_ENTRIES, *_MONGOENGINE_ENTRIES, *_ITERATED, *_PYNAMO_ENTRIES]

RETURNS: list[Returns] = [
    Returns(f"{_PEEWEE}.select", _SELECT),
    *[Returns(f"{_PEEWEE}.{name}", _INSERT) for name in ("insert", "insert_many", "insert_from", "replace")],
    Returns(f"{_PEEWEE}.update", _UPDATE),
    Returns(f"{_PEEWEE}.delete", _DELETE),
    *same_type(_SELECT, ("where", "join", "switch", "order_by", "limit", "offset", "paginate", "group_by", "having",
                         "distinct", "dicts", "tuples", "namedtuples", "objects", "for_update", "left_outer_join",
                         "select", "select_extend", "filter")),
    *same_type(_SELECT, ("join_from", "orwhere", "order_by_extend", "group_by_extend", "select_from", "window",
                         "with_cte", "from_", "columns", "lateral", "clone")),
    *[item for query in (_INSERT, _UPDATE, _DELETE) for item in same_type(query, _QUERY_BUILDERS)],
    Returns(f"{_PEEWEE}.replace_many", _INSERT),
    Returns(f"{_PEEWEE}.raw", _RAW),
    Returns(f"{_PEEWEE}.filter", _SELECT),
    *same_type(_RAW, ("dicts", "tuples", "namedtuples", "objects")),
    *instance(_QUEUE_DB),
    Returns(f"{_DJANGO_MODEL}.objects", _MANAGER),
    *[Returns(f"{owner}.{name}", _QUERYSET) for owner in (_MANAGER, _QUERYSET) for name in _DJANGO_LAZY],
    Returns(f"{_ME_DOCUMENT}.objects", _ME_QUERYSET),
    Returns(f"{_ME_QUERYSET}.__call__", _ME_QUERYSET),
    *same_type(_ME_QUERYSET, ("filter", "order_by", "limit", "skip", "only", "exclude", "all", "no_dereference")),
]

ALIASES: list[Alias] = [
    *[Alias(f"peewee.{name}", _DATABASE)
      for name in ("SqliteDatabase", "PostgresqlDatabase", "MySQLDatabase", "CockroachDatabase", "DatabaseProxy")],
    *[Alias(f"playhouse.{name}", _DATABASE) for name in _PLAYHOUSE_DATABASES],
    Alias("django.db.models.base.Model", _DJANGO_MODEL),
    Alias("django.db.models.manager.Manager", _MANAGER),
    Alias("django.db.models.query.QuerySet", _QUERYSET),
    Alias("mongoengine.document.Document", _ME_DOCUMENT),
    Alias("mongoengine.queryset.queryset.QuerySet", _ME_QUERYSET),
]
