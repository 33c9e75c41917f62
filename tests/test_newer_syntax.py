"""Syntax newer than the running Python (issue 12, second half).

A project on Python 3.12+ analysed by the tool installed under 3.11 must give
the same findings as under 3.12: :mod:`codemods.newer_syntax` parses what
``ast`` refuses with libcst and lowers the newer constructs in place. What must
hold: every call keeps its line and column (``ast`` counts UTF-8 bytes), an
f-string stays an f-string for the analysis, real syntax errors stay errors,
and the syntax check, the compile check of rewrites and the suppression
comments accept such files. The last test compares positions with the ``ast``
of a newer Python when one is found (``$NEWER_PYTHON`` or ``python3.1x`` on the
PATH); the fixture cases under ``testdata/newer-syntax`` cover findings and
rewrites.
"""

from __future__ import annotations

import ast
import inspect
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from batch_helpers import cli, write
from fixtures import TESTDATA, newer_python

from codemods.first_pass import syntax_error
from codemods.newer_syntax import check_compiles, lower, parse
from codemods.suppression import comment_map

pytestmark = pytest.mark.skipif(sys.version_info >= (3, 12), reason="the running Python reads 3.12 syntax itself")

SOURCE = '''\
import time
type Alias[T] = list[T]
type Ünï = int
def f[T](x: T) -> T:
    return time.monotonic()
def g[
    T: int,  # a comment
    *Ts,
](x): return time.sleep(x)
class C[T: int, *Ts, **P](Base):
    def m[U](self) -> U: return open("é")
songs = ["a", "é"]
msg = f"{", ".join(songs)} é {f"{songs[0]!r:>{10}}"}" "tail" f"{time.sleep(1)=}"
multi = f"""{
    songs[0]  # a comment
} x {time.time()}"""
plain = f"{songs!r}" + f'{len(songs)}'
async def h():
    time.sleep(1); print(f"{"x"}", time.sleep(2))
'''

CALLS = sorted([
    "time.monotonic()", "time.sleep(x)", 'open("é")', '", ".join(songs)', "time.sleep(1)", "time.time()",
    "len(songs)", "time.sleep(1)", 'print(f"{"x"}", time.sleep(2))', "time.sleep(2)",
])


def _segments(source: str, tree: ast.AST, kind: type) -> list[str]:
    return sorted(segment for node in ast.walk(tree) if isinstance(node, kind)
                  if (segment := ast.get_source_segment(source, node)) is not None)


def test_the_running_python_refuses_the_source() -> None:
    with pytest.raises(SyntaxError):
        ast.parse(SOURCE)


def test_every_call_keeps_its_line_and_column() -> None:
    tree = parse(SOURCE)
    assert _segments(SOURCE, tree, ast.Call) == CALLS
    functions = {(n.name, n.lineno, n.col_offset) for n in ast.walk(tree)
                 if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))}
    assert functions == {("f", 4, 0), ("g", 6, 0), ("C", 10, 0), ("m", 11, 4), ("h", 18, 0)}


@pytest.mark.parametrize("variant", [lambda s: s.replace("\n", "\r\n"),
                                     lambda s: "# -*- coding: utf-8 -*-\n\n\n" + s + "\n# a last comment\n"],
                         ids=["crlf", "header-and-footer"])
def test_calls_keep_their_place_with_crlf_and_leading_comments(variant: Any) -> None:
    # Only the statements 3.11 cannot read are walked: each is placed by the lines before it.
    source = variant(SOURCE)
    assert _segments(source, parse(source), ast.Call) == CALLS


def test_lowering_keeps_every_line_and_the_bytes_of_each() -> None:
    lowered = lower(SOURCE)
    assert lowered is not None
    old, new = SOURCE.splitlines(), lowered.text.splitlines()
    assert len(old) == len(new)
    assert [len(line.encode()) for line in old] == [len(line.rstrip("\\").encode()) + line.endswith("\\")
                                                    for line in new]


