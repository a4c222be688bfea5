"""A content-addressed cache of what the loader makes of one source file: its validated record
and its own diagnostics, so a re-check reads only the files that changed.

An entry is keyed by the file's bytes, its path in the plans folder, its kind, the planc version,
the source format version, a fingerprint of planc's code (the schema's included), and the
language diagnostics are worded in: any change to one of them is a miss. Entries live in
`PLANS/.planc-cache/` (inside the folder planc already reads; it carries its own `.gitignore`).
They are written to a temporary file and renamed into place, so two planc processes can share
the folder without locks, and a reader sees a whole entry or none.

An entry is plain data (marshal of tuples, lists, strings and numbers: loading it runs no code),
behind a header of magic, key and a SHA-256 of the payload. A corrupted, truncated, foreign or
otherwise odd entry is a miss, never trusted: anything unexpected while reading one is treated
as if it were not there. The digest catches accidents, not forgery: whoever can write into the
plans folder can change the sources just as well.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import os
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from planc import __version__
from planc.atomic import TEMPORARY, write_file
from planc.diagnostics import Diagnostic, Loc
from planc.i18n import chinese
from planc.paths import CACHE_DIR

if TYPE_CHECKING:
    from planc.load.spec import Rec

SOURCE_FORMAT = "1"  # the `planc: 1` source format; a new format reads every file afresh
ENCODING = 2  # the layout of an entry below; bump it when _encoder changes
MAGIC = b"planc-c\x01"
_HEADER = len(MAGIC) + 32 + 32  # magic, key, SHA-256 of the payload
_ENTRY = re.compile(r"[0-9a-f]{64}")
_STALE_TEMP = 3600  # seconds after which a temporary file is a crashed writer's leftover

Result: TypeAlias = "tuple[Rec | None, list[Diagnostic]]"


PACKAGE = Path(__file__).resolve().parent.parent  # planc's own folder


def fingerprint(package: Path | None = None) -> str:
    """planc's code: every module (the schema's in planc/load/formats.py, the loader's, the
    checks' whose verdicts are cached per round, the renderer's that a build's stamp holds), so
    a change to any is a different cache, and a different build. It imports nothing: an
    unchanged check needs neither schema nor model. `package`: another copy of planc's."""
    return (code() if package is None else _modules_digest(package)).hex()


@functools.cache
def code() -> bytes:
    """The digest of planc's own modules, read once a process (about 3 ms): the build's stamp
    holds it too."""
    return _modules_digest(PACKAGE)


def _modules_digest(package: Path) -> bytes:
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        try:
            digest.update(path.relative_to(package).as_posix().encode() + b"\0")
            digest.update(path.read_bytes())
        except OSError:  # pragma: no cover - installed without sources: the version decides
            digest.update(b"?")
    return digest.digest()


class _Unexpected(Exception):
    """A record holds something the cache cannot write down faithfully: do not cache it."""


_SCALARS = frozenset({str, int, float, bool, type(None)})
_LOC_TAIL = tuple(Loc(""))[3:]  # the fields of a Loc after file, line, column, at their defaults
# The tags of an encoded record, reference, list of references, and plain tuple (a declared
# figure is read as (value, qualifier)).
_REC, _REF, _REFS, _TUPLE = 0, 1, 2, 3


def _encoder(file: str) -> Any:
    """Records -> plain tuples. Every location must be in `file` (the decoder puts it back);
    equal strings become one object, so marshal writes each once."""
    from planc.load.spec import FieldLocs, Rec
    from planc.model import Ref

    strings: dict[str, str] = {}
    share = strings.setdefault

    def encode(value: Any) -> Any:
        kind = type(value)
        if kind is str:
            return share(value, value)
        if kind in _SCALARS:
            return value
        if kind is tuple:
            return (_TUPLE, [encode(item) for item in value])
        if kind is list:
            if value and all(type(item) is Ref for item in value):
                if any(item.loc.file != file for item in value):
                    raise _Unexpected
                return (
                    _REFS,
                    tuple(share(item.id, item.id) for item in value),
                    tuple(item.loc.line for item in value),
                    tuple(item.loc.column for item in value),
                )
            return [encode(item) for item in value]
        if kind is Ref:
            if value.loc.file != file:
                raise _Unexpected
            return (_REF, share(value.id, value.id), value.loc.line, value.loc.column)
        if kind is Rec:
            # Every value has its place (Obj and MapOf set both together), in this file.
            locs = value.locs
            names = tuple(value.values)
            if type(locs) is not FieldLocs or locs.file != file or locs.names != names:
                raise _Unexpected
            if value.loc.file != file:
                raise _Unexpected
            return (
                _REC,
                value.loc.line,
                value.loc.column,
                tuple(share(name, name) for name in names),
                [encode(v) for v in value.values.values()],
                locs.lines,
                locs.columns,
            )
        raise _Unexpected

    return encode


