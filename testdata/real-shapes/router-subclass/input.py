import time

from fastapi import APIRouter, Depends, FastAPI


def authenticated() -> bool:
    return True


class UserRouter(APIRouter):
    def __init__(self, **options):
        super().__init__(dependencies=[Depends(authenticated)], **options)


class AdminRouter(UserRouter):
    pass


app = FastAPI()
router = AdminRouter(prefix="/admin")


@router.get("/slow")
async def slow():  # expect-fix: convert-to-def
    time.sleep(1)  # expect: UNB100
    return {"ok": True}
