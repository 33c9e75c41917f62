import zeep
from fastapi import FastAPI

app = FastAPI()
vies = zeep.Client("https://ec.europa.eu/taxation_customs/vies/checkVatService.wsdl")


@app.get("/vat/{number}")
async def check_vat(number: str):  # expect-fix: convert-to-def
    result = vies.service.checkVat(countryCode=number[:2], vatNumber=number[2:])  # expect: UNB110
    return {"valid": result.valid, "name": result.name}


@app.get("/rates")
async def rates(currency: str):  # expect-fix: convert-to-def
    bank = zeep.CachingClient("https://bank.example/rates?wsdl")  # expect: UNB110
    port = bank.bind("RateService", "RateServiceSoap12")
    return {"rate": port.GetRate(Currency=currency)}  # expect: UNB110
