from pathlib import Path

from fastapi import APIRouter, FastAPI


class ReportController:
    def __init__(self, root: Path) -> None:
        self.root = root

    def latest(self):  # expect-fix: convert-to-def
        return {"report": (self.root / "latest.txt").read_text(encoding="utf-8")}  # expect: UNB120


controller = ReportController(Path("/srv/reports"))
router = APIRouter()
router.add_api_route("/reports/latest", controller.latest, methods=["GET"])

app = FastAPI()
app.include_router(router)
