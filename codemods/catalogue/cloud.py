"""Cloud and object-storage SDKs with sync clients (category ``cloud``).

boto3: building a client or resource loads service models from disk and may
resolve credentials over the network, so ``boto3.client``/``resource`` and
``Session().client``/``resource`` block; every client API method is an HTTPS
round trip with retries (``BaseClient.*``), except the factories the
wildcard skips (``get_paginator``, ``get_waiter``) and local signing
(``generate_presigned_url``). Resources and their sub-resources
(``s3.Object(b, k)``, ``dynamodb.Table(t)``) are built locally; their actions
(``get``, ``put``, ``load``, ``get_item``...) are round trips. Azure,
Google Cloud Storage and MinIO follow. aioboto3 and the Azure ``.aio``
clients differ in lifetime and streaming, so no twin is faithful.

Docker (docker-py) talks HTTP to the Engine over its socket: ``docker.from_env()``
asks the daemon for its API version, and every collection call
(``client.containers.run/get/list``) and model action (``container.stop()``,
``.logs()``, ``.exec_run()``) is a round trip, some of minutes (``run``, ``wait``,
``pull``). Reading ``container.id`` or ``.attrs`` is local.

Kubernetes (the official ``kubernetes`` client): the API classes (``CoreV1Api``,
``AppsV1Api``, ``CustomObjectsApi``...) are generated, and every public method
is an HTTPS request to the API server (``..._with_http_info`` too); building
one is local. Loading the configuration reads the kubeconfig (or the
service-account files) and may run an exec credential plugin. ``Watch().stream``
is a generator reading a long-lived response. ``kubernetes_asyncio`` is another
library with its own configuration calls, so it is not recorded as a twin.
"""

from __future__ import annotations

import re

from ._helpers import each, instance, returning
from .model import Alias, BlockingApi, Returns

_CLIENT, _RESOURCE, _SESSION = ("botocore.client.BaseClient", "boto3.resources.base.ServiceResource",
                                "boto3.session.Session")
_BUILDS = "loads service models from disk and may fetch credentials"
_SUBRESOURCES = ("Bucket", "Object", "ObjectSummary", "ObjectAcl", "BucketPolicy", "MultipartUpload", "Table",
                 "Queue", "Message", "Topic", "Subscription", "PlatformEndpoint", "Instance", "Image", "Volume",
                 "SecurityGroup", "Vpc", "Subnet", "User", "Role", "Group", "Policy")
# ``s3.get_object(...)["Body"]``: the reply's body is a stream (named after the boto3 stubs' type).
_GET_OBJECT = "mypy_boto3_s3.type_defs.GetObjectOutputTypeDef"
_AZURE = "azure.storage.blob"
# The boto3 stub packages (``mypy-boto3-<service>``, ``types-boto3-<service>``) name each client
# class after its service; annotations such as ``client: "S3Client"`` mean a botocore client.
# (``types_aiobotocore_*`` clients are async: not listed.)
_STUB_CLIENTS = {
    "s3": "S3", "sqs": "SQS", "sns": "SNS", "dynamodb": "DynamoDB", "ses": "SES", "sesv2": "SESV2",
    "lambda": "Lambda", "secretsmanager": "SecretsManager", "ssm": "SSM", "bedrock_runtime": "BedrockRuntime",
    "textract": "Textract", "rekognition": "Rekognition", "kms": "KMS", "sts": "STS",
    "cognito_idp": "CognitoIdentityProvider", "kinesis": "Kinesis", "firehose": "Firehose", "stepfunctions": "SFN",
    "athena": "Athena", "logs": "CloudWatchLogs", "cloudwatch": "CloudWatch", "ec2": "EC2", "ecs": "ECS",
    "events": "EventBridge", "iam": "IAM", "translate": "Translate", "comprehend": "Comprehend", "polly": "Polly",
    "transcribe": "TranscribeService", "sagemaker_runtime": "SageMakerRuntime",
}
_STUB_RESOURCES = {"s3": ("S3ServiceResource", "Bucket", "Object"), "dynamodb": ("DynamoDBServiceResource", "Table"),
                   "sqs": ("SQSServiceResource", "Queue")}
