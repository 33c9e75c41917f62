"""SQLAlchemy and SQLModel with a synchronous engine, and Alembic (category ``database``).

A sync ``Session`` checks a connection out of the pool and talks to the
database on ``execute``/``scalars``/``get``/``commit``/``flush``/``refresh``...;
``Session.delete`` is listed because it may load relationships to cascade.
``add``/``add_all``/``expunge``/``expire`` only mark objects and are not.
``session.query(User)`` and its builders (``filter``, ``order_by``...) build a
``Query``; its terminals (``all``, ``first``, ``count``...) run it.
``create_engine``, ``sessionmaker(...)`` and ``sessionmaker(...)()`` connect
lazily, so they are only typed. ``AsyncSession`` is a different class and
never matches; it is typed all the same (``async_sessionmaker(...)()`` makes
one), so a helper annotated ``Session`` that a call hands an ``AsyncSession``
is read, for that call, with the async session's methods. No twin: the async
API needs another driver, cannot lazy-load and has no ``query()``, so the
research marks none as faithful.
"""

from __future__ import annotations

from ._helpers import each, instance, returning, same_type
from .model import Alias, BlockingApi, MadeClass, Returns

_SESSION_IO = ("execute", "scalars", "scalar", "get", "get_one", "commit", "flush", "refresh", "merge", "rollback",
               "connection", "close", "delete", "begin_nested", "prepare", "reset", "invalidate", "merge_all",
               "delete_all", "bulk_save_objects", "bulk_insert_mappings", "bulk_update_mappings")
_SESSIONS = ("sqlalchemy.orm.Session", "sqlalchemy.orm.scoped_session", "sqlmodel.Session")
_QUERY = "sqlalchemy.orm.Query"
_QUERY_BUILDERS = ("filter", "filter_by", "join", "outerjoin", "options", "order_by", "limit", "offset", "group_by",
                   "having", "distinct", "where", "select_from", "with_entities", "execution_options", "params",
                   "populate_existing", "yield_per", "enable_eagerloads", "add_columns", "add_column", "add_entity",
                   "correlate", "prefix_with", "suffix_with", "with_hint", "with_statement_hint", "with_for_update",
                   "with_parent", "with_session", "with_transformation", "with_labels", "set_label_style", "tuples",
                   "only_return_tuples", "enable_assertions", "autoflush", "reset_joinpoint", "from_statement",
                   "slice", "union", "union_all", "intersect", "intersect_all", "except_", "except_all")
_QUERY_RUNS = ("all", "first", "one", "one_or_none", "scalar", "count", "get", "delete", "update", "value", "values")
_ENGINE = "sqlalchemy.engine.Engine"
_ASYNC_SESSION = "sqlalchemy.ext.asyncio.AsyncSession"
_ASYNC_SESSIONMAKER = "sqlalchemy.ext.asyncio.async_sessionmaker"
_CONNECTION = "sqlalchemy.engine.Connection"
_METADATA = "sqlalchemy.MetaData"
_FASTAPI_SQLALCHEMY = "fastapi_sqlalchemy.DBSession"

_SESSION_ENTRIES = [
    *[api for session in _SESSIONS for api in each(
        session, _SESSION_IO, "database",
        why="a sync ORM session runs SQL on a pooled connection (autoflush first)")],
    BlockingApi("sqlmodel.Session.exec", "database", why="a sync ORM session runs SQL on a pooled connection"),
    BlockingApi("sqlalchemy.orm.scoped_session.remove", "database",
                why="closes the thread's session, returning its connection (ROLLBACK)"),
    *[BlockingApi(f"{session}.begin", "database", why="the `with` block commits when it ends")
      for session in (*_SESSIONS, "sqlalchemy.orm.sessionmaker")],
    *each(_QUERY, _QUERY_RUNS, "database", why="runs the query and fetches its rows"),
]

_CORE_ENTRIES = [
    *each(_ENGINE, ("connect", "begin", "dispose", "raw_connection"), "database",
          why="checks out (or opens) a database connection"),
    *each(_CONNECTION, ("execute", "exec_driver_sql", "scalar", "scalars", "commit", "rollback", "close", "begin",
                        "begin_nested", "begin_twophase", "commit_prepared", "rollback_prepared", "recover_twophase",
                        "get_isolation_level", "invalidate"),
          "database", why="a round trip on a sync database connection"),
    *each(_METADATA, ("create_all", "drop_all", "reflect"), "database", why="runs DDL or catalog queries"),
    *each("sqlmodel.SQLModel.metadata", ("create_all", "drop_all"), "database", why="runs DDL statements"),
    *each("sqlalchemy.engine.reflection.Inspector", ("get_table_names", "get_columns", "has_table", "get_indexes",
                                                    "get_foreign_keys", "get_pk_constraint", "get_schema_names"),
          "database", why="queries the database catalog"),
]

#: Alembic: a command loads ``env.py`` and the revision scripts from disk (executing each) and,
#: for those that touch the database, runs the migrations through a sync connection. A
#: ``ScriptDirectory`` reads the scripts when it is first asked about revisions.
_ALEMBIC_SCRIPTS = "alembic.script.ScriptDirectory"
_ALEMBIC = [
    *each("alembic.command", ("upgrade", "downgrade", "stamp", "current", "check", "ensure_version", "revision"),
          "database", why="loads env.py and the revision scripts from disk and runs them against the database"),
    *each("alembic.command", ("history", "heads", "branches", "show", "merge"), "file",
          why="loads env.py and every revision script from disk"),
    BlockingApi(f"{_ALEMBIC_SCRIPTS}.from_config", "file", why="reads the alembic.ini file"),
    *each(_ALEMBIC_SCRIPTS, ("get_current_head", "get_heads", "get_bases", "get_base", "get_revision",
                             "get_revisions", "walk_revisions", "generate_revision"), "file",
          why="reads and executes every revision script the first time it is asked"),
]

