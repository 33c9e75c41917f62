from fastapi import FastAPI

app = FastAPI()


@app.post("/notes")
def append_note(text: str):  # expect-fix: convert-to-def
    log = open("notes.txt", "a")  # expect: UNB120
    log.write(text + "\n")  # expect: UNB120
    log.close()
    return {"saved": True}
