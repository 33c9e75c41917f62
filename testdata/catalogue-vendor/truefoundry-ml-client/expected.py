from fastapi import FastAPI, UploadFile
from pydantic import BaseModel
from truefoundry.ml import DataDirectory
from truefoundry.ml import get_client as get_tfy_client

app = FastAPI()


class DataSource(BaseModel):
    type: str
    uri: str


@app.post("/data-sources")
def add_data_source(source: DataSource):  # expect-fix: convert-to-def
    if source.type == "truefoundry":
        client = get_tfy_client()
        directory = client.get_data_directory_by_fqn(source.uri)  # expect: UNB190
        return {"fqn": directory.fqn}
    return {"uri": source.uri}


@app.post("/data-directories")
def upload_to_data_directory(
    name: str, files: list[UploadFile]
):  # expect-fix: convert-to-def
    client = get_tfy_client()
    created = client.create_data_directory(ml_repo="docs", name=name)  # expect: UNB190
    repository = DataDirectory.from_fqn(fqn=created.fqn)  # expect: UNB190
    return {"fqn": repository.fqn, "files": [f.filename for f in files]}