def test_an_fstring_stays_an_fstring() -> None:
    tree = parse('import requests\nrequests.get(f"{BASE}/{"users"}/{uid!r:>{8}}?q=1" "&x={{y}}")\n')
    call = next(n for n in ast.walk(tree) if isinstance(n, ast.Call))
    url = call.args[0]
    assert isinstance(url, ast.JoinedStr)
    # The plain string's braces are text: CPython 3.12 unparses the same.
    assert ast.unparse(url) == "f\"{BASE}/{'users'}/{uid!r:>{8}}?q=1&x={{{{y}}}}\""
    assert [type(v).__name__ for v in url.values] == ["FormattedValue", "Constant", "FormattedValue",
                                                      "Constant", "FormattedValue", "Constant"]


def test_a_debug_field_gets_its_text_and_repr() -> None:
    tree = parse('x = f"{"a"}{ y = }"\n')
    assert ast.unparse(tree) == "x = f\"{'a'} y = {y!r}\""


def test_a_type_alias_becomes_an_assignment_whose_name_keeps_its_column() -> None:
    tree = parse("if True:\n    type Ünï[T] = dict[str, T]\n")
    assign = tree.body[0].body[0]  # type: ignore[attr-defined]
    assert isinstance(assign, ast.Assign)
    name = assign.targets[0]
    assert (name.id, name.lineno, name.col_offset, name.end_col_offset) == ("Ünï", 2, 9, 14)
    assert ast.get_source_segment("if True:\n    type Ünï[T] = dict[str, T]\n", assign.value) == "dict[str, T]"


def test_pep758_except_gets_its_parentheses() -> None:
    tree = parse("try:\n    pass\nexcept ValueError, TypeError:\n    pass\n")
    handler = tree.body[0].handlers[0]  # type: ignore[attr-defined]
    assert ast.unparse(handler.type) == "(ValueError, TypeError)"


def test_real_syntax_errors_stay_errors() -> None:
    for source in ('def f[T](): pass\nprint "x"\n', "def f[T](): pass\ndef g(:\n", "def f[T](x):\npass\n"):
        with pytest.raises(SyntaxError):
            parse(source)
        assert syntax_error(Path("bad.py"), source) is not None


def test_only_an_error_on_a_line_with_a_newer_construct_is_handed_to_libcst() -> None:
    from codemods.newer_syntax import may_be_newer

    def error_of(source: str) -> SyntaxError:
        with pytest.raises(SyntaxError) as caught:
            ast.parse(source)
        return caught.value

    typo = 'x = f"{y}"\n\nprint "x"\n'
    assert not may_be_newer(typo, error_of(typo))
    for newer in ('def f[T](): pass\n', 'type X = int\n', 'x = f"{"a"}"\n', 'x = t"{a}"\n'):
        assert may_be_newer(newer, error_of(newer))


@pytest.mark.parametrize("nested", ["'(' * 5000 + '1' + ')' * 5000", "'-' * 50000 + '1'", "'not ' * 50000 + '1'",
                                    "'a.' * 100000 + 'b'", "'lambda: ' * 10000 + '1'"])
