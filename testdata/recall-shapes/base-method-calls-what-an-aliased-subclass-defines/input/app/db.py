from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from app.base import Factory as ObjectFactory


class DB(ObjectFactory):
    def __init__(self, url: str) -> None:
        self.maker = sessionmaker(bind=create_engine(url))

    def get_session(self):
        return self.maker()
