"""Every fixture case: findings, chosen fix, output, compile-ability, idempotence."""

from __future__ import annotations

import difflib

import pytest

from codemods.engine import analyse_source
from fixtures import Case, discover_cases, expectations

CASES = discover_cases()


def _found(result):  # type: ignore[no-untyped-def]
    calls = {(call.line, call.code) for f in result.findings for call in f.calls}
    fixes = {(f.line, f.fix.strategy.value) for f in result.findings}
    return calls, fixes


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, request: pytest.FixtureRequest) -> None:
    source = case.read_input()
    settings = case.settings()
    result = analyse_source(source, "input.py", settings)
    assert result.error is None, result.error

    want_calls, want_fixes = expectations(source)
    got_calls, got_fixes = _found(result)
    assert got_calls == want_calls, "blocking calls reported differ from # expect: comments"
    assert got_fixes == want_fixes, "chosen fixes differ from # expect-fix: comments"

    output = result.new_text if result.new_text is not None else source
    if request.config.getoption("--update-expected"):
        if output != source:
            case.expected_path.write_bytes(output.encode("utf-8"))
        elif case.expected_path.exists():
            case.expected_path.unlink()
    expected = case.expected_text()
    if output != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), output.splitlines(True), "expected", "actual"))
        pytest.fail(f"output differs from expected.py:\n{diff}")

    compile(output, str(case.expected_path), "exec", dont_inherit=True)
    again = analyse_source(output, "input.py", settings)
    assert again.error is None
    assert again.new_text is None or again.new_text == output, "a second run changed the output"


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40
