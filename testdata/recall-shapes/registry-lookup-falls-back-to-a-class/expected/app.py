import subprocess
from abc import ABC, abstractmethod

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool

app = FastAPI()


class Parser(ABC):
    @abstractmethod
    async def parse(self, text: str) -> list[str]: ...


class ToolParser(Parser):
    async def parse(self, text: str) -> list[str]:  # expect-fix: wrap-in-threadpool
        output = await run_in_threadpool(
            subprocess.check_output, ["crf_test", text]
        )  # expect: UNB130
        return output.decode().split()


class ModelParser(Parser):
    async def parse(self, text: str) -> list[str]:
        return text.split()


PARSERS: dict[str, type[Parser]] = {"tool": ToolParser, "model": ModelParser}


def get_parser(name: str) -> Parser:
    return PARSERS.get(name, ToolParser)()


class Formatter(ABC):
    @abstractmethod
    async def render(self, words: list[str]) -> str: ...


class FileFormatter(Formatter):
    async def render(self, words: list[str]) -> str:
        with open("template.txt") as handle:
            return handle.read().format(words=words)


class PlainFormatter(Formatter):
    async def render(self, words: list[str]) -> str:
        return " ".join(words)


FORMATTERS: dict[str, type[Formatter]] = {"file": FileFormatter, "plain": PlainFormatter}


def get_formatter(name: str) -> Formatter:
    return FORMATTERS.get(name, PlainFormatter)()


@app.post("/parse")
async def parse(name: str, text: str):  # expect-fix: wrap-in-threadpool
    parser = get_parser(name)
    return await parser.parse(text)  # expect: UNB130


@app.post("/render")
async def render(name: str, words: list[str]):
    formatter = get_formatter(name)
    return await formatter.render(words)