_GCS = "google.cloud.storage"

_BOTO3 = [
    BlockingApi("boto3.client", "cloud", why=_BUILDS),
    BlockingApi("boto3.resource", "cloud", why=_BUILDS),
    *each(_SESSION, ("client", "resource"), "cloud", why=_BUILDS),
    BlockingApi(f"{_SESSION}.get_credentials", "cloud",
                why="resolves credentials: files, and maybe the instance metadata service, STS or SSO"),
    BlockingApi("botocore.session.Session.create_client", "cloud", why=_BUILDS),
    BlockingApi(f"{_CLIENT}.*", "cloud", why="an AWS API call: an HTTPS round trip, with retries and backoff"),
    BlockingApi(f"{_CLIENT}.get_object", "cloud", why="an AWS API call: an HTTPS round trip, with retries and backoff"),
    BlockingApi(f"{_RESOURCE}.*", "cloud", why="a resource action or load: an HTTPS round trip"),
    BlockingApi("botocore.waiter.Waiter.wait", "cloud", why="polls the API and sleeps between polls"),
    BlockingApi("botocore.paginate.PageIterator.build_full_result", "cloud", why="fetches every page"),
    *each("botocore.response.StreamingBody", ("read", "readlines", "readinto"), "cloud",
          why="reads the object body from the socket"),
    BlockingApi("botocore.paginate.PageIterator.search", "cloud", lazy=True,
                why="fetches the following pages as it is iterated, one HTTPS request each"),
    *each("botocore.response.StreamingBody", ("iter_chunks", "iter_lines"), "cloud", lazy=True,
          why="reads the object body from the socket as it is iterated"),
    BlockingApi("botocore.paginate.PageIterator.__iter__", "cloud",
                why="fetches the next page (an HTTPS round trip) as it is iterated"),
]

#: SDK wrappers that make their boto3 client in the constructor: each instance loads the
#: service model and resolves credentials again.
_BOTO3_WRAPPERS = [
    BlockingApi(name, "cloud", why=f"makes a boto3 client, which {_BUILDS}")
    for name in ("pydantic_ai.providers.bedrock.BedrockProvider", "llama_index.llms.bedrock.Bedrock",
                 "llama_index.llms.bedrock_converse.BedrockConverse",
                 "llama_index.embeddings.bedrock.BedrockEmbedding")
]

_AZURE_ENTRIES = [
    *[BlockingApi(f"{_AZURE}.{client}.*", "cloud", why="an HTTPS round trip to Azure Storage")
      for client in ("BlobServiceClient", "ContainerClient", "BlobClient")],
    *each(f"{_AZURE}.StorageStreamDownloader", ("readall", "readinto", "chunks", "content_as_bytes",
                                                 "content_as_text"), "cloud", why="downloads the blob content"),
    *each("azure.keyvault.secrets.SecretClient", ("get_secret", "set_secret", "list_properties_of_secrets",
                                                  "begin_delete_secret"), "cloud",
          why="an HTTPS round trip to Key Vault"),
    *[BlockingApi(f"azure.identity.{credential}.get_token", "cloud", why="fetches a token over HTTPS")
      for credential in ("DefaultAzureCredential", "ClientSecretCredential", "ManagedIdentityCredential")],
]

