"""Haystack 2.x pipelines, components and document stores.

A Haystack ``Pipeline.run`` calls each component's sync ``run`` in turn: generators and
embedders send a request to the model's API (or run the model), retrievers query the
document store. ``Pipeline.draw``/``show`` post the graph to mermaid.ink and (``draw``)
write the image. The document stores of ``haystack_integrations`` (Qdrant, pgvector,
Chroma, Elasticsearch, OpenSearch, Weaviate, Pinecone, MongoDB Atlas) wrap each backend's
sync client: ``count_documents``, ``filter_documents``, ``write_documents`` and
``delete_documents`` are round trips, and so are the helpers a project's subclass calls on
``self`` (Qdrant's ``_set_up_collection`` asks whether the collection exists on every
write). Newer releases add ``*_async`` twins, but not every installed version has them,
so the fix moves the call to the threadpool rather than renaming it.
The in-memory document store does no I/O.
"""

from __future__ import annotations

from ._helpers import each, instance
from .model import Alias, BlockingApi, Returns

_PIPELINE = "haystack.Pipeline"
_STORES = "haystack_integrations.document_stores"
_RETRIEVERS = "haystack_integrations.components.retrievers"
#: backend module -> its document store class and the retrievers that query it.
_INTEGRATIONS = {
    "qdrant": ("QdrantDocumentStore", ("QdrantEmbeddingRetriever", "QdrantSparseEmbeddingRetriever",
                                       "QdrantHybridRetriever")),
    "pgvector": ("PgvectorDocumentStore", ("PgvectorEmbeddingRetriever", "PgvectorKeywordRetriever")),
    "chroma": ("ChromaDocumentStore", ("ChromaQueryTextRetriever", "ChromaEmbeddingRetriever")),
    "elasticsearch": ("ElasticsearchDocumentStore", ("ElasticsearchBM25Retriever", "ElasticsearchEmbeddingRetriever")),
    "opensearch": ("OpenSearchDocumentStore", ("OpenSearchBM25Retriever", "OpenSearchEmbeddingRetriever")),
    "weaviate": ("WeaviateDocumentStore", ("WeaviateBM25Retriever", "WeaviateEmbeddingRetriever")),
    "pinecone": ("PineconeDocumentStore", ("PineconeEmbeddingRetriever",)),
    "mongodb_atlas": ("MongoDBAtlasDocumentStore", ("MongoDBAtlasEmbeddingRetriever",)),
}
_STORE_METHODS = ("count_documents", "filter_documents", "write_documents", "delete_documents")
#: Helpers the stores call for their public methods, which a subclass may call on ``self``.
_STORE_HELPERS = {
    "qdrant": ("_set_up_collection", "recreate_collection", "get_documents_by_id", "_query_by_embedding",
               "_query_by_sparse", "_query_hybrid"),
    "pgvector": ("_embedding_retrieval", "_keyword_retrieval", "delete_table"),
    "chroma": ("search", "search_embeddings"),
    "elasticsearch": ("_bm25_retrieval", "_embedding_retrieval"),
    "opensearch": ("_bm25_retrieval", "_embedding_retrieval"),
    "weaviate": ("_bm25_retrieval", "_embedding_retrieval"),
    "pinecone": ("_embedding_retrieval",),
    "mongodb_atlas": ("_embedding_retrieval",),
}
_STORE_TRIP = "a round trip to the document store's backend"
_MODEL_CALL = "a request to the model's API"
_LOCAL_MODEL = "runs the model in this process"
_REMOTE_COMPONENTS = ("generators.OpenAIGenerator", "generators.AzureOpenAIGenerator",
                      "generators.HuggingFaceAPIGenerator", "generators.DALLEImageGenerator",
                      "generators.chat.OpenAIChatGenerator", "generators.chat.AzureOpenAIChatGenerator",
                      "generators.chat.HuggingFaceAPIChatGenerator",
                      "embedders.OpenAITextEmbedder", "embedders.OpenAIDocumentEmbedder",
                      "embedders.AzureOpenAITextEmbedder", "embedders.AzureOpenAIDocumentEmbedder",
                      "embedders.HuggingFaceAPITextEmbedder", "embedders.HuggingFaceAPIDocumentEmbedder",
                      "fetchers.LinkContentFetcher")
_LOCAL_COMPONENTS = ("generators.HuggingFaceLocalGenerator", "generators.chat.HuggingFaceLocalChatGenerator",
                     "embedders.SentenceTransformersTextEmbedder", "embedders.SentenceTransformersDocumentEmbedder")


def _component(path: str) -> str:
    return f"haystack.components.{path}"


def _store(backend: str) -> str:
    return f"{_STORES}.{backend}.{_INTEGRATIONS[backend][0]}"


ENTRIES: list[BlockingApi] = [
    BlockingApi(f"{_PIPELINE}.run", "vendor", why="runs every component: model requests and document store queries"),
    *each(_PIPELINE, ("draw", "show"), "http", why="sends the graph to mermaid.ink to render it"),
    *[BlockingApi(f"{_component(path)}.run", "vendor", why=_MODEL_CALL) for path in _REMOTE_COMPONENTS],
    *[BlockingApi(f"{_component(path)}.{name}", "cpu", why=_LOCAL_MODEL)
      for path in _LOCAL_COMPONENTS for name in ("run", "warm_up")],
    *[api for backend in _INTEGRATIONS
      for api in each(_store(backend), (*_STORE_METHODS, *_STORE_HELPERS[backend]), "database", why=_STORE_TRIP)],
    *[BlockingApi(f"{_RETRIEVERS}.{backend}.{retriever}.run", "database", why="queries the document store")
      for backend, (_, retrievers) in _INTEGRATIONS.items() for retriever in retrievers],
]

RETURNS: list[Returns] = [
    *instance(_PIPELINE, *(_store(backend) for backend in _INTEGRATIONS)),
    *instance(*(_component(path) for path in (*_REMOTE_COMPONENTS, *_LOCAL_COMPONENTS))),
]

ALIASES: list[Alias] = [
    Alias("haystack.core.pipeline.Pipeline", _PIPELINE),
    Alias("haystack.core.pipeline.pipeline.Pipeline", _PIPELINE),
    *[Alias(f"{_STORES}.{backend}.document_store.{_INTEGRATIONS[backend][0]}", _store(backend))
      for backend in _INTEGRATIONS],
]
