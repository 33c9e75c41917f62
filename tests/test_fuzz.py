"""Property tests of the engine on generated modules (hypothesis + hypothesmith).

Budget. By default every test here runs the ``unblock-fuzz`` profile: 40
examples, no deadline, derandomized (the same examples on every run, so CI is
deterministic) and no example database. For a long exploration run::

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -q tests/test_fuzz.py

which runs 5000 random examples per test (no deadline, random seed, examples
that fail are saved in hypothesis' database under ``.hypothesis/``). Any other
value of ``HYPOTHESIS_PROFILE`` keeps the default. The profiles are applied
per test with a ``settings`` decorator, so they do not change the settings of
other test modules.

Inputs:

* ``hypothesmith.from_grammar()`` and ``hypothesmith.from_node()``: arbitrary
  (mostly strange) Python;
* ``fastapi_modules()``: FastAPI modules mixing routes, dependencies,
  websockets and helpers whose bodies call blocking APIs from a small list,
  with await/with/loops/globals around them, hypothesmith statements in between
  and inside, CRLF newlines or tab indentation.

Properties, on each input:

1. ``analyse_source`` never raises;
2. every produced ``new_text`` compiles;
3. a second run on the output changes nothing;
4. no byte outside the fixed functions (from the ``async def`` line a fixed
   finding reports to the end of that function, found with ``ast`` on the
   input) and the leading import block changes: the text between those spans is
   found, in order, in the output, the head at its start and the tail at its end.

Failing examples found by hypothesis are kept below as ``@example(...)``
regressions.
"""

from __future__ import annotations

import ast
import os
import textwrap
import warnings

import hypothesmith
import pytest
from hypothesis import HealthCheck, assume, event, example, given, settings
from hypothesis import strategies as st
from hypothesis.control import currently_in_test_context

from codemods.api import analyse_source
from codemods.import_order import import_block_span
from codemods.models import FileResult

settings.register_profile(
    "unblock-fuzz",
    max_examples=40,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
settings.register_profile(
    "long",
    max_examples=5000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much, HealthCheck.data_too_large],
)
PROFILE = settings.get_profile("long" if os.environ.get("HYPOTHESIS_PROFILE") == "long" else "unblock-fuzz")

PATH = "fuzz_module.py"

# Generated code is full of `1()` and "\d": the compiler's SyntaxWarnings are noise here.
pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning")


# -- the oracle -----------------------------------------------------------------------------


def _compiles(text: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # SyntaxWarning for odd escapes in generated code
            compile(text, PATH, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    return True


def _lines(text: str) -> list[str]:
    """Lines with their ends, split on \\n, \\r\\n and \\r only (as Python's tokenizer does)."""
    out: list[str] = []
    start = 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "\n" or char == "\r":
            end = index + 2 if char == "\r" and text[index + 1 : index + 2] == "\n" else index + 1
            out.append(text[start:end])
            start = index = end
            continue
        index += 1
    if start < len(text):
        out.append(text[start:])
    return out


def _import_block_end(tree: ast.Module) -> int:
    """Last line of the leading docstring and imports (0 when the module starts otherwise)."""
    return import_block_span(tree)[1] - 1


def _functions_by_qualname(tree: ast.Module) -> dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]]:
    """Functions by qualified name (``Class.method``, ``outer.inner``), in source order."""
    found: dict[str, list[ast.FunctionDef | ast.AsyncFunctionDef]] = {}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                name = f"{prefix}{child.name}"
                if not isinstance(child, ast.ClassDef):
                    found.setdefault(name, []).append(child)
                visit(child, f"{name}.")
            else:
                visit(child, prefix)

    visit(tree, "")
    return found


def _spans(old: ast.Module, new: ast.Module, result: FileResult) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The fixed functions' lines, from the ``async def`` line to their end, in the input and the output."""
    before, after = _functions_by_qualname(old), _functions_by_qualname(new)
    old_spans: list[tuple[int, int]] = []
    new_spans: list[tuple[int, int]] = []
    for finding in result.findings:
        if not finding.fixed:
            continue
        candidates = before.get(finding.function, [])
        index = next((i for i, node in enumerate(candidates) if node.lineno == finding.line), None)
        assert index is not None, f"{finding.function}: no function of that name at line {finding.line}"
        assert len(after.get(finding.function, [])) == len(candidates), f"{finding.function} appeared or vanished"
        for spans, node in ((old_spans, candidates[index]), (new_spans, after[finding.function][index])):
            spans.append((node.lineno, node.end_lineno or node.lineno))
    return old_spans, new_spans


