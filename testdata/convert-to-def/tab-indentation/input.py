import time

from fastapi import FastAPI

app = FastAPI()


@app.get("/tabs")
async def tabbed(n: int = 2):  # expect-fix: convert-to-def
	if n > 0:
		time.sleep(n)  # expect: UNB100
	else:
		n = 0
	return {"n": n}
