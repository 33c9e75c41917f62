from fastapi import FastAPI

app = FastAPI()


@app.get("/motd")
def message_of_the_day():  # expect-fix: convert-to-def
    with open("/etc/motd", encoding="utf-8") as handle:  # expect: UNB120
        first = handle.readline()  # expect: UNB120
        rest = handle.read()  # expect: UNB120
    return {"title": first.strip(), "body": rest}
