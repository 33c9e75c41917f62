"""Cache clients with a synchronous API (category ``cache``).

redis-py: ``redis.Redis(...)``/``from_url(...)`` connect lazily, so they are
only typed; every command on the client is a round trip (``redis.Redis.*``),
except the factories the wildcard skips (``pipeline``, ``pubsub``, ``lock``,
``json``), whose own blocking methods are listed: ``Pipeline.execute``,
``Lock.acquire`` (which polls with ``time.sleep``), the pub/sub reads. For a
client created where it is used, ``redis.asyncio.Redis`` is a faithful twin
with the same command names; ``redis.asyncio`` names never match here.
pymemcache and diskcache have no faithful twin.
"""

from __future__ import annotations

from ._helpers import each, instance, returning, same_type
from .model import Alias, BlockingApi, Returns

_REDIS, _CLUSTER = "redis.Redis", "redis.cluster.RedisCluster"
_PIPELINE, _CLUSTER_PIPELINE = "redis.client.Pipeline", "redis.cluster.ClusterPipeline"
_PUBSUB, _LOCK, _JSON = "redis.client.PubSub", "redis.lock.Lock", "redis.commands.json.JSON"
_COMMAND = "a round trip to the Redis server"
# On a pipeline a command is only buffered and returns the pipeline, so calls chain
# (``r.pipeline().set(k, v).expire(k, 60).execute()``): the common ones are typed.
_BUFFERED = ("set", "get", "mget", "mset", "setex", "setnx", "getset", "getdel", "delete", "unlink", "exists",
             "expire", "expireat", "pexpire", "persist", "ttl", "incr", "incrby", "incrbyfloat", "decr", "decrby",
             "hset", "hget", "hmget", "hgetall", "hdel", "hincrby", "hexists", "sadd", "srem", "smembers", "sismember",
             "scard", "zadd", "zrem", "zincrby", "zrange", "zrangebyscore", "zremrangebyscore", "zcard", "zscore",
             "lpush", "rpush", "lpop", "rpop", "lrange", "ltrim", "llen", "publish", "xadd", "eval", "evalsha")

_REDIS_ENTRIES = [
    BlockingApi(f"{_REDIS}.*", "cache", async_twin="redis.asyncio.Redis.*", why=_COMMAND),
    BlockingApi(f"{_CLUSTER}.*", "cache", async_twin="redis.asyncio.RedisCluster.*", why=_COMMAND),
    *[entry for owner in (_REDIS, _CLUSTER)
      for entry in each(owner, ("scan_iter", "hscan_iter", "sscan_iter", "zscan_iter"), "cache", lazy=True,
                        why="a generator: one SCAN round trip per batch, as it is iterated")],
    BlockingApi(f"{_PIPELINE}.execute", "cache", why="sends the buffered commands and waits for the replies"),
    *each(_PIPELINE, ("watch", "unwatch"), "cache", why="runs at once (a pipeline is not buffered around WATCH)"),
    BlockingApi(f"{_CLUSTER_PIPELINE}.execute", "cache", why="sends the buffered commands and waits for the replies"),
    *each(_PUBSUB, ("subscribe", "psubscribe", "unsubscribe", "punsubscribe", "get_message", "listen", "ping",
                    "close", "ssubscribe", "sunsubscribe", "check_health", "execute_command", "parse_response"),
          "cache", why="reads or writes the pub/sub connection"),
    *each(_LOCK, ("acquire", "release", "extend", "reacquire", "locked", "owned"), "cache",
          why="server round trips; acquire polls with time.sleep until it gets the lock"),
    BlockingApi(f"{_JSON}.*", "cache", why=_COMMAND),
    BlockingApi("redis.sentinel.Sentinel.discover_master", "cache", why="asks the sentinels for the master"),
    BlockingApi("redis.ConnectionPool.disconnect", "cache", why="closes the pooled sockets"),
]

_MEMCACHE = [
    BlockingApi(f"pymemcache.client.{client}.*", "cache", why="a round trip to memcached")
    for client in ("base.Client", "base.PooledClient", "hash.HashClient")
]

_DISKCACHE = [
    api
    for cache in ("diskcache.Cache", "diskcache.FanoutCache")
    for api in each(cache, ("get", "set", "add", "delete", "pop", "incr", "decr", "touch", "clear", "expire",
                            "evict", "cull", "check", "read", "push", "pull", "close"), "cache",
                    why="reads or writes the SQLite index and files on disk")
]

ENTRIES: list[BlockingApi] = [*_REDIS_ENTRIES, *_MEMCACHE, *_DISKCACHE]

RETURNS: list[Returns] = [
    Returns("redis.from_url", _REDIS),
    Returns(f"{_REDIS}.from_url", _REDIS),
    Returns(f"{_REDIS}.from_pool", _REDIS),
    Returns(f"{_REDIS}.pipeline", _PIPELINE),
    Returns(f"{_REDIS}.pubsub", _PUBSUB),
    Returns(f"{_REDIS}.lock", _LOCK),
    Returns(f"{_REDIS}.json", _JSON),
    Returns(f"{_REDIS}.client", _REDIS),
    Returns(f"{_REDIS}.register_script", "redis.commands.core.Script"),
    Returns(f"{_REDIS}.connection_pool", "redis.ConnectionPool"),
    Returns("redis.ConnectionPool.from_url", "redis.ConnectionPool"),
    Returns(f"{_CLUSTER}.from_url", _CLUSTER),
    Returns(f"{_CLUSTER}.pipeline", _CLUSTER_PIPELINE),
    *same_type(_PIPELINE, _BUFFERED),
    *same_type(_CLUSTER_PIPELINE, _BUFFERED),
    Returns(f"{_CLUSTER}.pubsub", _PUBSUB),
    Returns(f"{_CLUSTER}.lock", _LOCK),
    *instance("redis.sentinel.Sentinel"),
    *returning("redis.sentinel.Sentinel", ("master_for", "slave_for"), _REDIS),
]

ALIASES: list[Alias] = [
    Alias("redis.StrictRedis", _REDIS),
    Alias("redis.client.Redis", _REDIS),
    Alias("redis.client.StrictRedis", _REDIS),
    Alias("redis.client.from_url", "redis.from_url"),
    Alias("redis.utils.from_url", "redis.from_url"),
    Alias("redis.RedisCluster", _CLUSTER),
    Alias("redis.Sentinel", "redis.sentinel.Sentinel"),
    Alias("redis.connection.ConnectionPool", "redis.ConnectionPool"),
    Alias("pymemcache.Client", "pymemcache.client.base.Client"),
    Alias("pymemcache.client.Client", "pymemcache.client.base.Client"),
    Alias("pymemcache.PooledClient", "pymemcache.client.base.PooledClient"),
    Alias("pymemcache.HashClient", "pymemcache.client.hash.HashClient"),
    Alias("diskcache.core.Cache", "diskcache.Cache"),
    Alias("diskcache.fanout.FanoutCache", "diskcache.FanoutCache"),
]
