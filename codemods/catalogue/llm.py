"""LangChain models, embeddings, vector stores and retrievers (category ``vendor``).

A LangChain chat model, LLM or embeddings object wraps a provider SDK's sync
client: ``llm.invoke(...)``, ``llm.predict(...)``, ``embeddings.embed_query(...)``
are HTTPS requests to the model API (or local inference), and a vector store's
``similarity_search``/``add_documents`` embeds the text and queries the store.
Each sync method has an ``a``-prefixed twin on the same object (``ainvoke``,
``aembed_query``, ``asimilarity_search``), so the fix awaits the twin.
``llm.stream(...)`` only makes an iterator; iterating it reads the response.
Provider classes (``ChatOpenAI``, ``OpenAIEmbeddings``...) are aliases of the
base classes that define the API; ``bind_tools``/``with_structured_output``
give a runnable with the same methods. A chain piped from a model or a
retriever (``prompt | llm | parser``) calls it on every ``invoke``: its type is a
``RunnableSequence`` with those methods; a chain of pure steps is not typed.
"""

from __future__ import annotations

from ._helpers import instance, returning
from .model import Alias, BlockingApi, Returns

_CHAT = "langchain_core.language_models.BaseChatModel"
_LLM = "langchain_core.language_models.BaseLLM"
_EMBEDDINGS = "langchain_core.embeddings.Embeddings"
_STORE = "langchain_core.vectorstores.VectorStore"
_RETRIEVER = "langchain_core.retrievers.BaseRetriever"
#: ``prompt | llm``: a sequence with a model (or a retriever) among its steps.
_CHAIN = "langchain_core.runnables.RunnableSequence"
_MODEL_CALL = "a request to the model's API (or local inference)"
_MODEL_METHODS = ("invoke", "batch", "predict", "predict_messages", "generate")
_STORE_METHODS = ("similarity_search", "similarity_search_with_score", "similarity_search_with_relevance_scores",
                  "similarity_search_by_vector", "max_marginal_relevance_search", "add_texts", "add_documents",
                  "delete", "search")
_CHAT_PROVIDERS = ("langchain_openai.ChatOpenAI", "langchain_openai.AzureChatOpenAI", "langchain_anthropic.ChatAnthropic",
                   "langchain_ollama.ChatOllama", "langchain_groq.ChatGroq", "langchain_mistralai.ChatMistralAI",
                   "langchain_google_genai.ChatGoogleGenerativeAI", "langchain_aws.ChatBedrock",
                   "langchain.chat_models.ChatOpenAI", "langchain.chat_models.AzureChatOpenAI",
                   "langchain.chat_models.ChatAnthropic", "langchain_community.chat_models.ChatOpenAI",
                   "langchain_community.chat_models.AzureChatOpenAI", "langchain_community.chat_models.ChatOllama",
                   "langchain_core.language_models.chat_models.BaseChatModel",
                   "langchain.chat_models.base.BaseChatModel")
_LLM_PROVIDERS = ("langchain_openai.OpenAI", "langchain_openai.AzureOpenAI", "langchain_ollama.OllamaLLM",
                  "langchain.llms.OpenAI", "langchain_community.llms.OpenAI", "langchain_community.llms.Ollama",
                  "langchain_core.language_models.llms.BaseLLM", "langchain.llms.base.BaseLLM")
_EMBEDDING_PROVIDERS = ("langchain_openai.OpenAIEmbeddings", "langchain_openai.AzureOpenAIEmbeddings",
                        "langchain_ollama.OllamaEmbeddings", "langchain_huggingface.HuggingFaceEmbeddings",
                        "langchain.embeddings.OpenAIEmbeddings", "langchain.embeddings.openai.OpenAIEmbeddings",
                        "langchain.embeddings.HuggingFaceEmbeddings", "langchain.embeddings.base.Embeddings",
                        "langchain_community.embeddings.OpenAIEmbeddings",
                        "langchain_community.embeddings.HuggingFaceEmbeddings",
                        "langchain_core.embeddings.embeddings.Embeddings")
_STORE_PROVIDERS = ("langchain_core.vectorstores.base.VectorStore", "langchain.vectorstores.base.VectorStore",
                    "langchain_community.vectorstores.FAISS", "langchain_community.vectorstores.Chroma",
                    "langchain_community.vectorstores.PGVector", "langchain_community.vectorstores.Qdrant",
                    "langchain_community.vectorstores.pgvector.PGVector", "langchain_community.vectorstores.faiss.FAISS",
                    "langchain_mongodb.MongoDBAtlasVectorSearch",
                    "langchain.vectorstores.FAISS", "langchain.vectorstores.Chroma", "langchain.vectorstores.PGVector",
                    "langchain_chroma.Chroma", "langchain_postgres.PGVector", "langchain_pinecone.PineconeVectorStore",
                    "langchain_qdrant.QdrantVectorStore")