_GCS_ENTRIES = [
    BlockingApi(f"{_GCS}.Client", "cloud", why="resolves credentials (files, or the metadata server)"),
    *each(f"{_GCS}.Client", ("get_bucket", "lookup_bucket", "create_bucket", "list_buckets", "list_blobs",
                             "download_blob_to_file", "restore_bucket", "get_service_account_email", "create_hmac_key",
                             "get_hmac_key_metadata", "list_hmac_keys"), "cloud",
          why="an HTTPS round trip to Cloud Storage"),
    BlockingApi(f"{_GCS}.Client.from_service_account_json", "cloud", why="reads the key file"),
    BlockingApi(f"{_GCS}.Client.batch", "cloud", why="the `with` block sends the batched requests when it ends"),
    *each(f"{_GCS}.Bucket", ("get_blob", "list_blobs", "exists", "reload", "delete", "patch", "create",
                             "delete_blobs", "copy_blob", "delete_blob", "rename_blob", "move_blob", "restore_blob",
                             "update", "make_public", "make_private", "get_iam_policy", "set_iam_policy",
                             "test_iam_permissions", "get_notification", "list_notifications",
                             "lock_retention_policy"), "cloud", why="an HTTPS round trip to Cloud Storage"),
    *each(f"{_GCS}.Blob", ("upload_from_string", "upload_from_filename", "upload_from_file", "download_as_bytes",
                           "download_as_text", "download_as_string", "download_to_filename", "download_to_file",
                           "exists", "reload", "delete", "patch", "open", "compose", "rewrite", "update",
                           "update_storage_class", "make_public", "make_private", "get_iam_policy", "set_iam_policy",
                           "test_iam_permissions", "create_resumable_upload_session"), "cloud",
          why="an HTTPS round trip to Cloud Storage"),
    BlockingApi("google.cloud.pubsub_v1.PublisherClient.publish", "cloud", why="queues the message; may flush"),
    BlockingApi("google.cloud.bigquery.Client.query", "cloud", why="creates the query job over HTTPS"),
    # Every other client method is a BigQuery API call (the local builders are typed below).
    BlockingApi("google.cloud.bigquery.Client.*", "cloud", why="an HTTPS round trip to the BigQuery API"),
    BlockingApi("google.cloud.bigquery.Client.from_service_account_json", "cloud", why="reads the key file"),
    *each("google.cloud.bigquery.job.QueryJob", ("result", "exception", "to_dataframe", "to_arrow",
                                                 "to_geodataframe"), "cloud",
          why="waits for the query job to finish and downloads its rows"),
    *each("google.cloud.bigquery.job.QueryJob", ("reload", "done", "exists", "cancel"), "cloud",
          why="asks the BigQuery API for the job's state"),
]

_MINIO = [BlockingApi("minio.Minio.*", "cloud", why="an HTTP round trip to the object store")]

_DOCKER = "docker.DockerClient"
_DOCKER_MODELS = {"containers": ("containers", "Container"), "images": ("images", "Image"),
                  "volumes": ("volumes", "Volume"), "networks": ("networks", "Network")}
_ENGINE = "an HTTP round trip to the Docker Engine"
_DOCKER_ENTRIES = [
    BlockingApi("docker.from_env", "cloud", why="asks the Docker Engine for its API version"),
    BlockingApi(_DOCKER, "cloud", why="asks the Docker Engine for its API version"),
    BlockingApi(f"{_DOCKER}.*", "cloud", why=_ENGINE),
    BlockingApi("docker.APIClient.*", "cloud", why=_ENGINE),
    *[BlockingApi(f"docker.models.{module}.{cls}{suffix}", "cloud", why=_ENGINE)
      for module, cls in _DOCKER_MODELS.values() for suffix in (".*", "Collection.*")],
    # Factories that are round trips too (the wildcard skips a method with a return type).
    BlockingApi(f"{_DOCKER}.from_env", "cloud", why="asks the Docker Engine for its API version"),
    *[BlockingApi(f"docker.models.{module}.{cls}Collection.{method}", "cloud", why=_ENGINE)
      for module, cls in _DOCKER_MODELS.values() for method in ("get", "create")],
    BlockingApi("docker.models.containers.ContainerCollection.run", "cloud",
                why="creates and starts a container (and pulls its image if missing)"),
    BlockingApi("docker.models.images.ImageCollection.pull", "cloud", why="pulls an image from a registry"),
]

