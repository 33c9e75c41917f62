import multiprocessing

from fastapi import FastAPI

app = FastAPI()


def square(n: int) -> int:
    return n * n


@app.post("/squares")
def squares(numbers: list[int]):  # expect-fix: convert-to-def
    with multiprocessing.Pool(4) as pool:
        result = pool.map(square, numbers)  # expect: UNB200
    return {"squares": result}