def _outside(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, str]]:
    """The runs of lines of ``text`` outside ``spans`` (1-based, inclusive), with their first line."""
    lines = _lines(text)
    editable = [False] * (len(lines) + 2)
    for first, last in spans:
        for number in range(max(first, 1), min(last, len(lines)) + 1):
            editable[number] = True
    segments: list[tuple[int, str]] = []
    start, current = 0, list[str]()
    for number, line in enumerate(lines, start=1):
        if editable[number]:
            if current:
                segments.append((start, "".join(current)))
                current = []
        else:
            start = start if current else number
            current.append(line)
    if current:
        segments.append((start, "".join(current)))
    return segments


def assert_only_spans_changed(old: str, new: str, old_tree: ast.Module, result: FileResult) -> None:
    """Outside the fixed functions and the import block, ``new`` is ``old``, run of lines for run of lines.

    The one allowance: statements a fix adds right after the imports (the first run after the
    import block may gain lines at its start).
    """
    new_tree = ast.parse(new)
    old_spans, new_spans = _spans(old_tree, new_tree, result)
    old_imports, new_imports = _import_block_end(old_tree), _import_block_end(new_tree)
    before = _outside(old, [*old_spans, (1, old_imports)])
    after = _outside(new, [*new_spans, (1, new_imports)])
    assert len(after) == len(before), (
        f"the text outside the fixed functions changed shape:\n{before!r}\n---\n{after!r}"[:3000]
    )
    for index, ((old_line, was), (new_line, now)) in enumerate(zip(before, after)):
        after_imports = index == 0 and old_line == old_imports + 1 and new_line == new_imports + 1
        if now != was and not (after_imports and now.endswith(was)):
            raise AssertionError(f"text outside the fixed functions changed:\n{was[:600]!r}\n---\n{now[:600]!r}")


def _event(label: str) -> None:
    """Count ``label`` in hypothesis' statistics (``--hypothesis-show-statistics``); outside a test, nothing."""
    if currently_in_test_context():
        event(label)


def check(text: str) -> FileResult | None:
    """The four properties; returns the first result (None for input that does not parse)."""
    result = analyse_source(text, PATH)  # 1. never raises
    for finding in result.findings:
        _event(f"finding: {finding.fix.strategy.value}, {'fixed' if finding.fixed else 'not fixed'}")
    if result.error is not None:
        _event(f"refused: {result.error.message.split(';')[0].split('(')[0][:60]}")
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        assert not result.changed, "a file that does not parse was rewritten"
        return None
    if not result.changed:
        return result
    new_text = result.new_text
    assert new_text is not None
    assert _compiles(new_text), "the rewrite does not compile"  # 2.
    again = analyse_source(new_text, PATH)  # 3.
    assert not again.changed, f"a second run changes the output again:\n{again.new_text}"
    assert_only_spans_changed(text, new_text, tree, result)  # 4.
    return result


# -- strategies -----------------------------------------------------------------------------

HEADER_IMPORTS = (
    "import time",
    "import os",
    "import subprocess",
    "import sqlite3",
    "import socket",
    "import asyncio",
    "import requests",
    "import urllib.request",
    "from time import sleep",
    "import requests as http",
    "from fastapi import Depends, Request, WebSocket",
)

BLOCKING = (
    "time.sleep(0.1)",
    "sleep(1)",
    "requests.get(url)",
    "requests.post(url, json={'a': 1}, timeout=5)",
    "http.get(url).json()",
    "subprocess.run(['ls'], check=False)",
    "open(path).read()",
    "sqlite3.connect(':memory:')",
    "urllib.request.urlopen(url)",
    "socket.gethostbyname('example.com')",
    "data = open(path, 'rb').read()",
    "response = requests.get(url)\nvalue = response.json()",
    "with open(path) as handle:\n    data = handle.read()",
    "with open(path, 'w') as handle:\n    handle.write('x')\n    handle.flush()",
)

OTHER = (
    "x = 1",
    "await asyncio.sleep(0)",
    "value = await other()",
    "result = {'a': 1}",
    "if flag:\n    pass",
    "if flag:\n    time.sleep(1)\nelse:\n    x = 2",
    "for i in range(3):\n    total = i",
    "for i in range(3):\n    time.sleep(i)",
    "while False:\n    break",
    "try:\n    value = 1\nexcept Exception:\n    value = 2",
    "try:\n    requests.get(url)\nexcept requests.RequestException:\n    pass",
    "global counter\ncounter = 1",
    "async with lock:\n    pass",
    "items = [i async for i in stream()]",
    "def inner():\n    time.sleep(1)",
    "lambda: time.sleep(1)",
    "yield 1",
    "del x",
    "assert flag, 'message'",
    "# a comment",
    "x = (\n    1,\n    2,\n)",
    "s = '''multi\nline'''",
    "name = f'{x!r:>10}'",
)

