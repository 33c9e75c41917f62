"""Model providers' own SDKs, beyond openai and anthropic (category ``vendor``).

Each client is built without I/O; each call is an HTTP request to the model
server or API, often of seconds: Ollama's module functions and ``Client``
(httpx inside), Groq's and Mistral's OpenAI-shaped resource trees
(``client.chat.completions.create``, ``client.chat.complete``; ZhipuAI's too), Cohere's
``Client``/``ClientV2`` methods, Google's Gemini SDKs (``google.generativeai``:
``GenerativeModel.generate_content``; ``google.genai``: ``Client().models``)
Vertex AI's ``vertexai.generative_models`` (the same classes and ``*_async`` twins as
google.generativeai), gTTS (``gTTS(text).save(path)`` asks Google Translate's speech
endpoint), Replicate's ``run``, DashScope's ``Generation.call`` and Qianfan's ``do``. Only google.generativeai's ``*_async`` methods live on
the same object and are recorded as twins; the other async clients are other
objects, built and closed elsewhere, so the fix moves the call to the
threadpool instead.
"""

from __future__ import annotations

from ._helpers import each, instance, returning
from .model import Alias, BlockingApi, Returns

_MODEL_CALL = "an HTTP request to the model API (a model run, often of seconds)"
_OLLAMA = ("chat", "generate", "embed", "embeddings", "pull", "push", "create", "delete", "copy", "list", "show",
           "ps", "web_search", "web_fetch")
#: OpenAI-shaped SDKs: client class -> {attribute path on the client: (resource class, methods)}.
_OPENAI_SHAPED: dict[str, dict[str, tuple[str, tuple[str, ...]]]] = {
    "groq.Groq": {"chat.completions": ("groq.resources.chat.Completions", ("create",)),
                  "embeddings": ("groq.resources.Embeddings", ("create",)),
                  "audio.transcriptions": ("groq.resources.audio.Transcriptions", ("create",)),
                  "audio.translations": ("groq.resources.audio.Translations", ("create",)),
                  "models": ("groq.resources.Models", ("list", "retrieve", "delete"))},
    "zhipuai.ZhipuAI": {"chat.completions": ("zhipuai.api_resource.chat.Completions", ("create",)),
                        "embeddings": ("zhipuai.api_resource.Embeddings", ("create",)),
                        "images": ("zhipuai.api_resource.Images", ("generations",))},
    "mistralai.Mistral": {"chat": ("mistralai.chat.Chat", ("complete", "stream", "parse")),
                          "embeddings": ("mistralai.embeddings.Embeddings", ("create",)),
                          "fim": ("mistralai.fim.Fim", ("complete", "stream")),
                          "ocr": ("mistralai.ocr.Ocr", ("process",)),
                          "files": ("mistralai.files.Files", ("upload", "list", "retrieve", "delete", "download")),
                          "models": ("mistralai.models_.Models", ("list", "retrieve", "delete")),
                          "agents": ("mistralai.agents.Agents", ("complete", "stream"))},
}
_GROUPS: dict[str, dict[str, str]] = {"groq.Groq": {"chat": "groq.resources.chat.Chat", "audio": "groq.resources.audio.Audio"},
           "zhipuai.ZhipuAI": {"chat": "zhipuai.api_resource.chat.Chat"}}
_DASHSCOPE = ("Generation", "TextEmbedding", "MultiModalConversation", "ImageSynthesis", "Application",
              "MultiModalEmbedding", "TextReRank")
_QIANFAN = ("ChatCompletion", "Completion", "Embedding", "Text2Image", "Reranker")
_GEMINI = "google.generativeai.GenerativeModel"
_GEMINI_CHAT = "google.generativeai.ChatSession"
_GENAI = "google.genai.Client"
_GENAI_MODELS = "google.genai.models.Models"


def _openai_shaped() -> tuple[list[BlockingApi], list[Returns]]:
    entries: list[BlockingApi] = []
    returns: list[Returns] = []
    for client, resources in _OPENAI_SHAPED.items():
        returns += instance(client)
        for attr, group in _GROUPS.get(client, {}).items():
            returns.append(Returns(f"{client}.{attr}", group))
        for path, (owner, methods) in resources.items():
            parent, _, attr = path.rpartition(".")
            holder = _GROUPS[client][parent] if parent else client
            returns.append(Returns(f"{holder}.{attr}", owner))
            entries += each(owner, methods, "vendor", why=_MODEL_CALL)
    return entries, returns


