from typing import Union

from fastapi import FastAPI
from openai import AzureOpenAI, OpenAI

app = FastAPI()


def get_client(azure: bool) -> Union[OpenAI, AzureOpenAI]:
    return AzureOpenAI() if azure else OpenAI()


@app.get("/models")
async def models(azure: bool = False):  # expect-fix: convert-to-def
    return [m.id for m in get_client(azure).models.list()]  # expect: UNB190
