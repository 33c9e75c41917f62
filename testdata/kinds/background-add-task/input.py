import smtplib
from email.message import EmailMessage

from fastapi import BackgroundTasks, FastAPI

app = FastAPI()


async def send_receipt(address: str, order_id: int) -> None:  # expect-fix: convert-to-def
    message = EmailMessage()
    message["To"] = address
    message["Subject"] = f"Receipt for order {order_id}"
    message.set_content("Thank you for your order.")
    with smtplib.SMTP("localhost") as smtp:  # expect: UNB170
        smtp.send_message(message)  # expect: UNB170


@app.post("/orders/{order_id}/pay")
async def pay(order_id: int, email: str, background_tasks: BackgroundTasks):
    background_tasks.add_task(send_receipt, email, order_id)
    return {"paid": order_id}
