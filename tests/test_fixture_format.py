"""Every fixture's rewrite is laid out as a formatter would leave it.

``ruff format`` is run on each case's input and on its expected output (the
tool's rewrite): the rewrite may not give the formatter more lines to change
than the input did. A rewrite that ruff would change again is not finished
(this caught new blocks indented by eight spaces in a function nested two
levels deep). Inputs are not required to be formatted: some cases keep a
hand-made layout on purpose.
"""

from __future__ import annotations

import difflib
import subprocess
import sys

import pytest

from tests.fixtures import TESTDATA, Case, discover_cases

CASES = [case for case in discover_cases() if case.expected_path.exists()]


def _format_changes(text: str) -> int:
    """How many lines ``ruff format`` would add or remove in ``text``."""
    formatted = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--config", str(TESTDATA / "ruff.toml"), "--stdin-filename",
         "case.py", "-"], input=text, capture_output=True, text=True, check=True).stdout
    before, after = text.splitlines(), formatted.splitlines()
    return sum(1 for line in difflib.unified_diff(before, after, lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---")))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_rewrite_needs_no_more_formatting_than_its_input(case: Case) -> None:
    assert _format_changes(case.expected_text()) <= _format_changes(case.read_input())
