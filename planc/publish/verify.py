"""planc verify: rebuild a release from the sources it carries and compare every byte.

A release to verify is untrusted input: it may come from anywhere, changed by accident or on
purpose. So nothing in it is believed before it is checked, and nothing outside it is read:

- manifest.json is read whole only when small, and checked against the shape planc writes
  (`_checked`): every round a round's name, every archive the name planc gives it, every
  number a number. Anything else is "not a planc manifest", said once.
- Every file is opened by a plain name inside the release folder, not following a link, not
  waiting on a fifo; SHA256SUMS may name only the release's own files.
- The sources archive is unpacked entry by entry into a scratch folder, each name checked (no
  absolute path, no '..', no hidden file), the sizes capped (MAX_SOURCES in all) and counted
  as they are written: a damaged, truncated or inflated archive is refused, not unpacked.
- The release's own zips are compared with the rebuild's entry by entry, reading the release's
  side only as far as the rebuild's (trusted) side goes.
"""

from __future__ import annotations

import json
import os
import re
import stat
import tempfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from planc import __version__
from planc.errors import SourcesHaveErrors, UsageError
from planc.i18n import _
from planc.publish.release import components, release_names, write_release
from planc.render.documents import ARCHIVE, FORMATS, formats
from planc.zips import SOURCES_ZIP, ZIP_EPOCH_MAX

MAX_MANIFEST = 16_000_000  # bytes: a manifest lists every file of every round, a few hundred KB
MAX_SUMS = 1_000_000
MAX_SOURCES = 200_000_000  # bytes of sources unpacked; the shipped plans are about 1 MB
MAX_ENTRIES = 100_000
CHUNK = 1 << 16
ROUND = re.compile(r"[0-9]{4}-[0-9]{4}")
SHA256 = re.compile(r"[0-9a-f]{64}")
SHORT = 200  # characters of a version or a component's name
DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, ValueError)


@dataclass
class Verification:
    """What planc verify found: the files compared, the first difference (None: none), the
    release's own files that do not match its SHA256SUMS, and the component versions that
    differ between the release's manifest and this machine."""

    release: Path
    files: int = 0
    difference: str | None = None
    unsummed: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Manifest:
    rounds: list[str]
    epochs: dict[str, int]
    site_rounds: list[str]
    planc: str
    components: dict[str, dict[str, str]]
    formats: list[str]  # of its documents (none listed: made before the archival editions)


# --- reading inside the release, and only there ---------------------------------------------------


