import ftplib
import io

from fastapi import FastAPI

app = FastAPI()


@app.get("/legacy-export")
def legacy_export():  # expect-fix: convert-to-def
    buffer = io.BytesIO()
    with ftplib.FTP("ftp.example.org") as ftp:  # expect: UNB180
        ftp.login()  # expect: UNB180
        ftp.retrbinary("RETR export.csv", buffer.write)  # expect: UNB180
    return {"size": buffer.getbuffer().nbytes}