def test_deep_nesting_never_reaches_libcst(nested: str) -> None:
    # libcst's native parser overflows the C stack on such input (a crash, not an
    # exception) or takes minutes: the file must be reported, the run must go on.
    code = (f"from codemods.newer_syntax import parse\nsource = 'def f[T](): pass\\nx = ' + {nested}\n"
            "try:\n    parse(source)\nexcept (SyntaxError, RecursionError, MemoryError):\n    print('refused')\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60, check=False)
    assert (proc.returncode, proc.stdout) == (0, b"refused\n"), proc.stderr


def test_the_syntax_check_accepts_newer_syntax() -> None:
    assert syntax_error(Path("new.py"), SOURCE) is None


def test_the_compile_check_of_rewrites_accepts_newer_syntax_and_still_compiles_the_rest() -> None:
    check_compiles(SOURCE, "new.py")
    with pytest.raises(SyntaxError, match="outside function"):
        check_compiles("def f[T](): pass\nclass C:\n    return 1\n", "new.py")


def test_suppression_comments_after_a_multiline_fstring_are_read() -> None:
    source = 'x = f"{\n    y  # inside\n}"\ntime.sleep(1)  # unblock: ignore\n'
    assert 4 in comment_map(source)


def test_a_line_libcst_does_not_render_back_is_left_alone() -> None:
    # LibCST #1457: ``except X :`` comes back without its blank; the f-string elsewhere is lowered.
    source = 'x = f"{"a"}"\ntry:\n    pass\nexcept ValueError :\n    pass\n'
    assert isinstance(parse(source).body[0].value, ast.JoinedStr)  # type: ignore[attr-defined]
    assert lower('try:\n    pass\nexcept ValueError, TypeError :\n    pass\n') is None


def test_the_command_flags_and_fixes_a_312_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FASTAPI_UNBLOCK_CACHE_DIR", str(tmp_path / "cache"))
    root = tmp_path / "svc"
    main = (
        "import time\n\nfrom fastapi import FastAPI\n\ntype Payload = dict[str, object]\napp = FastAPI()\n\n\n"
        'def first[T](items: list[T]) -> T:\n    return items[0]\n\n\n@app.get("/")\n'
        'async def slow(name: str) -> Payload:\n    time.sleep(1)\n    return {"hi": f"{"hello"} {name}"}\n'
    )
    write(root, {"pyproject.toml": '[project]\nname = "svc"\nversion = "0"\n', "main.py": main,
                 "models.py": "class Page[T]:\n    items: list[T]\n"})
    result = cli(root, "--format", "json", ".")
    assert result.code == 1, result
    document = result.json()
    assert document["errors"] == []
    assert [(f["function"], f["line"], f["calls"][0]["line"], f["calls"][0]["column"]) for f in document["findings"]] \
        == [("slow", 14, 15, 5)]
    applied = cli(root, "--apply", ".")
    assert applied.code == 0, applied
    assert "\ndef slow(name: str) -> Payload:\n" in (root / "main.py").read_text()
    # A file with async code is parsed in full: newer syntax passes, an error after it does not.
    broken = "async def first[T](items: list[T]) -> T:\n    return items[0]\nprint 'x'\n"
    write(root, {"broken.py": broken})
    assert cli(root, ".").code == 2


def _positions(tree: ast.AST) -> list[list[object]]:
    """Positions of calls, functions, attributes and f-strings; not of format specs, which
    3.11 itself places differently in the f-strings it reads (at the whole string)."""
    kinds = (ast.Call, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Attribute, ast.JoinedStr)
    specs = {id(n.format_spec) for n in ast.walk(tree) if isinstance(n, ast.FormattedValue)}
    return sorted([type(n).__name__, n.lineno, n.col_offset, n.end_lineno, n.end_col_offset]  # type: ignore[misc]
                  for n in ast.walk(tree) if isinstance(n, kinds) and id(n) not in specs)


#: The same function, run by the newer Python.
_POSITIONS = "import ast, json, sys\n" + inspect.getsource(_positions) + \
    "print(json.dumps(_positions(ast.parse(sys.stdin.read()))))\n"


NEWER_CASES = [SOURCE, *(p.read_text(encoding="utf-8") for p in sorted((TESTDATA / "newer-syntax").rglob("*.py"))
                         if "syntax: 3.14" not in p.read_text(encoding="utf-8"))]


@pytest.mark.parametrize("source", NEWER_CASES, ids=range(len(NEWER_CASES)))
def test_positions_match_a_newer_python(source: str) -> None:
    newer = newer_python()
    if newer is None:
        pytest.skip("no Python 3.12+ found (set NEWER_PYTHON)")
    proc = subprocess.run([newer, "-c", _POSITIONS], input=source.encode(), capture_output=True, check=True)
    assert _positions(parse(source)) == json.loads(proc.stdout)
