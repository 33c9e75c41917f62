from fastapi import FastAPI

app = FastAPI()
FILES = ["a.txt", "b.txt"]


@app.get("/sizes")
def sizes():  # expect-fix: convert-to-def
    return [len(open(name).read()) for name in FILES]  # expect: UNB120
