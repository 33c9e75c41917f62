from fastapi import FastAPI
from mongoengine import Document, StringField

app = FastAPI()


class Member(Document):
    email = StringField(required=True)


@app.get("/members/{email}")
def member(email: str):  # expect-fix: convert-to-def
    found = Member.objects(email=email).first()  # expect: UNB140
    return {"found": found is not None}
