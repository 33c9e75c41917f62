"""DashScope, Qianfan and ZhipuAI model calls, and Aliyun OSS objects: each is an HTTPS request."""

import dashscope
import oss2
import qianfan
from fastapi import FastAPI
from zhipuai import ZhipuAI

app = FastAPI()
zhipu = ZhipuAI(api_key="key")
chat = qianfan.ChatCompletion()
bucket = oss2.Bucket(oss2.Auth("id", "secret"), "https://oss-cn-hangzhou.aliyuncs.com", "uploads")


@app.post("/qwen")
def qwen(prompt: str):  # expect-fix: convert-to-def
    return dashscope.Generation.call(model="qwen-turbo", prompt=prompt)  # expect: UNB190


@app.post("/ernie")
def ernie(prompt: str):  # expect-fix: convert-to-def
    return chat.do(messages=[{"role": "user", "content": prompt}])  # expect: UNB190


@app.post("/glm")
def glm(prompt: str):  # expect-fix: convert-to-def
    reply = zhipu.chat.completions.create(model="glm-4", messages=[{"role": "user", "content": prompt}])  # expect: UNB190
    return {"answer": reply.choices[0].message.content}


@app.put("/files/{key}")
def upload(key: str, body: bytes):  # expect-fix: convert-to-def
    bucket.put_object(key, body)  # expect: UNB160
    return {"url": bucket.sign_url("GET", key, 3600)}
