"""The workbook's edits made in the YAML sources, with ruamel.yaml's round trip
(load/roundtrip.py): a changed value takes the place and the style of the old one (quoted
stays quoted, a flow list stays a flow list), a new field goes where the source format lists
it, a new item follows the item of the row above it; comments, order and quoting elsewhere
stay as they were, and a file with nothing changed is not written at all."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from planc.index import Index
from planc.load import formats
from planc.load.roundtrip import remove, remove_key, round_trip_yaml
from planc.load.spec import ListOf, MapOf, Obj
from planc.workbook.edits import Edit


def _fields(spec: Any) -> list[str]:
    assert isinstance(spec, Obj)
    return list(spec.fields)


def _item_of(kind_file: Obj, key: str) -> Any:
    spec = kind_file.fields[key].type
    return (
        spec.item if isinstance(spec, ListOf) else spec.value if isinstance(spec, MapOf) else spec
    )


ORDER = {
    "tasks": _fields(formats.TASK),
    "cases": _fields(_item_of(formats.CASES_FILE, "cases")),
    "indicators": _fields(formats.INDICATOR),
    "units": _fields(_item_of(formats.UNITS_FILE, "units")),
    "comments": _fields(formats.COMMENT),
}


def _styled(old: Any, value: Any) -> Any:
    """`value` written in the style of the value it replaces."""
    from ruamel.yaml.comments import CommentedMap, CommentedSeq
    from ruamel.yaml.scalarstring import LiteralScalarString, ScalarString

    if isinstance(value, list):
        seq = CommentedSeq(value)
        if not isinstance(old, CommentedSeq) or old.fa.flow_style():
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, dict):
        # a year written plain, as the office's files write it (2021: 70, not '2021': 70)
        mapping = CommentedMap((_year_key(k), v) for k, v in value.items())
        if not isinstance(old, CommentedMap) or old.fa.flow_style():
            mapping.fa.set_flow_style()
        return mapping
    if isinstance(value, str):
        if "\n" in value:
            return LiteralScalarString(value)
        if isinstance(old, ScalarString) and not isinstance(old, LiteralScalarString):
            return type(old)(value)  # quoted as it was
    return value


def _year_key(key: Any) -> Any:
    if isinstance(key, str) and key.isdigit() and len(key) == 4 and key[0] != "0":
        return int(key)
    return key


def put(node: Any, kind: str, name: str, value: Any) -> None:
    """Set (or, for None, remove) one field of an item, keeping the others where they are."""
    if value is None:
        if name in node:
            del node[name]
        return
    if name in node:
        node[name] = _styled(node[name], value)
        return
    order = ORDER[kind]
    before = order[: order.index(name)] if name in order else order
    position = max((i + 1 for i, key in enumerate(node) if key in before), default=0)
    node.insert(position, name, _styled(None, value))


@dataclass
class Files:
    """The source files being edited: each loaded once, written back only if changed."""

    index: Index
    name: str
    docs: dict[str, Any] = field(default_factory=dict)  # file (relative to plans) -> document
    texts: dict[str, str] = field(default_factory=dict)  # as read
    changed: set[str] = field(default_factory=set)

    def doc(self, rel: str, read: Any, fresh: tuple[str, str] | None = None) -> Any:
        """The document of file `rel`; `fresh` (its key and id) makes a tasks or cases file
        for a chapter or part that has none yet."""
        from ruamel.yaml.comments import CommentedMap, CommentedSeq

        if rel not in self.docs:
            self.texts[rel] = read(rel)
            if self.texts[rel] or fresh is None:
                self.docs[rel] = round_trip_yaml().load(self.texts[rel])
            else:
                key, iid = fresh
                doc = CommentedMap()
                doc[key] = iid
                doc["tasks" if key == "chapter" else "cases"] = CommentedSeq()
                self.docs[rel] = doc
        return self.docs[rel]

    def dumped(self) -> dict[str, str]:
        out = {}
        for rel in sorted(self.changed):
            stream = io.StringIO()
            round_trip_yaml().dump(self.docs[rel], stream)
            if stream.getvalue() != self.texts[rel]:
                out[rel] = stream.getvalue()
        return out


def _lists(kind: str, doc: Any) -> dict[str, Any]:
    """The lists of items in a file, by the place they stand for: a section's title (or ""),
    a dimension's id (or "" for indicators without one); cases and comments have one."""

    if kind == "tasks":
        if doc.get("sections") is not None:
            return {s["title"]: s["tasks"] for s in doc["sections"]}
        return {"": doc["tasks"]}
    if kind == "indicators":
        found = {d["id"]: d["indicators"] for d in doc.get("dimensions") or []}
        if doc.get("indicators") is not None:
            found[""] = doc["indicators"]
        return found
    return {"": doc[kind]}


def find(kind: str, doc: Any, iid: str) -> tuple[Any, int] | None:
    for seq in _lists(kind, doc).values():
        for i, item in enumerate(seq):
            if str(item.get("id")) == iid:
                return seq, i
    return None