ENTRIES: list[BlockingApi] = [*_SESSION_ENTRIES, *_CORE_ENTRIES, *_ALEMBIC]

RETURNS: list[Returns] = [
    Returns(f"{_ALEMBIC_SCRIPTS}.from_config", _ALEMBIC_SCRIPTS),
    *instance("sqlalchemy.orm.sessionmaker", "sqlalchemy.orm.scoped_session"),
    *instance(_ASYNC_SESSION, "sqlmodel.ext.asyncio.session.AsyncSession", _ASYNC_SESSIONMAKER),
    Returns(f"{_ASYNC_SESSIONMAKER}.__call__", _ASYNC_SESSION),
    Returns(f"{_ASYNC_SESSIONMAKER}.begin", _ASYNC_SESSION),
    Returns("sqlalchemy.orm.sessionmaker.__call__", "sqlalchemy.orm.Session"),
    Returns("sqlalchemy.orm.sessionmaker.begin", "sqlalchemy.orm.Session"),
    Returns("sqlalchemy.orm.scoped_session.__call__", "sqlalchemy.orm.Session"),
    *[Returns(f"{session}.query", _QUERY) for session in _SESSIONS],
    *same_type(_QUERY, _QUERY_BUILDERS),
    Returns("sqlalchemy.create_engine", _ENGINE),
    Returns("sqlalchemy.engine_from_config", _ENGINE),
    *returning(_ENGINE, ("connect", "begin"), _CONNECTION),
    Returns(f"{_ENGINE}.execution_options", _ENGINE),
    Returns(f"{_CONNECTION}.execution_options", _CONNECTION),
    Returns("sqlalchemy.inspect", "sqlalchemy.engine.reflection.Inspector"),
    Returns("sqlmodel.SQLModel.metadata", _METADATA),
    # fastapi-sqlalchemy's global ``db`` is the class ``DBSession``, whose ``session`` (a
    # property of its metaclass) is the request's sync ``Session``: ``db.session.query(...)``.
    Returns(_FASTAPI_SQLALCHEMY, _FASTAPI_SQLALCHEMY),
    Returns(f"{_FASTAPI_SQLALCHEMY}.session", "sqlalchemy.orm.Session"),
    Returns("sqlalchemy.orm.DeclarativeBase.metadata", _METADATA),
]

# ``Base = declarative_base(cls=ModelMixin)``: the models built on ``Base`` inherit the mixin's
# methods (``Model.get(db, id)`` running ``db.query(cls).get(id)``).
MADE_CLASSES: list[MadeClass] = [
    MadeClass("sqlalchemy.orm.declarative_base", "cls"),
    MadeClass("sqlalchemy.ext.declarative.declarative_base", "cls"),
]

ALIASES: list[Alias] = [
    Alias("alembic.script.base.ScriptDirectory", _ALEMBIC_SCRIPTS),
    Alias("sqlalchemy.orm.decl_api.declarative_base", "sqlalchemy.orm.declarative_base"),
    Alias("sqlalchemy.orm.session.Session", "sqlalchemy.orm.Session"),
    Alias("sqlalchemy.ext.asyncio.session.AsyncSession", _ASYNC_SESSION),
    Alias("sqlalchemy.ext.asyncio.session.async_sessionmaker", _ASYNC_SESSIONMAKER),
    Alias("sqlmodel.ext.asyncio.AsyncSession", "sqlmodel.ext.asyncio.session.AsyncSession"),
    Alias("sqlalchemy.orm.session.sessionmaker", "sqlalchemy.orm.sessionmaker"),
    Alias("sqlalchemy.orm.scoping.scoped_session", "sqlalchemy.orm.scoped_session"),
    Alias("sqlalchemy.orm.query.Query", _QUERY),
    Alias("sqlalchemy.orm.decl_api.DeclarativeBase", "sqlalchemy.orm.DeclarativeBase"),
    Alias("sqlalchemy.engine.create_engine", "sqlalchemy.create_engine"),
    Alias("sqlalchemy.engine.create.create_engine", "sqlalchemy.create_engine"),
    Alias("sqlalchemy.engine.engine_from_config", "sqlalchemy.engine_from_config"),
    Alias("sqlalchemy.Engine", _ENGINE),
    Alias("sqlalchemy.engine.base.Engine", _ENGINE),
    Alias("sqlalchemy.Connection", _CONNECTION),
    Alias("sqlalchemy.engine.base.Connection", _CONNECTION),
    Alias("sqlalchemy.schema.MetaData", _METADATA),
    Alias("sqlalchemy.sql.schema.MetaData", _METADATA),
    Alias("sqlalchemy.inspection.inspect", "sqlalchemy.inspect"),
    Alias("sqlalchemy.engine.Inspector", "sqlalchemy.engine.reflection.Inspector"),
    Alias("sqlalchemy.Inspector", "sqlalchemy.engine.reflection.Inspector"),
    Alias("sqlmodel.create_engine", "sqlalchemy.create_engine"),
    *[Alias(name, _FASTAPI_SQLALCHEMY) for name in ("fastapi_sqlalchemy.db", "fastapi_sqlalchemy.middleware.db",
                                                     "fastapi_sqlalchemy.middleware.DBSession")],
    Alias("sqlmodel.orm.session.Session", "sqlmodel.Session"),
    Alias("sqlmodel.main.SQLModel", "sqlmodel.SQLModel"),
]
