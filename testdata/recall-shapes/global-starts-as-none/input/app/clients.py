import os

from openai import OpenAI

client = None


def init_clients() -> None:
    global client
    if os.environ.get("OPENAI_API_KEY"):
        client = OpenAI()