#: Chat histories kept in a store: ``history.messages`` (a property) reads every message, and
#: ``add_message``/``clear`` write, through the store's sync client. The in-memory
#: ``ChatMessageHistory`` is not one of them.
_HISTORIES = {"RedisChatMessageHistory": "cache", "PostgresChatMessageHistory": "database",
              "SQLChatMessageHistory": "database", "MongoDBChatMessageHistory": "database",
              "FileChatMessageHistory": "file"}
_HISTORY_HOME = "langchain_community.chat_message_histories"
_HISTORY_WRITES = ("add_message", "add_messages", "add_user_message", "add_ai_message", "clear")


def _history_entries() -> list[BlockingApi]:
    entries: list[BlockingApi] = []
    for name, category in _HISTORIES.items():
        owner = f"{_HISTORY_HOME}.{name}"
        entries.append(BlockingApi(f"{owner}.messages", category, attribute=True,
                                   why="a property that reads the conversation from its store"))
        entries += [BlockingApi(f"{owner}.{method}", category, why="writes the conversation to its store")
                    for method in _HISTORY_WRITES]
    return entries


def _twinned(owner: str, names: tuple[str, ...], why: str) -> list[BlockingApi]:
    return [BlockingApi(f"{owner}.{name}", "vendor", async_twin=f"{owner}.a{name}", why=why) for name in names]


ENTRIES: list[BlockingApi] = [
    *[api for owner in (_CHAT, _LLM) for api in _twinned(owner, _MODEL_METHODS, _MODEL_CALL)],
    *[BlockingApi(f"{owner}.stream", "vendor", lazy=True, why="streams the model's reply as it is iterated")
      for owner in (_CHAT, _LLM)],
    *_twinned(_EMBEDDINGS, ("embed_query", "embed_documents"), _MODEL_CALL),
    *_twinned(_STORE, _STORE_METHODS, "embeds the text and queries (or writes to) the vector store"),
    *[BlockingApi(f"{_STORE}.{name}", "vendor", why="embeds every text and writes it to the vector store")
      for name in ("from_texts", "from_documents")],
    *_twinned(_RETRIEVER, ("invoke", "get_relevant_documents"), "embeds the query and searches the store"),
    *_twinned(_CHAIN, ("invoke", "batch"), "runs the chain, whose model (or retriever) is called over the network"),
    BlockingApi(f"{_CHAIN}.stream", "vendor", lazy=True, why="runs the chain as its output is iterated"),
    *_history_entries(),
]

RETURNS: list[Returns] = [
    *instance(_CHAT, _LLM, _EMBEDDINGS),
    *[Returns(f"{owner}.{name}", owner) for owner in (_CHAT, _LLM)
      for name in ("bind", "bind_tools", "with_structured_output", "with_config", "with_retry", "with_fallbacks")],
    *returning(_STORE, ("from_texts", "from_documents"), _STORE),
    Returns(f"{_STORE}.as_retriever", _RETRIEVER),
    *[Returns(f"{step}.{side}", _CHAIN) for step in (_CHAT, _LLM, _RETRIEVER, _CHAIN) for side in ("__or__", "__ror__")],
    # The store's embedding model (``embedding_function`` on PGVector, FAISS and Chroma).
    *returning(_STORE, ("embeddings", "embedding_function"), _EMBEDDINGS),
    *instance(*(f"{_HISTORY_HOME}.{name}" for name in _HISTORIES)),
]

ALIASES: list[Alias] = [
    *[Alias(name, _CHAT) for name in _CHAT_PROVIDERS],
    *[Alias(name, _LLM) for name in _LLM_PROVIDERS],
    *[Alias(name, _EMBEDDINGS) for name in _EMBEDDING_PROVIDERS],
    *[Alias(name, _STORE) for name in _STORE_PROVIDERS],
    Alias("langchain_core.retrievers.retrievers.BaseRetriever", _RETRIEVER),
    Alias("langchain.schema.BaseRetriever", _RETRIEVER),
    # The histories' older homes (``from langchain.memory import RedisChatMessageHistory``), and
    # the partner packages that took three of them over.
    *[Alias(f"{home}.{name}", f"{_HISTORY_HOME}.{name}") for name in _HISTORIES
      for home in ("langchain.memory", "langchain.memory.chat_message_histories")],
    *[Alias(f"{package}.{name}", f"{_HISTORY_HOME}.{name}") for package, name in (
        ("langchain_redis", "RedisChatMessageHistory"), ("langchain_postgres", "PostgresChatMessageHistory"),
        ("langchain_mongodb", "MongoDBChatMessageHistory"))],
]
