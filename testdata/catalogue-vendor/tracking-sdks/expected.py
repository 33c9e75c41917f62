import mlflow
import wandb
from clearml import Model, Task
from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from mlflow import MlflowClient

app = FastAPI()
client = MlflowClient()


class Processor:
    def __init__(self, task_id: str) -> None:
        self.task = Task.get_task(task_id=task_id)

    def preprocess_path(self, name: str) -> str:
        return self.task.artifacts[name].get_local_copy()


@app.on_event("startup")
async def startup():  # expect-fix: wrap-in-threadpool
    await run_in_threadpool(Processor, "serving")  # expect: UNB190


@app.get("/models")
def models(project: str):  # expect-fix: convert-to-def
    return [m.id for m in Model.query_models(project_name=project)]  # expect: UNB190


@app.get("/preprocess/{name}")
def preprocess(name: str):  # expect-fix: convert-to-def
    return {"path": Processor("serving").preprocess_path(name)}  # expect: UNB190


@app.post("/predict")
def predict(rows: list[dict]):  # expect-fix: convert-to-def
    model = mlflow.pyfunc.load_model("models:/churn/Production")  # expect: UNB190
    return {"scores": model.predict(rows).tolist()}


@app.get("/runs")
def runs(experiment_id: str):  # expect-fix: convert-to-def
    return client.search_runs([experiment_id])  # expect: UNB190


@app.post("/metrics")
async def metrics(value: float):
    # wandb.log hands the data to the service process: it does not wait for the upload.
    wandb.log({"value": value})
