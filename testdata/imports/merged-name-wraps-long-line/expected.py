import requests

# The comment above an import does not count in its width.
from fastapi import (
    APIRouter,
    BackgroundTasks,
    Depends,
    FastAPI,
    HTTPException,
    Query,
    Request,
    status,
)

app = FastAPI()
router = APIRouter()


@router.post("/notify")
async def notify(
    item: str, background_tasks: BackgroundTasks
):  # expect-fix: move-to-background
    # `BackgroundTasks` joins the import, which then no longer fits in 88 columns:
    # it is wrapped one name per line, as ruff's import sorter wraps it.
    background_tasks.add_task(
        requests.post, "https://hooks.example/in", data={"item": item}, timeout=5
    )  # expect: UNB110
    return {"item": item, "status": status.HTTP_202_ACCEPTED}


app.include_router(router, dependencies=[Depends(lambda: None)])
