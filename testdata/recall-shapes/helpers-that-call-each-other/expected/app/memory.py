"""Remembering a record, or every record of an export: the two call each other."""

import json
import shutil
from pathlib import Path

from fastapi.concurrency import run_in_threadpool

STORE = Path("/srv/memory")


async def remember(record: dict) -> int:
    if "export" in record:
        return await import_export(record["export"])
    return await _store(record)


async def import_export(export: str) -> int:
    records = json.loads(export)
    return await _import_each(records)


async def _import_each(records: list[dict]) -> int:
    count = 0
    for record in records:
        count += await remember(record)
    return count


async def _store(record: dict) -> int:  # expect-fix: wrap-in-threadpool
    source = Path(record["path"])
    await run_in_threadpool(shutil.copy2, source, STORE / source.name)  # expect: UNB120
    return 1