def _decoder(file: str) -> Any:
    """Plain tuples -> records, built the cheap way (this runs for every value on a warm
    check: tuples made in C, no call for a plain value). Anything of the wrong shape raises,
    which the caller takes as a miss."""
    from planc.load.spec import FieldLocs, Rec
    from planc.model import Ref

    new_tuple = tuple.__new__
    new = object.__new__
    scalars = _SCALARS
    field_locs = FieldLocs
    tail = _LOC_TAIL

    def decode(value: Any) -> Any:
        kind = type(value)
        if kind is list:
            return [v if type(v) in scalars else decode(v) for v in value]
        if kind is not tuple:
            raise _Unexpected
        tag = value[0]
        if tag == _REC:
            _, line, column, names, values, lines, columns = value
            if not len(names) == len(values) == len(lines) == len(columns):
                raise _Unexpected
            rec = new(Rec)
            rec.loc = new_tuple(Loc, (file, line, column, *tail))
            rec.values = dict(
                zip(names, [v if type(v) in scalars else decode(v) for v in values], strict=True)
            )
            if 0 in lines:  # a value without a place of its own (not written by this encoder)
                raise _Unexpected
            rec.locs = field_locs(file, names, lines, columns)
            return rec
        if tag == _REFS:
            _, ids, lines, columns = value
            return [
                new_tuple(Ref, (ref_id, new_tuple(Loc, (file, ln, col, *tail))))
                for ref_id, ln, col in zip(ids, lines, columns, strict=True)
            ]
        if tag == _REF:
            _, ref_id, line, column = value
            return new_tuple(Ref, (ref_id, new_tuple(Loc, (file, line, column, *tail))))
        if tag == _TUPLE:
            _, items = value
            return tuple(v if type(v) in scalars else decode(v) for v in items)
        raise _Unexpected

    return decode


def encode(result: Result, file: str) -> bytes | None:
    """An entry's payload, or None when the result is not plain enough to cache."""
    rec, diagnostics = result
    try:
        tree = None if rec is None else _encoder(file)(rec)
        return marshal.dumps((tree, pack_diagnostics(diagnostics)), 4)
    except (_Unexpected, ValueError, TypeError, AttributeError, KeyError):
        return None


def decode(payload: bytes, file: str) -> Result:
    """The result an entry's payload holds. Raises on anything unexpected."""
    tree, diags = marshal.loads(payload)
    from planc.load.spec import Rec

    rec = None if tree is None else _decoder(file)(tree)
    if rec is not None and type(rec) is not Rec:
        raise _Unexpected
    return rec, unpack_diagnostics(diags)


def pack_diagnostics(diagnostics: list[Diagnostic]) -> list[tuple[Any, ...]]:
    return [(d.code, d.message, d.hint, *d.loc) for d in diagnostics]


def unpack_diagnostics(rows: list[tuple[Any, ...]]) -> list[Diagnostic]:
    """Raises on anything that is not a packed diagnostic."""
    found = []
    for code, message, hint, file, line, column, *rest in rows:
        if not (type(code) is type(message) is type(file) is str):
            raise _Unexpected
        if hint is not None and type(hint) is not str:
            raise _Unexpected
        if type(line) is not int or type(column) is not int or len(rest) > len(_LOC_TAIL):
            raise _Unexpected
        if any(
            type(value) is not type(default)
            for value, default in zip(rest, _LOC_TAIL, strict=False)
        ):
            raise _Unexpected
        found.append(Diagnostic(code, Loc(file, line, column, *rest), message, hint))
    return found


