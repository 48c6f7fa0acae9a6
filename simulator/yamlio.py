"""Safe YAML (and JSON) loading that remembers where every key and item came from.

Trainers' files are untrusted input, and every problem must name ``file:line:col``.
``yaml.safe_load`` throws positions away, quietly keeps the last of two duplicate keys,
expands aliases without bound and reads ``on:`` as ``True``. So this module reads the
*event stream* of PyYAML's safe parser (libyaml when available) and builds nodes and
Python data itself:

- only the plain YAML types are constructed; any explicit tag other than the core
  ones (``!!str``, ``!!int``, ``!!float``, ``!!bool``, ``!!null``, ``!!map``, ``!!seq``)
  is refused with its position, so ``!!python/object`` can never run anything;
- a plain scalar is null, a boolean (``true``/``false`` only: ``on``, ``off``, ``yes``
  and ``no`` stay strings), an integer, a float or a string. Dates and times such as
  ``18:30`` or ``2026-12-01`` stay strings (pydantic parses dates; YAML 1.1 would read
  ``18:30`` as the sexagesimal integer 1110);
- duplicate keys, recursive aliases, alias bombs (expanded size counted per node),
  deep nesting, oversized, non-UTF-8 and empty files are clear, positioned problems;
- ``Loaded.where(path)`` maps a key path such as ``('transitions', 3, 'do', 0)`` to a
  1-based ``(line, col)``.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from simulator.diagnostics import Problem
from simulator.rxcache import compile as rx

#: Files above this size are refused before parsing.
MAX_BYTES = 1024 * 1024
#: Refuse documents whose aliases expand to more nodes than this (billion laughs).
MAX_NODES = 200_000
#: Refuse collections nested deeper than this.
MAX_DEPTH = 200

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_CORE = "tag:yaml.org,2002:"
_NULL = {"", "~", "null", "Null", "NULL"}
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = rx(r"^[-+]?[0-9]+$")
_INT_BASE = rx(r"^(?:0o[0-7]+|0x[0-9a-fA-F]+)$")
_FLOAT = rx(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INF = rx(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = rx(r"^\.(?:nan|NaN|NAN)$")

Path_ = Sequence[str | int]


class _Node:
    """A composed node: kind is 's' (scalar), 'q' (sequence) or 'm' (mapping)."""

    __slots__ = (
        "kind", "line", "col", "value", "tag", "plain", "size", "index", "data", "built", "refused"
    )

    def __init__(self, kind: str, line: int, col: int, tag: str | None, plain: bool = False):
        self.kind = kind
        self.line = line
        self.col = col
        self.tag = tag
        self.plain = plain
        self.value: Any = [] if kind != "s" else ""
        self.size = 1
        #: for mappings: constructed key -> (key node, value node), merges included
        self.index: dict[Any, tuple[_Node, _Node]] = {}
        self.data: Any = None
        self.built = False
        self.refused = False


@dataclass
class Loaded:
    """The data of one file, its problems, and where each part of it was written."""

    file: str
    data: Any = None
    problems: list[Problem] = field(default_factory=list)
    root: _Node | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        """True when the file parsed into data with no errors at the YAML level."""
        return self.root is not None and not any(p.severity == "error" for p in self.problems)

    def where(self, path: Path_) -> tuple[int, int]:
        """1-based (line, col) of a key path: the key of a mapping entry, the item of a
        sequence; the nearest known parent when the path goes further than the file."""
        node = self.root
        if node is None:
            return (1, 1)
        pos = (node.line, node.col)
        for part in path:
            if node.kind == "m":
                entry = node.index.get(part)
                if entry is None and isinstance(part, str):
                    entry = _lookup_str(node, part)
                if entry is None:
                    break
                pos = (entry[0].line, entry[0].col)
                node = entry[1]
            elif node.kind == "q" and isinstance(part, int) and not isinstance(part, bool):
                items = node.value
                if not -len(items) <= part < len(items):
                    break
                node = items[part]
                pos = (node.line, node.col)
            else:
                break
        return pos

    def refused(self, path: Path_) -> bool:
        """True when the path lies inside a value whose tag was refused (already reported,
        so schema and lint stay quiet about it)."""
        node = self.root
        for part in path:
            if node is None or node.refused:
                break
            if node.kind == "m":
                entry = node.index.get(part)
                node = entry[1] if entry else None
            elif node.kind == "q" and isinstance(part, int) and 0 <= part < len(node.value):
                node = node.value[part]
            else:
                node = None
        return node is not None and node.refused

    def problem(self, path: Path_, message: str, severity: str = "error") -> Problem:
        line, col = self.where(path)
        return Problem(self.file, line, col, message, severity)


def _lookup_str(node: _Node, part: str) -> tuple[_Node, _Node] | None:
    """Find a key written as a number or boolean when the path names it as text."""
    for key, entry in node.index.items():
        if not isinstance(key, str) and str(key) == part:
            return entry
    return None


def _show_tag(tag: str) -> str:
    return "!!" + tag[len(_CORE):] if tag.startswith(_CORE) else tag


def _mb(n: float) -> str:
    text = f"{n / (1024 * 1024):.1f}".rstrip("0").rstrip(".")
    return f"{text} MB"


def _what(value: Any) -> str:
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    if value is None:
        return "nothing (null)"
    return f"a single value ({value!r})"


class _Builder:
    """Composes nodes from parser events, without recursion, and checks as it goes."""

    def __init__(self, file: str, max_nodes: int):
        self.file = file
        self.max_nodes = max_nodes
        self.problems: list[Problem] = []
        self.anchors: dict[str, _Node] = {}

    def err(self, line: int, col: int, message: str) -> None:
        self.problems.append(Problem(self.file, line, col, message))

    def scalar(self, ev: Any) -> _Node:
        line, col = ev.start_mark.line + 1, ev.start_mark.column + 1
        tag = ev.tag
        plain = bool(ev.implicit[0]) and tag is None
        node = _Node("s", line, col, tag, plain)
        node.value = ev.value
        if tag not in (None, "!") and not (
            tag.startswith(_CORE) and tag[len(_CORE):] in ("str", "int", "float", "bool", "null")
        ):
            self.err(line, col, f"unknown tag '{_show_tag(tag)}' is not allowed")
            node.tag = "!"
            node.refused = True
        return node

    def collection(self, ev: Any, kind: str) -> _Node:
        line, col = ev.start_mark.line + 1, ev.start_mark.column + 1
        tag = ev.tag
        node = _Node(kind, line, col, tag)
        want = _CORE + ("seq" if kind == "q" else "map")
        if tag not in (None, "!", want):
            self.err(line, col, f"unknown tag '{_show_tag(tag)}' is not allowed")
            node.refused = True
        return node

    def compose(self, loader: Any) -> list[_Node]:
        """All documents of the stream, as root nodes."""
        docs: list[_Node] = []
        stack: list[_Node] = []
        open_anchors: set[int] = set()
        while True:
            ev = loader.get_event()
            if ev is None or isinstance(ev, yaml.StreamEndEvent):
                break
            node: _Node | None = None
            if isinstance(ev, yaml.ScalarEvent):
                node = self.scalar(ev)
            elif isinstance(ev, yaml.AliasEvent):
                target = self.anchors.get(ev.anchor)
                line, col = ev.start_mark.line + 1, ev.start_mark.column + 1
                if target is None:
                    self.err(line, col, f"unknown alias '*{ev.anchor}'")
                    node = _Node("s", line, col, None, True)
                    node.value = "~"
                elif id(target) in open_anchors:
                    self.err(line, col, f"recursive alias '*{ev.anchor}' is not allowed")
                    raise _Stop
                else:
                    node = target
            elif isinstance(ev, yaml.SequenceStartEvent | yaml.MappingStartEvent):
                kind = "q" if isinstance(ev, yaml.SequenceStartEvent) else "m"
                coll = self.collection(ev, kind)
                if ev.anchor is not None:
                    self.anchors[ev.anchor] = coll
                    open_anchors.add(id(coll))
                if len(stack) >= MAX_DEPTH:
                    self.err(coll.line, coll.col, f"nesting deeper than {MAX_DEPTH} levels")
                    raise _Stop
                stack.append(coll)
                continue
            elif isinstance(ev, yaml.SequenceEndEvent | yaml.MappingEndEvent):
                node = stack.pop()
                open_anchors.discard(id(node))
                node.size = 1 + sum(child.size for child in node.value)
                if node.size > self.max_nodes:
                    self.err(
                        node.line,
                        node.col,
                        f"aliases expand to more than {self.max_nodes:,} values; "
                        "refusing to load (is this an alias bomb?)",
                    )
                    raise _Stop
                if not stack:
                    docs.append(node)
                    continue
            else:  # stream/document start and end
                continue
            if isinstance(ev, yaml.ScalarEvent) and ev.anchor is not None:
                self.anchors[ev.anchor] = node
            if stack:
                stack[-1].value.append(node)
            else:
                docs.append(node)
        return docs


class _Stop(Exception):
    """Raised to abandon a document after a fatal, already recorded problem."""


class _Constructor:
    """Nodes -> Python data, each node once (shared aliases share their data)."""

    def __init__(self, builder: _Builder):
        self.b = builder

    def scalar(self, node: _Node) -> Any:
        v: str = node.value
        tag = node.tag
        if tag is None and node.plain:
            if v in _NULL:
                return None
            if v in _BOOL:
                return _BOOL[v]
            if _INT.match(v):
                return int(v)
            if _INT_BASE.match(v):
                return int(v, 0)
            if _FLOAT.match(v) and any(c.isdigit() for c in v):
                return float(v)
            if _INF.match(v):
                return -math.inf if v.startswith("-") else math.inf
            if _NAN.match(v):
                return math.nan
            return v
        if tag is None or tag == "!" or tag == _CORE + "str":
            return v
        name = tag[len(_CORE):]
        try:
            if name == "null":
                if v not in _NULL:
                    raise ValueError
                return None
            if name == "bool":
                return _BOOL[v]
            if name == "int":
                return int(v.replace("_", ""), 0)
            if name == "float":
                return float(v.replace("_", ""))
        except (KeyError, ValueError):
            self.b.err(node.line, node.col, f"cannot read {v!r} as {_show_tag(tag)}")
            return None
        return v  # pragma: no cover - every allowed tag is handled above

    def build(self, root: _Node) -> Any:
        """Construct iteratively (post-order), so deep documents cannot exhaust the stack."""
        todo: list[tuple[_Node, bool]] = [(root, False)]
        while todo:
            node, ready = todo.pop()
            if node.built:
                continue
            if node.refused:  # already reported; its content is not read
                node.data, node.built = None, True
                continue
            if node.kind == "s":
                node.data = self.scalar(node)
                node.built = True
                continue
            if not ready:
                todo.append((node, True))
                todo.extend((child, False) for child in node.value if not child.built)
                continue
            if node.kind == "q":
                node.data = [child.data for child in node.value]
            else:
                self.mapping(node)
            node.built = True
        return root.data

    def mapping(self, node: _Node) -> None:
        data: dict[Any, Any] = {}
        index: dict[Any, tuple[_Node, _Node]] = {}
        merged: dict[Any, Any] = {}
        merged_index: dict[Any, tuple[_Node, _Node]] = {}
        items = node.value
        for i in range(0, len(items) - 1, 2):
            knode, vnode = items[i], items[i + 1]
            if knode.kind != "s":
                self.b.err(knode.line, knode.col, "a key must be a single value, not a "
                           + ("list" if knode.kind == "q" else "mapping"))
                continue
            key = knode.data
            if knode.plain and knode.value == "<<":
                for src in ([vnode] if vnode.kind == "m" else vnode.value if vnode.kind == "q" else []):
                    if src.kind != "m":
                        continue
                    for k, v in src.data.items():
                        if k not in merged:
                            merged[k] = v
                            merged_index[k] = src.index[k]
                if vnode.kind == "s" or (vnode.kind == "q" and any(s.kind != "m" for s in vnode.value)):
                    self.b.err(vnode.line, vnode.col, "'<<' merges a mapping or a list of mappings")
                continue
            try:
                hash(key)
            except TypeError:  # pragma: no cover - scalar data is always hashable
                continue
            if key in index:
                first = index[key][0]
                self.b.err(knode.line, knode.col,
                           f"duplicate key '{knode.value}' (first at line {first.line})")
            data[key] = vnode.data
            index[key] = (knode, vnode)
        if merged:
            for k, v in merged.items():
                if k not in data:
                    data[k] = v
                    index[k] = merged_index[k]
        node.data = data
        node.index = index


_SURROGATE_PAIR = rx(r"(?<!\\)\\u([dD][89abAB][0-9a-fA-F]{2})\\u([dD][c-fC-F][0-9a-fA-F]{2})")
_LONE_SURROGATE = rx(r"(?<!\\)\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _join_json_surrogates(text: str) -> str:
    """JSON writes an emoji as a surrogate pair (\\ud83d\\ude00), which YAML refuses; join them.

    A lone surrogate cannot be text at all: it becomes U+FFFD.
    """
    def pair(m: re.Match[str]) -> str:
        hi, lo = int(m.group(1), 16), int(m.group(2), 16)
        return f"\\U{0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00):08x}"

    return _LONE_SURROGATE.sub(r"\\ufffd", _SURROGATE_PAIR.sub(pair, text))


def load_yaml(
    source: str | bytes,
    file: str,
    *,
    kind: str | None = None,
    mapping: bool = True,
    max_bytes: int = MAX_BYTES,
    max_nodes: int = MAX_NODES,
) -> Loaded:
    """Parse one YAML or JSON document safely; never raises for bad input.

    ``kind`` ("persona", "scenario", ...) only words the messages; with ``mapping`` the
    top of the file must be a mapping.
    """
    out = Loaded(file)
    what = f"a {kind} mapping" if kind else "a mapping"
    size = len(source) if isinstance(source, bytes) else len(source.encode("utf-8", "replace"))
    if size > max_bytes:
        out.problems.append(
            Problem(file, 1, 1, f"file is {_mb(size)}; the limit is {_mb(max_bytes)}")
        )
        return out
    if isinstance(source, bytes):
        try:
            text = source.decode("utf-8")
        except UnicodeDecodeError as exc:
            before = source[: exc.start]
            line = before.count(b"\n") + 1
            col = len(before) - (before.rfind(b"\n") + 1) + 1
            out.problems.append(Problem(
                file, line, col,
                f"not UTF-8 text (invalid byte 0x{source[exc.start]:02x} at offset {exc.start})",
            ))
            return out
    else:
        text = source
    text = text.removeprefix("\ufeff")
    if not text.strip() or all(
        not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()
    ):
        if mapping:
            out.problems.append(Problem(file, 1, 1, f"file is empty; expected {what}"))
        return out

    if text.lstrip()[:1] in ("{", "["):
        text = _join_json_surrogates(text)
    builder = _Builder(file, max_nodes)
    try:
        docs = builder.compose(_Loader(text))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        detail = exc.problem or "syntax error"
        if "nesting depth" in detail:
            # PyYAML 6.0.3+ has its own (deeper) limit, met while scanning ahead of ours.
            message = f"nesting deeper than {MAX_DEPTH} levels"
        else:
            message = f"YAML syntax error: {detail}" + (f" ({exc.context})" if exc.context else "")
        out.problems = builder.problems + [Problem(file, line, col, message)]
        return out
    except yaml.reader.ReaderError as exc:  # a control character, say
        before = text[: exc.position]
        line = before.count("\n") + 1
        col = exc.position - (before.rfind("\n") + 1) + 1
        detail = f"unacceptable character #x{exc.character:04x} ({exc.reason})" \
            if isinstance(exc.character, int) else exc.reason
        out.problems = builder.problems + [Problem(file, line, col, detail)]
        return out
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0] if str(exc) else "cannot parse"
        out.problems = builder.problems + [Problem(file, 1, 1, f"YAML error: {first}")]
        return out
    except _Stop:
        out.problems = builder.problems
        return out

    if not docs:
        if mapping:
            builder.err(1, 1, f"file is empty; expected {what}")
        out.problems = builder.problems
        return out
    if len(docs) > 1:
        second = docs[1]
        builder.err(second.line, second.col,
                    f"file holds {len(docs)} YAML documents; expected one")
    root = docs[0]
    data = _Constructor(builder).build(root)
    if mapping and data is None:
        builder.err(1, 1, f"file is empty; expected {what}")
    elif mapping and not isinstance(data, dict):
        builder.err(root.line, root.col,
                    f"expected {what} at the top of the file, found {_what(data)}")
    out.data, out.root = data, root
    out.problems = sorted(builder.problems, key=lambda p: (p.line, p.col))
    return out


def read_yaml(path: Path | str, *, kind: str | None = None, mapping: bool = True) -> Loaded:
    """Read a file and load it with :func:`load_yaml`; an unreadable file is a problem."""
    p = Path(path)
    try:
        with p.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
            if len(raw) > MAX_BYTES:
                size = p.stat().st_size
                return Loaded(str(path), problems=[
                    Problem(str(path), 1, 1, f"file is {_mb(size)}; the limit is {_mb(MAX_BYTES)}")
                ])
    except OSError as exc:
        return Loaded(str(path), problems=[
            Problem(str(path), 0, 0, f"cannot read file: {exc.strerror or exc}")
        ])
    return load_yaml(raw, str(path), kind=kind, mapping=mapping)
