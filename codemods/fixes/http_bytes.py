"""What goes on the wire: the arguments for which httpx would send other bytes than requests.

A swap must not change what the upstream receives: an HMAC-signed webhook, an
exact-match mock or a cache keyed on the query string breaks on one byte. Each
difference below was measured against a server that records the raw request
(``tests/test_swap_bytes.py``, requests 2.34, httpx 0.29):

* ``json=``: requests writes ``json.dumps(obj, allow_nan=False)`` (``", "`` and
  ``": "`` separators, ASCII escapes) and sets ``Content-Type`` only when the
  headers lack one; httpx writes compact UTF-8. The swap sends requests' text as
  ``content=`` and puts ``Content-Type: application/json`` on the per-call
  client, whose headers a request header of any case overrides, as in requests.
  It needs the value to be non-``None`` (requests sends no body for ``None``),
  and it refuses where requests would serialise with simplejson.
* ``params``/``data`` values: requests drops ``None`` and writes ``True`` and
  ``b"x"`` as ``True`` and ``x``; httpx sends ``k=``, ``true`` and ``b%27x%27``.
  Only values that are surely ``str``, ``int`` or ``float`` (or lists of them)
  are swapped.
* URLs: requests percent-encodes ``[ ] \\ ^ | { } `` `` and a stray ``%``;
  httpx sends them as written. A URL whose written text holds one is refused;
  parts computed at run time are not checked (README says so).
* A header whose value is ``None`` is dropped by requests and is a
  ``TypeError`` in httpx: only header values that are surely strings swap; ``auth=`` with non-ASCII text is Latin-1 in requests and UTF-8 in
  httpx. Both refuse the swap.

* An empty body: requests sends ``Content-Length: 0`` for every method but GET
  and HEAD, httpx only for POST, PUT and PATCH. A bodiless DELETE or OPTIONS
  gets the header on its per-call client; a method named at run time refuses.

The ``User-Agent`` differs by design (``python-httpx/...``); README documents it.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from ..analysis.children import walk_nodes
from ..analysis.scope import parameter_defaults
from .base import FixContext, Refusal

if TYPE_CHECKING:
    from collections.abc import Callable

    import libcst as cst

    _Check = Callable[[ast.expr, FixContext, int], bool]

_REQUOTED = frozenset("[]\\^|{}`")
_SCALAR_ANNOTATIONS = frozenset({"str", "int", "float"})
_TO_SCALAR = frozenset({"str", "int", "float", "len", "round", "repr", "format"})
_STR_METHODS = frozenset({
    "lower", "upper", "strip", "lstrip", "rstrip", "title", "capitalize", "casefold", "replace",
    "format", "join", "removeprefix", "removesuffix", "zfill", "hex", "isoformat", "decode",
})
_TO_DOCUMENT = frozenset({"dict", "list", "tuple", "sorted"})
_DOCUMENT_METHODS = frozenset({"model_dump", "dict"})
#: How far a name's assignments are followed to decide what it holds.
_DEPTH = 4
JSON_CONTENT_TYPE = 'headers={"Content-Type": "application/json"}'
EMPTY_BODY_LENGTH = 'headers={"Content-Length": "0"}'
#: Methods whose empty body both libraries send alike (with ``Content-Length: 0`` or without).
_EMPTY_BODY_ALIKE = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH"})
_BODY_ARGUMENTS = ("data", "json", "files")


def check_url(url: ast.expr | None) -> None:
    """Refuse a URL whose written text holds characters requests would percent-encode."""
    pieces: list[str] = []
    if isinstance(url, ast.Constant) and isinstance(url.value, str):
        pieces = [url.value]
    elif isinstance(url, ast.JoinedStr):
        pieces = [str(v.value) for v in url.values if isinstance(v, ast.Constant)]
    elif isinstance(url, ast.BinOp):
        pieces = [str(n.value) for n in walk_nodes(url) if isinstance(n, ast.Constant) and isinstance(n.value, str)]
    text = "".join(pieces)
    found = sorted(set(text) & _REQUOTED)
    if found or _stray_percent(text):
        shown = " ".join(found) or "%"
        raise Refusal(f"the URL holds `{shown}`, which requests percent-encodes and httpx sends as written")


def _stray_percent(text: str) -> bool:
    hexdigits = "0123456789abcdefABCDEF"
    return any(ch == "%" and not (len(text) > i + 2 and text[i + 1] in hexdigits and text[i + 2] in hexdigits)
               for i, ch in enumerate(text))


def empty_body_header(verb: str, values: dict[str, ast.expr]) -> str | None:
    """The client header that makes httpx send requests' ``Content-Length: 0``, if one is needed."""
    # ``json={}`` is a body (``{}``); ``data={}`` and ``files={}`` are not.
    if any(name in values and (name == "json" or not _empty_literal(values[name])) for name in _BODY_ARGUMENTS):
        return None
    method: str | None = verb.upper()
    if verb == "request":
        given = values.get("method")
        method = given.value.upper() if isinstance(given, ast.Constant) and isinstance(given.value, str) else None
    if method is None:
        raise Refusal("a method named at run time: requests sends `Content-Length: 0` for an empty body "
                      "unless it is GET or HEAD, httpx only for POST, PUT and PATCH")
    return None if method in _EMPTY_BODY_ALIKE else EMPTY_BODY_LENGTH


