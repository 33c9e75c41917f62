from unittest.mock import AsyncMock, patch

from app.main import summary


async def test_summary_uses_the_report():
    with patch("app.main.report", new=AsyncMock(return_value={"rows": 0})):
        assert await summary() == {"report": {"rows": 0}}
