"""Rewritten lines laid out as ruff format lays them out (``codemods.layout``).

Each case is checked against ruff itself: the laid-out text is what ``ruff format``
would leave unchanged.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from codemods.layout import split_long_lines

CASES = {
    "a def that fits once async is gone is joined": (
        "async def list_items(\n    category: str, limit: int = 10, offset: int = 0, order: str = \"name\"\n):\n    pass\n",
        "def list_items(\n    category: str, limit: int = 10, offset: int = 0, order: str = \"name\"\n):\n    pass\n",
        "def list_items(category: str, limit: int = 10, offset: int = 0, order: str = \"name\"):\n    pass\n",
    ),
    "a callable prepended to hugged arguments: hugged again, or one per line": (
        "async def f():\n    await index_task.delay(\n        connector_id, workspace_id, str(user.id), indexing_from, indexing_to\n    )\n",
        "async def f():\n    await run_in_threadpool(\n        index_task.delay,\n        connector_id, workspace_id, str(user.id), indexing_from, indexing_to\n    )\n",
        ("async def f():\n    await run_in_threadpool(\n        index_task.delay,\n        connector_id,\n        workspace_id,\n        str(user.id),\n"
        "        indexing_from,\n        indexing_to,\n    )\n"),
    ),
    "a long one-line rewrite is split with its comment after the bracket": (
        "async def f():\n    reply = requests.post(\"https://api.example.com/items\", json=payload)  # why\n",
        "async def f():\n    reply = await run_in_threadpool(requests.post, \"https://api.example.com/items\", json=payload)  # why\n",
        "async def f():\n    reply = await run_in_threadpool(\n        requests.post, \"https://api.example.com/items\", json=payload\n    )  # why\n",
    ),
    "a magic trailing comma keeps a call exploded": (
        "async def f():\n    update(\n        a,\n    )\n",
        "async def f():\n    await run_in_threadpool(\n        update,\n        a,\n    )\n",
        "async def f():\n    await run_in_threadpool(\n        update,\n        a,\n    )\n",
    ),
    "a value with an operator on top gets parentheses of its own": (
        'async def f():\n    checksum = None if partial else compute_sha256(local_file_path)  # why\n',
        'async def f():\n    checksum = None if partial else await run_in_threadpool(compute_sha256_of_the_file, local_file_path)  # why\n',
        'async def f():\n    checksum = (\n        None\n        if partial\n        else await run_in_threadpool(compute_sha256_of_the_file, local_file_path)\n    )  # why\n',
    ),
}


@pytest.mark.parametrize("name", list(CASES))
def test_rewritten_statement_is_laid_out_as_ruff_format_would(name: str) -> None:
    old, new, want = CASES[name]
    got = "".join(split_long_lines(new.splitlines(keepends=True), old.splitlines(keepends=True), 88))
    assert got == want
    formatted = subprocess.run([sys.executable, "-m", "ruff", "format", "--isolated", "-"],
                               input=got, capture_output=True, text=True, check=True).stdout
    assert formatted == got


def test_lines_kept_from_the_original_are_never_touched() -> None:
    old = "def f():\n    return some_function_with_a_long_name(argument_one, argument_two, argument_three_long)\n"
    assert split_long_lines(old.splitlines(keepends=True), old.splitlines(keepends=True), 40) == old.splitlines(True)
