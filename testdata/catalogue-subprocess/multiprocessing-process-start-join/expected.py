import multiprocessing

from fastapi import FastAPI

app = FastAPI()


def crunch(n: int) -> None:
    sum(i * i for i in range(n))


@app.post("/crunch/{n}")
def crunch_route(n: int):  # expect-fix: convert-to-def
    worker = multiprocessing.Process(target=crunch, args=(n,))
    worker.start()  # expect: UNB130
    worker.join()  # expect: UNB200
    return {"exit": worker.exitcode}
