from typing import Any

from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import Session

from .db import Base


class Client(Base):
    __tablename__ = "client"
    id = Column(String, primary_key=True)

    @classmethod
    def get(cls, db: Session, *, object_id: Any):
        if object_id == "root":
            return None
        return super().get(db, object_id=object_id)


class Tag(Base):
    __tablename__ = "tag"
    id = Column(Integer, primary_key=True)
