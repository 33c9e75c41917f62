from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expected",
        action="store_true",
        help="Rewrite testdata/*/*/expected.py from the tool's output (review with git diff).",
    )


@pytest.fixture(autouse=True, scope="session")
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Keep the tool's result cache out of the user's cache folder during tests."""
    import os

    os.environ["FASTAPI_UNBLOCK_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
