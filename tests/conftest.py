from __future__ import annotations

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-expected",
        action="store_true",
        help="Rewrite testdata/*/*/expected.py from the tool's output (review with git diff).",
    )