class SourceCache:
    """The cache of one plans folder. Every failure to read or write it only costs time."""

    def __init__(self, plans: Path) -> None:
        self.folder = plans / CACHE_DIR
        # The language too: diagnostics are worded when they are made (planc/i18n.py).
        language = "zh" if chinese() else "en"
        self.salt = (
            f"planc {__version__}\0format {SOURCE_FORMAT}\0{ENCODING}\0{fingerprint()}\0"
            f"{language}\0"
        )
        self.used: set[str] = set()
        self.writable = True
        self.hits = 0
        self.misses = 0

    def key(self, file: str, kind: str, data: bytes) -> bytes:
        digest = hashlib.sha256(self.salt.encode())
        digest.update(f"{kind}\0{file}\0".encode("utf-8", "surrogateescape"))
        digest.update(data)
        return digest.digest()

    def get(self, file: str, kind: str, data: bytes) -> Result | None:
        result = None
        payload = self.load(self.key(file, kind, data))
        if payload is not None:
            try:
                result = decode(payload, file)
            except Exception:  # any odd entry is a miss, never a crash
                result = None
        if result is None:
            self.misses += 1
        else:
            self.hits += 1
        return result

    def put(self, file: str, kind: str, data: bytes, result: Result) -> None:
        if self.writable:
            payload = encode(result, file)
            if payload is not None:
                self.store(self.key(file, kind, data), payload)

    def load(self, key: bytes) -> bytes | None:
        """The payload stored under `key`, if a whole, untouched entry holds it."""
        name = key.hex()
        self.used.add(name)
        try:
            return self._read(self.folder / name, key)
        except Exception:  # any odd entry is a miss, never a crash
            return None

    def _read(self, path: Path, key: bytes) -> bytes | None:
        if self.folder.is_symlink():
            return None  # never follow the cache out of the plans folder
        try:
            fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return None
        with os.fdopen(fd, "rb") as stream:
            entry = stream.read()
        if len(entry) < _HEADER or entry[: len(MAGIC)] != MAGIC:
            return None
        start = len(MAGIC)
        if entry[start : start + 32] != key:
            return None
        payload = entry[_HEADER:]
        if hashlib.sha256(payload).digest() != entry[start + 32 : _HEADER]:
            return None
        return payload

    def store(self, key: bytes, payload: bytes) -> None:
        """Write an entry whole (a temporary file renamed into place), or not at all."""
        if not self.writable:
            return
        self.used.add(key.hex())
        entry = MAGIC + key + hashlib.sha256(payload).digest() + payload
        try:
            self._prepare()
            write_file(self.folder / key.hex(), entry, durable=False)  # a lost entry is a miss
        except OSError:
            self.writable = False  # a read-only plans folder: check without the cache

    def _prepare(self) -> None:
        if self.folder.is_symlink():
            raise OSError("the cache folder is a symbolic link")
        if self.folder.is_dir():
            return
        self.folder.mkdir(exist_ok=True)
        # Ignored by git wherever the plans folder lives, and marked as a cache for backups.
        (self.folder / ".gitignore").write_text(
            "# planc's cache of parsed sources: safe to delete\n*\n", encoding="utf-8"
        )
        (self.folder / "CACHEDIR.TAG").write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This folder is planc's cache of parsed sources: safe to delete.\n",
            encoding="utf-8",
        )

    def prune(self) -> None:
        """Remove the entries this run did not use (call only after reading every file), and
        temporary files a crashed writer left: only files named as planc names them."""
        if not self.folder.is_dir() or self.folder.is_symlink() or not self.writable:
            return
        now = time.time()
        try:
            for path in self.folder.iterdir():
                name = path.name
                temporary = TEMPORARY.fullmatch(name) or name.startswith(".tmp-")  # or older
                stale = temporary and now - path.lstat().st_mtime > _STALE_TEMP
                if stale or (_ENTRY.fullmatch(name) and name not in self.used):
                    path.unlink(missing_ok=True)
        except OSError:
            pass
