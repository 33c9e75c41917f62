from sqlalchemy import select

from svc.cache.interface import CacheBackend
from svc.db.models import CacheRow


class PostgresCacheBackend(CacheBackend):
    def get(self, key: str) -> bytes | None:
        from svc.db.engine import session_for_tenant

        with session_for_tenant() as session:
            row = session.execute(select(CacheRow).where(CacheRow.key == key)).scalar_one_or_none()
            return row.value if row is not None else None

    def set(self, key: str, value: bytes) -> None:
        from svc.db.engine import session_for_tenant

        with session_for_tenant() as session:
            session.merge(CacheRow(key=key, value=value))
            session.commit()
