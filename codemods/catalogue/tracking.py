"""Experiment-tracking and model-registry SDKs: clearml, mlflow, wandb (category ``vendor``);
Prometheus' push gateway (category ``http``); the profilers a middleware may run
per request (category ``file``); and usage telemetry that starts a process per event
(category ``subprocess``).

Model-serving applications reach their tracking server at start-up and on model
loads: ``clearml.Task.get_task`` and ``Model.query_models`` are REST calls to the
ClearML server, ``get_local_copy`` downloads (an artifact, a model, a dataset), the
mlflow fluent API and every ``MlflowClient`` method are requests to the tracking
server (or reads and writes of its local file store), and ``mlflow.*.load_model``
downloads a model's artifacts and unpickles them. ``wandb.init`` starts the wandb
service process and registers the run; the public ``wandb.Api`` queries its GraphQL
API. ``wandb.log`` only hands the data to the service process and is left out. None
of these SDKs has an async twin. Building a client (``MlflowClient()``,
``wandb.Api()``) makes no request.

A profiling middleware (``?profile=1``) renders its report on the loop: pyinstrument's
``output_html`` reads the report's JavaScript and CSS from the package's files, and
``write_html``/``open_in_browser`` write the report (the latter opens a browser too);
yappi's ``get_func_stats().save(path)`` writes the stats file. ``output_text`` and
yappi's ``print_all`` build strings in memory and are left out.

``iterative_telemetry`` (the usage telemetry of evidently, DVC and MLEM) sends each event
from a new ``python -c`` process it starts with ``subprocess.Popen``, unless told to use a
thread, and reads or creates the user-id file first.
"""

from __future__ import annotations

from ._helpers import each, instance, returning
from .model import Alias, BlockingApi, Returns

_SERVER = "a request to the tracking server"
_DOWNLOAD = "downloads the files to a local cache"

_CLEARML_TASK = "clearml.Task"
_CLEARML_ARTIFACT = "clearml.binding.artifacts.Artifact"
_CLEARML_MODELS = ("clearml.Model", "clearml.InputModel")
_CLEARML_DATASET = "clearml.Dataset"
_CLEARML_STORAGE = "clearml.StorageManager"

_CLEARML = [
    *each(_CLEARML_TASK, ("init", "get_task", "get_tasks", "query_tasks", "create", "clone", "enqueue", "dequeue",
                          "upload_artifact", "reload", "mark_completed", "mark_failed", "mark_stopped",
                          "get_reported_scalars", "get_reported_console_output"), "vendor", why=_SERVER),
    *each(_CLEARML_ARTIFACT, ("get_local_copy", "get"), "vendor", why=_DOWNLOAD),
    *[api for model in _CLEARML_MODELS for api in each(model, ("query_models", "get_local_copy", "get_weights"),
                                                       "vendor", why=_DOWNLOAD)],
    BlockingApi("clearml.OutputModel.update_weights", "vendor", why="uploads the weights file"),
    *each(_CLEARML_DATASET, ("get", "create", "list_datasets", "get_local_copy", "get_mutable_local_copy", "upload",
                             "finalize", "add_files"), "vendor", why=_SERVER),
    *each(_CLEARML_STORAGE, ("get_local_copy", "download_file", "download_folder", "upload_file", "upload_folder",
                             "list"), "vendor", why=_DOWNLOAD),
]

_MLFLOW_FLUENT = ("log_param", "log_params", "log_metric", "log_metrics", "set_tag", "set_tags", "log_artifact",
                  "log_artifacts", "log_text", "log_dict", "log_figure", "log_image", "log_table", "log_input",
                  "start_run", "end_run", "get_run", "search_runs", "search_experiments", "get_experiment",
                  "get_experiment_by_name", "create_experiment", "set_experiment", "delete_experiment", "delete_run",
                  "register_model")
_MLFLOW_FLAVOURS = ("pyfunc", "sklearn", "pytorch", "transformers", "tensorflow", "keras", "xgboost", "lightgbm",
                    "onnx", "spark", "langchain", "sentence_transformers")
_MLFLOW_CLIENT = "mlflow.MlflowClient"