DECORATORS = (
    '@app.get("/{name}")',
    '@app.post("/{name}", status_code=201)',
    '@router.get("/{name}")',
    '@app.websocket("/{name}")',
    '@app.on_event("startup")',
    '@app.exception_handler(ValueError)',
    '@app.middleware("http")',
    "",
)

PARAMETERS = ("", "url: str", "request: Request", "path: str = 'x'", "ws: WebSocket", "value=Depends(dep)",
              "*args, **kwargs", "url, /, path, *, flag=True")


#: Built once: building a hypothesmith strategy compiles its grammar, which is slow.
GRAMMAR = hypothesmith.from_grammar()


@st.composite
def snippets(draw: st.DrawFn) -> str:
    """A hypothesmith module, used as a block of statements (ends with a newline)."""
    text = draw(GRAMMAR)
    if text and not text.endswith(("\n", "\r")):
        text += "\n"
    return text


@st.composite
def bodies(draw: st.DrawFn, snippet: str | None = None) -> str:
    statements = draw(st.lists(st.one_of(st.sampled_from(BLOCKING), st.sampled_from(OTHER)), min_size=1, max_size=5))
    if snippet is not None and snippet.strip():
        statements.insert(draw(st.integers(0, len(statements))), snippet)
    if draw(st.booleans()):
        statements.append(draw(st.sampled_from(("return {'ok': True}", "return value", "return"))))
    return "".join(textwrap.indent(s.rstrip("\n\r") + "\n", "    ") for s in statements)


KEYWORDS = ("async def", "async def", "async def", "def", "async  def", "async \\\n    def")
SIGNATURES = ("({parameters}){returns}:", "(\n    {parameters}\n){returns}:", "({parameters}){returns}:  # a comment",
              "({parameters}) \\\n        {returns}:")


@st.composite
def functions(draw: st.DrawFn, index: int, snippet: str | None = None) -> str:
    name = f"h{index}"
    drawn = draw(st.lists(st.sampled_from(DECORATORS), max_size=2, unique=True))
    decorators = [d.format(name=name) for d in drawn if d]
    comment: bool = draw(st.booleans())
    if decorators and comment:
        decorators.insert(draw(st.integers(0, len(decorators))), "# a comment between decorators")
    keyword = draw(st.sampled_from(KEYWORDS))
    parameters = draw(st.sampled_from(PARAMETERS))
    returns = draw(st.sampled_from(("", " -> dict", " -> None")))
    signature = draw(st.sampled_from(SIGNATURES)).format(parameters=parameters, returns=returns.strip() and returns)
    if draw(st.integers(0, 5)) == 0:
        # The whole body on the def line.
        inline = "; ".join(draw(st.lists(st.sampled_from([b for b in BLOCKING if "\n" not in b]), min_size=1,
                                         max_size=2)))
        body = f" {inline}\n"
        text = "".join(f"{d}\n" for d in decorators) + f"{keyword} {name}{signature}{body}"
    else:
        body = draw(bodies(snippet))
        docstring = draw(st.sampled_from(("", '    """Docs."""\n', "    # leading comment\n")))
        trailer = draw(st.sampled_from(("", "    # trailing comment\n", "\n    \n", "\x0c\n")))
        text = "".join(f"{d}\n" for d in decorators) + f"{keyword} {name}{signature}\n{docstring}{body}{trailer}"
    wrapper = draw(st.sampled_from(("", "", "", "if True:\n", "class Views:\n", "try:\n")))
    if wrapper:
        text = wrapper + textwrap.indent(text, "    ", lambda line: True)
        if wrapper.startswith("try"):
            text += "except ImportError:\n    pass\n"
    return "\n\n" + text


@st.composite
def fastapi_modules(draw: st.DrawFn) -> str:
    imports = draw(st.lists(st.sampled_from(HEADER_IMPORTS), unique=True, max_size=6))
    parts = []
    if draw(st.booleans()):
        parts.append('"""A generated module."""\n')
    if draw(st.booleans()):
        parts.append("from __future__ import annotations\n")
    parts += [line + "\n" for line in draw(st.permutations(imports))]
    parts.append("from fastapi import APIRouter, FastAPI\n\napp = FastAPI()\nrouter = APIRouter()\n")
    if draw(st.booleans()):
        parts.append("\n\nasync def dep():\n    time.sleep(1)\n    return 1\n")
    if draw(st.booleans()):
        parts.append("\n\ndef helper():\n    time.sleep(1)\n")
    count = draw(st.integers(min_value=1, max_value=4))
    # hypothesmith is slow to draw from: one snippet at most, between functions or inside one.
    snippet = draw(st.one_of(st.none(), snippets()))
    where = draw(st.integers(0, 2 * count))
    for index in range(count):
        if snippet is not None and where == 2 * index:
            parts.append("\n" + snippet)
        parts.append(draw(functions(index, snippet if snippet is not None and where == 2 * index + 1 else None)))
        if draw(st.booleans()):
            parts.append(f"\n\napp.add_api_route('/added{index}', h{index})\n")
    text = "".join(parts)
    style = draw(st.sampled_from(("plain", "crlf", "tabs", "no-final-newline")))
    if style == "crlf":
        text = text.replace("\r\n", "\n").replace("\n", "\r\n")
    elif style == "tabs":
        text = "".join(line.replace("    ", "\t") if line.startswith("    ") else line for line in _lines(text))
    elif style == "no-final-newline":
        text = text.rstrip("\r\n")
    assume(_compiles(text))
    return text


