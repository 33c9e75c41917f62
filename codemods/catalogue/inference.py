"""Hugging Face Hub: hosted inference and the Hub API (category ``vendor``); NVIDIA
Triton's clients (category ``network``).

``InferenceClient(...)`` only configures; each task method (``chat_completion``,
``text_generation``, ``feature_extraction``, ``text_to_image``...) is an HTTPS
request to the inference provider, often of seconds, and so is
``client.chat.completions.create`` (the OpenAI-style spelling of
``chat_completion``). ``AsyncInferenceClient`` has the same methods as
coroutines, a faithful twin. ``HfApi`` methods and the module functions bound
to them (``huggingface_hub.model_info``, ``upload_file``...) are HTTPS calls
to the Hub; ``hf_hub_download``/``snapshot_download`` download files (or read
the local cache). The ``list_*`` methods return generators that fetch a page
as they are iterated; ``run_as_future`` hands the call to a thread.

``tritonclient.grpc.InferenceServerClient`` and ``tritonclient.http.InferenceServerClient``
send each call to the Triton server and wait: ``infer`` for the model run, the health,
metadata, model-control and shared-memory calls for their reply. ``async_infer`` hands the
request to a callback (gRPC) or a greenlet pool (HTTP), and waiting happens in the HTTP
request's ``get_result``. The ``aio`` clients are other objects, so the fix uses the threadpool.
"""

from __future__ import annotations

from ._helpers import each, instance
from .model import Alias, BlockingApi, Returns

_CLIENT, _ASYNC = "huggingface_hub.InferenceClient", "huggingface_hub.AsyncInferenceClient"
_HF_API = "huggingface_hub.HfApi"
_TASKS = ("audio_classification", "audio_to_audio", "automatic_speech_recognition", "chat_completion",
          "document_question_answering", "feature_extraction", "fill_mask", "image_classification",
          "image_segmentation", "image_to_image", "image_to_text", "image_to_video", "object_detection",
          "question_answering", "sentence_similarity", "summarization", "table_question_answering",
          "tabular_classification", "tabular_regression", "text_classification", "text_generation",
          "text_to_image", "text_to_speech", "text_to_video", "token_classification", "translation",
          "visual_question_answering", "zero_shot_classification", "zero_shot_image_classification",
          "get_endpoint_info", "health_check", "close")
_INFERENCE = "an HTTPS request to the inference provider (a model run, often of seconds)"
_HUB = "an HTTPS request to the Hugging Face Hub"
# Generators: each page is fetched while the result is iterated.
_PAGED = ("list_models", "list_datasets", "list_spaces", "search_spaces", "list_user_repos", "list_repo_likers",
          "list_repo_tree", "list_lfs_files", "get_repo_discussions", "fetch_space_logs", "list_collections",
          "list_pending_access_requests", "list_accepted_access_requests", "list_rejected_access_requests",
          "list_organization_followers", "list_organization_members", "list_user_followers",
          "list_user_following", "list_papers", "list_daily_papers", "fetch_job_logs", "fetch_job_metrics",
          "list_jobs")
# Module-level functions, bound to a default ``HfApi()`` (the ones applications call most).
_MODULE_CALLS = ("whoami", "auth_check", "model_info", "dataset_info", "space_info", "repo_info", "repo_exists",
                 "file_exists", "revision_exists", "list_repo_files", "list_repo_refs", "list_repo_commits",
                 "get_paths_info", "create_repo", "delete_repo", "upload_file", "upload_folder", "delete_file",
                 "delete_folder", "create_commit", "create_branch", "create_tag", "get_hf_file_metadata",
                 "get_safetensors_metadata", "get_inference_endpoint", "create_inference_endpoint")
_DOWNLOADS = ("hf_hub_download", "snapshot_download")

_TRITON_CLIENTS = ("tritonclient.grpc.InferenceServerClient", "tritonclient.http.InferenceServerClient")
_TRITON_CALLS = ("infer", "is_server_live", "is_server_ready", "is_model_ready", "get_server_metadata",
                 "get_model_metadata", "get_model_config", "get_model_repository_index", "load_model",
                 "unload_model", "get_inference_statistics", "update_trace_settings", "get_trace_settings",
                 "update_log_settings", "get_log_settings", "get_system_shared_memory_status",
                 "register_system_shared_memory", "unregister_system_shared_memory",
                 "get_cuda_shared_memory_status", "register_cuda_shared_memory", "unregister_cuda_shared_memory")

ENTRIES: list[BlockingApi] = [
    *each(_CLIENT, _TASKS, "vendor", why=_INFERENCE, twin=_ASYNC),
    BlockingApi("huggingface_hub.inference._client.ProxyClientChatCompletions.create", "vendor",
                async_twin="huggingface_hub.inference._generated._async_client.ProxyClientChatCompletions.create",
                why=_INFERENCE),
    BlockingApi(f"{_HF_API}.*", "vendor", why=_HUB),
    *each(_HF_API, _PAGED, "vendor", lazy=True, why="a generator: one HTTPS request to the Hub per page"),
    *each(_HF_API, _DOWNLOADS, "vendor", why="downloads the files from the Hub (or checks the local cache)"),
    *each("huggingface_hub", _MODULE_CALLS, "vendor", why=_HUB),
    *each("huggingface_hub", ("list_models", "list_datasets", "list_spaces", "list_repo_tree"), "vendor",
          lazy=True, why="a generator: one HTTPS request to the Hub per page"),
    *each("huggingface_hub", _DOWNLOADS, "vendor", why="downloads the files from the Hub (or checks the local cache)"),
    BlockingApi("huggingface_hub.login", "vendor", why="checks the token with the Hub and writes it to disk"),
    *[api for client in _TRITON_CLIENTS
      for api in each(client, _TRITON_CALLS, "network", why="a request to the Triton server, answered when it is done")],
    BlockingApi("tritonclient.http.InferAsyncRequest.get_result", "network",
                why="waits for the Triton server's reply to an earlier async_infer"),
]

RETURNS: list[Returns] = [
    *instance(_CLIENT, _HF_API, *_TRITON_CLIENTS),
    Returns("tritonclient.http.InferenceServerClient.async_infer", "tritonclient.http.InferAsyncRequest"),
    Returns(f"{_CLIENT}.chat", "huggingface_hub.inference._client.ProxyClientChat"),
    Returns("huggingface_hub.inference._client.ProxyClientChat.completions",
            "huggingface_hub.inference._client.ProxyClientChatCompletions"),
    # Hands the call to a worker thread: the returned future is what waits.
    Returns(f"{_HF_API}.run_as_future", "concurrent.futures.Future"),
]

ALIASES: list[Alias] = [
    Alias("huggingface_hub.inference._client.InferenceClient", _CLIENT),
    Alias("huggingface_hub.hf_api.HfApi", _HF_API),
    Alias("huggingface_hub.file_download.hf_hub_download", "huggingface_hub.hf_hub_download"),
    Alias("huggingface_hub._snapshot_download.snapshot_download", "huggingface_hub.snapshot_download"),
    Alias("huggingface_hub.hf_api", "huggingface_hub"),
    *[Alias(client.replace("InferenceServerClient", "_client.InferenceServerClient"), client)
      for client in _TRITON_CLIENTS],
]
