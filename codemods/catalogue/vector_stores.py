"""Vector databases beyond chroma, qdrant and pinecone: Milvus and Weaviate (category ``database``).

``MilvusClient(uri)`` connects (a gRPC channel, or a local Milvus Lite file)
and each of its methods is a round trip. pymilvus's ORM connects with
``connections.connect`` and its ``Collection`` methods are round trips too
(``Collection(name)`` itself asks the server whether the collection exists).
Weaviate's v4 client connects in ``connect_to_local``/``connect_to_weaviate_cloud``
(and checks the server is ready); a collection handle is built without I/O,
and its ``query``, ``data`` and ``aggregate`` namespaces send a request per call.
``WeaviateAsyncClient`` is another object, so the fix uses the threadpool. An embedded
Weaviate (``connect_to_embedded``, ``use_async_with_embedded``, a client given
``embedded_options``) is a server process the client starts and waits for.
LanceDB's sync API (``lancedb.connect``) reads and writes its tables in the call:
``open_table``, ``add``, ``delete``, and a query when it is run (``tbl.search(v).limit(5)``
builds it, ``.to_list()`` runs it); ``connect_async`` is the async one.
"""

from __future__ import annotations

from ._helpers import each, instance, returning
from .model import Alias, BlockingApi, Returns

_ROUND_TRIP = "a round trip to the vector database"
_WEAVIATE = "weaviate.WeaviateClient"
_WEAVIATE_ASYNC = "weaviate.WeaviateAsyncClient"
_EMBEDDED = "starts the embedded Weaviate server (downloading it on first use) and waits until it listens"
_COLLECTIONS = "weaviate.collections.Collections"
_COLLECTION = "weaviate.collections.Collection"
_NAMESPACES = {"query": "weaviate.collections.queries.Query", "data": "weaviate.collections.data.DataCollection",
               "aggregate": "weaviate.collections.aggregate.Aggregate",
               "generate": "weaviate.collections.generate.Generate"}

_LANCE_CONNECTION = "lancedb.db.DBConnection"
_LANCE_TABLE = "lancedb.table.Table"
_LANCE_QUERY = "lancedb.query.LanceQueryBuilder"
_LANCE_MERGE = "lancedb.merge.LanceMergeInsertBuilder"
_LANCE = "reads or writes the table's files (or asks LanceDB Cloud)"

ENTRIES: list[BlockingApi] = [
    BlockingApi("pymilvus.MilvusClient", "database", why="opens the connection to Milvus (or the Lite file)"),
    BlockingApi("pymilvus.MilvusClient.*", "database", why=_ROUND_TRIP),
    BlockingApi("pymilvus.connections.connect", "database", why="opens the connection to Milvus"),
    BlockingApi("pymilvus.Collection", "database", why="asks the server whether the collection exists"),
    BlockingApi("pymilvus.Collection.*", "database", why=_ROUND_TRIP),
    *each("pymilvus.utility", ("has_collection", "list_collections", "drop_collection", "wait_for_index_building_complete",
                               "loading_progress", "wait_for_loading_complete"), "database", why=_ROUND_TRIP),
    *each("weaviate", ("connect_to_local", "connect_to_weaviate_cloud", "connect_to_custom", "connect_to_embedded",
                       "connect_to_wcs"), "database", why="connects and checks that the server is ready"),
    *each(_WEAVIATE, ("connect", "close", "is_ready", "is_live", "get_meta"), "database", why=_ROUND_TRIP),
    # Embedded Weaviate: making the client (sync or async) starts the server binary
    # (downloading it on first use) and polls until it listens.
    BlockingApi("weaviate.use_async_with_embedded", "subprocess", why=_EMBEDDED),
    *[BlockingApi(client, "subprocess", why=_EMBEDDED, blocks_with_argument=("embedded_options", 1))
      for client in (_WEAVIATE, _WEAVIATE_ASYNC)],
    *each(_COLLECTIONS, ("create", "create_from_dict", "delete", "delete_all", "exists", "list_all",
                         "export_config"), "database", why=_ROUND_TRIP),
    *[BlockingApi(f"{namespace}.*", "database", why=_ROUND_TRIP) for namespace in _NAMESPACES.values()],
    *each(_LANCE_CONNECTION, ("table_names", "list_tables", "open_table", "create_table", "drop_table", "rename_table",
                              "drop_database", "drop_all_tables"), "database", why=_LANCE),
    *each(_LANCE_TABLE, ("add", "delete", "update", "count_rows", "to_pandas", "to_arrow", "head", "create_index",
                         "create_fts_index", "create_scalar_index", "optimize", "compact_files", "cleanup_old_versions",
                         "restore", "checkout"), "database", why=_LANCE),
    *each(_LANCE_QUERY, ("to_list", "to_pandas", "to_arrow", "to_pydantic", "to_polars", "to_batches"), "database",
          why="runs the query against the table"),
    BlockingApi(f"{_LANCE_MERGE}.execute", "database", why=_LANCE),
]

RETURNS: list[Returns] = [
    *instance("pymilvus.MilvusClient", "pymilvus.Collection"),
    *[Returns(f"weaviate.{factory}", _WEAVIATE) for factory in ("connect_to_local", "connect_to_weaviate_cloud",
                                                                 "connect_to_custom", "connect_to_embedded",
                                                                 "connect_to_wcs")],
    *instance(_WEAVIATE),
    Returns(f"{_WEAVIATE}.collections", _COLLECTIONS),
    *returning(_COLLECTIONS, ("get", "use"), _COLLECTION),
    *[Returns(f"{_COLLECTION}.{attr}", namespace) for attr, namespace in _NAMESPACES.items()],
    Returns("lancedb.connect", _LANCE_CONNECTION),
    *returning(_LANCE_CONNECTION, ("open_table", "create_table"), _LANCE_TABLE),
    Returns(f"{_LANCE_TABLE}.search", _LANCE_QUERY),
    Returns(f"{_LANCE_QUERY}.*()", _LANCE_QUERY),
    Returns(f"{_LANCE_TABLE}.merge_insert", _LANCE_MERGE),
    Returns(f"{_LANCE_MERGE}.*()", _LANCE_MERGE),
]

ALIASES: list[Alias] = [
    Alias("pymilvus.milvus_client.MilvusClient", "pymilvus.MilvusClient"),
    Alias("pymilvus.orm.collection.Collection", "pymilvus.Collection"),
    Alias("weaviate.client.WeaviateClient", _WEAVIATE),
    Alias("weaviate.client.WeaviateAsyncClient", _WEAVIATE_ASYNC),
    *[Alias(f"lancedb.db.{name}", _LANCE_CONNECTION) for name in ("LanceDBConnection", "DBConnection")],
    Alias("lancedb.DBConnection", _LANCE_CONNECTION),
    Alias("lancedb.remote.db.RemoteDBConnection", _LANCE_CONNECTION),
    *[Alias(f"lancedb.table.{name}", _LANCE_TABLE) for name in ("LanceTable",)],
    Alias("lancedb.remote.table.RemoteTable", _LANCE_TABLE),
    *[Alias(f"lancedb.query.{name}", _LANCE_QUERY)
      for name in ("LanceVectorQueryBuilder", "LanceFtsQueryBuilder", "LanceHybridQueryBuilder",
                   "LanceEmptyQueryBuilder")],
]
