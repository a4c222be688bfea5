"""Declarative field types: one description of the source format serves validation (located
`schema` diagnostics) and the JSON Schema that `planc schema` prints for editors."""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from planc.diagnostics import Diagnostic, Loc, article, did_you_mean
from planc.figures import QUALIFIERS
from planc.i18n import _, chinese
from planc.load import words
from planc.load.nodes import Map, Node, Scalar, Seq
from planc.model import Ref

SLUG = r"[a-z0-9][a-z0-9-]*"
ROUND = r"[0-9]{4}-[0-9]{4}"
MAX_DIGITS = 18  # past this Python's int() refuses long strings, and no plan figure is so long
_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?([0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)([eE][-+]?[0-9]+)?")


@functools.cache
def _full(regex: str) -> Callable[[str], re.Match[str] | None]:
    """A compiled pattern's fullmatch (re.fullmatch looks the pattern up on every call: a
    tenth of the validation of a large plan)."""
    return re.compile(regex).fullmatch


class Invalid:
    """The value was wrong; a diagnostic says so and the field is treated as absent."""


INVALID = Invalid()


_NAMES: dict[tuple[str, ...], tuple[str, ...]] = {}


class FieldLocs(Mapping[str, Loc]):
    """Where each field of a record stands, kept as numbers and made into a Loc only when asked
    for (a diagnostic): the parse cache gives hundreds of thousands of these, and most are never
    looked at."""

    __slots__ = ("columns", "file", "lines", "names")

    def __init__(
        self, file: str, names: tuple[str, ...], lines: tuple[int, ...], columns: tuple[int, ...]
    ) -> None:
        self.file = file
        self.names = _NAMES.setdefault(names, names)  # records of a kind share one tuple
        self.lines = lines
        self.columns = columns

    def __getitem__(self, name: str) -> Loc:
        try:
            at = self.names.index(name)
        except ValueError:
            raise KeyError(name) from None
        return Loc(self.file, self.lines[at], self.columns[at])

    def get(self, name: str, default: Any = None) -> Any:
        if name in self.names:
            at = self.names.index(name)
            return Loc(self.file, self.lines[at], self.columns[at])
        return default

    def __contains__(self, name: object) -> bool:
        return name in self.names

    def __iter__(self) -> Iterator[str]:
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


class Rec:
    """A validated mapping: its values by field name, and where each one stands."""

    __slots__ = ("loc", "locs", "values")
    locs: Mapping[str, Loc]  # a dict while validating; FieldLocs from the parse cache

    def __init__(self, loc: Loc) -> None:
        self.loc = loc
        self.values: dict[str, Any] = {}
        self.locs = {}

    def get(self, name: str, default: Any = None) -> Any:
        return self.values.get(name, default)

    def at(self, name: str) -> Loc:
        return self.locs.get(name, self.loc)


def _kind(node: Node) -> str:
    if isinstance(node, Map):
        return _("a mapping")
    if isinstance(node, Seq):
        return _("a list")
    assert isinstance(node, Scalar)
    return f"'{node.value}'"


class Type:
    what = "a value"

    def shown(self) -> str:
        """`what` in the user's language (only for a message)."""
        return words.what(self.what)

    def expected(self, node: Node, why: str = "") -> str:
        return _(
            "expected {what}, found {found}{why}", what=self.shown(), found=_kind(node), why=why
        )

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        raise NotImplementedError

    def json(self) -> dict[str, Any]:
        raise NotImplementedError

    def wrong(self, node: Node, out: list[Diagnostic], why: str = "") -> Invalid:
        out.append(Diagnostic("schema", node.loc, self.expected(node, why)))
        return INVALID


@dataclass(frozen=True)
class Text(Type):
    what: str = "text"
    doc: str = ""

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        if isinstance(node, Scalar):
            return node.value
        return self.wrong(node, out)

    def json(self) -> dict[str, Any]:
        # planc reads any scalar as text (`title: 2049`, `stages: [1, 2]`); so does the schema.
        return {"type": ["string", "number", "boolean"]}


@dataclass(frozen=True)
class Int(Type):
    minimum: int = 0
    what: str = "a whole number"

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        if isinstance(node, Scalar) and node.plain and _INT.fullmatch(node.value):
            if len(node.value) > MAX_DIGITS:
                return self.wrong(node, out, _(" (more than {n} digits)", n=MAX_DIGITS))
            value = int(node.value)
            if value >= self.minimum:
                return value
            return self.wrong(node, out, _(" (at least {minimum})", minimum=self.minimum))
        return self.wrong(node, out)

    def json(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.minimum}


class Percent(Int):
    """0 to 100: how far a task has got, as the unit reports it."""

    what = "a whole number from 0 to 100"

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        value = super().read(node, out)
        if isinstance(value, int) and value > 100:
            return self.wrong(node, out, _(" (at most 100)"))
        return value

    def json(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 0, "maximum": 100}


@dataclass(frozen=True)
class Declared(Type):
    """A published figure: a whole number (`references: 2500`), or one with the record's
    qualifier (`references: {value: 2500, qualifier: 余}` for "2500余篇"). Read as
    (value, qualifier or None)."""

    qualifiers: tuple[str, ...] = QUALIFIERS
    what: str = "a whole number, or {value: N, qualifier: 余 or 多}"

    def _shape(self) -> Obj:
        return Obj(
            "qualified figure",
            {
                "value": Field(Int(), "the number as published", required=True),
                "qualifier": Field(
                    OneOf(self.qualifiers), "余 or 多 as published: the figure is at least value"
                ),
            },
        )

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        if isinstance(node, Map):
            rec = self._shape().read(node, out)
            if rec is INVALID or "value" not in rec.values:
                return INVALID
            return (rec.get("value"), rec.get("qualifier"))
        value = Int(what=self.what).read(node, out)
        return INVALID if value is INVALID else (value, None)

    def json(self) -> dict[str, Any]:
        return {"oneOf": [Int().json(), self._shape().json()]}


@dataclass(frozen=True)
class Value(Type):
    """A figure: a number where it is one ("110"), else the published wording ("≥30%")."""

    what: str = "a number or text"

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        if not isinstance(node, Scalar):
            return self.wrong(node, out)
        if node.plain and _FLOAT.fullmatch(node.value):
            if len(node.value) > MAX_DIGITS:
                return self.wrong(node, out, _(" (more than {n} digits)", n=MAX_DIGITS))
            if _INT.fullmatch(node.value):
                return int(node.value)
            if not math.isfinite(number := float(node.value)):
                return self.wrong(node, out, _(" (out of range)"))
            return number
        return node.value

    def json(self) -> dict[str, Any]:
        return {"type": ["number", "string"]}


@dataclass(frozen=True)
class Pattern(Type):
    regex: str = SLUG
    what: str = "a lower-case id"
    is_date: bool = False

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        if not isinstance(node, Scalar) or not _full(self.regex)(node.value):
            hint = None
            if isinstance(node, Scalar) and self.regex == SLUG:
                slug = re.sub(r"[^a-z0-9]+", "-", node.value.lower()).strip("-")
                hint = _("try '{slug}'", slug=slug) if slug else None
            out.append(Diagnostic("schema", node.loc, self.expected(node), hint))
            return INVALID
        if self.is_date:
            # a half-year (2019-H2) or a year is as real as its digits; a month or a day is not
            parts = [int(p) for p in node.value.split("-") if p.isdigit()]
            try:
                dt.date(
                    parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1
                )
            except ValueError:
                return self.wrong(node, out, _(" (no such date)"))
        return node.value

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^(?:{self.regex})$"}


@dataclass(frozen=True)
class RefTo(Type):
    """An id naming something else; checked against the index after every file is read."""

    target: str = "task"
    regex: str = SLUG

    @property
    def what(self) -> str:  # type: ignore[override]
        return f"{article(self.target)} {self.target} id"

    def shown(self) -> str:
        if not chinese():
            return self.what
        return _("{a_kind} id", a_kind=words.thing(self.target))

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        if isinstance(node, Scalar) and _full(self.regex)(node.value):
            # Interned: the same few hundred unit and place ids, named hundreds of thousands
            # of times on a large plan, are then one string each.
            return Ref(sys.intern(node.value), Loc(node.file, node.line, node.column))
        return self.wrong(node, out)

    def json(self) -> dict[str, Any]:
        return {"type": "string", "pattern": f"^(?:{self.regex})$"}


@dataclass(frozen=True)
class OneOf(Type):
    choices: tuple[str, ...] = ()

    @property
    def what(self) -> str:  # type: ignore[override]
        return "one of " + ", ".join(self.choices)

    def shown(self) -> str:
        return _("one of {choices}", choices=", ".join(self.choices))

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        if isinstance(node, Scalar) and node.value in self.choices:
            return node.value
        hint = did_you_mean(node.value, self.choices) if isinstance(node, Scalar) else None
        out.append(Diagnostic("schema", node.loc, self.expected(node), hint))
        return INVALID

    def json(self) -> dict[str, Any]:
        # `planc: 1` is a number to a JSON Schema validator, "1" to planc.
        numbers = [int(c) for c in self.choices if c.isdigit()]
        return {"enum": [*self.choices, *numbers]}


@dataclass(frozen=True)
class ListOf(Type):
    item: Type = field(default_factory=Text)

    @property
    def what(self) -> str:  # type: ignore[override]
        return f"a list of {self.item.target} ids" if isinstance(self.item, RefTo) else "a list"

    def shown(self) -> str:
        if isinstance(self.item, RefTo):
            return _("a list of {kind} ids", kind=words.thing(self.item.target))
        return _("a list")

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        if not isinstance(node, Seq):
            if isinstance(node, Scalar) and node.value and not isinstance(self.item, Obj):
                # `lead: commerce` for `lead: [commerce]` is the commonest slip.
                out.append(
                    Diagnostic(
                        "schema",
                        node.loc,
                        self.expected(node),
                        _("write [{value}]", value=node.value),
                    )
                )
                return INVALID
            return self.wrong(node, out)
        values = [self.item.read(item, out) for item in node.items]
        return [v for v in values if v is not INVALID]

    def json(self) -> dict[str, Any]:
        return {"type": "array", "items": self.item.json()}


@dataclass(frozen=True)
class MapOf(Type):
    """A mapping with free keys: `targets: {2026: 110}`, the registry's `places:`."""

    key: Pattern = field(default_factory=Pattern)
    value: Type = field(default_factory=Text)
    what: str = "a mapping"

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        if not isinstance(node, Map):
            return self.wrong(node, out)
        rec = Rec(node.loc)
        lines: list[int] = []
        columns: list[int] = []
        for name, (key, value) in node.entries.items():
            if self.key.read(key, out) is INVALID:
                continue
            got = self.value.read(value, out)
            if got is not INVALID:
                rec.values[name] = got
                lines.append(key.line)
                columns.append(key.column)
        rec.locs = FieldLocs(node.file, tuple(rec.values), tuple(lines), tuple(columns))
        return rec

    def json(self) -> dict[str, Any]:
        return {
            "type": "object",
            "propertyNames": {"pattern": f"^(?:{self.key.regex})$"},
            "additionalProperties": self.value.json(),
        }


def nullable(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional field may be left empty (`partners:`): planc reads that as absent."""
    if "enum" in schema:
        return {**schema, "enum": [*schema["enum"], None]}
    types = schema.get("type")
    if isinstance(types, str):
        return {**schema, "type": [types, "null"]}
    if isinstance(types, list):
        return {**schema, "type": [*types, "null"]}
    return {"anyOf": [schema, {"type": "null"}]}


@dataclass(frozen=True)
class Field:
    type: Type
    doc: str
    required: bool = False


@dataclass(frozen=True)
class Obj(Type):
    name: str = "object"
    fields: dict[str, Field] = field(default_factory=dict)
    exactly_one: tuple[str, ...] = ()  # e.g. a chapter file has `sections` or `tasks`
    doc: str = ""

    @property
    def what(self) -> str:  # type: ignore[override]
        return f"a mapping ({self.name})"

    def shown(self) -> str:
        return _("a mapping ({name})", name=words.thing(self.name))

    @cached_property
    def required(self) -> dict[str, Field]:
        return {name: spec for name, spec in self.fields.items() if spec.required}

    def read(self, node: Node, out: list[Diagnostic]) -> Any:
        if not isinstance(node, Map):
            return self.wrong(node, out)
        rec = Rec(node.loc)
        # Places as numbers, one FieldLocs a record: a Loc and a dict per record would be
        # a third of the memory of a large plan.
        lines: list[int] = []
        columns: list[int] = []
        for name, (key, value) in node.entries.items():
            spec = self.fields.get(name)
            if spec is None:
                out.append(
                    Diagnostic(
                        "schema",
                        key.loc,
                        _(
                            "unknown field '{field}' in {name}",
                            field=name,
                            name=words.thing(self.name),
                        ),
                        did_you_mean(name, self.fields)
                        or _("fields here: {fields}", fields=", ".join(self.fields)),
                    )
                )
                continue
            if isinstance(value, Scalar) and value.is_null:
                continue  # `partners:` with nothing after it means none
            got = spec.type.read(value, out)
            if got is not INVALID:
                rec.values[name] = got
                lines.append(value.line)
                columns.append(value.column)
        rec.locs = FieldLocs(node.file, tuple(rec.values), tuple(lines), tuple(columns))
        for name in self.required:
            if name not in node.entries:
                out.append(
                    Diagnostic(
                        "schema",
                        node.loc,
                        _(
                            "{name} is missing required field '{field}'",
                            name=words.thing(self.name),
                            field=name,
                        ),
                    )
                )
            elif name not in rec.values:
                key, value = node.entries[name]
                if isinstance(value, Scalar) and value.is_null:
                    out.append(
                        Diagnostic(
                            "schema",
                            key.loc,
                            _(
                                "'{field}' is empty in {name}",
                                field=name,
                                name=words.thing(self.name),
                            ),
                        )
                    )
        if self.exactly_one:
            present = [n for n in self.exactly_one if n in node.entries]
            if len(present) != 1:
                names = _(" or ").join(f"'{n}'" for n in self.exactly_one)
                out.append(
                    Diagnostic(
                        "schema",
                        node.entries[present[1]][0].loc if len(present) > 1 else node.loc,
                        _(
                            "{name} needs exactly one of {names}",
                            name=words.thing(self.name),
                            names=names,
                        ),
                    )
                )
        return rec

    def json(self) -> dict[str, Any]:
        schema: dict[str, Any] = {
            "type": "object",
            "properties": {
                name: {
                    **(spec.type.json() if spec.required else nullable(spec.type.json())),
                    "description": spec.doc,
                }
                for name, spec in self.fields.items()
            },
            "additionalProperties": False,
        }
        if self.doc:
            schema["description"] = self.doc
        required = [name for name, spec in self.fields.items() if spec.required]
        if required:
            schema["required"] = required
        if self.exactly_one:
            schema["oneOf"] = [{"required": [name]} for name in self.exactly_one]
        return schema
