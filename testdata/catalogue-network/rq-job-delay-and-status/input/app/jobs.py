from redis import Redis
from rq import Queue
from rq.decorators import job

connection = Redis.from_url("redis://queue:6379/0")
default_queue = Queue("default", connection=connection)


@job(default_queue, timeout=600)
def rebuild_index(dataset_id: int) -> None:
    print("rebuild", dataset_id)


@job("notifications", connection=connection)
async def notify(event: str, payload: dict) -> None:
    print(event, payload)
