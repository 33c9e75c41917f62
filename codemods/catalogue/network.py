"""Sockets, DNS, TLS, FTP, SSH and message brokers (category ``network``).

Sockets are blocking by default, and name resolution waits for the resolver
(seconds on a bad DNS server). ``getaddrinfo``/``getnameinfo`` and
dnspython's ``resolve`` have faithful awaitable twins; the rest do not.
``socket.gethostname()`` is a local syscall and is not listed. Brokers:
kafka-python's producer bootstraps in its constructor and ``send`` may wait
for metadata; pika's ``BlockingConnection`` handshakes in its constructor.
confluent-kafka's ``produce`` only enqueues and is not listed.

Celery: ``task.delay(...)``, ``task.apply_async(...)``, ``app.send_task(...)``
and a signature's ``delay``/``apply_async`` publish the task message to the
broker (connecting on first use, waiting for the publish, retrying), a round
trip; ``AsyncResult.get()`` waits for the result, and ``ready()``/``state``
ask the result backend. A function decorated with ``@app.task`` or
``@shared_task`` is a ``Task`` (``Returns`` on the decorator). Celery has no
async API, so there is no twin.

RQ (Redis Queue) is the same shape over sync redis-py: ``queue.enqueue(...)``, a
``@job(...)``-decorated function's ``delay(...)``, and every ``Job`` read or write
(``Job.fetch``, ``get_status``, ``refresh``, ``cancel``) are Redis round trips.
"""

from __future__ import annotations

from ._helpers import each, instance, returning
from .model import Alias, BlockingApi, Returns

_SOCKET = "socket.socket"
_DNS = "waits for a DNS answer"
_FTP_COMMANDS = ("connect", "login", "cwd", "pwd", "nlst", "dir", "mlsd", "retrbinary", "retrlines", "storbinary",
                 "storlines", "delete", "rename", "mkd", "rmd", "size", "sendcmd", "voidcmd", "quit")
_CHANNEL = "pika.adapters.blocking_connection.BlockingChannel"
_PIKA = "pika.BlockingConnection"

_SOCKETS = [
    BlockingApi("socket.create_connection", "network", why="resolves the host and connects"),
    *each(_SOCKET, ("connect", "connect_ex", "accept", "recv", "recv_into", "recvfrom", "recvfrom_into", "recvmsg",
                    "send", "sendall", "sendto", "sendmsg", "sendfile"), "network",
          why="a blocking socket waits for the peer"),
    BlockingApi("ssl.get_server_certificate", "network", why="connects and completes a TLS handshake"),
    BlockingApi("ssl.SSLContext.wrap_socket", "network", why="handshakes when the socket is connected"),
    *each("ssl.SSLSocket", ("do_handshake", "read", "write", "recv", "send", "sendall", "connect"), "network",
          why="TLS handshake or socket I/O"),
]

_RESOLVERS = [
    BlockingApi("socket.getaddrinfo", "network", async_twin="anyio.getaddrinfo", why=_DNS),
    BlockingApi("socket.getnameinfo", "network", async_twin="anyio.getnameinfo", why=_DNS),
    *each("socket", ("gethostbyname", "gethostbyname_ex", "gethostbyaddr", "getfqdn"), "network", why=_DNS),
    *[BlockingApi(f"dns.resolver.{name}", "network", async_twin=f"dns.asyncresolver.{name}", why=_DNS)
      for name in ("resolve", "resolve_address", "Resolver.resolve", "Resolver.resolve_address")],
    BlockingApi("dns.resolver.query", "network", async_twin="dns.asyncresolver.resolve", why=_DNS),
    BlockingApi("dns.resolver.Resolver.query", "network", async_twin="dns.asyncresolver.Resolver.resolve", why=_DNS),
]

_REMOTE_FILES = [
    *[BlockingApi(cls, "network", why="connects and logs in when given a host") for cls in ("ftplib.FTP",
                                                                                            "ftplib.FTP_TLS")],
    *each("ftplib.FTP", _FTP_COMMANDS, "network", why="an FTP round trip"),
    *each("ftplib.FTP_TLS", (*_FTP_COMMANDS, "auth", "prot_p"), "network", why="an FTP round trip"),
    *each("paramiko.SSHClient", ("connect", "exec_command", "open_sftp", "close", "invoke_shell"), "network",
          why="an SSH handshake or round trip"),
    *each("paramiko.SSHClient", ("load_system_host_keys", "load_host_keys", "save_host_keys"), "network",
          why="reads or writes the known_hosts file"),
    *each("paramiko.SFTPClient", ("get", "put", "open", "listdir", "listdir_attr", "stat", "remove", "mkdir",
                                  "rename", "close", "getfo", "putfo", "lstat", "chdir", "chmod", "chown", "utime",
                                  "truncate", "readlink", "symlink", "rmdir", "normalize", "posix_rename", "unlink",
                                  "file", "from_transport"), "network", why="an SFTP round trip"),
    BlockingApi("paramiko.SFTPClient.listdir_iter", "network", lazy=True,
                why="reads the directory listing from the server as it is iterated"),
    BlockingApi("paramiko.Transport", "network", why="connects when given a (host, port) address"),
]

