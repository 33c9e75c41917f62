import shutil

from fastapi import FastAPI

app = FastAPI()


@app.post("/builds/{build_id}/promote")
async def promote(build_id: str):  # expect-fix: convert-to-def
    shutil.rmtree("/srv/site/current", ignore_errors=True)  # expect: UNB120
    shutil.move(f"/srv/builds/{build_id}", "/srv/site/current")  # expect: UNB120
    return {"promoted": build_id}