def target(kind: str, doc: Any, where: str) -> Any:
    from ruamel.yaml.comments import CommentedSeq

    lists = _lists(kind, doc)
    if where in lists:
        return lists[where]
    assert kind == "indicators" and where == ""
    doc.insert(list(doc).index("dimensions"), "indicators", CommentedSeq())
    return doc["indicators"]


def new_item(kind: str, edit: Edit) -> Any:
    from ruamel.yaml.comments import CommentedMap

    node = CommentedMap()
    node["id"] = edit.id
    for name in ORDER[kind]:
        if edit.fields.get(name) is not None:
            put(node, kind, name, edit.fields[name])
    return node


def _file(ri: Any, kind: str, iid: str) -> str:
    items = {"tasks": ri.tasks, "cases": ri.cases, "indicators": ri.indicators}[kind]
    return str(items[iid].loc.file)


def _home(ri: Any, kind: str, place: tuple[str, ...]) -> tuple[str, str, tuple[str, str] | None]:
    """The file and the list in it for an item placed at `place`, and what a new file for it
    starts with."""
    if kind == "tasks":
        chapter = ri.chapters[place[0]]
        rel = chapter.file or f"{ri.round.name}/tasks/{chapter.id}.yaml"
        return rel, place[1], ("chapter", chapter.id)
    if kind == "cases":
        part = ri.parts[place[0]]
        rel = part.file or f"{ri.round.name}/cases/{part.id}.yaml"
        return rel, "", ("part", part.id)
    system = ri.systems[place[0]]
    return system.file, place[1], None


def apply_edits(files: Files, edits: list[Edit], read: Any) -> None:
    """Make every edit in the documents of `files` (`read(rel)` gives a file's text, or ""
    for one to be made)."""
    from ruamel.yaml.comments import CommentedMap

    ri = files.index.rounds[files.name]
    for edit in edits:
        if edit.kind == "units":
            asked = edit.fields.get("consulted")
            fields = {k: v for k, v in edit.fields.items() if k != "consulted"}
            if asked is not None or edit.drop:
                _consulted(files, ri, edit.id, bool(asked) and not edit.drop, read)
            if not fields and not edit.new and not edit.drop:
                continue
            rel = "registry/units.yaml"
            units = files.doc(rel, read)["units"]
            if edit.drop:
                del units[edit.id]
            elif edit.new:
                node = new_item("units", Edit("units", edit.id, fields))
                del node["id"]
                flow = next(iter(units.values()), None)
                if isinstance(flow, CommentedMap) and flow.fa.flow_style():
                    node.fa.set_flow_style()
                units[edit.id] = node
            else:
                for name, value in fields.items():
                    put(units[edit.id], "units", name, value)
            files.changed.add(rel)
            continue
        if edit.kind == "systems":  # its `carried_from:` taken out: reviewed for the round
            rel = ri.systems[edit.id].file
            remove_key(files.doc(rel, read), "carried_from")
            files.changed.add(rel)
            continue
        if edit.kind == "comments":
            number, _, cid = edit.id.partition(":")
            record = next(r for r in ri.round.consultations if str(r.number) == number)
            doc = files.doc(record.file, read)
            node = next(c for c in doc["comments"] if str(c.get("id")) == cid)
            for name, value in edit.fields.items():
                put(node, "comments", name, value)
            files.changed.add(record.file)
            continue
        if edit.new:
            assert edit.place is not None
            rel, where, fresh = _home(ri, edit.kind, edit.place)
            doc = files.doc(rel, read, fresh)
            seq = target(edit.kind, doc, where)
            found = find(edit.kind, doc, edit.after) if edit.after else None
            at = found[1] + 1 if found is not None and found[0] is seq else len(seq)
            seq.insert(at, new_item(edit.kind, edit))
            files.changed.add(rel)
            continue
        rel = _file(ri, edit.kind, edit.id)
        doc = files.doc(rel, read)
        located = find(edit.kind, doc, edit.id)
        assert located is not None, (rel, edit.id)
        seq, i = located
        files.changed.add(rel)
        if edit.drop:
            remove(seq, i)
            continue
        node = seq[i]
        for name, value in edit.fields.items():
            put(node, edit.kind, name, value)
        if edit.place is not None:
            new_rel, where, fresh = _home(ri, edit.kind, edit.place)
            new_doc = files.doc(new_rel, read, fresh)
            new_seq = target(edit.kind, new_doc, where)
            if new_seq is not seq:
                new_seq.append(remove(seq, i))
                files.changed.add(new_rel)


def _consulted(files: Files, ri: Any, uid: str, asked: bool, read: Any) -> None:
    """The unit in (or out of) plan.yaml's `consulted:`."""
    rel = ri.round.plan_file
    doc = files.doc(rel, read)
    have = [str(u) for u in doc.get("consulted") or []]
    want = [*have, uid] if asked and uid not in have else [u for u in have if u != uid or asked]
    if want == have:
        return
    order = _fields(formats.PLAN)
    if want:
        if "consulted" in doc:
            doc["consulted"] = _styled(doc["consulted"], want)
        else:
            at = max(i + 1 for i, k in enumerate(doc) if k in order[: order.index("consulted")])
            doc.insert(at, "consulted", _styled(None, want))
    else:
        del doc["consulted"]
    files.changed.add(rel)
