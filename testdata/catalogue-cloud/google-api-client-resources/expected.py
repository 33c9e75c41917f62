import io

from fastapi import FastAPI
from fastapi.concurrency import run_in_threadpool
from googleapiclient.discovery import build
from googleapiclient.http import MediaIoBaseDownload

app = FastAPI()


class DriveClient:
    def __init__(self, credentials) -> None:
        self.credentials = credentials
        self.service = None

    async def get_service(self):
        if self.service is None:
            self.service = build("drive", "v3", credentials=self.credentials)
        return self.service


drive = DriveClient(credentials=None)


@app.get("/files")
def list_files(folder: str):  # expect-fix: convert-to-def
    service = build("drive", "v3")  # expect: UNB160
    return service.files().list(q=f"'{folder}' in parents").execute()  # expect: UNB160


@app.get("/files/{file_id}")
def download(file_id: str):  # expect-fix: convert-to-def
    service = build("drive", "v3")  # expect: UNB160
    request = service.files().get_media(fileId=file_id)
    buffer = io.BytesIO()
    downloader = MediaIoBaseDownload(buffer, request)
    done = False
    while not done:
        _status, done = downloader.next_chunk()  # expect: UNB160
    return buffer.getvalue()


@app.get("/cached")
async def cached_list():  # expect-fix: wrap-in-threadpool
    service = await drive.get_service()
    return await run_in_threadpool(service.files().list().execute)  # expect: UNB160


@app.get("/request")
async def build_request():
    service = build
    return {"builder": service.__name__}
