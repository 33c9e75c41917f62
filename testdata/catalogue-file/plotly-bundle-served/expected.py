"""Serving the plotly.js bundle the Python package ships: ``get_plotlyjs`` reads a 4 MB
file from the package on every call."""

import plotly
from fastapi import FastAPI
from fastapi.responses import Response

app = FastAPI()


@app.get("/assets/plotly.min.js")
def plotly_bundle():  # expect-fix: convert-to-def
    return Response(content=plotly.offline.get_plotlyjs(), media_type="text/javascript")  # expect: UNB120


@app.get("/assets/plotly-version")
async def plotly_version():
    return {"version": plotly.__version__}
