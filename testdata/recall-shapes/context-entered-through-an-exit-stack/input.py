import tempfile
from contextlib import ExitStack, contextmanager

import requests
from fastapi import FastAPI, Request

app = FastAPI()


class Deploy:
    @staticmethod
    @contextmanager
    def prepared_media(urls: list[str]):
        with tempfile.TemporaryDirectory() as folder:
            paths = []
            for url in urls:
                path = f"{folder}/{len(paths)}"
                with open(path, "wb") as out:
                    out.write(requests.get(url, timeout=10).content)
                paths.append(path)
            yield paths

    async def infer(self, request: Request):  # expect-fix: none
        body = await request.json()
        # ``enter_context`` enters the manager as ``with`` would: the downloads run here.
        with ExitStack() as stack:
            media = stack.enter_context(self.prepared_media(body["urls"]))  # expect: UNB110, UNB120
            return {"files": len(media)}


deploy = Deploy()
app.add_api_route("/infer", deploy.infer, methods=["POST"])
