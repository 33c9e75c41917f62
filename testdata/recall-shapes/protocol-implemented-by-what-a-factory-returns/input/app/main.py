from fastapi import FastAPI

from .store import AuthService, create_test_store

app = FastAPI()
auth = AuthService("/srv/users.db")
memory = create_test_store()


@app.get("/users/{user_id}")
async def get_user(user_id: int):  # expect-fix: convert-to-def
    return auth.store.get_user(user_id)  # expect: UNB140


@app.get("/setup")
async def setup_status():  # expect-fix: convert-to-def
    return {"needs_setup": auth.needs_setup()}  # expect: UNB140


@app.get("/memory/{user_id}")
async def memory_user(user_id: int):
    # The factory returns the in-memory store: nothing blocks.
    return memory.get_user(user_id)
