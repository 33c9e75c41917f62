"""Sleeping and waiting on other threads or processes (categories ``sleep`` and ``wait``).

``time.sleep`` and the calls that sleep inside (``psutil.cpu_percent`` with
an interval); ``input()``; futures, locks, events, queues and pools that wait
for another thread or process; file locks that poll. Calls that start a new
event loop (``asyncio.run``) are listed too: on the loop thread they raise
instead of blocking, which is just as wrong in an ``async def``.
"""

from __future__ import annotations

from ._helpers import each, returning
from .model import Alias, BlockingApi, Returns, ReturnsWithout

_FUTURE = "concurrent.futures.Future"
_SIMPLE_QUEUE = "queue.SimpleQueue"
#: A ``Queue`` made without a ``maxsize`` (the queue module has no such class: named here).
_UNBOUNDED = "queue.UnboundedQueue"
_BOUNDABLE = ("queue.Queue", "queue.LifoQueue", "queue.PriorityQueue")
_QUEUES = (*_BOUNDABLE, _SIMPLE_QUEUE, _UNBOUNDED)
#: A ``multiprocessing.Queue`` made without a ``maxsize`` (named here, like ``_UNBOUNDED``).
_MP_UNBOUNDED = "multiprocessing.queues.UnboundedQueue"

_SLEEP = [
    BlockingApi("time.sleep", "sleep", async_twin="asyncio.sleep", ruff_codes=("ASYNC251",),
                why="sleeps the whole event loop"),
    # Without ``interval`` these return at once; with it they sleep for that long.
    *[BlockingApi(f"psutil.{name}", "sleep", why="sleeps for `interval` seconds when one is given",
                  blocks_with_argument=("interval", 0)) for name in ("cpu_percent", "cpu_times_percent")],
    BlockingApi("psutil.Process.cpu_percent", "sleep", why="sleeps for `interval` seconds when one is given",
                blocks_with_argument=("interval", 0)),
]

_INPUT = [BlockingApi("builtins.input", "wait", ruff_codes=("ASYNC250",), why="waits for a line on stdin")]

_THREADS = [
    BlockingApi("threading.Event.wait", "wait", why="waits until another thread sets the event"),
    *[BlockingApi(f"threading.{lock}.acquire", "wait", why="waits while another thread holds the lock",
                  nonblocking_when_false=("blocking", 0))
      for lock in ("Lock", "RLock", "Semaphore", "BoundedSemaphore", "Condition")],
    # ``with lock:`` (``__enter__``) is left out on purpose: in real applications it guards a
    # few dictionary operations, and a reader cannot tell from the call whether another
    # thread holds it across I/O. Measured on the labelled sample: 20 false alarms, 1 find.
    *each("threading.Condition", ("wait", "wait_for"), "wait", why="waits for another thread to notify"),
    BlockingApi("threading.Barrier.wait", "wait", why="waits for the other threads to arrive"),
    BlockingApi("threading.Thread.join", "wait", why="waits for the thread to finish"),
    *[BlockingApi(f"{q}.get", "wait", why="waits for a producer thread (block=True)",
                  nonblocking_when_false=("block", 0)) for q in _QUEUES],
    # An unbounded queue's ``put`` never waits (and a ``SimpleQueue`` has no ``join``).
    *[BlockingApi(f"{q}.put", "wait", why="waits for a consumer thread when the queue is full (block=True)",
                  nonblocking_when_false=("block", 1)) for q in _BOUNDABLE],
    *[BlockingApi(f"{q}.join", "wait", why="waits until every queued item is processed")
      for q in (*_BOUNDABLE, _UNBOUNDED)],
]

