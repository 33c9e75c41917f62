"""Document, search, graph and vector stores with sync clients (category ``database``).

pymongo's ``MongoClient(...)`` discovers the cluster in background threads,
so the constructor is only typed; the commands on its databases and
collections are round trips. ``Collection.find()`` is lazy: the round trips
happen while its cursor is iterated, so the cursor's ``__iter__`` is listed
(a ``for`` loop, a comprehension or ``list(cursor)`` over it blocks, see
``analysis/iteration.py``), with its own terminals. ``client.db.coll`` (attribute access
with arbitrary names) has no fixed type; ``client["db"]["coll"]``,
``get_database`` and ``get_collection`` do. Elasticsearch, OpenSearch,
Cassandra, Neo4j, Qdrant, Chroma and Pinecone follow the same shape: a lazily
connecting client whose API methods each talk to the server (``pinecone.Index(name)``
and ``Pinecone(...).Index(name)`` only build the data-plane client; its
``query``/``upsert``/``fetch``/``delete`` are HTTPS round trips).
"""

from __future__ import annotations

from ._helpers import each, instance, returning, same_type
from .model import Alias, BlockingApi, Returns

_CLIENT, _DATABASE, _COLLECTION, _CURSOR = ("pymongo.MongoClient", "pymongo.database.Database",
                                            "pymongo.collection.Collection", "pymongo.cursor.Cursor")
_MONGO_WHY = "a round trip to MongoDB"
#: motor's objects have pymongo's shape with coroutine methods: typed only (no entry), so a
#: helper handed a motor collection on one call and a pymongo one on another runs, on each
#: call, the API of the one it is given. Its client's ``close`` is the exception: a plain
#: method that runs pymongo's, which ends the client's sessions on the server.
_MOTOR = "motor.motor_asyncio.AsyncIOMotor"
_ES_SUBCLIENTS = {"indices": "IndicesClient", "cluster": "ClusterClient", "cat": "CatClient",
                  "ingest": "IngestClient", "snapshot": "SnapshotClient", "tasks": "TasksClient"}
_CHROMA_CLIENT, _CHROMA_COLLECTION = "chromadb.api.ClientAPI", "chromadb.api.models.Collection.Collection"

_MONGO = [
    *each(_CLIENT, ("server_info", "list_database_names", "list_databases", "drop_database", "start_session",
                    "bulk_write", "watch", "close"), "database", why=_MONGO_WHY),
    *each(_DATABASE, ("command", "cursor_command", "list_collection_names", "list_collections", "create_collection",
                      "drop_collection", "validate_collection", "aggregate", "watch", "dereference"), "database",
          why=_MONGO_WHY),
    *each(_COLLECTION, ("find_one", "insert_one", "insert_many", "update_one", "update_many", "replace_one",
                        "delete_one", "delete_many", "find_one_and_update", "find_one_and_replace",
                        "find_one_and_delete", "count_documents", "estimated_document_count", "distinct",
                        "aggregate", "bulk_write", "create_index", "create_indexes", "drop_index", "drop_indexes",
                        "list_indexes", "index_information", "watch", "drop", "rename", "aggregate_raw_batches",
                        "create_search_index", "create_search_indexes", "drop_search_index", "update_search_index",
                        "list_search_indexes"), "database", why=_MONGO_WHY),
    *each(_CURSOR, ("to_list", "explain", "distinct", "next", "close"), "database",
          why="fetches (or kills) the cursor's batches on MongoDB"),
    BlockingApi(f"{_CURSOR}.__iter__", "database", why="iterating a cursor fetches its batches from MongoDB"),
    *each("gridfs.GridFS", ("put", "get", "get_version", "get_last_version", "delete", "exists", "find_one", "list"),
          "database", why="GridFS reads or writes file chunks in MongoDB"),
    *each("gridfs.GridFSBucket", ("upload_from_stream", "download_to_stream", "open_download_stream", "delete",
                                  "rename"), "database", why="GridFS reads or writes file chunks in MongoDB"),
]

_SEARCH = [
    BlockingApi("elasticsearch.Elasticsearch.*", "database", async_twin="elasticsearch.AsyncElasticsearch.*",
                why="every API method is an HTTP round trip to the cluster"),
    *[BlockingApi(f"elasticsearch.client.{name}.*", "database", why="an HTTP round trip to the cluster")
      for name in _ES_SUBCLIENTS.values()],
    *each("elasticsearch.helpers", ("bulk", "reindex"), "database",
          why="sends batches to the cluster and waits for each"),
    *each("elasticsearch.helpers", ("scan", "streaming_bulk", "parallel_bulk"), "database", lazy=True,
          why="a generator: it sends or fetches batches as it is iterated"),
    BlockingApi("opensearchpy.OpenSearch.*", "database", why="every API method is an HTTP round trip"),
    BlockingApi("opensearchpy.client.indices.IndicesClient.*", "database", why="an HTTP round trip"),
    BlockingApi("opensearchpy.helpers.bulk", "database", why="sends batches to the cluster and waits for each"),
    *each("opensearchpy.helpers", ("scan", "streaming_bulk", "parallel_bulk"), "database", lazy=True,
          why="a generator: it sends or fetches batches as it is iterated"),
]

