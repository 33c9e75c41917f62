from fastapi import FastAPI
from zeep import AsyncClient

app = FastAPI()
# Built once at import time (loading the WSDL blocks, but not in a handler).
vies = AsyncClient("https://ec.europa.eu/taxation_customs/vies/checkVatService.wsdl")


@app.get("/vat/{number}")
async def check_vat(number: str):
    result = await vies.service.checkVat(countryCode=number[:2], vatNumber=number[2:])
    return {"valid": result.valid}