_FUTURES = [
    # ``await asyncio.wrap_future(fut)`` gives the same result or exception.
    *[BlockingApi(f"{_FUTURE}.{name}", "wait", async_twin="asyncio.wrap_future",
                  why="waits for the job; deadlocks if the job needs this very loop")
      for name in ("result", "exception")],
    BlockingApi("concurrent.futures.wait", "wait", why="waits for the executor jobs"),
    # ``pool.map(f, items)`` submits every job at once; iterating the results waits for each.
    *[BlockingApi(f"concurrent.futures.{executor}.map", "wait", lazy=True,
                  why="each result waits for its job as the results are iterated")
      for executor in ("ThreadPoolExecutor", "ProcessPoolExecutor")],
    *[BlockingApi(f"concurrent.futures.{executor}.shutdown", "wait", why="waits for pending jobs (wait=True)",
                  nonblocking_when_false=("wait", 0))
      for executor in ("ThreadPoolExecutor", "ProcessPoolExecutor")],
    # ``with ThreadPoolExecutor() as pool:`` leaves through ``shutdown(wait=True)``. When the body
    # awaits its jobs to the end, nothing is left to wait for; when it awaits one under a timeout,
    # the job it gave up on still runs, and leaving the block waits for it on the loop.
    *[BlockingApi(f"concurrent.futures.{executor}.__exit__", "wait",
                  why="leaving the block waits for a job the timeout gave up on (shutdown(wait=True))",
                  exit_blocks_after=("wait_for", "timeout", "timeout_at", "fail_after", "move_on_after"))
      for executor in ("ThreadPoolExecutor", "ProcessPoolExecutor")],
]

_PROCESSES = [
    *each("multiprocessing.pool.Pool", ("apply", "map", "starmap", "join"), "wait",
          why="waits for the worker processes"),
    *each("multiprocessing.pool.AsyncResult", ("get", "wait"), "wait", why="waits for the worker processes"),
    BlockingApi("multiprocessing.Process.join", "wait", why="waits for the process to exit"),
    *[BlockingApi(f"multiprocessing.queues.Queue.{method}", "wait", why="waits for another process (block=True)",
                  nonblocking_when_false=("block", index)) for method, index in (("get", 0), ("put", 1))],
    # ``multiprocessing.Queue()`` without a ``maxsize`` never fills: ``put`` appends to a buffer a
    # feeder thread drains, and only ``get`` waits for another process.
    BlockingApi(f"{_MP_UNBOUNDED}.get", "wait", why="waits for another process (block=True)",
                nonblocking_when_false=("block", 0)),
]

#: ``multiprocessing.Manager()`` hands out proxies: every method call on one (``queue.put``,
#: ``shared.values()``, ``event.set()``) is a round trip over a socket to the manager process,
#: which serves one request at a time per connection.
_MANAGER = "multiprocessing.managers.SyncManager"
_PROXIES = {"Queue": "QueueProxy", "JoinableQueue": "QueueProxy", "dict": "DictProxy", "list": "ListProxy",
            "Event": "EventProxy", "Lock": "AcquirerProxy", "RLock": "AcquirerProxy", "Semaphore": "AcquirerProxy",
            "BoundedSemaphore": "AcquirerProxy", "Condition": "ConditionProxy", "Barrier": "BarrierProxy",
            "Value": "ValueProxy", "Array": "ArrayProxy", "Namespace": "NamespaceProxy"}
_MANAGED = [BlockingApi(f"multiprocessing.managers.{proxy}.*", "wait",
                        why="a round trip to the manager process over a socket")
            for proxy in sorted(set(_PROXIES.values()))]

_NESTED_LOOPS = [
    BlockingApi(name, "reentry", why="raises RuntimeError when called from the running event loop")
    for name in ("asyncio.run", "anyio.run", "anyio.from_thread.run", "anyio.from_thread.run_sync",
                 "asyncio.AbstractEventLoop.run_until_complete")
]

_LOW_LEVEL = [
    BlockingApi("select.select", "wait", why="waits for descriptors until the timeout"),
    BlockingApi("signal.pause", "wait", why="sleeps until a signal arrives"),
    *each("fcntl", ("flock", "lockf"), "wait", why="waits for another process's file lock"),
    *[BlockingApi(f"filelock.{lock}.acquire", "wait", why="polls with time.sleep until the lock is free",
                  nonblocking_when_false=("blocking", 99)) for lock in ("FileLock", "SoftFileLock")],
    # Unlike a thread lock, ``with FileLock(path):`` opens the lock file and waits for another
    # process, which may hold it across a whole start-up step.
    *[BlockingApi(f"filelock.{lock}.__enter__", "wait", why="opens the lock file and polls until the lock is free")
      for lock in ("FileLock", "SoftFileLock")],
]