_OTHERS = [
    *each("cassandra.cluster.Cluster", ("connect", "shutdown"), "database",
          why="connects to (or disconnects from) the Cassandra cluster"),
    *each("cassandra.cluster.Session", ("execute", "prepare", "set_keyspace", "shutdown"), "database",
          why="a round trip to Cassandra"),
    BlockingApi("cassandra.cluster.ResponseFuture.result", "database", why="waits for the query's response"),
    *each("neo4j.Driver", ("execute_query", "verify_connectivity", "get_server_info", "close"), "database",
          why="a round trip to the Neo4j server"),
    *each("neo4j.Session", ("run", "execute_read", "execute_write", "begin_transaction", "close"), "database",
          why="a round trip to the Neo4j server"),
    *each("neo4j.Result", ("data", "single", "consume", "values", "value", "fetch"), "database",
          why="pulls records from the server"),
    BlockingApi("qdrant_client.QdrantClient.*", "database", async_twin="qdrant_client.AsyncQdrantClient.*",
                why="an HTTP or gRPC round trip (file I/O in local mode)"),
    *each(_CHROMA_CLIENT, ("get_collection", "get_or_create_collection", "create_collection", "delete_collection",
                           "list_collections", "heartbeat", "reset", "count_collections", "get_collection_by_id",
                           "get_version", "get_max_batch_size", "get_user_identity", "set_tenant", "set_database"),
          "database", why="an HTTP round trip (file I/O for a local client)"),
    *each(_CHROMA_COLLECTION, ("add", "query", "get", "upsert", "delete", "update", "count", "peek", "modify",
                               "search", "fork", "fork_count", "get_indexing_status", "attach_function",
                               "detach_function", "get_attached_function"),
          "database", why="an HTTP round trip, or local file I/O and embedding work"),
    BlockingApi("pinecone.Index.*", "database", why="an HTTPS (or gRPC) round trip to the Pinecone index"),
    *each("pinecone.Pinecone", ("create_index", "delete_index", "list_indexes", "describe_index", "has_index",
                                "configure_index", "create_index_for_model", "create_index_from_backup",
                                "create_collection", "delete_collection", "describe_collection", "list_collections",
                                "create_backup", "delete_backup", "describe_backup", "list_backups",
                                "describe_restore_job", "list_restore_jobs"), "database",
          why="an HTTPS round trip to the Pinecone API"),
]

#: SurrealDB's sync connection (``Surreal(url)`` picks a websocket, HTTP or embedded one by the
#: URL; ``AsyncSurreal`` is another name): entering ``with`` connects, and each method is a round
#: trip. surreal-commands queues a job by writing a record through one; its ``*_sync`` waiters
#: call ``asyncio.run``, which raises on the running loop.
_SURREAL = "surrealdb.BlockingSurrealConnection"
_SURREAL_COMMANDS = "surreal_commands"
_SURREALDB = [
    BlockingApi(f"{_SURREAL}.*", "database", why="a round trip to SurrealDB (disk for an embedded database)"),
    *each(_SURREAL_COMMANDS, ("submit_command", "execute_command_sync"), "database",
          why="writes the command record through a sync SurrealDB connection"),
    *each(_SURREAL_COMMANDS, ("get_command_status_sync", "wait_for_command_sync"), "reentry",
          why="calls asyncio.run, which raises RuntimeError on the running event loop"),
]

ENTRIES: list[BlockingApi] = [
    *_MONGO, *_SEARCH, *_OTHERS, *_SURREALDB,
    BlockingApi(f"{_MOTOR}Client.close", "database", why="runs pymongo's close: ends the server sessions, then the sockets"),
]

