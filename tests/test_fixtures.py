"""Every fixture case: findings, chosen fix, output, compile-ability, idempotence."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from fixtures import Case, TreeCase, assert_compiles, discover_cases, discover_tree_cases, expectations

from codemods.api import analyse_source, analyse_tree

CASES = discover_cases()


def _found(result):  # type: ignore[no-untyped-def]
    calls = {(call.line, call.code) for f in result.findings for call in f.calls}
    fixes = {(f.line, f.fix.strategy.value) for f in result.findings}
    return calls, fixes


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, request: pytest.FixtureRequest) -> None:
    source = case.read_input()
    settings = case.settings()
    result = analyse_source(source, str(case.input_path), settings)  # its folder has no formatter settings: 88 columns
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

    assert_compiles(output, str(case.expected_path))
    again = analyse_source(output, str(case.input_path), settings)
    assert again.error is None
    assert again.new_text is None or again.new_text == output, "a second run changed the output"


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 40


TREE_CASES = discover_tree_cases()


@pytest.mark.parametrize("case", TREE_CASES, ids=[c.id for c in TREE_CASES])
def test_tree_case(case: TreeCase, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    settings = case.settings()
    files = case.files()
    results = {r.path: r for r in analyse_tree(case.input_root, settings)}
    assert not [r.error for r in results.values() if r.error is not None]
    for relative, source in files.items():
        result = results[relative]
        want_calls, want_fixes = expectations(source)
        got_calls, got_fixes = _found(result)
        assert got_calls == want_calls, f"{relative}: blocking calls reported differ from # expect: comments"
        assert got_fixes == want_fixes, f"{relative}: chosen fixes differ from # expect-fix: comments"
        output = result.new_text if result.new_text is not None else source
        if request.config.getoption("--update-expected"):
            target = case.expected_root / relative
            if output != source:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(output.encode("utf-8"))
            elif target.exists():
                target.unlink()
        assert output == case.expected(relative), f"{relative}: output differs from expected/"
        assert_compiles(output, relative)
        # Idempotence: the fixed tree, analysed again, changes nothing.
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(output, encoding="utf-8")
    for again in analyse_tree(tmp_path, settings):
        assert again.new_text is None or again.new_text == again.old_text, f"{again.path}: a second run changed it"
