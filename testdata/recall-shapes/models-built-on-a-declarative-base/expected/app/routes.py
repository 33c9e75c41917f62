from typing import Annotated

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from .db import AuditEntry, get_session
from .models import Client, Tag

router = APIRouter()
DB = Annotated[Session, Depends(get_session)]


@router.get("/clients/{client_id}")
def read_client(client_id: str, db: DB):  # expect-fix: convert-to-def
    # Client.get -> super().get: the mixin the declarative base was made from.
    return Client.get(db, object_id=client_id)  # expect: UNB140


@router.get("/tags/{tag_id}")
def read_tag(tag_id: int, db: DB):  # expect-fix: convert-to-def
    return Tag.get(db, object_id=tag_id)  # expect: UNB140


@router.get("/audit/{entry_id}")
def read_audit(entry_id: int, db: DB):  # expect-fix: convert-to-def
    return AuditEntry.get(db, object_id=entry_id)  # expect: UNB140


@router.get("/tags/label")
async def tag_label():
    # A classmethod of the mixin that touches no session.
    return {"label": Tag.table_label()}
