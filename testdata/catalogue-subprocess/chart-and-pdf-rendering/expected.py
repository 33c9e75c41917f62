"""Plotly's static export waits for the Kaleido process; pdfkit runs wkhtmltopdf; matplotlib renders in place."""

import base64

import matplotlib.pyplot as plt
import pdfkit
import plotly.express as px
from fastapi import FastAPI
from fastapi.responses import Response

app = FastAPI()


@app.get("/chart.png")
def chart(values: list[int]):  # expect-fix: convert-to-def
    figure = px.bar(x=list(range(len(values))), y=values)
    return Response(figure.to_image(format="png"), media_type="image/png")  # expect: UNB130


@app.get("/invoice.pdf")
def invoice(html: str):  # expect-fix: convert-to-def
    return Response(pdfkit.from_string(html, False), media_type="application/pdf")  # expect: UNB130


@app.get("/plot")
def plot(values: list[int]):  # expect-fix: convert-to-def
    plt.plot(values)
    plt.savefig("plot.png")  # expect: UNB220
    return {"saved": "plot.png"}


@app.get("/chart.json")
async def chart_json(values: list[int]):
    figure = px.line(y=values)
    return {"figure": figure.to_json(), "encoded": base64.b64encode(bytes(values)).decode()}
