import time


class FakeApp:
    def get(self, path):
        return lambda fn: fn


app = FakeApp()


@app.get("/not-fastapi")
async def not_fastapi():
    time.sleep(1)
    return None
