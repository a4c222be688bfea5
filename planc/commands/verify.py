"""planc verify RELEASE_DIR: rebuild a release from the sources it carries and compare every
byte. Exit 0 when all are equal, 1 at the first difference (named, with the component versions
that differ between the release and this machine), 2 when the folder is not a release."""

from __future__ import annotations

import io
import json
import os
import shutil
import tempfile
import zipfile
from pathlib import Path
from typing import IO, Any

from planc import __version__
from planc.errors import UsageError


def _manifest(release: Path) -> dict[str, Any]:
    try:
        data = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(f"{release} holds no manifest.json: not a planc release") from None
    except (ValueError, UnicodeDecodeError):
        raise UsageError(f"{release}/manifest.json is not a planc manifest") from None
    if not isinstance(data, dict) or not isinstance(data.get("rounds"), list):
        raise UsageError(f"{release}/manifest.json is not a planc manifest")
    if not isinstance(data.get("sources"), dict) or "archive" not in data["sources"]:
        raise UsageError(
            f"{release} does not carry its sources (made by planc {data.get('planc', '?')}, "
            "before releases did): it cannot be rebuilt"
        )
    return data


def _unsummed(release: Path) -> list[str]:
    """The release's files that do not match its own SHA256SUMS (changed since release)."""
    import hashlib

    try:
        sums = (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    except OSError:
        return ["the release has no SHA256SUMS"]
    out = []
    for line in sums:
        digest, _, name = line.partition("  ")
        path = release / name
        if not path.is_file() or hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            out.append(f"{name} does not match the release's SHA256SUMS")
    return out


def first_difference(name: str, old: bytes, new: bytes) -> str | None:
    """Where two files first differ, looking inside zips entry by entry."""
    if old == new:
        return None
    if name.endswith(".zip"):
        try:
            a, b = zipfile.ZipFile(io.BytesIO(old)), zipfile.ZipFile(io.BytesIO(new))
        except zipfile.BadZipFile:
            pass
        else:
            names_a, names_b = a.namelist(), b.namelist()
            for entry in sorted(set(names_a) | set(names_b)):
                if entry not in names_b:
                    return f"{name}: {entry} is only in the release"
                if entry not in names_a:
                    return f"{name}: {entry} is only in the rebuild"
                inner = first_difference(entry, a.read(entry), b.read(entry))
                if inner:
                    return f"{name}: {inner}"
            if names_a != names_b:
                return f"{name}: the entries are in another order"
            return f"{name}: the entries' dates or attributes differ"
    at = next((i for i, (x, y) in enumerate(zip(old, new, strict=False)) if x != y), None)
    if at is None:
        return f"{name}: {len(old)} bytes in the release, {len(new)} in the rebuild"
    return f"{name}: first different byte at offset {at} (of {len(old)})"


def verify(release: Path, stream: IO[str], err: IO[str]) -> int:
    from planc.commands.build import build
    from planc.publish.components import differences
    from planc.publish.release import components, write_release

    manifest = _manifest(release)
    for line in _unsummed(release):
        stream.write(f"planc verify: note: {line}\n")
    rounds = [entry["round"] for entry in manifest["rounds"]]
    epochs = {entry["round"]: int(entry["source_date_epoch"]) for entry in manifest["rounds"]}
    with tempfile.TemporaryDirectory(prefix="planc-verify-") as tmp:
        scratch = Path(tmp)
        with zipfile.ZipFile(release / manifest["sources"]["archive"]) as archive:
            archive.extractall(scratch / "plans")
        site = manifest.get("site_rounds") or rounds
        log = io.StringIO()
        env = os.environ.pop("SOURCE_DATE_EPOCH", None)  # the recorded times are used
        try:
            archival = bool(manifest.get("archival"))  # releases since the archival editions
            code = build(
                scratch / "plans", site, scratch / "dist", log, log, archive=archival, epochs=epochs
            )
            if code != 0:
                stream.write(log.getvalue())
                stream.write("planc verify: the recorded sources do not build here\n")
                return 1
            write_release(scratch / "plans", scratch / "dist", rounds, scratch / "release", epochs)
        finally:
            if env is not None:
                os.environ["SOURCE_DATE_EPOCH"] = env
        rebuilt = scratch / "release"
        # The documents first: the manifest and the sums differ whenever they do.
        names = sorted(
            {p.name for p in release.iterdir() if not p.name.startswith(".")}
            | {p.name for p in rebuilt.iterdir() if not p.name.startswith(".")},
            key=lambda n: (not n.endswith(".zip"), n),
        )
        problem = None
        for name in names:
            if not (rebuilt / name).is_file():
                problem = f"{name} is in the release but not in the rebuild"
            elif not (release / name).is_file():
                problem = f"{name} is in the rebuild but not in the release"
            else:
                problem = first_difference(
                    name, (release / name).read_bytes(), (rebuilt / name).read_bytes()
                )
            if problem:
                break
        shutil.rmtree(rebuilt, ignore_errors=True)
    if problem is None:
        stream.write(f"verified: {len(names)} files of {release} rebuild byte for byte\n")
        return 0
    stream.write(f"planc verify: differs: {problem}\n")
    changed = differences(manifest.get("components", {}), components())
    if manifest.get("planc") != __version__:
        changed.insert(0, f"planc: {manifest.get('planc')} → {__version__}")
    if changed:
        stream.write("versions that differ (release → here):\n")
        stream.writelines(f"  {line}\n" for line in changed)
    else:
        stream.write("every recorded component version is the same here\n")
    return 1