_BROKERS = [
    BlockingApi("kafka.KafkaProducer", "network", why="connects and fetches cluster metadata"),
    *each("kafka.KafkaProducer", ("send", "flush", "close"), "network",
          why="may wait for metadata, buffer space or broker acknowledgements"),
    BlockingApi("kafka.producer.future.FutureRecordMetadata.get", "network", why="waits for the broker's ack"),
    *each("kafka.KafkaConsumer", ("poll", "commit", "close"), "network", why="a broker round trip or long poll"),
    *each("confluent_kafka.Producer", ("flush",), "network", why="waits until queued messages are delivered"),
    *each("confluent_kafka.Consumer", ("poll", "consume", "close"), "network", why="waits for the broker"),
    BlockingApi(_PIKA, "network", why="TCP connect plus the AMQP handshake"),
    *each(_PIKA, ("channel", "process_data_events", "sleep", "close"), "network", why="an AMQP round trip"),
    *each(_CHANNEL, ("basic_publish", "queue_declare", "exchange_declare", "queue_bind", "basic_get", "basic_ack",
                     "start_consuming", "confirm_delivery", "close"), "network",
          why="an AMQP round trip (start_consuming never returns)"),
]

# ZeroMQ (pyzmq): receiving waits for a peer (a REQ/REP round trip blocks in ``recv``);
# sending only queues the message, so a PUB ``send`` is not reported.
_ZMQ = [
    *each("zmq.Socket", ("recv", "recv_json", "recv_string", "recv_pyobj", "recv_multipart", "poll"), "network",
          why="waits for a message from a peer"),
    BlockingApi("zmq.Poller.poll", "network", why="waits for sockets to become ready"),
]

_CELERY, _TASK, _SIGNATURE = "celery.Celery", "celery.app.task.Task", "celery.canvas.Signature"
_RESULT, _GROUP_RESULT = "celery.result.AsyncResult", "celery.result.GroupResult"
_PUBLISH = "publishes the task message to the broker (connects on first use; waits for the publish, with retries)"
_BACKEND = "asks the result backend (a round trip to Redis, the database or the broker)"

_CELERY_ENTRIES = [
    *[api for owner in (_TASK, _SIGNATURE) for api in each(owner, ("delay", "apply_async"), "network", why=_PUBLISH)],
    BlockingApi(f"{_CELERY}.send_task", "network", why=_PUBLISH),
    *[BlockingApi(f"{owner}.apply", "wait", why="runs the task (and its callbacks) in this thread and waits for it")
      for owner in (_TASK, _SIGNATURE)],
    *each(_RESULT, ("get", "wait", "collect"), "wait", why="waits for the task to finish (polling the result backend)"),
    *each(_GROUP_RESULT, ("get", "join", "join_native", "collect"), "wait",
          why="waits for every task of the group to finish"),
    *each(_RESULT, ("ready", "successful", "failed", "forget", "revoke", "exists", "maybe_throw"), "network",
          why=_BACKEND),
    BlockingApi(f"{_GROUP_RESULT}.iter_native", "wait", lazy=True,
                why="waits for each task's result as it is iterated"),
    *each(_TASK, ("update_state", "send_event", "retry"), "network",
          why="writes to the result backend or publishes a message through the broker"),
    *each(_GROUP_RESULT, ("ready", "successful", "failed", "waiting", "completed_count", "forget", "revoke", "save",
                          "delete", "restore", "maybe_throw"), "network", why=_BACKEND),
    BlockingApi("celery.app.control.Control.*", "network", why="a broadcast to the workers through the broker"),
    BlockingApi("celery.app.control.Inspect.*", "network",
                why="broadcasts to the workers and waits (one second by default) for their replies"),
]

