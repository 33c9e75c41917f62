import os
from collections.abc import Callable

import redis

from svc.cache.interface import CacheBackend


def _build_redis() -> CacheBackend:
    from svc.cache.redis_backend import RedisCacheBackend

    return RedisCacheBackend(redis.Redis())


def _build_postgres() -> CacheBackend:
    from svc.cache.postgres_backend import PostgresCacheBackend

    return PostgresCacheBackend()


_BUILDERS: dict[str, Callable[[], CacheBackend]] = {"redis": _build_redis, "postgres": _build_postgres}


def get_cache_backend() -> CacheBackend:
    return _BUILDERS[os.environ.get("CACHE_BACKEND", "redis")]()
