"""GitHub, GitLab, Jira and Notion clients: each call (and each getter of another object) is a request."""

import gitlab
from fastapi import FastAPI
from github import Github
from jira import JIRA
from notion_client import Client

app = FastAPI()
github = Github("token")
gl = gitlab.Gitlab("https://gitlab.example.com", private_token="token")
jira = JIRA("https://jira.example.com", get_server_info=False)
notion = Client(auth="secret")


@app.get("/stars/{owner}/{name}")
async def stars(owner: str, name: str):  # expect-fix: convert-to-def
    return {"stars": github.get_repo(f"{owner}/{name}").stargazers_count}  # expect: UNB190


@app.post("/issues/{owner}/{name}")
async def open_issue(owner: str, name: str, title: str):  # expect-fix: convert-to-def
    repo = github.get_repo(f"{owner}/{name}")  # expect: UNB190
    return {"number": repo.create_issue(title=title).number}  # expect: UNB190


@app.get("/gitlab/{project_id}")
async def project(project_id: int):  # expect-fix: convert-to-def
    return {"name": gl.projects.get(project_id).name}  # expect: UNB190


@app.get("/jira/{key}")
async def ticket(key: str):  # expect-fix: convert-to-def
    return {"summary": jira.issue(key).fields.summary}  # expect: UNB190


@app.get("/notion/{page_id}")
async def page(page_id: str):  # expect-fix: convert-to-def
    return notion.pages.retrieve(page_id=page_id)  # expect: UNB190
