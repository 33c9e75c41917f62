"""The sorters put relative imports furthest first: ``..`` before ``.``. The file is sorted,
so the new import goes to its sorted place, not after the last framework import."""

from __future__ import annotations

import subprocess

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse

from ..auth import require_client
from . import execution_store

router = APIRouter()


@router.get("/ready")
async def ready(request: Request):  # expect-fix: wrap-in-threadpool
    await require_client(request)
    probe = await run_in_threadpool(
        subprocess.run, ["pg_isready"], check=False
    )  # expect: UNB130
    return JSONResponse({"ready": probe.returncode == 0, "store": str(execution_store(request))})
