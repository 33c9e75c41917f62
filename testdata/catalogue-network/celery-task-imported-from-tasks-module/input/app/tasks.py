from celery import shared_task

from app.worker import celery_app


@celery_app.task(bind=True, autoretry_for=(ConnectionError,))
def send_receipt(self, order_id: int) -> None:
    print("receipt for", order_id)


@shared_task(ignore_result=True)
def reindex(order_id: int) -> None:
    print("reindex", order_id)