_K8S = "kubernetes.client"
# API group -> versions; each gives ``<Group>Api`` (discovery) and ``<Group><Version>Api`` (the
# current client's classes, and the beta ones of recent older releases).
_K8S_GROUPS = {
    "Admissionregistration": ("V1", "V1alpha1", "V1beta1"), "Apiextensions": ("V1", "V1beta1"),
    "Apiregistration": ("V1",), "Apis": (), "Apps": ("V1",), "Authentication": ("V1",), "Authorization": ("V1",),
    "Autoscaling": ("V1", "V2", "V2beta1", "V2beta2"), "Batch": ("V1", "V1beta1"),
    "Certificates": ("V1", "V1beta1"), "Coordination": ("V1", "V1alpha2", "V1beta1"), "Core": ("V1",),
    "CustomObjects": (), "Discovery": ("V1", "V1beta1"), "Events": ("V1", "V1beta1"),
    "FlowcontrolApiserver": ("V1", "V1beta3"), "InternalApiserver": ("V1alpha1",), "Lifecycle": ("V1alpha1",),
    "Logs": (), "Networking": ("V1", "V1beta1"), "Node": ("V1", "V1beta1"), "Openid": (), "Policy": ("V1", "V1beta1"),
    "RbacAuthorization": ("V1",), "Resource": ("V1", "V1alpha3", "V1beta1", "V1beta2"),
    "Scheduling": ("V1", "V1alpha3", "V1beta1"), "Storage": ("V1", "V1beta1"),
    "Storagemigration": ("V1", "V1beta1"), "Version": (), "WellKnown": (),
}
_K8S_APIS = tuple(f"{group}{version}Api" for group, versions in _K8S_GROUPS.items() for version in ("", *versions))
_K8S_CONFIG = ("load_kube_config", "load_incluster_config", "load_config", "load_kube_config_from_dict",
               "new_client_from_config", "new_client_from_config_dict", "list_kube_config_contexts")


def _k8s_module(api: str) -> str:
    """``CoreV1Api`` is defined in ``kubernetes.client.api.core_v1_api``."""
    return f"{_K8S}.api." + re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", api).lower()


_K8S_ENTRIES = [
    *[BlockingApi(f"{_K8S}.{api}.*", "cloud", why="an HTTPS request to the Kubernetes API server")
      for api in _K8S_APIS],
    *each(f"{_K8S}.ApiClient", ("call_api", "request"), "cloud", why="an HTTPS request to the Kubernetes API server"),
    BlockingApi(f"{_K8S}.ApiClient.close", "cloud", why="joins the client's thread pool"),
    *each("kubernetes.config", _K8S_CONFIG, "cloud",
          why="reads the kubeconfig or service-account files; may run an exec credential plugin"),
    BlockingApi("kubernetes.watch.Watch.stream", "cloud", lazy=True,
                why="reads the watch response from the API server as it is iterated"),
    BlockingApi("kubernetes.stream.stream", "cloud",
                why="opens a websocket to the API server and reads the command's output"),
]

# google-api-python-client builds each API's methods at run time from its discovery document,
# so a resource's methods are not in any source: every method of a resource is typed as giving
# another resource (``service.files()`` does, ``.list(...)`` really gives the request), and
# ``execute`` on either is the HTTPS round trip.
_DISCOVERY = "googleapiclient.discovery"
_GOOGLE_API = "an HTTPS round trip to a Google API"
_GOOGLE_API_ENTRIES = [
    BlockingApi(f"{_DISCOVERY}.build", "cloud",
                why="reads the API's discovery document (a bundled JSON file of up to megabytes, or over HTTPS)"),
    BlockingApi(f"{_DISCOVERY}.Resource.execute", "cloud", why=_GOOGLE_API),
    *each("googleapiclient.http.HttpRequest", ("execute", "next_chunk"), "cloud", why=_GOOGLE_API),
    BlockingApi("googleapiclient.http.BatchHttpRequest.execute", "cloud", why=_GOOGLE_API),
    BlockingApi("googleapiclient.http.MediaIoBaseDownload.next_chunk", "cloud",
                why="downloads the next chunk of the file over HTTPS"),
]

