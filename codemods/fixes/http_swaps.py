"""Swap requests (and httpx's sync API) for an awaited httpx ``AsyncClient``, faithfully.

Follows shared/research/httpx_mapping.md. Each top-level call becomes a
per-call client (shape A, what ``requests.get`` itself does)::

    async with httpx.AsyncClient(follow_redirects=True, timeout=None, max_redirects=30) as http_client:
        r = await http_client.get(url, params={"q": city})

keeping requests' defaults (redirects followed except for HEAD, no timeout,
30 redirects). Positional ``params``/``data``/``json`` become keywords, a
str/bytes ``data`` becomes ``content``, a body on GET/DELETE/HEAD/OPTIONS
goes through ``client.request``, ``cookies``/``verify``/``cert`` move to the
client, ``allow_redirects`` becomes ``follow_redirects``. Response uses that
differ are mapped (``.ok``, ``.url``, ``.reason``, ``.is_redirect``,
``raise_for_status`` on 3xx), and so are ``except requests.X`` clauses.
Whatever the mapping marks unfaithful (params with a URL that may carry a
query, unknown ``data``/``params`` values, ``stream``, ``proxies``, ``files``,
truthiness or escape of the response, builtin ``OSError``/``ValueError``
handlers, calls in loops) raises :class:`Refusal`, and the planner falls
back to the threadpool: never a silent change of behaviour.
"""

from __future__ import annotations

import ast
import io
import tokenize
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..analysis.children import walk_nodes
from ..analysis.direct_calls import DirectCall
from ..analysis.names import qualified_name
from ..transform import NodeEdit
from .base import FixContext, Refusal
from .http_bytes import (
    JSON_CONTENT_TYPE,
    check_auth,
    check_encoded_values,
    check_headers,
    check_json_body,
    check_url,
    empty_body_header,
    json_content,
)
from .http_responses import map_response_uses

if TYPE_CHECKING:
    import libcst as cst

_POSITIONAL = {
    "get": ("url", "params"),
    "options": ("url",), "head": ("url",), "delete": ("url",),
    "post": ("url", "data", "json"), "put": ("url", "data"), "patch": ("url", "data"),
    "request": ("method", "url", "params", "data", "headers", "cookies", "files", "auth", "timeout",
                "allow_redirects", "proxies", "hooks", "stream", "verify", "cert", "json"),
}
_SESSION_POSITIONAL = {**_POSITIONAL, "get": ("url",)}
_PER_CALL = {"params", "headers", "auth", "timeout"}
_TO_CLIENT = {"cookies", "verify", "cert"}
_NO_BODY = {"get", "delete", "head", "options"}
# ``.text``/``.encoding`` are left out: for text/* without a charset requests decodes
# ISO-8859-1 and httpx UTF-8 (httpx_mapping.md §7b), so they make the swap fall back.
_EXCEPTIONS = {
    "HTTPError": "{m}.HTTPStatusError",
    "Timeout": "{m}.TimeoutException",
    "ConnectTimeout": "{m}.ConnectTimeout",
    "ReadTimeout": "{m}.ReadTimeout",
    "TooManyRedirects": "{m}.TooManyRedirects",
    "ConnectionError": "({m}.NetworkError, {m}.ConnectTimeout, {m}.RemoteProtocolError, {m}.ProxyError)",
    "RequestException": "({m}.HTTPError, {m}.InvalidURL)",
    "ChunkedEncodingError": "{m}.RemoteProtocolError",
    "ContentDecodingError": "{m}.DecodingError",
    "MissingSchema": "{m}.UnsupportedProtocol",
    "InvalidSchema": "{m}.UnsupportedProtocol",
}
_BUILTIN_CATCHES = {"OSError", "IOError", "EnvironmentError", "ValueError", "ConnectionError", "TimeoutError"}
_CLIENT_DEFAULTS = "follow_redirects=True, timeout=None, max_redirects=30"


@dataclass
class SwapEdits:
    nodes: list[NodeEdit] = field(default_factory=list)
    imports: set[tuple[str, str | None]] = field(default_factory=set)
    unused: set[str] = field(default_factory=set)
    module_statements: dict[str, str] = field(default_factory=dict)


#: One TLS context per module, made at import: an ``AsyncClient`` made per call would
#: otherwise load the CA bundle on the event loop every time (~20 ms; measured).
TLS_CONTEXT = "_httpx_tls_context"


