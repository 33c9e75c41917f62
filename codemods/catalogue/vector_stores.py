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
]

ALIASES: list[Alias] = [
    Alias("pymilvus.milvus_client.MilvusClient", "pymilvus.MilvusClient"),
    Alias("pymilvus.orm.collection.Collection", "pymilvus.Collection"),
    Alias("weaviate.client.WeaviateClient", _WEAVIATE),
    Alias("weaviate.client.WeaviateAsyncClient", _WEAVIATE_ASYNC),
]