@contextmanager
def _opened(release: Path, name: str) -> Iterator[IO[bytes]]:
    """A regular file of the release folder by its plain name, opened without following a
    link or waiting on a fifo. OSError for anything else."""
    if "/" in name or "\\" in name or name in ("", ".", "..") or "\0" in name:
        raise OSError(0, "not a name in the release folder", name)
    fd = os.open(release / name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(0, "not a regular file", name)
        handle = os.fdopen(fd, "rb", closefd=False)
        yield handle
    finally:
        os.close(fd)


def _small(release: Path, name: str, limit: int) -> bytes | None:
    """A release file's bytes when it is at most `limit` long; None when it is longer."""
    with _opened(release, name) as handle:
        data = handle.read(limit + 1)
    return None if len(data) > limit else data


def _digest(release: Path, name: str) -> str:
    import hashlib

    digest = hashlib.sha256()
    with _opened(release, name) as handle:
        while chunk := handle.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


# --- the manifest ---------------------------------------------------------------------------------


class _Wrong(Exception):
    """The manifest is not of the shape planc writes; the message names the field."""


def _text(value: object, where: str, limit: int = SHORT) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise _Wrong(where)
    return value


def _checked(data: object) -> Manifest:
    """The manifest's fields planc verify uses, each checked for what planc writes there."""
    if not isinstance(data, dict):
        raise _Wrong("manifest")
    if data.get("format") != 1 or type(data.get("format")) is not int:
        raise _Wrong("format")
    sources = data.get("sources")
    if not isinstance(sources, dict) or sources.get("archive") != SOURCES_ZIP:
        raise _Wrong("sources.archive")
    entries = data.get("rounds")
    if not isinstance(entries, list) or not 1 <= len(entries) <= 100:
        raise _Wrong("rounds")
    rounds: list[str] = []
    epochs: dict[str, int] = {}
    for i, entry in enumerate(entries):
        if not isinstance(entry, dict):
            raise _Wrong(f"rounds[{i}]")
        name = entry.get("round")
        if not isinstance(name, str) or not ROUND.fullmatch(name) or name in epochs:
            raise _Wrong(f"rounds[{i}].round")
        epoch = entry.get("source_date_epoch")
        if type(epoch) is not int or not 0 <= epoch <= ZIP_EPOCH_MAX:
            raise _Wrong(f"rounds[{i}].source_date_epoch")
        if entry.get("archive") != f"planc-{name}.zip":
            raise _Wrong(f"rounds[{i}].archive")
        rounds.append(name)
        epochs[name] = epoch
    site = data.get("site_rounds", rounds)
    if not isinstance(site, list) or not all(
        isinstance(r, str) and ROUND.fullmatch(r) for r in site
    ):
        raise _Wrong("site_rounds")
    recorded = data.get("components", {})
    if not isinstance(recorded, dict) or not all(
        isinstance(kind, str)
        and isinstance(versions, dict)
        and all(isinstance(k, str) and isinstance(v, str) for k, v in versions.items())
        for kind, versions in recorded.items()
    ):
        raise _Wrong("components")
    version = _text(data.get("planc", "?"), "planc")
    written = data.get("formats", formats())
    if not isinstance(written, list) or not all(f in FORMATS for f in written):
        raise _Wrong("formats")
    return Manifest(rounds, epochs, list(site) or rounds, version, recorded, list(written))


def _manifest(release: Path) -> Manifest:
    def wrong(field: str) -> UsageError:
        return UsageError(
            _(
                "{release}/manifest.json is not a planc manifest ({field})",
                release=release,
                field=field,
            )
        )

    try:
        raw = _small(release, "manifest.json", MAX_MANIFEST)
    except FileNotFoundError:
        raise UsageError(
            _("{release} holds no manifest.json: not a planc release", release=release)
        ) from None
    except OSError:
        raise wrong("manifest.json") from None
    if raw is None:
        raise wrong("size")
    try:
        data = json.loads(raw.decode("utf-8"))
    except (ValueError, UnicodeDecodeError, RecursionError):
        raise wrong("JSON") from None
    if isinstance(data, dict) and not isinstance(data.get("sources"), dict):
        raise UsageError(
            _(
                "{release} does not carry its sources (made by planc {version}, before "
                "releases did): it cannot be rebuilt",
                release=release,
                version=str(data.get("planc", "?"))[:SHORT],
            )
        )
    try:
        return _checked(data)
    except _Wrong as exc:
        raise wrong(str(exc)) from None


def _unsummed(release: Path, rounds: list[str]) -> list[str]:
    """The release's files that do not match its own SHA256SUMS (changed since release); a
    line naming anything but one of the release's own files is reported, never opened."""
    try:
        raw = _small(release, "SHA256SUMS", MAX_SUMS)
    except OSError:
        return [_("the release has no SHA256SUMS")]
    if raw is None:
        return [_("the release's SHA256SUMS is too long to be one")]
    own = set(release_names(rounds)) - {"SHA256SUMS"}
    out = []
    for line in raw.decode("utf-8", "replace").splitlines():
        digest, _sep, name = line.partition("  ")
        if name not in own or not SHA256.fullmatch(digest):
            out.append(_("SHA256SUMS names '{name}', not a file of the release", name=name[:80]))
            continue
        try:
            same = _digest(release, name) == digest
        except OSError:
            same = False
        if not same:
            out.append(_("{name} does not match the release's SHA256SUMS", name=name))
    return out


# --- unpacking the sources ------------------------------------------------------------------------


def _safe_name(name: str) -> str | None:
    """An archive entry's name as a relative path under the scratch folder, or None."""
    parts = name.split("/")
    if name.endswith("/"):
        parts = parts[:-1]
    if (
        not parts
        or "\\" in name
        or "\0" in name
        or any(p in ("", ".", "..") or p.startswith(".") for p in parts)
        or ":" in parts[0]
    ):
        return None
    return "/".join(parts)


def _unpack(release: Path, into: Path) -> None:
    """The sources archive unpacked into `into`, or a UsageError saying why not."""

    def refused(why: str) -> UsageError:
        return UsageError(
            _(
                "{release}/{archive} cannot be unpacked: {why}",
                release=release,
                archive=SOURCES_ZIP,
                why=why,
            )
        )

    try:
        with _opened(release, SOURCES_ZIP) as handle, zipfile.ZipFile(handle) as archive:
            infos = archive.infolist()
            declared = sum(info.file_size for info in infos)
            if len(infos) > MAX_ENTRIES or declared > MAX_SOURCES:
                raise refused(
                    _(
                        "it holds {count} entries of {size} MB; the sources of a release are "
                        "under {limit} MB",
                        count=len(infos),
                        size=f"{declared / 1e6:,.0f}",
                        limit=MAX_SOURCES // 1_000_000,
                    )
                )
            written = 0
            for info in infos:
                rel = _safe_name(info.filename)
                if rel is None:
                    raise refused(_("it names '{entry}'", entry=info.filename[:80]))
                target = into / rel
                if info.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as src, open(target, "xb") as dst:
                    while chunk := src.read(CHUNK):
                        written += len(chunk)
                        if written > MAX_SOURCES:
                            raise refused(_("it unpacks to more than it says"))
                        dst.write(chunk)
    except FileNotFoundError:
        raise refused(_("the archive is missing")) from None
    except FileExistsError as exc:
        raise refused(_("it names '{entry}' twice", entry=str(exc.filename)[-80:])) from None
    except DAMAGED as exc:
        raise refused(_("the archive is damaged ({error})", error=str(exc)[:120])) from None


# --- comparing --------------------------------------------------------------------------------


def _first_byte(old: IO[bytes], new: IO[bytes], old_size: int, new_size: int) -> int | None:
    """Where two streams first differ (None: equal), reading the first no further than the
    second's length and one byte."""
    at = 0
    while True:
        b = new.read(CHUNK)
        a = old.read(len(b) if b else 1)
        if a != b:
            common = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
            return at + (common if common is not None else min(len(a), len(b)))
        if not b:
            return None if old_size == new_size else at
        at += len(b)


def _where(name: str, at: int, old_size: int, new_size: int) -> str:
    if at >= min(old_size, new_size):
        return _(
            "{name}: {old} bytes in the release, {new} in the rebuild",
            name=name,
            old=old_size,
            new=new_size,
        )
    return _(
        "{name}: first different byte at offset {at} (of {size})", name=name, at=at, size=old_size
    )


def _zip_difference(name: str, old: IO[bytes], new: Path) -> str | None:
    """The first difference between a release's zip and the rebuild's, entry by entry."""
    try:
        a = zipfile.ZipFile(old)
    except DAMAGED:
        return _("{name}: not a readable zip", name=name)
    with a, zipfile.ZipFile(new) as b:
        infos_a = {i.filename: i for i in a.infolist()}
        infos_b = {i.filename: i for i in b.infolist()}
        for entry in sorted(set(infos_a) | set(infos_b)):
            if entry not in infos_b:
                return _("{name}: {entry} is only in the release", name=name, entry=entry[:80])
            if entry not in infos_a:
                return _("{name}: {entry} is only in the rebuild", name=name, entry=entry)
            ia, ib = infos_a[entry], infos_b[entry]
            try:
                with a.open(ia) as sa, b.open(ib) as sb:
                    at = _first_byte(sa, sb, ia.file_size, ib.file_size)
            except DAMAGED:
                return _("{name}: {entry} cannot be read", name=name, entry=entry)
            if at is not None:
                return f"{name}: {_where(entry, at, ia.file_size, ib.file_size)}"
        if list(infos_a) != list(infos_b):
            return _("{name}: the entries are in another order", name=name)
        return _("{name}: the entries' dates or attributes differ", name=name)


def _difference(release: Path, name: str, rebuilt: Path) -> str | None:
    try:
        with _opened(release, name) as old:
            old_size = os.fstat(old.fileno()).st_size
            new_size = (rebuilt / name).stat().st_size
            with open(rebuilt / name, "rb") as new:
                at = _first_byte(old, new, old_size, new_size)
            if at is None:
                return None
            if name.endswith(".zip"):
                old.seek(0)
                return _zip_difference(name, old, rebuilt / name)
            return _where(name, at, old_size, new_size)
    except OSError:
        return _("{name} in the release is not a file planc can read", name=name)


def _compare(release: Path, rebuilt: Path) -> tuple[int, str | None]:
    """(the files compared, the first difference): the documents first, since the manifest
    and the sums differ whenever they do."""
    names = sorted(
        {n for n in os.listdir(release) if not n.startswith(".")}
        | {n for n in os.listdir(rebuilt) if not n.startswith(".")},
        key=lambda n: (not n.endswith(".zip"), n),
    )
    for name in names:
        if not (rebuilt / name).is_file():
            return len(names), _("{name} is in the release but not in the rebuild", name=name)
        if not os.path.lexists(release / name):
            return len(names), _("{name} is in the rebuild but not in the release", name=name)
        found = _difference(release, name, rebuilt)
        if found:
            return len(names), found
    return len(names), None


def verify(release: Path) -> Verification:
    """Rebuild `release` from the sources it carries, with the times it records, and compare
    every byte. Raises UsageError when the folder is not a release, or not one planc can
    unpack."""
    from planc.publish import publish
    from planc.publish.components import differences

    if not release.is_dir():
        raise UsageError(_("{release} is not a folder", release=release))
    manifest = _manifest(release)
    result = Verification(release, unsummed=_unsummed(release, manifest.rounds))
    with tempfile.TemporaryDirectory(prefix="planc-verify-") as tmp:
        scratch = Path(tmp)
        (scratch / "plans").mkdir()
        _unpack(release, scratch / "plans")
        env = os.environ.pop("SOURCE_DATE_EPOCH", None)  # the recorded times are used
        try:
            archival = any(FORMATS[f].medium == ARCHIVE for f in manifest.formats)
            publish(
                scratch / "plans",
                manifest.site_rounds,
                scratch / "dist",
                archive=archival,
                epochs=manifest.epochs,
            )
            write_release(
                scratch / "plans",
                scratch / "dist",
                manifest.rounds,
                scratch / "release",
                manifest.epochs,
                manifest.formats,
            )
        except SourcesHaveErrors as exc:
            raise SourcesHaveErrors(
                exc.failing, _("the release's sources do not build here")
            ) from None
        finally:
            if env is not None:
                os.environ["SOURCE_DATE_EPOCH"] = env
        result.files, result.difference = _compare(release, scratch / "release")
    if result.difference is not None:
        result.versions = differences(manifest.components, components())
        if manifest.planc != __version__:
            result.versions.insert(0, f"planc: {manifest.planc} → {__version__}")
    return result