def requests_call(context: FixContext, call: DirectCall, statement: ast.stmt) -> SwapEdits:
    """``r = requests.get(...)`` (or an expression statement) -> a per-call AsyncClient block."""
    verb = call.name.rsplit(".", 1)[-1]
    library = context.settings.http_library
    arguments = _arguments(call.node, _POSITIONAL[verb])
    per_call, client = _map_arguments(context, verb, arguments, statement)
    method, body_verb = _httpx_method(verb, arguments)
    target = _assigned_name(statement, call.node)
    out = SwapEdits(imports={(library, None)}, unused={"requests"})
    if "json" in per_call:
        out.imports.add(("json", None))
    _check_not_in_loop(context, statement)
    if _has_comment(context.source_of(call.node)):
        raise Refusal("a comment inside the call would be lost when its arguments are rebuilt")
    if not context.alone_on_its_lines(statement):
        raise Refusal("the call shares its line with other code; the threadpool leaves the line as it is")
    if target is not None:
        map_response_uses(context, target, statement, out.nodes)
    _map_exceptions(context, statement, library, out)
    client_name = _fresh_client_name(context)
    if not any(name in arguments.values for name in ("verify", "cert")):
        _check_tls_name(context, library)
        client.append(f"verify={TLS_CONTEXT}")
        out.module_statements[TLS_CONTEXT] = f"{TLS_CONTEXT} = {library}.create_ssl_context()\n"
    client_args = ", ".join([_CLIENT_DEFAULTS, *client])

    def rewrite(original: cst.SimpleStatementLine, updated: cst.SimpleStatementLine) -> cst.BaseStatement:
        import libcst as cst

        new_call = _rebuild_call(updated, client_name, method, body_verb, per_call, arguments)
        inner = updated.with_changes(body=[_replace_call(updated.body[0], new_call)], leading_lines=[])
        block = cst.parse_statement(f"async with {library}.AsyncClient({client_args}) as {client_name}:\n    pass\n")
        assert isinstance(block, cst.With) and isinstance(block.body, cst.IndentedBlock)
        return block.with_changes(body=block.body.with_changes(body=[inner]), leading_lines=original.leading_lines)

    line = statement.lineno
    out.nodes.append(NodeEdit("SimpleStatementLine", line, context.char_column(line, statement.col_offset), rewrite))
    return out


@dataclass(frozen=True)
class _Arguments:
    """Where each requests parameter comes from: ``("pos", i)`` or ``("kw", name)``."""

    sources: dict[str, tuple[str, int | str]]
    values: dict[str, ast.expr]


def _has_comment(code: str) -> bool:
    if "#" not in code:
        return False
    try:
        return any(t.type == tokenize.COMMENT for t in tokenize.generate_tokens(io.StringIO(code).readline))
    except (tokenize.TokenError, SyntaxError):
        return True


def _arguments(node: ast.Call, order: tuple[str, ...]) -> _Arguments:
    sources: dict[str, tuple[str, int | str]] = {}
    values: dict[str, ast.expr] = {}
    for index, arg in enumerate(node.args):
        if isinstance(arg, ast.Starred) or index >= len(order):
            raise Refusal("positional arguments the mapping cannot place")
        sources[order[index]] = ("pos", index)
        values[order[index]] = arg
    for keyword in node.keywords:
        if keyword.arg is None:
            raise Refusal("`**kwargs` hides which arguments are passed")
        sources[keyword.arg] = ("kw", keyword.arg)
        values[keyword.arg] = keyword.value
    return _Arguments(sources, values)


def _map_arguments(
    context: FixContext, verb: str, arguments: _Arguments, statement: ast.stmt
) -> tuple[dict[str, str], list[str]]:
    """requests parameter -> httpx keyword; and client constructor arguments (as source text).

    Arguments whose bytes on the wire would differ are checked (or rewritten) by http_bytes.
    """
    per_call: dict[str, str] = {}
    client: list[str] = []
    values = arguments.values
    check_url(values.get("url"))
    for name, value in values.items():
        if name in {"url", "method"}:
            continue
        if name in _PER_CALL:
            per_call[name] = name
        elif name == "allow_redirects":
            per_call[name] = "follow_redirects"
        elif name in _TO_CLIENT:
            client.append(f"{name}={context.source_of(value)}")
        elif name == "data":
            per_call[name] = _data_keyword(value, context)
        elif name == "json":
            if "data" in values:
                raise Refusal("both `data=` and `json=` (requests ignores json only when data is not empty)")
            check_json_body(value, context, statement)
            per_call[name] = "content"
            client.append(JSON_CONTENT_TYPE)
        else:
            raise Refusal(f"`{name}=` has no faithful per-call equivalent in httpx")
    if "params" in values:
        _check_params(values["params"], values.get("url"), context)
    if "headers" in values:
        check_headers(values["headers"], context)
    if "auth" in values:
        check_auth(values["auth"])
    length = empty_body_header(verb, values)
    if length is not None:
        client.append(length)
    return per_call, client


