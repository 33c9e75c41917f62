from fastapi import FastAPI, Request

app = FastAPI()


@app.post("/count")
async def count_matches(request: Request):  # expect-fix: wrap-in-threadpool
    needle = (await request.body()).decode()
    handle = open("words.txt", encoding="utf-8")  # expect: UNB120
    hits = 0
    for word in handle:  # expect: UNB120
        if needle in word:
            hits += 1
    handle.seek(0)  # expect: UNB120
    lengths = {len(entry) for entry in handle}  # expect: UNB120
    handle.close()
    return {"hits": hits, "lengths": sorted(lengths)}