_RQ_QUEUE, _RQ_JOB, _RQ_DELAYED = "rq.Queue", "rq.job.Job", "rq.decorators.DelayedJobFunction"
_RQ_ROUND_TRIP = "a round trip to Redis through sync redis-py"
_RQ_ENTRIES = [
    *each(_RQ_QUEUE, ("enqueue", "enqueue_call", "enqueue_at", "enqueue_in", "enqueue_many", "enqueue_job",
                      "fetch_job", "get_job_ids", "get_jobs", "empty", "delete", "remove", "run_job", "run_sync"),
          "network", why=_RQ_ROUND_TRIP),
    *each(_RQ_JOB, ("fetch", "fetch_many", "exists", "get_status", "refresh", "save", "save_meta", "get_meta",
                    "cancel", "delete", "requeue", "latest_result", "results", "return_value", "get_position"),
          "network", why=_RQ_ROUND_TRIP),
    BlockingApi(f"{_RQ_DELAYED}.delay", "network", why="enqueues the job: " + _RQ_ROUND_TRIP),
]

ENTRIES: list[BlockingApi] = [*_SOCKETS, *_RESOLVERS, *_REMOTE_FILES, *_BROKERS, *_ZMQ, *_CELERY_ENTRIES,
                              *_RQ_ENTRIES]

RETURNS: list[Returns] = [
    Returns("zmq.Context", "zmq.Context"),
    Returns("zmq.Context.instance", "zmq.Context"),
    Returns("zmq.Context.socket", "zmq.Socket"),
    *instance(_SOCKET),
    Returns("socket.create_connection", _SOCKET),
    Returns("ssl.SSLContext.wrap_socket", "ssl.SSLSocket"),
    Returns("ssl.create_default_context", "ssl.SSLContext"),
    Returns("paramiko.SSHClient.open_sftp", "paramiko.SFTPClient"),
    Returns("paramiko.SFTPClient.from_transport", "paramiko.SFTPClient"),
    Returns("kafka.KafkaProducer.send", "kafka.producer.future.FutureRecordMetadata"),
    *returning(_PIKA, ("channel",), _CHANNEL),
    *instance(_CELERY, _RESULT, _GROUP_RESULT),
    # ``@app.task`` and ``@shared_task`` make the decorated function a task.
    *returning(_CELERY, ("task",), _TASK),
    Returns("celery.shared_task", _TASK),
    *returning(_TASK, ("delay", "apply_async", "AsyncResult"), _RESULT),
    *returning(_SIGNATURE, ("delay", "apply_async"), _RESULT),
    *returning(_CELERY, ("send_task", "AsyncResult"), _RESULT),
    Returns(f"{_CELERY}.GroupResult", _GROUP_RESULT),
    *returning(_TASK, ("s", "si", "signature"), _SIGNATURE),
    Returns(f"{_CELERY}.signature", _SIGNATURE),
    Returns("celery.signature", _SIGNATURE),
    *returning(_SIGNATURE, ("set", "clone", "freeze", "on_error", "link", "link_error"), _SIGNATURE),
    Returns(f"{_CELERY}.control", "celery.app.control.Control"),
    Returns("celery.app.control.Control.inspect", "celery.app.control.Inspect"),
    *instance(_RQ_QUEUE, _RQ_JOB),
    # ``@job("default", connection=redis)``: the decorated function gains ``delay``.
    Returns("rq.decorators.job", _RQ_DELAYED),
    *returning(_RQ_QUEUE, ("enqueue", "enqueue_call", "enqueue_at", "enqueue_in", "fetch_job"), _RQ_JOB),
    *returning(_RQ_JOB, ("fetch",), _RQ_JOB),
    Returns(f"{_RQ_DELAYED}.delay", _RQ_JOB),
]

ALIASES: list[Alias] = [
    Alias("socket.SocketType", _SOCKET),
    Alias("paramiko.client.SSHClient", "paramiko.SSHClient"),
    Alias("paramiko.sftp_client.SFTPClient", "paramiko.SFTPClient"),
    Alias("kafka.producer.KafkaProducer", "kafka.KafkaProducer"),
    Alias("kafka.consumer.KafkaConsumer", "kafka.KafkaConsumer"),
    Alias("pika.adapters.BlockingConnection", _PIKA),
    Alias("pika.adapters.blocking_connection.BlockingConnection", _PIKA),
    Alias("celery.app.base.Celery", _CELERY),
    Alias("celery.app.Celery", _CELERY),
    Alias("celery.Task", _TASK),
    Alias("celery.app.Task", _TASK),
    Alias("celery.app.shared_task", "celery.shared_task"),
    Alias("celery.AsyncResult", _RESULT),
    Alias("celery.canvas.signature", "celery.signature"),
    Alias("rq.queue.Queue", _RQ_QUEUE),
    Alias("rq.Job", _RQ_JOB),
    # The canvas primitives are signatures: ``chain(...).apply_async()`` publishes too.
    *[Alias(f"{where}.{name}", _SIGNATURE) for where in ("celery", "celery.canvas")
      for name in ("Signature", "chain", "group", "chord", "chunks", "xmap", "xstarmap") if where != "celery.canvas"
      or name != "Signature"],
]