RETURNS: list[Returns] = [
    *returning(_CLIENT, ("get_database", "get_default_database", "__getitem__"), _DATABASE),
    *returning(_DATABASE, ("get_collection", "__getitem__"), _COLLECTION),
    # Attribute access by name: ``client.shop`` is a database, ``db.orders`` a collection.
    Returns(f"{_CLIENT}.*", _DATABASE),
    Returns(f"{_DATABASE}.*", _COLLECTION),
    Returns(f"{_COLLECTION}.find", _CURSOR),
    Returns(f"{_COLLECTION}.find_raw_batches", _CURSOR),
    *same_type(_CURSOR, ("sort", "limit", "skip", "batch_size", "hint", "max_time_ms", "collation", "where",
                         "add_option", "remove_option", "allow_disk_use", "comment", "max", "min",
                         "max_await_time_ms", "max_scan", "rewind", "clone")),
    *[Returns(f"{owner}.with_options", owner) for owner in (_DATABASE, _COLLECTION)],
    *instance(f"{_MOTOR}Client"),
    *returning(f"{_MOTOR}Client", ("get_database", "get_default_database", "__getitem__", "*"), f"{_MOTOR}Database"),
    *returning(f"{_MOTOR}Database", ("get_collection", "__getitem__", "*"), f"{_MOTOR}Collection"),
    *[Returns(f"{_MOTOR}{kind}.with_options", f"{_MOTOR}{kind}") for kind in ("Database", "Collection")],
    Returns(f"{_MOTOR}Database.client", f"{_MOTOR}Client"),  # ``db.client.close()``
    *instance("gridfs.GridFS", "gridfs.GridFSBucket"),
    Returns("elasticsearch.Elasticsearch.options", "elasticsearch.Elasticsearch"),
    *[Returns(f"elasticsearch.Elasticsearch.{attr}", f"elasticsearch.client.{name}")
      for attr, name in _ES_SUBCLIENTS.items()],
    Returns("opensearchpy.OpenSearch.indices", "opensearchpy.client.indices.IndicesClient"),
    Returns("cassandra.cluster.Cluster.connect", "cassandra.cluster.Session"),
    Returns("cassandra.cluster.Session.execute_async", "cassandra.cluster.ResponseFuture"),
    Returns("neo4j.GraphDatabase.driver", "neo4j.Driver"),
    Returns("neo4j.Driver.session", "neo4j.Session"),
    Returns("neo4j.Session.run", "neo4j.Result"),
    *[Returns(f"chromadb.{factory}", _CHROMA_CLIENT) for factory in ("HttpClient", "PersistentClient", "Client")],
    *returning(_CHROMA_CLIENT, ("get_collection", "get_or_create_collection", "create_collection"),
               _CHROMA_COLLECTION),
    *instance("pinecone.Pinecone", "pinecone.Index"),
    *returning("pinecone.Pinecone", ("Index", "index"), "pinecone.Index"),
    Returns("surrealdb.Surreal", _SURREAL),
]

ALIASES: list[Alias] = [
    # motor's generic classes, as annotations spell them (``db: AgnosticDatabase``).
    *[Alias(f"motor.core.Agnostic{kind}", f"{_MOTOR}{kind}") for kind in ("Client", "Database", "Collection")],
    *[Alias(f"pymongo.{where}.{name}", canonical)
      for where, canonical in (("mongo_client", _CLIENT), ("synchronous.mongo_client", _CLIENT),
                               ("synchronous.database", _DATABASE), ("synchronous.collection", _COLLECTION),
                               ("synchronous.cursor", _CURSOR))
      for name in [canonical.rsplit(".", 1)[-1]]],
    Alias("gridfs.synchronous.grid_file.GridFS", "gridfs.GridFS"),
    Alias("elasticsearch.client.Elasticsearch", "elasticsearch.Elasticsearch"),
    Alias("elasticsearch._sync.client.Elasticsearch", "elasticsearch.Elasticsearch"),
    Alias("opensearchpy.client.OpenSearch", "opensearchpy.OpenSearch"),
    Alias("neo4j.BoltDriver", "neo4j.Driver"),
    Alias("neo4j.Neo4jDriver", "neo4j.Driver"),
    Alias("qdrant_client.qdrant_client.QdrantClient", "qdrant_client.QdrantClient"),
    *[Alias(f"pinecone.{where}.Index", "pinecone.Index") for where in ("data", "data.index", "db_data.index")],
    Alias("pinecone.control.pinecone.Pinecone", "pinecone.Pinecone"),
    Alias("pinecone.grpc.PineconeGRPC", "pinecone.Pinecone"),
    Alias("pinecone.grpc.GRPCIndex", "pinecone.Index"),
    *[Alias(f"surrealdb{where}.Blocking{kind}SurrealConnection", _SURREAL)
      for kind in ("Ws", "Http", "Embedded") for where in ("", f".connections.blocking_{kind.lower()}")],
    Alias(f"{_SURREAL_COMMANDS}.core.client", _SURREAL_COMMANDS),
]
