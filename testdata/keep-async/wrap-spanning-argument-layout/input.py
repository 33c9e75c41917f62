from fastapi import FastAPI, Request
from peewee import DoesNotExist, Model

app = FastAPI()


class User(Model):
    pass


class Review(Model):
    pass


@app.post("/users/{username}/password")
async def change_password(username: str, request: Request):  # expect-fix: wrap-in-threadpool
    body = await request.json()
    # A chain of calls spanning lines is passed on lines of its own, split before
    # each call as ruff format splits a chain inside brackets.
    User.update(  # expect: UNB140
        {
            User.password_hash: body["hash"],
        }
    ).where(User.username == username).execute()
    try:
        # A blocking call inside the arguments: the whole call runs in a lambda,
        # which goes on lines of its own.
        Review.create(  # expect: UNB140
            user=username,
            segment=Review.get(id=body["review"]),  # expect: UNB140
            reviewed=True,
        )
    except DoesNotExist:
        pass
    # A chain already split before its calls, in parentheses of its own: it moves
    # one level deeper, and the parentheses it no longer needs go.
    latest = (
        Review.select(  # expect: UNB140
            Review.user,
            Review.reviewed,
        )
        .where(Review.user == username)
        .limit(1)
        .get()
    )
    return {"user": username, "latest": latest.id}
