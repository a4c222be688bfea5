"""`planc fix`: the `punctuation` infos (planc/load/punctuation.py) rewritten in the files
themselves, exactly those characters, every other byte kept: comments, quoting, layout. A file
it cannot read (not UTF-8, not YAML) is left as it is and reported as the loader reports it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planc.atomic import write_file
from planc.cjk import punctuate
from planc.diagnostics import Diagnostic, Loc
from planc.errors import reason
from planc.i18n import _
from planc.load.nodes import YamlFailure, parse_bytes
from planc.load.punctuation import SUSPECT


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


def fix_file(path: Path, file: str) -> list[Change]:
    data = path.read_bytes()
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    # Keep CRLF files CRLF: work on the text as it is, newline="" when writing.
    out, changes = fix_text(text, file)
    if not changes:
        return []
    write_file(path, (b"\xef\xbb\xbf" if bom else b"") + out.encode("utf-8"))
    return changes


@dataclass
class Fixed:
    """What `planc fix` did: the changes, and the files it could not read (with the loader's
    diagnostic saying where and why)."""

    changes: list[Change]
    unread: list[Diagnostic]


def _why_unread(path: Path, rel: str) -> Diagnostic:
    """The loader's own diagnostic for a file `fix_file` could not read."""
    try:
        _node, problems = parse_bytes(path.read_bytes(), rel)
    except YamlFailure as failure:
        return failure.diagnostic
    except OSError as exc:
        return Diagnostic(
            "schema", Loc(rel), _("cannot read the file: {reason}", reason=reason(exc))
        )
    return next(
        (d for d in problems if d.code != "duplicate-key"),
        Diagnostic("yaml-syntax", Loc(rel), _("planc fix cannot read this file as YAML")),
    )


def fix_plans(plans: Path, rounds: Sequence[str], folders: Sequence[str]) -> Fixed:
    """Rewrite the half-width punctuation of Chinese text in the YAML files of `rounds`, of
    the `folders` beside them (the registry) and at the top of the plans folder
    (programme.yaml). A file that is not UTF-8 or not YAML is left as it is, and reported."""
    tops = [plans / name for name in [*rounds, *folders]]
    files = sorted(p for top in tops if top.is_dir() for p in top.rglob("*.yaml") if p.is_file())
    files += sorted(p for p in plans.glob("*.yaml") if p.is_file())
    done = Fixed([], [])
    for path in files:
        rel = path.relative_to(plans).as_posix()
        try:
            done.changes += fix_file(path, rel)
        except (UnicodeDecodeError, ValueError):
            done.unread.append(_why_unread(path, rel))
        except Exception as exc:  # ruamel's parse errors: the loader's diagnostic says where
            if not type(exc).__module__.startswith("ruamel"):
                raise
            done.unread.append(_why_unread(path, rel))
    return done
