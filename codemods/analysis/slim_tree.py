"""The trees the project index keeps, in less than half the memory ``ast.parse`` gives them.

A large application keeps nearly every module's tree for the whole analysis:
the searches for subclasses and for the callers that type a parameter parse
almost all of them, and the memo tables are keyed by node, so a tree cannot
be dropped and parsed again (agno's trees: 621 MB as parsed, about 280 MB
copied here, lists and strings included). ``ast.parse`` gives every
node an instance dictionary: a ``Name`` (six entries: ``id``, ``ctx`` and four
positions) costs a 48-byte object and a 360-byte dictionary. The same node as
an instance of a subclass with ``__slots__`` for its fields costs about 100
bytes, and its fields are read faster.

:func:`slim` copies a tree into such subclasses. Each one has the name,
fields and positions of the class it stands for and ``isinstance`` holds for
it, so the analysis, ``ast.unparse``, ``compile`` and ``NodeVisitor`` treat the
copy as the original; it still takes attributes its slots do not name (the
base class keeps its dictionary, made only when one is set). Nodes without
fields or positions (``Load``, ``Add``: one shared instance each) are kept, and
every empty list is one shared list that refuses changes. A node on one line
is copied into a variant that reads its ``end_lineno`` from ``lineno`` where
that saves an allocation step (a one-line ``Name``: 80 bytes). Given a
``source``, the functions below the copied node are variants whose ``body`` is
parsed from it when first read (see :mod:`.lazy_bodies`).
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import NoReturn, Protocol, TypeVar

Node = TypeVar("Node", bound=ast.AST)

#: Classes ``ast.parse`` no longer makes (kept by Python as aliases of ``Constant`` and friends).
_DEPRECATED = frozenset({"Num", "Str", "Bytes", "NameConstant", "Ellipsis", "Index", "ExtSlice", "Suite",
                         "Param", "AugLoad", "AugStore"})


def _slotted(cls: type[ast.AST]) -> type[ast.AST]:
    slots = (*cls._fields, *cls._attributes)
    return type(cls.__name__, (cls,), {"__slots__": slots, "__module__": cls.__module__, "__doc__": cls.__doc__})


def _slotted_classes() -> dict[type[ast.AST], type[ast.AST]]:
    found: dict[type[ast.AST], type[ast.AST]] = {}
    for name in dir(ast):
        if name in _DEPRECATED:
            continue  # not even read: Python 3.12 warns when they are
        cls = getattr(ast, name)
        if isinstance(cls, type) and issubclass(cls, ast.AST) and (cls._fields or cls._attributes):
            found[cls] = _slotted(cls)
    return found


_SLOTTED = _slotted_classes()


def _allocated(slots: int) -> int:
    """Bytes an instance with ``slots`` slots takes: headers, the base's dictionary and weak
    reference pointers, the slots, in steps of 16 (CPython's small-object allocator)."""
    return -(-(48 + 8 * slots) // 16) * 16


def _same_line(node: ast.AST) -> int:
    return node.lineno  # type: ignore[attr-defined,no-any-return]


def _name_end(node: ast.AST) -> int:
    return node.col_offset + len(node.id)  # type: ignore[attr-defined,no-any-return]


def _no_kind(_node: ast.AST) -> None:
    return None  # a ``Constant`` not spelled ``u"..."``


def _derived(read: Callable[[ast.AST], object], name: str) -> property:
    """A position read from the others; setting it checks it is that (the copy sets every one)."""
    def check(node: ast.AST, value: int) -> None:
        if value != read(node):
            raise ValueError(f"{type(node).__name__}.{name} of a one-line copy cannot be {value}")
    return property(read, check)


def _one_line_classes() -> dict[type[ast.AST], type[ast.AST]]:
    """Variants of the slotted classes for nodes that start and end on one line, most of them
    (``Call``, ``Attribute``, ``Subscript``...): ``end_lineno`` is ``lineno``, a ``Name``'s
    ``end_col_offset`` is its start plus its length, and a ``Constant``'s ``kind`` is ``None``
    (only ``u"..."`` sets it). Made only where leaving those slots out puts the node in a
    smaller allocation step (agno: 1.2 million nodes, 16 bytes each)."""
    found: dict[type[ast.AST], type[ast.AST]] = {}
    for cls in _SLOTTED:
        if "end_lineno" not in cls._attributes:
            continue
        derived = {"end_lineno": _derived(_same_line, "end_lineno")}
        if cls is ast.Name:
            derived["end_col_offset"] = _derived(_name_end, "end_col_offset")
        elif cls is ast.Constant:
            derived["kind"] = _derived(_no_kind, "kind")
        slots = tuple(name for name in (*cls._fields, *cls._attributes) if name not in derived)
        if _allocated(len(slots)) < _allocated(len(slots) + len(derived)):
            variant = type(cls.__name__, (cls,), {"__slots__": slots, **derived, "__module__": cls.__module__,
                                                  "__doc__": cls.__doc__})
            found[cls] = variant
            _DERIVED[variant] = frozenset(derived)
    return found


#: A one-line variant -> the positions it reads from the others (the copy does not set them:
#: :func:`_copy_class` checked they agree, and their checking setters cost a call each).
_DERIVED: dict[type[ast.AST], frozenset[str]] = {}
_ONE_LINE = _one_line_classes()


class BodyText(Protocol):
    """Where a function's body is parsed from when first read (:class:`.lazy_bodies.BodySource`)."""

    def body_of(self, node: ast.AST) -> list[ast.stmt]: ...


def _read_body(node: ast.AST) -> list[ast.stmt]:
    body = node._body  # type: ignore[attr-defined]
    if body.__class__ is not list and body.__class__ is not _SharedEmpty:
        body = node._body = body.body_of(node)  # type: ignore[attr-defined]
    return body  # type: ignore[no-any-return]


def _write_body(node: ast.AST, body: list[ast.stmt]) -> None:
    node._body = body  # type: ignore[attr-defined]


def _lazy_classes() -> dict[type[ast.AST], type[ast.AST]]:
    """Variants of the function classes whose ``body`` is parsed from the module's text when first
    read: a module kept because it defines a subclass, or names a function the analysis looks for
    in one of its functions, has many functions nothing looks into (agno: a third of their lines)."""
    found: dict[type[ast.AST], type[ast.AST]] = {}
    for cls in (ast.FunctionDef, ast.AsyncFunctionDef):
        slots = tuple("_body" if name == "body" else name for name in (*cls._fields, *cls._attributes))
        found[cls] = variant = type(cls.__name__, (cls,), {
            "__slots__": slots, "body": property(_read_body, _write_body), "__module__": cls.__module__,
            "__doc__": cls.__doc__})
        _DERIVED[variant] = _WAITING
    return found


#: What the copy leaves out of a function whose body waits to be read.
_WAITING = frozenset({"body"})


_LAZY = _lazy_classes()
#: The slotted classes, with the function classes whose bodies wait to be read.
_SLOTTED_LAZY = {**_SLOTTED, **_LAZY}


def unread_body(node: ast.AST) -> BodyText | None:
    """Where the body of ``node`` will be parsed from, if nothing has read it yet."""
    if node.__class__ in _LAZY_VARIANTS:
        body = node._body  # type: ignore[attr-defined]
        if body.__class__ is not list and body.__class__ is not _SharedEmpty:
            return body  # type: ignore[no-any-return]
    return None


_LAZY_VARIANTS = frozenset(_LAZY.values())


def _copy_class(node: ast.AST, slotted: type[ast.AST]) -> type[ast.AST]:
    """The class of the copy of ``node`` (``slotted``: its slotted class): its one-line variant
    where the positions it leaves out are what it derives."""
    kind = node.__class__
    one_line = _ONE_LINE.get(kind)
    if one_line is not None and node.end_lineno == node.lineno is not None and (  # type: ignore[attr-defined]
            kind is not ast.Name or node.end_col_offset == _name_end(node)) and (  # type: ignore[attr-defined]
            kind is not ast.Constant or node.kind is None):  # type: ignore[attr-defined]
        return one_line
    return slotted


class _SharedEmpty(list):  # type: ignore[type-arg]
    """The empty list every empty field of a slim tree holds (``keywords=[]``, ``orelse=[]``,
    ``decorator_list=[]``...): two in five of agno's 700,000 lists, 16 MB. Shared, so it refuses
    to change: the analysis only reads the trees, and a change would reach every tree."""


def _refuse(*_args: object, **_kwargs: object) -> NoReturn:
    raise TypeError("the empty lists of a kept syntax tree are shared: replace the field, do not change it")


for _method in ("append", "extend", "insert", "pop", "remove", "clear", "sort", "reverse", "__setitem__",
                "__delitem__", "__iadd__", "__imul__"):
    setattr(_SharedEmpty, _method, _refuse)
_EMPTY = _SharedEmpty()


#: Each position past 256 seen in a tree, once: a kept tree's line numbers repeat in every other
#: (agno: 230,000 int objects, 6 MB, shared per tree; a few thousand values across them).
_NUMBERS: dict[int, int] = {}


def slim(node: Node, source: BodyText | None = None, shift: int = 0) -> Node:
    """A copy of the tree under ``node`` with slotted nodes (the same fields, values and order).

    With ``source``, the bodies of the functions under ``node`` are not copied: each is parsed
    from ``source`` when first read (``node`` itself is copied whole). ``shift`` is added to
    every line number (a function parsed from its own lines)."""
    cls = _SLOTTED.get(node.__class__)
    if cls is None:
        return node
    root = cls.__new__(cls)
    # An explicit stack, not recursion: a chain of ``a + b + ...`` nests deeper than Python's limit.
    todo: list[tuple[ast.AST, ast.AST]] = [(node, root)]
    slotted = _SLOTTED.get if source is None else _SLOTTED_LAZY.get
    copy_class = _copy_class
    numbers = _NUMBERS
    derived_of = _DERIVED.get
    while todo:
        old, new = todo.pop()
        derived = derived_of(new.__class__)
        for name, value in old.__dict__.items():
            if derived is not None and name in derived:
                continue
            if value.__class__ is list and not value:
                value = _EMPTY
            elif value.__class__ is list:
                value = value.copy()  # sized exactly (a list grown by appends keeps spare room)
                for index, item in enumerate(value):
                    child_class = slotted(item.__class__)
                    if child_class is not None:
                        child_class = copy_class(item, child_class)
                        child = value[index] = child_class.__new__(child_class)
                        todo.append((item, child))
            elif value.__class__ is int:
                if shift and (name == "lineno" or name == "end_lineno"):
                    value += shift
                # Every line number past 256 is an int object of its own (small ones are shared):
                # one object per value for every tree of the run.
                value = numbers.setdefault(value, value)
            else:
                child_class = slotted(value.__class__)
                if child_class is not None:
                    child_class = copy_class(value, child_class)
                    child = child_class.__new__(child_class)
                    todo.append((value, child))
                    value = child
            setattr(new, name, value)
        if derived is _WAITING:
            new._body = source  # type: ignore[attr-defined]
    return root  # type: ignore[return-value]
