"""Rule docs: one page per rule, and every example is what the tool really does.

Each page's BEFORE is run through the tool: it must be reported with the page's
code (and nothing else), fixed with the fix the page names, into exactly the
page's AFTER; AFTER must compile and give the tool nothing more to do. The
suppression forms a page shows are applied to its example and must silence it.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from codemods import rules
from codemods.api import analyse_source
from codemods.models import FileResult, Settings, Strategy
from codemods.rule_docs import DOCS, UnknownRule, help_text, render_all_text, render_markdown, render_text, sentence

CODES = [rule.code for rule in rules.RULES]


def _analyse(text: str, tmp_path: Path, settings: Settings) -> FileResult:
    # A file of its own folder: the tool takes the line length from the configuration above the
    # file, and the pages show what it writes in a project without one (88).
    return analyse_source(text, str(tmp_path / "app.py"), settings)


def _only(code: str) -> Settings:
    return Settings(select=frozenset({code}))


def test_every_rule_has_a_page_and_every_page_a_rule() -> None:
    assert sorted(DOCS) == sorted(CODES)


@pytest.mark.parametrize("code", CODES)
def test_the_example_is_reported_with_its_code_only(code: str, tmp_path: Path) -> None:
    doc = DOCS[code]
    result = _analyse(doc.before, tmp_path, _only(code))
    assert [f.code for f in result.findings] == [code]
    assert result.findings[0].fix.strategy is doc.fix, result.findings[0].fix.reason
    # With the default rules: the same single finding, or none for a rule that is off by default.
    default = _analyse(doc.before, tmp_path, Settings())
    expected = [code] if rules.RULES_BY_CODE[code].default_enabled else []
    assert [f.code for f in default.findings] == expected


@pytest.mark.parametrize("code", [c for c in CODES if DOCS[c].fix is not Strategy.NONE])
def test_after_is_exactly_what_the_tool_writes(code: str, tmp_path: Path) -> None:
    doc = DOCS[code]
    result = _analyse(doc.before, tmp_path, _only(code))
    assert result.findings[0].fixed
    assert result.new_text == doc.after


@pytest.mark.parametrize("code", [c for c in CODES if DOCS[c].fix is Strategy.NONE])
def test_a_rule_without_a_fix_leaves_the_file_alone(code: str, tmp_path: Path) -> None:
    doc = DOCS[code]
    result = _analyse(doc.before, tmp_path, _only(code))
    assert not result.findings[0].fixed
    assert result.new_text in (None, doc.before)
    assert doc.after != doc.before  # the page shows the hand fix


@pytest.mark.parametrize("code", CODES)
def test_after_compiles_and_leaves_nothing_to_do(code: str, tmp_path: Path) -> None:
    doc = DOCS[code]
    compile(doc.after, "after.py", "exec")
    for settings in (_only(code), Settings(select=frozenset({"UNB"}))):
        result = _analyse(doc.after, tmp_path, settings)
        assert result.findings == ()
        assert result.new_text in (None, doc.after)


@pytest.mark.parametrize("code", CODES)
def test_the_suppressions_shown_silence_the_example(code: str, tmp_path: Path) -> None:
    doc = DOCS[code]
    finding = _analyse(doc.before, tmp_path, _only(code)).findings[0]
    lines = doc.before.splitlines(keepends=True)
    call_line = next(n for n, line in enumerate(lines, 1) if doc.call in line)
    def_line = next(n for n, line in enumerate(lines, 1) if line.strip() == doc.def_line())
    assert call_line in {call.line for call in finding.calls}, "the page's call line must be a blocking one"
    assert def_line == finding.line

    def commented(numbers: set[int]) -> str:
        return "".join(f"{line.rstrip()}  # unblock: ignore[{code}]\n" if n in numbers else line
                       for n, line in enumerate(lines, 1))

    # The page says: on the line of each blocking call (its example line is one of them)...
    assert _analyse(commented({call.line for call in finding.calls}), tmp_path, _only(code)).findings == ()
    # ...or on the `def` line, or with --ignore.
    assert _analyse(commented({def_line}), tmp_path, _only(code)).findings == ()
    assert _analyse(doc.before, tmp_path, Settings(select=frozenset({"UNB"}), ignore=frozenset({code}))).findings == ()
    # A comment for another code silences nothing.
    other = "UNB100" if code != "UNB100" else "UNB110"
    wrong = commented({def_line}).replace(f"ignore[{code}]", f"ignore[{other}]")
    assert [f.code for f in _analyse(wrong, tmp_path, _only(code)).findings] == [code]

    text = render_text(code)
    assert f"{doc.call_line()}  # unblock: ignore[{code}]" in text
    assert f"{doc.def_line()}  # unblock: ignore[{code}]" in text
    assert f"fastapi-unblock --ignore {code}" in text
    assert f'ignore = ["{code}"]' in text


@pytest.mark.parametrize("code", CODES)
def test_pages_read_name_summary_and_default_from_the_registry(code: str, monkeypatch: pytest.MonkeyPatch) -> None:
    rule = rules.RULES_BY_CODE[code]
    text, markdown = render_text(code), render_markdown(code)
    assert text.startswith(f"{code} {rule.name} (category `{rule.category}`")
    assert sentence(rule.summary) in " ".join(text.split())
    assert f"| {code} | {rule.name} | `{rule.category}` | {rule.summary} |" in rules.markdown_table()
    assert ("off by default" in text) is (not rule.default_enabled)
    assert f"**{code} {rule.name}**" in markdown
    # The summary lives in the registry only: change it there and the page follows.
    monkeypatch.setitem(rules.RULES_BY_CODE, code, dataclasses.replace(rule, summary="a changed summary"))
    assert "A changed summary." in render_text(code)
    assert "A changed summary." in render_markdown(code)


@pytest.mark.parametrize("code", CODES)
def test_markdown_and_help_text_show_the_example(code: str) -> None:
    doc = DOCS[code]
    markdown, text = render_markdown(code), help_text(code)
    assert f"```python\n{doc.before}```" in markdown
    assert f"```python\n{doc.after}```" in markdown
    assert doc.fix.value in markdown or doc.fix is Strategy.NONE
    assert "no automatic fix" in markdown if doc.fix is Strategy.NONE else "fastapi-unblock --apply" in markdown
    assert not text.startswith(code)  # SARIF shows the id and name beside it
    assert "What it reports" in text and "How to silence it" in text
    assert all(line == line.rstrip() for line in text.splitlines())


def test_render_all_text_holds_every_page_in_registry_order() -> None:
    text = render_all_text()
    positions = [text.index(f"{code} {rules.RULES_BY_CODE[code].name} (") for code in CODES]
    assert positions == sorted(positions)
    assert all(render_text(code) in text for code in CODES)


def test_codes_are_case_insensitive() -> None:
    assert render_text("unb110") == render_text("UNB110")


@pytest.mark.parametrize("render", [render_text, render_markdown, help_text])
def test_an_unknown_code_raises_and_lists_the_rules(render: object) -> None:
    assert callable(render)
    with pytest.raises(UnknownRule) as raised:
        render("UNB999")
    assert isinstance(raised.value, ValueError)
    assert "UNB999" in str(raised.value)
    assert all(code in str(raised.value) for code in CODES)