def _empty_literal(value: ast.expr) -> bool:
    return isinstance(value, (ast.Dict, ast.List, ast.Tuple)) and not (
        value.keys if isinstance(value, ast.Dict) else value.elts
    ) or isinstance(value, ast.Constant) and value.value in (None, b"", "")


def check_encoded_values(keyword: str, value: ast.Dict, context: FixContext) -> None:
    """``params=``/``data=`` dict: every value surely a str, int or float (or a list of them)."""
    for key, item in zip(value.keys, value.values):
        elements = item.elts if isinstance(item, (ast.List, ast.Tuple)) else [item]
        for element in elements:
            if not is_scalar(element, context, 0):
                shown = ast.unparse(key) if key is not None else "**"
                raise Refusal(
                    f"`{keyword}` value for {shown} may be None, a bool or bytes, which requests and httpx "
                    "encode differently (requests drops None and writes True)"
                )


def check_headers(value: ast.expr, context: FixContext) -> None:
    """Every header value surely a string: requests drops a ``None`` value, httpx raises TypeError."""
    if not _header_values_are_strings(value, context, 0):
        raise Refusal("a header value may be None (requests drops the header; httpx raises TypeError)")


def _header_values_are_strings(value: ast.expr, context: FixContext, depth: int) -> bool:
    if isinstance(value, ast.Dict):
        return None not in value.keys and all(
            is_scalar(v, context, 0) or isinstance(v, ast.Constant) and isinstance(v.value, bytes) for v in value.values)
    if isinstance(value, ast.Name):  # ``headers = {...}`` in the function or the module
        return _name_holds(value.id, context, depth, _header_values_are_strings, frozenset())
    return False


def check_auth(value: ast.expr) -> None:
    if not isinstance(value, ast.Tuple):
        raise Refusal("`auth=` other than a (user, password) tuple")
    for element in value.elts:
        if isinstance(element, ast.Constant) and isinstance(element.value, str) and not element.value.isascii():
            raise Refusal("non-ASCII credentials (requests encodes them as Latin-1, httpx as UTF-8)")


def check_json_body(value: ast.expr, context: FixContext, statement: ast.stmt) -> None:
    """The swap writes ``json.dumps(value)`` itself: refuse where that would not be requests' body."""
    if not _is_document(value, context, 0):
        raise Refusal("`json=` value may be None (requests then sends no body); the threadpool keeps it")
    if context.resolver.index.library_file("simplejson") is not None:
        raise Refusal("requests serialises `json=` with simplejson in this environment")
    bound = context.scope.lookup("json")
    if bound is not None and any(b.kind != "import" or b.target != "json" for b in bound[1]):
        raise Refusal("`json` already means something else here")
    for node in walk_nodes(context.function):
        if isinstance(node, ast.Try) and any(s is statement for b in node.body for s in walk_nodes(b)):
            caught = [ast.unparse(h.type) for h in node.handlers if h.type is not None]
            if any("RequestException" in text or "JSONError" in text for text in caught):
                raise Refusal("an `except` caught requests' error for a body JSON cannot encode; "
                              "json.dumps raises ValueError")