_MLFLOW = [
    *each("mlflow", _MLFLOW_FLUENT, "vendor", why=_SERVER),
    BlockingApi(f"{_MLFLOW_CLIENT}.*", "vendor", why=_SERVER),
    *[BlockingApi(f"mlflow.{flavour}.load_model", "vendor", why="downloads the model's artifacts and loads them")
      for flavour in _MLFLOW_FLAVOURS],
    BlockingApi("mlflow.artifacts.download_artifacts", "vendor", why=_DOWNLOAD),
]

_WANDB_API = "wandb.Api"
_WANDB = [
    BlockingApi("wandb.init", "vendor", why="starts the wandb service process and registers the run"),
    BlockingApi("wandb.finish", "vendor", why="waits for the run's data to be uploaded"),
    *each(_WANDB_API, ("run", "runs", "project", "projects", "artifact", "artifacts", "artifact_exists", "sweep",
                       "user", "users", "viewer", "reports", "create_project", "create_run"), "vendor",
          why="a GraphQL request to the wandb API"),
    BlockingApi("wandb.Artifact.download", "vendor", why=_DOWNLOAD),
]

#: prometheus_client's push gateway: each call is an HTTP request (its exposition is in memory).
_PROMETHEUS = each("prometheus_client", ("push_to_gateway", "pushadd_to_gateway", "delete_from_gateway"), "http",
                   why="an HTTP request to the push gateway")

_PYINSTRUMENT = "pyinstrument.Profiler"
_YAPPI_STATS = "yappi.YFuncStats"
_PROFILERS = [
    BlockingApi(f"{_PYINSTRUMENT}.output_html", "file", why="reads the HTML report's script and styles from disk"),
    *each(_PYINSTRUMENT, ("write_html", "open_in_browser"), "file", why="writes the HTML report to a file"),
    BlockingApi(f"{_YAPPI_STATS}.save", "file", why="writes the profile to a file"),
]

_TELEMETRY = "iterative_telemetry.IterativeTelemetryLogger"

ENTRIES: list[BlockingApi] = [
    *_CLEARML, *_MLFLOW, *_WANDB, *_PROMETHEUS, *_PROFILERS,
    *each(_TELEMETRY, ("send", "send_event", "send_event_once", "send_cli_call"), "subprocess",
          why="starts a Python process that posts the event"),
]

RETURNS: list[Returns] = [
    *returning(_CLEARML_TASK, ("init", "get_task", "current_task", "create", "clone"), _CLEARML_TASK),
    Returns(f"{_CLEARML_TASK}.artifacts", f"container:{_CLEARML_ARTIFACT}"),
    *instance(*_CLEARML_MODELS, "clearml.OutputModel", _MLFLOW_CLIENT, _WANDB_API),
    *returning(_CLEARML_DATASET, ("get", "create"), _CLEARML_DATASET),
    *instance(_PYINSTRUMENT, _TELEMETRY),
    Returns("yappi.get_func_stats", _YAPPI_STATS),
    *returning(_YAPPI_STATS, ("sort", "strip_dirs"), _YAPPI_STATS),
]

ALIASES: list[Alias] = [
    Alias("clearml.task.Task", _CLEARML_TASK),
    Alias("clearml.model.Model", "clearml.Model"),
    Alias("clearml.model.InputModel", "clearml.InputModel"),
    Alias("clearml.model.OutputModel", "clearml.OutputModel"),
    Alias("clearml.datasets.Dataset", _CLEARML_DATASET),
    Alias("clearml.datasets.dataset.Dataset", _CLEARML_DATASET),
    Alias("clearml.storage.StorageManager", _CLEARML_STORAGE),
    Alias("clearml.storage.manager.StorageManager", _CLEARML_STORAGE),
    Alias("mlflow.tracking.MlflowClient", _MLFLOW_CLIENT),
    Alias("mlflow.tracking.client.MlflowClient", _MLFLOW_CLIENT),
    Alias("wandb.apis.public.Api", _WANDB_API),
    Alias("wandb.apis.public.api.Api", _WANDB_API),
    Alias("wandb.sdk.artifacts.artifact.Artifact", "wandb.Artifact"),
    Alias("prometheus_client.exposition", "prometheus_client"),
    Alias("pyinstrument.profiler.Profiler", _PYINSTRUMENT),
]
