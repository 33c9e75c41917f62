import numpy as np
import tritonclient.grpc as grpcclient
import tritonclient.http as httpclient
from fastapi import FastAPI
from tritonclient.grpc.aio import InferenceServerClient as AsyncTritonClient

app = FastAPI()
triton = grpcclient.InferenceServerClient(url="triton:8001")
triton_http = httpclient.InferenceServerClient(url="triton:8000")
triton_async = AsyncTritonClient(url="triton:8001")


def _inputs(tokens: list[int]) -> list[grpcclient.InferInput]:
    batch = np.array([tokens], dtype=np.int32)
    request = grpcclient.InferInput("input_ids", list(batch.shape), "INT32")
    request.set_data_from_numpy(batch)
    return [request]


@app.post("/complete")
async def complete(tokens: list[int]):  # expect-fix: convert-to-def
    result = triton.infer("fastertransformer", _inputs(tokens))  # expect: UNB180
    return {"ids": result.as_numpy("output_ids").tolist()}


@app.get("/ready")
async def ready():  # expect-fix: convert-to-def
    return {"ready": triton_http.is_model_ready("fastertransformer")}  # expect: UNB180


@app.post("/complete/later")
async def complete_later(tokens: list[int]):  # expect-fix: convert-to-def
    pending = triton_http.async_infer("fastertransformer", [])
    return {"done": pending.get_result() is not None}  # expect: UNB180


@app.post("/complete/async")
async def complete_async(tokens: list[int]):
    result = await triton_async.infer("fastertransformer", _inputs(tokens))
    return {"ids": result.as_numpy("output_ids").tolist()}
