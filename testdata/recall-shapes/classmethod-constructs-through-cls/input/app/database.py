from typing import Self

from sqlalchemy import Engine, create_engine, inspect


class ReflectedDatabase:
    """Reads the schema of the database it wraps as soon as it is made."""

    def __init__(self, engine: Engine, schemas: list[str] | None = None) -> None:
        self.engine = engine
        self.schemas = schemas if schemas is not None else inspect(engine).get_schema_names()

    @classmethod
    def from_uri(cls, uri: str) -> Self:
        return cls(create_engine(uri))

    @classmethod
    def describe(cls, schemas: list[str]) -> str:
        # ``cls`` itself, not an instance: naming it makes nothing.
        return f"{cls.__name__}({', '.join(schemas)})"


class SampleDatabase(ReflectedDatabase):
    @classmethod
    def from_schemas(cls, schemas: list[str]) -> Self:
        return cls(create_engine("sqlite://"), schemas=schemas)