def _data_keyword(value: ast.expr, context: FixContext) -> str:
    if isinstance(value, ast.Dict) and None not in value.keys:
        check_encoded_values("data", value, context)
        return "data"
    if isinstance(value, ast.Constant) and isinstance(value.value, (str, bytes)) or isinstance(value, ast.JoinedStr):
        return "content"
    raise Refusal("`data=` of a type the mapping cannot check (a list of tuples or a file changes meaning)")


def _check_params(params: ast.expr, url: ast.expr | None, context: FixContext) -> None:
    if not (isinstance(params, ast.Dict) and None not in params.keys):
        raise Refusal("`params=` that is not a literal dict")
    check_encoded_values("params", params, context)
    if isinstance(url, ast.Constant) and isinstance(url.value, str):
        text = url.value
    elif isinstance(url, ast.JoinedStr):
        text = "".join(str(v.value) for v in url.values if isinstance(v, ast.Constant))
    else:
        raise Refusal("`params=` with a URL that may already carry a query string (httpx would replace it)")
    if "?" in text:
        raise Refusal("`params=` with a URL that has a query string (httpx replaces it, requests merges)")


def _httpx_method(verb: str, arguments: _Arguments) -> tuple[str, str | None]:
    has_body = any(k in arguments.values for k in ("data", "json", "files"))
    if verb in _NO_BODY and has_body:
        return "request", verb.upper()
    return verb, None


def _assigned_name(statement: ast.stmt, call: ast.Call) -> str | None:
    if isinstance(statement, ast.Expr) and statement.value is call:
        return None
    if isinstance(statement, ast.Assign) and statement.value is call and len(statement.targets) == 1:
        target = statement.targets[0]
        if isinstance(target, ast.Name):
            return target.id
    if isinstance(statement, ast.AnnAssign) and statement.value is call and isinstance(statement.target, ast.Name):
        return statement.target.id
    raise Refusal("the call is not a whole statement (`r = requests.get(...)`)")


def _check_not_in_loop(context: FixContext, statement: ast.stmt) -> None:
    for node in walk_nodes(context.function):
        if (isinstance(node, (ast.For, ast.While, ast.AsyncFor)) and node is not statement
                and any(child is statement for child in walk_nodes(node))):
            raise Refusal("in a loop: a client per iteration; the threadpool keeps requests' behaviour")


def _map_exceptions(context: FixContext, statement: ast.stmt, library: str, out: SwapEdits) -> None:
    for node in walk_nodes(context.function):
        if not isinstance(node, ast.Try) or not any(s is statement for b in node.body for s in walk_nodes(b)):
            continue
        for handler in node.handlers:
            if handler.type is None:
                continue
            elements = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
            for element in elements:
                name = qualified_name(element, context.scope) or ""
                short = name.rsplit(".", 1)[-1]
                if name.startswith("builtins.") and short in _BUILTIN_CATCHES:
                    raise Refusal(f"`except {short}` (line {handler.lineno}) would stop catching httpx errors")
                if not name.startswith("requests."):
                    continue
                if short not in _EXCEPTIONS:
                    raise Refusal(f"`except {short}` has no exact httpx equivalent")
                if short == "RequestException" and any(
                    isinstance(n, ast.Attribute) and n.attr == "json" for b in node.body for n in walk_nodes(b)
                ):
                    raise Refusal("`except RequestException` also caught `.json()` errors, which httpx does not raise")
                text = _EXCEPTIONS[short].format(m=library)
                line = element.lineno
                out.nodes.append(NodeEdit(_cst_kind(element), line, context.char_column(line, element.col_offset),
                                          _replace_with(text), context.end_of(element)))
                if isinstance(element, ast.Name):
                    module = name.rsplit(".", 1)[0]
                    out.unused.add(f"{module}:{short}")


