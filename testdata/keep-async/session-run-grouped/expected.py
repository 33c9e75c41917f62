from fastapi import FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from sqlalchemy import ForeignKey, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker


class Base(DeclarativeBase):
    pass


class Order(Base):
    __tablename__ = "orders"
    id: Mapped[int] = mapped_column(primary_key=True)
    customer: Mapped[str] = mapped_column(String(200))


class OrderLine(Base):
    __tablename__ = "order_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    order_id: Mapped[int] = mapped_column(ForeignKey("orders.id"))
    sku: Mapped[str] = mapped_column(String(40))


engine = create_engine("sqlite:///shop.db")
SessionLocal = sessionmaker(bind=engine)
app = FastAPI()


@app.post("/orders")
async def create_order(request: Request):  # expect-fix: wrap-in-threadpool
    payload = await request.json()
    db = SessionLocal()
    order = Order(customer=payload["customer"])

    def _blocking_io_1():
        db.add(order)
        db.flush()  # expect: UNB140
        for sku in payload["skus"]:
            db.add(OrderLine(order_id=order.id, sku=sku))
        db.commit()  # expect: UNB140
        db.refresh(order)  # expect: UNB140

    await run_in_threadpool(_blocking_io_1)
    order_id = order.id
    await run_in_threadpool(db.close)  # expect: UNB140
    return {"id": order_id, "lines": len(payload["skus"])}
