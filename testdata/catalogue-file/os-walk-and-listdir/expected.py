import os

from fastapi import FastAPI

app = FastAPI()


@app.get("/reports")
def reports():  # expect-fix: convert-to-def
    names = sorted(os.listdir("/srv/reports"))  # expect: UNB120
    total = 0
    for _root, _dirs, files in os.walk("/srv/archive"):  # expect: UNB120
        total += len(files)
    return {"recent": names, "archived": total, "base": os.path.join("/srv", "reports")}
