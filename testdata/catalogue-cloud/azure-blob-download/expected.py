from azure.storage.blob import BlobServiceClient
from fastapi import FastAPI

app = FastAPI()
service = BlobServiceClient.from_connection_string("UseDevelopmentStorage=true")


@app.get("/blobs/{name}")
def read_blob(name: str):  # expect-fix: convert-to-def
    blob = service.get_blob_client(container="docs", blob=name)
    data = blob.download_blob().readall()  # expect: UNB160
    return {"size": len(data)}