# Aliyun OSS (oss2): a ``Bucket`` is built without I/O; its object methods are HTTPS requests
# (``sign_url`` only computes a signature, and is not listed).
_OSS = [*each("oss2.Bucket", ("put_object", "get_object", "put_object_from_file", "get_object_to_file",
                              "delete_object", "batch_delete_objects", "object_exists", "head_object",
                              "copy_object", "append_object", "get_object_meta", "list_objects",
                              "list_objects_v2"), "cloud", why="an HTTPS request to Aliyun OSS")]

ENTRIES: list[BlockingApi] = [*_BOTO3, *_BOTO3_WRAPPERS, *_AZURE_ENTRIES, *_GCS_ENTRIES, *_MINIO, *_DOCKER_ENTRIES,
                              *_K8S_ENTRIES, *_GOOGLE_API_ENTRIES, *_OSS]

RETURNS: list[Returns] = [
    *instance("oss2.Bucket"),
    Returns(f"{_DISCOVERY}.build", f"{_DISCOVERY}.Resource"),
    Returns(f"{_DISCOVERY}.Resource.*()", f"{_DISCOVERY}.Resource"),
    Returns(f"{_DISCOVERY}.Resource.new_batch_http_request", "googleapiclient.http.BatchHttpRequest"),
    Returns("boto3.client", _CLIENT),
    Returns("boto3.resource", _RESOURCE),
    Returns(f"{_SESSION}.client", _CLIENT),
    Returns(f"{_SESSION}.resource", _RESOURCE),
    Returns("botocore.session.get_session", "botocore.session.Session"),
    Returns("botocore.session.Session.create_client", _CLIENT),
    Returns(f"{_CLIENT}.get_object", _GET_OBJECT),
    Returns(f"{_GET_OBJECT}.__getitem__", "botocore.response.StreamingBody"),
    Returns(f"{_CLIENT}.get_paginator", "botocore.paginate.Paginator"),
    Returns("botocore.paginate.Paginator.paginate", "botocore.paginate.PageIterator"),
    Returns(f"{_CLIENT}.get_waiter", "botocore.waiter.Waiter"),
    Returns(f"{_CLIENT}.generate_presigned_url", "builtins.str"),
    Returns(f"{_CLIENT}.generate_presigned_post", "builtins.dict"),
    Returns(f"{_CLIENT}.can_paginate", "builtins.bool"),
    *returning(_RESOURCE, _SUBRESOURCES, _RESOURCE),
    *[Returns(f"{_AZURE}.{client}.{factory}", f"{_AZURE}.{client}")
      for client in ("BlobServiceClient", "ContainerClient", "BlobClient")
      for factory in ("from_connection_string", "from_url")],
    Returns(f"{_AZURE}.ContainerClient.from_container_url", f"{_AZURE}.ContainerClient"),
    Returns(f"{_AZURE}.BlobClient.from_blob_url", f"{_AZURE}.BlobClient"),
    Returns(f"{_AZURE}.BlobServiceClient.get_container_client", f"{_AZURE}.ContainerClient"),
    *returning(f"{_AZURE}.BlobServiceClient", ("get_blob_client",), f"{_AZURE}.BlobClient"),
    *returning(f"{_AZURE}.ContainerClient", ("get_blob_client",), f"{_AZURE}.BlobClient"),
    *returning(f"{_AZURE}.BlobClient", ("download_blob",), f"{_AZURE}.StorageStreamDownloader"),
    *returning(f"{_AZURE}.ContainerClient", ("download_blob",), f"{_AZURE}.StorageStreamDownloader"),
    Returns(f"{_GCS}.Client.bucket", f"{_GCS}.Bucket"),
    Returns(f"{_GCS}.Client.get_bucket", f"{_GCS}.Bucket"),
    Returns(f"{_GCS}.Bucket.blob", f"{_GCS}.Blob"),
    Returns(f"{_GCS}.Bucket.get_blob", f"{_GCS}.Blob"),
    Returns("google.cloud.pubsub_v1.PublisherClient.publish", "concurrent.futures.Future"),
    Returns("google.cloud.bigquery.Client.query", "google.cloud.bigquery.job.QueryJob"),
    *returning("google.cloud.bigquery.Client", ("from_service_account_json", "from_service_account_info"),
               "google.cloud.bigquery.Client"),
    Returns("google.cloud.bigquery.Client.dataset", "google.cloud.bigquery.DatasetReference"),
    Returns("google.cloud.bigquery.Client.job_from_resource", "google.cloud.bigquery.job.QueryJob"),
    *returning(f"{_GCS}.Client", ("from_service_account_json", "from_service_account_info",
                                  "create_anonymous_client"), f"{_GCS}.Client"),
    Returns(f"{_GCS}.Client.batch", f"{_GCS}.Batch"),
    Returns("docker.from_env", _DOCKER),
    Returns(f"{_DOCKER}.from_env", _DOCKER),
    *[Returns(f"{_DOCKER}.{attr}", f"docker.models.{module}.{cls}Collection")
      for attr, (module, cls) in _DOCKER_MODELS.items()],
    *[Returns(f"docker.models.{module}.{cls}Collection.{method}", f"docker.models.{module}.{cls}")
      for module, cls in _DOCKER_MODELS.values() for method in ("get", "create")],
    Returns("docker.models.containers.ContainerCollection.run", "docker.models.containers.Container"),
    Returns("docker.models.images.ImageCollection.pull", "docker.models.images.Image"),
    *instance(f"{_K8S}.ApiClient", "kubernetes.watch.Watch"),
    *returning("kubernetes.config", ("new_client_from_config", "new_client_from_config_dict"), f"{_K8S}.ApiClient"),
]

