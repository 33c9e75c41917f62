import json
from pathlib import Path

from api.lab import Lab


class LocalLab(Lab):
    """A plugin: imports the API class from its package, which re-exports it."""

    def __init__(self, schemas: Path) -> None:
        super().__init__()
        self.schemas = schemas

    async def get_settings(self) -> list[dict]:  # expect-fix: wrap-in-threadpool
        return json.loads((self.schemas / "settings.json").read_text())  # expect: UNB120

    async def get_status(self) -> dict:
        return {"ok": True}
