import yappi
from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse
from pyinstrument import Profiler

app = FastAPI()


@app.middleware("http")
async def profile_request(request: Request, call_next):  # expect-fix: wrap-in-threadpool
    if not request.query_params.get("profile"):
        return await call_next(request)
    profiler = Profiler(interval=0.001, async_mode="enabled")
    profiler.start()
    await call_next(request)
    profiler.stop()
    return HTMLResponse(profiler.output_html())  # expect: UNB120


@app.post("/profile/save")
async def save_profile(path: str):  # expect-fix: convert-to-def
    yappi.get_func_stats().sort("ttot").save(path, type="pstat")  # expect: UNB120
    return {"saved": path}


@app.get("/profile/text")
async def profile_text():
    profiler = Profiler()
    profiler.start()
    profiler.stop()
    return {"report": profiler.output_text(unicode=True)}
