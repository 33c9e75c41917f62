import abc


class CacheBackend(abc.ABC):
    """Where grants are cached: a folder without ``__init__.py`` inside the ``svc`` package."""

    @abc.abstractmethod
    def get(self, key: str) -> bytes | None: ...

    @abc.abstractmethod
    def set(self, key: str, value: bytes) -> None: ...
