from app.jobs import notify


def enqueue_event(event: str, payload: dict) -> None:
    notify.delay(event, payload)


class Events:
    async def publish(self, event: str, payload: dict) -> None:  # expect-fix: wrap-in-threadpool
        enqueue_event(event, payload)  # expect: UNB180