def json_content(value: cst.BaseExpression) -> cst.Call:
    """``json.dumps(value, allow_nan=False)``: the text requests sends for ``json=value``."""
    import libcst as cst

    no_space = cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))
    return cst.Call(
        func=cst.Attribute(value=cst.Name("json"), attr=cst.Name("dumps")),
        args=[cst.Arg(value), cst.Arg(cst.Name("False"), keyword=cst.Name("allow_nan"), equal=no_space)],
    )


def is_scalar(expr: ast.expr, context: FixContext, depth: int) -> bool:
    """Surely a ``str``, ``int`` or ``float`` (never ``None``, a bool or bytes)."""
    if isinstance(expr, ast.Constant):
        return isinstance(expr.value, (str, int, float)) and not isinstance(expr.value, bool)
    if isinstance(expr, ast.JoinedStr):
        return True
    if isinstance(expr, ast.BinOp):
        return is_scalar(expr.left, context, depth) and (
            isinstance(expr.op, ast.Mod) or is_scalar(expr.right, context, depth)
        )
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, (ast.USub, ast.UAdd)):
        return is_scalar(expr.operand, context, depth)
    if isinstance(expr, ast.Call):
        func = expr.func
        if isinstance(func, ast.Name) and func.id in _TO_SCALAR and context.scope.lookup(func.id) is None:
            return True
        return (isinstance(func, ast.Attribute) and func.attr in _STR_METHODS
                and is_scalar(func.value, context, depth))
    if isinstance(expr, ast.Name):
        return _name_holds(expr.id, context, depth, is_scalar, _SCALAR_ANNOTATIONS)
    return False


def _is_document(expr: ast.expr, context: FixContext, depth: int) -> bool:
    """Surely not ``None``: what ``json=`` may hold for the swap to write its text."""
    if isinstance(expr, (ast.Dict, ast.List, ast.Tuple, ast.DictComp, ast.ListComp)):
        return True
    if isinstance(expr, ast.Call):
        func = expr.func
        if isinstance(func, ast.Name) and func.id in _TO_DOCUMENT and context.scope.lookup(func.id) is None:
            return True
        if isinstance(func, ast.Attribute) and func.attr in _DOCUMENT_METHODS:
            return True
    if isinstance(expr, ast.Name):
        return _name_holds(expr.id, context, depth, _is_document, None)
    return is_scalar(expr, context, depth)


def _name_holds(name: str, context: FixContext, depth: int, check: _Check,
                annotations: frozenset[str] | None) -> bool:
    """Every binding of ``name`` in sight is a value that passes ``check`` (or a parameter so annotated)."""
    found = context.scope.lookup(name)
    if found is None or depth >= _DEPTH:
        return False
    scope, bindings = found
    for binding in bindings:
        if binding.kind == "value" and isinstance(binding.node, ast.expr):
            if not check(binding.node, context, depth + 1):
                return False
        elif binding.kind == "annotation" and scope is context.scope:
            if not _required_parameter(context.function, name, annotations):
                return False
        else:
            return False
    return True


def _required_parameter(function: ast.FunctionDef | ast.AsyncFunctionDef, name: str,
                        annotations: frozenset[str] | None) -> bool:
    """A parameter whose annotation excludes ``None`` and whose default is not ``None``.

    FastAPI validates a handler's parameters, so ``limit: int`` holds an int;
    ``limit: int | None = None`` may hold ``None``.
    """
    arguments = function.args
    defaults = parameter_defaults(arguments)
    parameter = next((a for a in [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs] if a.arg == name),
                     None)
    if parameter is None or parameter.annotation is None:
        return False
    if _defaults_to_none(defaults.get(name)):
        return False
    annotation = parameter.annotation
    if annotations is None:
        return not any(isinstance(n, ast.Constant) and n.value is None
                       or isinstance(n, ast.Name) and n.id in {"Optional", "Any", "None"}
                       or isinstance(n, ast.Attribute) and n.attr in {"Optional", "Any"}
                       for n in walk_nodes(annotation))
    return isinstance(annotation, ast.Name) and annotation.id in annotations


def _defaults_to_none(default: ast.expr | None) -> bool:
    """``= None``, or ``= Query(None)`` / ``= Query(default=None)``: FastAPI passes ``None`` when absent."""
    if isinstance(default, ast.Call):
        given = [*default.args[:1], *(k.value for k in default.keywords if k.arg == "default")]
        return any(isinstance(v, ast.Constant) and v.value is None for v in given)
    return isinstance(default, ast.Constant) and default.value is None

