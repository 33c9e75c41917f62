import torch
from fastapi import FastAPI

app = FastAPI()


class Profiler:
    def __init__(self) -> None:
        self.profiler = None

    def start(self) -> None:
        self.profiler = torch.profiler.profile(activities=[torch.profiler.ProfilerActivity.CPU])
        self.profiler.start()

    def stop(self, path: str) -> None:
        if self.profiler is not None:
            self.profiler.stop()
            self.profiler.export_chrome_trace(path)
            self.profiler = None


profiler = Profiler()


@app.post("/profile/start")
async def start_profile():
    profiler.start()
    return {"profiling": True}


@app.post("/profile/stop")
def stop_profile(path: str = "/tmp/trace.json"):  # expect-fix: convert-to-def
    profiler.stop(path)  # expect: UNB120
    return {"trace": path}