_OPENAI_SHAPED_PART = _openai_shaped()

ENTRIES: list[BlockingApi] = [
    *each("ollama", _OLLAMA, "vendor", why=_MODEL_CALL),
    *each("ollama.Client", _OLLAMA, "vendor", why=_MODEL_CALL),
    *_OPENAI_SHAPED_PART[0],
    *[BlockingApi(f"{client}.*", "vendor", why=_MODEL_CALL) for client in ("cohere.Client", "cohere.ClientV2")],
    *[BlockingApi(f"{_GEMINI}.{name}", "vendor", async_twin=f"{_GEMINI}.{name}_async", why=_MODEL_CALL)
      for name in ("generate_content", "count_tokens")],
    BlockingApi(f"{_GEMINI_CHAT}.send_message", "vendor", async_twin=f"{_GEMINI_CHAT}.send_message_async",
                why=_MODEL_CALL),
    *each("google.generativeai", ("embed_content", "list_models", "get_model", "upload_file", "get_file",
                                  "list_files", "delete_file", "generate_embeddings"), "vendor", why=_MODEL_CALL),
    *each(_GENAI_MODELS, ("generate_content", "generate_content_stream", "embed_content", "count_tokens",
                          "generate_images", "generate_videos", "list", "get"), "vendor", why=_MODEL_CALL),
    *each("google.genai.files.Files", ("upload", "get", "list", "delete", "download"), "vendor", why=_MODEL_CALL),
    *each("google.genai.chats.Chat", ("send_message", "send_message_stream"), "vendor", why=_MODEL_CALL),
    *each("replicate", ("run", "stream"), "vendor", why="starts a prediction and polls until it ends"),
    # Alibaba's DashScope (Qwen) and Baidu's Qianfan: ``Generation.call(...)``, ``ChatCompletion().do(...)``.
    *[api for name in _DASHSCOPE for api in each(f"dashscope.{name}", ("call",), "vendor", why=_MODEL_CALL)],
    *[api for name in _QIANFAN for api in each(f"qianfan.{name}", ("do", "batch_do"), "vendor", why=_MODEL_CALL)],
    *each("replicate.Client", ("run", "stream"), "vendor", why="starts a prediction and polls until it ends"),
    *each("gtts.gTTS", ("save", "write_to_fp"), "vendor", why="asks Google Translate's speech endpoint for the audio"),
    BlockingApi("gtts.gTTS.stream", "vendor", lazy=True, why="asks for the audio as it is iterated"),
]

RETURNS: list[Returns] = [
    *instance("ollama.Client", "cohere.Client", "cohere.ClientV2", _GEMINI, _GENAI, "replicate.Client",
              *[f"qianfan.{name}" for name in _QIANFAN], "gtts.gTTS"),
    *_OPENAI_SHAPED_PART[1],
    Returns(f"{_GEMINI}.start_chat", _GEMINI_CHAT),
    Returns(f"{_GENAI}.models", _GENAI_MODELS),
    Returns(f"{_GENAI}.files", "google.genai.files.Files"),
    Returns(f"{_GENAI}.chats", "google.genai.chats.Chats"),
    *returning("google.genai.chats.Chats", ("create",), "google.genai.chats.Chat"),
]

ALIASES: list[Alias] = [
    Alias("ollama._client.Client", "ollama.Client"),
    Alias("groq.Client", "groq.Groq"),
    Alias("groq._client.Groq", "groq.Groq"),
    Alias("mistralai.sdk.Mistral", "mistralai.Mistral"),
    Alias("cohere.client.Client", "cohere.Client"),
    Alias("cohere.client_v2.ClientV2", "cohere.ClientV2"),
    Alias("google.generativeai.generative_models.GenerativeModel", _GEMINI),
    Alias("google.generativeai.generative_models.ChatSession", _GEMINI_CHAT),
    Alias("google.genai.client.Client", _GENAI),
    *[Alias(f"vertexai{where}.generative_models.GenerativeModel", _GEMINI) for where in ("", ".preview")],
    *[Alias(f"vertexai{where}.generative_models.ChatSession", _GEMINI_CHAT) for where in ("", ".preview")],
    Alias("gtts.tts.gTTS", "gtts.gTTS"),
]
