import requests
from fastapi import FastAPI

app = FastAPI()


@app.delete("/users/{user_id}")
def remove_user(user_id: int):  # expect-fix: convert-to-def
    requests.delete(f"https://accounts.example/users/{user_id}")  # expect: UNB110
    return None
