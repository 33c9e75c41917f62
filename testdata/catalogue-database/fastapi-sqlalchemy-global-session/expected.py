from fastapi import FastAPI
from fastapi_sqlalchemy import DBSessionMiddleware, db
from sqlalchemy import Column, Integer, String
from sqlalchemy.orm import declarative_base

Base = declarative_base()
app = FastAPI()
app.add_middleware(DBSessionMiddleware, db_url="sqlite:///keys.db")


class ApiKey(Base):
    __tablename__ = "api_keys"
    id = Column(Integer, primary_key=True)
    org_id = Column(Integer)
    provider = Column(String)

    @classmethod
    def for_org(cls, session, org_id):
        # ``session`` is unannotated: every caller passes ``db.session``, a sync Session.
        return session.query(cls).filter(cls.org_id == org_id).all()


@app.get("/orgs/{org_id}/keys")
def org_keys(org_id: int):  # expect-fix: convert-to-def
    keys = ApiKey.for_org(db.session, org_id)  # expect: UNB140
    return [key.provider for key in keys]


@app.delete("/keys/{key_id}")
def delete_key(key_id: int):  # expect-fix: convert-to-def
    db.session.query(ApiKey).filter(ApiKey.id == key_id).delete()  # expect: UNB140
    db.session.commit()  # expect: UNB140
    return {"deleted": key_id}
