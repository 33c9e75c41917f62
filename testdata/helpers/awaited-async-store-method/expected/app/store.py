import asyncio
import json
from pathlib import Path

from fastapi.concurrency import run_in_threadpool


class ReportStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.lock = asyncio.Lock()

    async def get(self, report_id: str) -> dict:  # expect-fix: wrap-in-threadpool
        async with self.lock:
            data = json.loads(
                await run_in_threadpool(self.path.read_text)
            )  # expect: UNB120
        return data.get(report_id, {})


store = ReportStore(Path("reports.json"))