ALIASES: list[Alias] = [
    Alias("boto3.Session", _SESSION),
    Alias(f"{_AZURE}._blob_service_client.BlobServiceClient", f"{_AZURE}.BlobServiceClient"),
    Alias(f"{_AZURE}._container_client.ContainerClient", f"{_AZURE}.ContainerClient"),
    Alias(f"{_AZURE}._blob_client.BlobClient", f"{_AZURE}.BlobClient"),
    Alias(f"{_GCS}.client.Client", f"{_GCS}.Client"),
    Alias(f"{_GCS}.bucket.Bucket", f"{_GCS}.Bucket"),
    Alias(f"{_GCS}.blob.Blob", f"{_GCS}.Blob"),
    Alias("google.cloud.bigquery.client.Client", "google.cloud.bigquery.Client"),
    Alias("google.cloud.bigquery.QueryJob", "google.cloud.bigquery.job.QueryJob"),
    Alias("minio.api.Minio", "minio.Minio"),
    Alias("docker.client.DockerClient", _DOCKER),
    Alias("docker.client.from_env", "docker.from_env"),
    Alias("docker.api.client.APIClient", "docker.APIClient"),
    *[Alias(f"{stubs}_{service}{module}.{name}Client", _CLIENT) for stubs in ("mypy_boto3", "types_boto3")
      for service, name in _STUB_CLIENTS.items() for module in ("", ".client")],
    *[Alias(f"{stubs}_{service}{module}.{name}", _RESOURCE) for stubs in ("mypy_boto3", "types_boto3")
      for service, names in _STUB_RESOURCES.items() for name in names for module in ("", ".service_resource")],
    *[Alias(f"{where}.{api}", f"{_K8S}.{api}") for api in _K8S_APIS for where in (f"{_K8S}.api", _k8s_module(api))],
    Alias(f"{_K8S}.api_client.ApiClient", f"{_K8S}.ApiClient"),
    Alias("kubernetes.config.kube_config", "kubernetes.config"),
    Alias("kubernetes.config.incluster_config", "kubernetes.config"),
    Alias("kubernetes.watch.watch.Watch", "kubernetes.watch.Watch"),
    Alias("kubernetes.stream.stream.stream", "kubernetes.stream.stream"),
]
