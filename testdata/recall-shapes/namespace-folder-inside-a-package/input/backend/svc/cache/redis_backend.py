import redis

from svc.cache.interface import CacheBackend


class RedisCacheBackend(CacheBackend):
    def __init__(self, client: redis.Redis) -> None:
        self._client = client

    def get(self, key: str) -> bytes | None:
        return self._client.get(key)

    def set(self, key: str, value: bytes) -> None:
        self._client.set(key, value)
