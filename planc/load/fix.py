"""`planc fix`: the `punctuation` infos (planc/load/punctuation.py) rewritten in the files
themselves, exactly those characters, every other byte kept: comments, quoting, layout. A file
it cannot read (not UTF-8, not YAML) is left as it is and reported as the loader reports it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from planc.cjk import punctuate
from planc.diagnostics import Diagnostic, Loc
from planc.errors import reason
from planc.i18n import _
from planc.load import disk
from planc.load.nodes import YamlFailure
from planc.load.parse import parse_bytes
from planc.load.punctuation import SUSPECT
from planc.load.write import plans_transaction


@dataclass(frozen=True)
class Change:
    file: str
    line: int
    column: int
    old: str
    new: str


def _events(text: str) -> list[Any]:
    from ruamel.yaml import YAML

    # The pure-Python parser: its marks count characters of `text`, which the edit needs.
    parser = YAML(typ="safe", pure=True).get_constructor_parser(text)[1]
    events = []
    while True:
        event = parser.get_event()
        events.append(event)
        if type(event).__name__ == "StreamEndEvent":
            return events


def _scalars(text: str) -> list[tuple[Any, str]]:
    return [(e, e.value) for e in _events(text) if type(e).__name__ == "ScalarEvent"]


def fix_text(text: str, file: str) -> tuple[str, list[Change]]:
    """`text` with the punctuation of its single-line scalars fixed in place. Block scalars
    and escapes are left alone (reported, not rewritten)."""
    edits: list[tuple[int, int, str, Change]] = []
    for event, value in _scalars(text):
        if value.isascii() or not SUSPECT.search(value):
            continue
        fixed = punctuate(value)
        if fixed == value:
            continue
        start, end = event.start_mark.index, event.end_mark.index
        raw = text[start:end]
        style = event.style
        if "\n" in raw or "\r" in raw:
            continue
        if style is None and raw == value:
            new = fixed
        elif style in ('"', "'") and raw[1:-1] == value and "\\" not in raw:
            new = raw[0] + fixed + raw[-1]
            if style == "'" and "'" in fixed:
                continue
        else:
            continue
        line, column = event.start_mark.line + 1, event.start_mark.column + 1
        edits.append((start, end, new, Change(file, line, column, raw, new)))
    out = text
    for start, end, new, _change in sorted(edits, reverse=True):
        out = out[:start] + new + out[end:]
    if edits:  # the values changed exactly as meant, and nothing else did
        edited = {start for start, *_rest in edits}
        wanted = [punctuate(v) if e.start_mark.index in edited else v for e, v in _scalars(text)]
        if wanted != [v for _node, v in _scalars(out)]:
            return text, []
    return out, [c for *_rest, c in sorted(edits)]


def fix_bytes(data: bytes, file: str) -> tuple[bytes, list[Change]]:
    """A file's bytes with its punctuation fixed (BOM and line ends kept). Raises what
    decoding or ruamel's parser raise on a file it cannot read."""
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    # Keep CRLF files CRLF: work on the text as it is.
    out, changes = fix_text(text, file)
    if not changes:
        return data, []
    return (b"\xef\xbb\xbf" if bom else b"") + out.encode("utf-8"), changes


@dataclass
class Fixed:
    """What `planc fix` did: the changes, and the files it could not read (with the loader's
    diagnostic saying where and why)."""

    changes: list[Change]
    unread: list[Diagnostic]


def _files(tree: disk.Tree, tops: list[str]) -> list[str]:
    """The YAML files under the folders `tops` and at the top of the plans folder, as the
    loader sees them (links out of the folder, fifos, names not UTF-8: not among them)."""
    found = [e.rel for e in tree.listing("") if e.kind == disk.FILE and e.name.endswith(".yaml")]
    folders = [e.rel for e in tree.listing("") if e.kind == disk.DIR and e.name in tops]
    while folders:
        for entry in tree.listing(folders.pop()):
            if entry.kind == disk.DIR:
                folders.append(entry.rel)
            elif entry.name.endswith(".yaml"):
                found.append(entry.rel)
    return sorted(found)


def fix_plans(
    plans: Path, rounds: Sequence[str], folders: Sequence[str], err: IO[str] | None = None
) -> Fixed:
    """Rewrite the half-width punctuation of Chinese text in the YAML files of `rounds`, of
    the `folders` beside them (the registry) and at the top of the plans folder
    (programme.yaml). A file planc's loader cannot read (not UTF-8, not YAML, a name that is
    not UTF-8, a link out of the folder) is left as it is, and reported as the loader reports
    it. Every file fixed is written, or none (plans_transaction)."""
    tops = [*rounds, *folders]
    done = Fixed([], [])
    with plans_transaction(plans, err) as tx:
        tree = disk.scan(plans)
        done.unread += [
            d for d in tree.problems if "/" not in d.loc.file or d.loc.file.split("/")[0] in tops
        ]
        for rel in _files(tree, tops):
            try:
                data = disk.read_bytes(tree, rel)
                parse_bytes(data, rel)  # what planc cannot read, planc fix does not touch
                new, changes = fix_bytes(data, rel)
            except YamlFailure as failure:
                done.unread.append(failure.diagnostic)
                continue
            except OSError as exc:
                message = _("cannot read the file: {reason}", reason=reason(exc))
                done.unread.append(Diagnostic("schema", Loc(rel), message))
                continue
            except Exception as exc:  # ruamel's parse errors; the loader read it, so rare
                if not type(exc).__module__.startswith("ruamel"):
                    raise
                done.unread.append(
                    Diagnostic(
                        "yaml-syntax", Loc(rel), _("planc fix cannot read this file as YAML")
                    )
                )
                continue
            if changes:
                tx.write(plans / rel, new)
                done.changes += changes
    return done
