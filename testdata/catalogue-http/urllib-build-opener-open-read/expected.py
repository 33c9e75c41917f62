import urllib.request

from fastapi import FastAPI

app = FastAPI()


@app.get("/feed")
def feed():  # expect-fix: convert-to-def
    opener = urllib.request.build_opener()
    opener.addheaders = [("User-Agent", "feed-reader")]
    page = opener.open("https://news.example/rss")  # expect: UNB110
    raw = page.read()  # expect: UNB110
    return {"bytes": len(raw)}
