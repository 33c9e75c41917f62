from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column


class Base(DeclarativeBase):
    @classmethod
    def create(cls, db: Session, data: dict):
        obj = cls(**data)
        return cls.persist(db, obj)

    @classmethod
    def persist(cls, db: Session, obj):
        db.add(obj)
        db.commit()
        db.refresh(obj)
        return obj


class Item(Base):
    __tablename__ = "items"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str]


def remember(db, obj):
    db.add(obj)
    db.flush()
    return obj
