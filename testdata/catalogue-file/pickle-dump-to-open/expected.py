import pickle

from fastapi import FastAPI

app = FastAPI()


@app.post("/snapshots")
def snapshot(state: dict):  # expect-fix: convert-to-def
    with open("/var/lib/app/state.pkl", "wb") as out:  # expect: UNB120
        pickle.dump(state, out)  # expect: UNB120
    return {"keys": len(state)}