def _cst_kind(element: ast.expr) -> str:
    return "Name" if isinstance(element, ast.Name) else "Attribute"


def _replace_with(text: str) -> Any:
    def rewrite(original: Any, updated: Any) -> Any:
        import libcst as cst

        return cst.parse_expression(text)

    return rewrite


def _check_tls_name(context: FixContext, library: str) -> None:
    bindings = context.module.scope.bindings.get(TLS_CONTEXT, [])
    for binding in bindings:
        node = binding.node
        made = isinstance(node, ast.Call) and ast.unparse(node.func) == f"{library}.create_ssl_context"
        if binding.kind != "value" or not made:
            raise Refusal(f"`{TLS_CONTEXT}` already means something else in this module")


def _fresh_client_name(context: FixContext) -> str:
    taken = set(context.scope.bindings) | set(context.module.scope.bindings)
    taken |= {n.id for n in walk_nodes(context.function) if isinstance(n, ast.Name)}
    name, index = "http_client", 1
    while name in taken:
        index += 1
        name = f"http_client_{index}"
    return name


def _replace_call(small: Any, new_call: Any) -> Any:
    import libcst as cst

    if isinstance(small, (cst.Assign, cst.AnnAssign, cst.Expr)):
        return small.with_changes(value=new_call)
    raise Refusal("unexpected statement shape")


def _rebuild_call(
    updated: Any, client: str, method: str, body_verb: str | None, per_call: dict[str, str], arguments: _Arguments
) -> Any:
    import libcst as cst

    old = updated.body[0].value
    assert isinstance(old, cst.Call)

    def source(name: str) -> cst.BaseExpression:
        kind, where = arguments.sources[name]
        if kind == "pos":
            return old.args[where].value  # type: ignore[index]
        return next(a.value for a in old.args if a.keyword is not None and a.keyword.value == where)

    # A call laid out one argument per line stays so, with the magic trailing comma that keeps
    # ruff format from joining it; so does ``json.dumps`` around a value over several lines.
    exploded = "\n" in cst.Module(body=[]).code_for_node(old.whitespace_before_args)
    args: list[cst.Arg] = []
    if body_verb is not None:
        args.append(cst.Arg(cst.SimpleString(f'"{body_verb}"')))
    elif "method" in arguments.sources:
        args.append(cst.Arg(source("method")))
    args.append(cst.Arg(source("url")))
    for name, keyword in per_call.items():
        value = source(name)
        if name == "json":
            multiline = exploded and "\n" in cst.Module(body=[]).code_for_node(value)
            value = json_content(_deeper(value) if multiline else value)
            if multiline:
                value = value.with_changes(**_one_per_line(value.args, depth=2))
        args.append(cst.Arg(value, keyword=cst.Name(keyword), equal=_equal()))
    if method == "head" and "allow_redirects" not in arguments.sources:
        args.append(cst.Arg(cst.Name("False"), keyword=cst.Name("follow_redirects"), equal=_equal()))
    func = cst.Attribute(value=cst.Name(client), attr=cst.Name(method))
    call = cst.Call(func=func, args=args)
    return cst.Await(expression=call.with_changes(**_one_per_line(args, depth=1)) if exploded else call)


def _one_per_line(args: Sequence[Any], depth: int) -> dict[str, Any]:
    """The arguments of a call one per line, ``depth`` levels in from the statement, with a
    trailing comma, and the closing bracket a level out."""
    import libcst as cst

    def line(level: int) -> Any:
        return cst.ParenthesizedWhitespace(indent=True, last_line=cst.SimpleWhitespace("    " * level))

    spread = [arg.with_changes(comma=cst.Comma(whitespace_after=line(depth if i < len(args) - 1 else depth - 1)))
              for i, arg in enumerate(args)]
    return {"args": spread, "whitespace_before_args": line(depth)}


def _deeper(value: Any) -> Any:
    """``value`` with each of its line breaks one level further in (it moves into a call)."""
    import libcst as cst

    class _Indent(cst.CSTTransformer):
        def leave_ParenthesizedWhitespace(self, original: Any, updated: Any) -> Any:
            return updated.with_changes(last_line=cst.SimpleWhitespace(updated.last_line.value + "    "))

    return value.visit(_Indent())


def _equal() -> Any:
    import libcst as cst

    return cst.AssignEqual(whitespace_before=cst.SimpleWhitespace(""), whitespace_after=cst.SimpleWhitespace(""))
