import zipfile

from fastapi import FastAPI

app = FastAPI()


@app.get("/bundle/{member}")
def bundle_member(member: str):  # expect-fix: convert-to-def
    with zipfile.ZipFile("/srv/bundle.zip") as archive:  # expect: UNB120
        names = archive.namelist()
        data = archive.read(member)  # expect: UNB120
    return {"members": names, "size": len(data)}
