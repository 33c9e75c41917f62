import paramiko
from fastapi import FastAPI

app = FastAPI()


@app.get("/servers/{host}/uptime")
def uptime(host: str):  # expect-fix: convert-to-def
    client = paramiko.SSHClient()
    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
    client.connect(host, username="monitor")  # expect: UNB180
    _stdin, stdout, _stderr = client.exec_command("uptime")  # expect: UNB180
    text = stdout.read().decode()
    client.close()  # expect: UNB180
    return {"uptime": text.strip()}