#: The two ends of ``multiprocessing.Pipe()`` (and a ``connection.Client``): ``recv`` waits
#: for the other process to send, ``poll(timeout)`` up to the timeout. ``send`` is left out:
#: it only waits when the pipe's buffer is full (a reader that stopped reading).
_CONNECTION = "multiprocessing.connection.Connection"
_PIPES = [
    *each(_CONNECTION, ("recv", "recv_bytes", "recv_bytes_into"), "wait", why="waits for the other process to send"),
    BlockingApi(f"{_CONNECTION}.poll", "wait", why="waits up to `timeout` seconds for data",
                blocks_with_argument=("timeout", 0)),
    BlockingApi("multiprocessing.connection.Listener.accept", "wait", why="waits for a process to connect"),
    BlockingApi("multiprocessing.connection.Client", "wait", why="connects to a listening process"),
]

ENTRIES: list[BlockingApi] = [
    *_SLEEP, *_INPUT, *_THREADS, *_FUTURES, *_PROCESSES, *_MANAGED, *_NESTED_LOOPS, *_LOW_LEVEL, *_PIPES,
]

#: ``queue.Queue()`` (no ``maxsize``, or 0) never fills: its ``put`` never waits.
RETURNS_WITHOUT: list[ReturnsWithout] = [
    *[ReturnsWithout(q, "maxsize", 0, _UNBOUNDED) for q in _BOUNDABLE],
    *[ReturnsWithout(q, "maxsize", 0, _MP_UNBOUNDED) for q in ("multiprocessing.Queue", "multiprocessing.queues.Queue")],
]

RETURNS: list[Returns] = [
    *returning("concurrent.futures.ThreadPoolExecutor", ("submit",), _FUTURE),
    *returning("concurrent.futures.ProcessPoolExecutor", ("submit",), _FUTURE),
    Returns("asyncio.run_coroutine_threadsafe", _FUTURE),
    Returns("multiprocessing.Pool", "multiprocessing.pool.Pool"),
    *returning("multiprocessing.pool.Pool", ("apply_async", "map_async", "starmap_async"),
               "multiprocessing.pool.AsyncResult"),
    Returns("multiprocessing.Queue", "multiprocessing.queues.Queue"),
    Returns("multiprocessing.Manager", _MANAGER),
    Returns(_MANAGER, _MANAGER),
    *[Returns(f"{_MANAGER}.{method}", f"multiprocessing.managers.{proxy}") for method, proxy in _PROXIES.items()],
    *returning("asyncio", ("get_event_loop", "new_event_loop"), "asyncio.AbstractEventLoop"),
    Returns("multiprocessing.Pipe", f"container:{_CONNECTION}"),  # ``parent, child = Pipe()``
    Returns("multiprocessing.connection.Client", _CONNECTION),
    Returns("multiprocessing.connection.Listener.accept", _CONNECTION),
]

ALIASES: list[Alias] = [
    Alias("concurrent.futures._base.Future", _FUTURE),
    Alias("concurrent.futures.thread.ThreadPoolExecutor", "concurrent.futures.ThreadPoolExecutor"),
    Alias("concurrent.futures.process.ProcessPoolExecutor", "concurrent.futures.ProcessPoolExecutor"),
    Alias("asyncio.events.AbstractEventLoop", "asyncio.AbstractEventLoop"),
    Alias("asyncio.BaseEventLoop", "asyncio.AbstractEventLoop"),
    Alias("filelock.UnixFileLock", "filelock.FileLock"),
    Alias("filelock.WindowsFileLock", "filelock.FileLock"),
    Alias("multiprocessing.pool.ThreadPool", "multiprocessing.pool.Pool"),
    Alias("multiprocessing.connection.Pipe", "multiprocessing.Pipe"),
    Alias("multiprocessing.connection.PipeConnection", _CONNECTION),
]
