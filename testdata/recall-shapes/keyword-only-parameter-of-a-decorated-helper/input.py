import functools
import time

from fastapi import FastAPI

app = FastAPI()


def with_session(f):
    @functools.wraps(f)
    def wrapper(*args, **kwargs):
        return f(*args, **kwargs)

    return wrapper


# ``client`` is keyword-only: the wrapper passes nothing by position for it (this crashed
# the analysis of every file that reached it, reported as an internal error).
@with_session
def load(*, client):
    return client.fetch()


@app.get("/")
async def route():  # expect-fix: convert-to-def
    time.sleep(1)  # expect: UNB100
    return load(client=None)
