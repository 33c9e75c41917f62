import pexpect
from fastapi import FastAPI

app = FastAPI()


class Shell:
    def __init__(self) -> None:
        self.child = pexpect.spawn("/bin/bash", encoding="utf-8")
        self.prompt = r"\$ $"

    def run(self, command: str) -> str:
        self.child.sendline(command)
        self.child.expect(self.prompt, timeout=30)
        return self.child.before

    async def run_async(self, command: str) -> str:
        self.child.sendline(command)
        await self.child.expect(self.prompt, timeout=30, async_=True)
        return self.child.before


shell = Shell()


@app.post("/run")
def run(command: str):  # expect-fix: convert-to-def
    return {"output": shell.run(command)}  # expect: UNB130


@app.post("/run-async")
async def run_async(command: str):
    return {"output": await shell.run_async(command)}


@app.delete("/session")
def close_session():  # expect-fix: convert-to-def
    shell.child.close()  # expect: UNB130