# -- the tests ------------------------------------------------------------------------------

SIMPLE = (
    "import time\n\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
    '@app.get("/")\nasync def index():\n    time.sleep(1)\n    return {}\n'
)
NO_IMPORT_BLOCK = (
    'app = __import__("fastapi").FastAPI()\n\n\n@app.get("/")\nasync def index(request):\n'
    "    body = await request.body()\n    open('x', 'wb').write(body)\n"
)


@PROFILE
@given(hypothesmith.from_grammar())
def test_grammar_modules(text: str) -> None:
    check(text)


@PROFILE
@given(hypothesmith.from_node())
def test_node_modules(text: str) -> None:
    check(text)


@PROFILE
@given(hypothesmith.from_grammar())
def test_grammar_modules_after_a_blocking_route(text: str) -> None:
    """Arbitrary code after a route that is always fixed: the fix must leave it alone."""
    if text and not text.endswith(("\n", "\r")):
        text += "\n"
    module = SIMPLE + "\n" + text
    assume(_compiles(module))
    result = check(module)
    assert result is not None


@PROFILE
@given(fastapi_modules())
@example(SIMPLE)
@example(SIMPLE.replace("\n", "\r\n"))
@example(SIMPLE.replace("    ", "\t").rstrip("\n"))
@example(NO_IMPORT_BLOCK)
def test_fastapi_modules(text: str) -> None:
    result = check(text)
    # 5. These modules compile: a planned fix that is then refused is the engine contradicting itself.
    assert result is not None
    assert result.error is None, result.error.message


# Found by test_fastapi_modules (hypothesis, shrunk): swap-to-async of a `requests` call whose
# statement does not own its line. The http swap replaces the whole SimpleStatementLine, so it
# missed its anchor (the file was refused) or would have taken a `;` neighbour with it; such a
# call now falls back to wrap-in-threadpool.
SWAP_REGRESSIONS = {
    "body-on-the-def-line": (
        'import requests\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n'
        '@app.websocket("/h0")\nasync def h0(): requests.get(url)\n'
    ),
    "after-a-semicolon": (
        'import requests\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n'
        '@app.get("/")\nasync def h0():\n    await other(); requests.get(url)\n'
    ),
    "one-line-if": (
        'import requests\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n'
        '@app.get("/")\nasync def h0(flag):\n    await other()\n    if flag: requests.get(url)\n'
    ),
    "before-a-semicolon": (
        'import requests\nfrom fastapi import FastAPI\n\napp = FastAPI()\n\n\n'
        '@app.get("/")\nasync def h0():\n    await other()\n    r = requests.get(url); keep = 1\n    return keep\n'
    ),
}


@pytest.mark.parametrize("name", list(SWAP_REGRESSIONS))
def test_swap_to_async_of_a_requests_call_sharing_its_line(name: str) -> None:
    text = SWAP_REGRESSIONS[name]
    result = check(text)
    assert result is not None and result.findings
    assert result.error is None, result.error
    assert all(f.fixed and f.fix.strategy.value == "wrap-in-threadpool" for f in result.findings)
    assert result.new_text is not None
    assert "; keep = 1" not in text or "; keep = 1" in result.new_text


def test_the_oracle_catches_a_change_outside_the_spans() -> None:
    """The span check is not vacuous: an edit outside the fixed function is caught."""
    result = analyse_source(SIMPLE, PATH)
    assert result.changed and result.new_text is not None
    tree = ast.parse(SIMPLE)
    assert_only_spans_changed(SIMPLE, result.new_text, tree, result)
    for tampered in (
        result.new_text.replace("app = FastAPI()", "app = FastAPI(debug=True)"),
        result.new_text + "# appended\n",
        result.new_text.replace('@app.get("/")', '@app.get("/x")'),
    ):
        with pytest.raises(AssertionError):
            assert_only_spans_changed(SIMPLE, tampered, tree, result)
