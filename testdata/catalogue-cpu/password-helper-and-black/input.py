import black
from fastapi import FastAPI
from fastapi_users import BaseUserManager

app = FastAPI()


class UserManager(BaseUserManager):
    def password_matches(self, password: str, hashed: str) -> bool:
        verified, _updated = self.password_helper.verify_and_update(password, hashed)
        return verified


manager = UserManager(None)


@app.post("/password/check")
async def check(password: str, hashed: str):  # expect-fix: convert-to-def
    return {"ok": manager.password_matches(password, hashed)}  # expect: UNB220


@app.post("/format")
async def format_code(source: str):  # expect-fix: convert-to-def
    return {"code": black.format_str(source, mode=black.Mode())}  # expect: UNB220
