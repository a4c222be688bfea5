"""A release of the plans: beside dist/, one zip per round (its PDFs, HTML and plan.json), a zip
of the whole site, a manifest, and SHA256SUMS. Byte-identical for the same sources and planc
version on any machine, in any folder, under any time zone or locale: entries sorted, times
fixed, permissions fixed, no path of the build machine in any file."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planc import __version__
from planc.errors import SourcesHaveErrors, UsageError
from planc.i18n import _
from planc.publish.folders import digest_trees, replacing
from planc.render import fonts
from planc.render.documents import ARCHIVE, FORMATS, ROUND_FILE, formats
from planc.zips import SOURCES_ZIP, ZIP_EPOCH_MAX, write_zip

FALLBACK_EPOCH = 946684800  # 2000-01-01, when neither SOURCE_DATE_EPOCH nor git says
RELEASED = formats(archive=True)  # a release has the archival editions (docs/archive.md)


def checked_epoch(value: str) -> int:
    """SOURCE_DATE_EPOCH as a number of seconds a zip can hold, or a message saying why not.
    Times before 1980 are written as 1980-01-01 (the zip format starts there)."""
    try:
        epoch = int(value)
    except ValueError:
        raise UsageError(
            _(
                "SOURCE_DATE_EPOCH must be whole seconds since 1970 (e.g. 1700000000), not "
                "'{value}'",
                value=value,
            )
        ) from None
    if not 0 <= epoch <= ZIP_EPOCH_MAX:
        raise UsageError(
            _(
                "SOURCE_DATE_EPOCH={value} is outside what a zip can hold: use 0 to {max} "
                "(1970 to 2107-12-31)",
                value=value,
                max=ZIP_EPOCH_MAX,
            )
        )
    return epoch


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest_files(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return digest.hexdigest()


def sources_digest(plans: Path, name: str) -> str:
    """The digest of what a round is made from: its folder and the shared registry."""
    return digest_trees([(plans, plans / "registry"), (plans, plans / name)])


def source_epoch(plans: Path, name: str) -> int:
    """SOURCE_DATE_EPOCH when set, else the time of the last commit touching the round or the
    registry, else a fixed date: never the clock."""
    env = os.environ.get("SOURCE_DATE_EPOCH")
    if env:
        return checked_epoch(env)
    try:
        done = subprocess.run(
            ["git", "log", "-1", "--format=%ct", "--", name, "registry"],
            cwd=plans,
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        return FALLBACK_EPOCH
    stamp = done.stdout.strip()
    ok = done.returncode == 0 and stamp.isdigit() and int(stamp) <= ZIP_EPOCH_MAX
    return int(stamp) if ok else FALLBACK_EPOCH


def _weasyprint_version() -> str:
    # From the package's metadata: importing WeasyPrint (which the parent of a build never
    # does; its workers do) to read one string cost a release half a CPU second.
    from importlib.metadata import version

    return version("weasyprint")


def _font_files() -> dict[str, str]:
    """The font file each CJK family resolves to, by name and digest (never its path)."""
    from planc.render.pdf import CJK_FAMILIES

    found = {}
    for family in CJK_FAMILIES:
        done = subprocess.run(
            ["fc-match", "--format=%{file}", family], capture_output=True, text=True, check=False
        )
        path = Path(done.stdout.strip())
        if done.returncode == 0 and path.is_file():
            found[family] = f"{path.name} sha256:{fonts.file_digest(path)}"
    return found


def _tree(root: Path, prefix: str = "", only: set[str] | None = None) -> dict[str, bytes]:
    """The files under `root` by relative path; with `only`, under those top-level names."""
    return {
        prefix + p.relative_to(root).as_posix(): p.read_bytes()
        for p in root.rglob("*")
        if p.is_file()
        and not p.name.startswith(".")
        and (only is None or p.relative_to(root).parts[0] in only)
    }


def _built(dist: Path) -> set[str]:
    """What planc wrote in dist/ (not the user's CNAME or assets/, which a release leaves)."""
    from planc.publish.outdir import OWNED

    listed = dist / OWNED
    if not listed.is_file():
        return {p.name for p in dist.iterdir()}
    return set(listed.read_text(encoding="utf-8").split())


def release_names(rounds: list[str]) -> list[str]:
    return [
        *(f"planc-{r}.zip" for r in rounds),
        "planc-site.zip",
        SOURCES_ZIP,
        "manifest.json",
        "SHA256SUMS",
    ]


def source_files(plans: Path, under: tuple[str, ...] = ()) -> dict[str, bytes]:
    """The plans folder as a release records it: every regular file, by path (no hidden file,
    and no link: a build with a link in its sources has stopped with an error before); with
    `under`, only those top-level folders'."""
    found = {}
    paths = [p for top in under for p in (plans / top).rglob("*")] if under else plans.rglob("*")
    for path in sorted(paths):
        rel = path.relative_to(plans)
        if any(part.startswith(".") for part in rel.parts) or path.is_symlink():
            continue
        if path.is_file():
            found[rel.as_posix()] = path.read_bytes()
    return found


def components() -> dict[str, dict[str, str]]:
    from planc.publish.components import debian_packages, python_packages

    return {"debian": debian_packages(), "python": python_packages()}


def write_release(
    plans: Path,
    dist: Path,
    rounds: list[str],
    target: Path,
    epochs: dict[str, int] | None = None,
    written: Sequence[str] = RELEASED,
) -> list[str]:
    """Write the release of `rounds` (built in `dist`, in the formats `written`) into `target`,
    replacing it whole. `epochs` gives each round's time instead of git or SOURCE_DATE_EPOCH
    (planc verify)."""
    missing = [r for r in rounds if not (dist / r).is_dir()]
    if missing:
        raise UsageError(
            _(
                "{rounds} not built in {dist}; run planc build first",
                rounds=", ".join(missing),
                dist=dist,
            )
        )
    writes = release_names(rounds)
    with replacing(target, writes) as work:
        manifest: dict[str, object] = {
            "planc": __version__,
            "format": 1,
            # The PDFs' bytes also depend on these: a rebuild to compare needs the same.
            "weasyprint": _weasyprint_version(),
            "fonts": _font_files(),
            "components": components(),
            # The sources ride along (planc-sources.zip): planc verify rebuilds from them.
            "sources": {"archive": SOURCES_ZIP},
            # The formats of its documents (planc/render/documents.py): verify builds them.
            "formats": list(written),
            "site_rounds": sorted(n for n in _built(dist) if (dist / n / ROUND_FILE).is_file()),
            # The face serving each role of GB/T 9704 (planc fonts), by file name and digest.
            "faces": fonts.manifest_entry(fonts.policy()),
            "rounds": [],
        }
        entries = []
        for name in rounds:
            files = _tree(dist / name, f"{name}/")
            epoch = epochs[name] if epochs is not None else source_epoch(plans, name)
            archive = f"planc-{name}.zip"
            write_zip(work / archive, files, epoch)
            edition = json.loads(files[f"{name}/{ROUND_FILE}"])["edition"]
            entries.append(
                {
                    "round": name,
                    "edition": edition,
                    "sources_sha256": sources_digest(plans, name),
                    "source_date_epoch": epoch,
                    "archive": archive,
                    "archive_sha256": sha256((work / archive).read_bytes()),
                    "files": [
                        {"path": path, "sha256": sha256(data), "size": len(data)}
                        for path, data in sorted(files.items())
                    ],
                }
            )
        manifest["rounds"] = entries
        site = _tree(dist, only=_built(dist))
        newest = max(e["source_date_epoch"] for e in entries)
        write_zip(work / "planc-site.zip", site, newest)
        sources = source_files(plans)
        write_zip(work / SOURCES_ZIP, sources, newest)
        manifest["sources"] = {"archive": SOURCES_ZIP, "sha256": digest_files(sources)}
        (work / "manifest.json").write_text(
            json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
            encoding="utf-8",
        )
        names = sorted(n for n in writes if n != "SHA256SUMS")
        sums = "".join(f"{sha256((work / n).read_bytes())}  {n}\n" for n in names)
        (work / "SHA256SUMS").write_text(sums, encoding="utf-8")
    return sorted(writes)


# --- planc verify: rebuild a release from the sources it carries and compare every byte ----


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


def _manifest(release: Path) -> dict[str, Any]:
    try:
        data = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise UsageError(
            _("{release} holds no manifest.json: not a planc release", release=release)
        ) from None
    except (ValueError, UnicodeDecodeError):
        data = None
    if not isinstance(data, dict) or not isinstance(data.get("rounds"), list):
        raise UsageError(_("{release}/manifest.json is not a planc manifest", release=release))
    if not isinstance(data.get("sources"), dict) or "archive" not in data["sources"]:
        raise UsageError(
            _(
                "{release} does not carry its sources (made by planc {version}, before "
                "releases did): it cannot be rebuilt",
                release=release,
                version=data.get("planc", "?"),
            )
        )
    return data


def _unsummed(release: Path) -> list[str]:
    """The release's files that do not match its own SHA256SUMS (changed since release)."""
    try:
        sums = (release / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    except OSError:
        return [_("the release has no SHA256SUMS")]
    out = []
    for line in sums:
        digest, _sep, name = line.partition("  ")
        path = release / name
        if not path.is_file() or sha256(path.read_bytes()) != digest:
            out.append(_("{name} does not match the release's SHA256SUMS", name=name))
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
                    return _("{name}: {entry} is only in the release", name=name, entry=entry)
                if entry not in names_a:
                    return _("{name}: {entry} is only in the rebuild", name=name, entry=entry)
                inner = first_difference(entry, a.read(entry), b.read(entry))
                if inner:
                    return f"{name}: {inner}"
            if names_a != names_b:
                return _("{name}: the entries are in another order", name=name)
            return _("{name}: the entries' dates or attributes differ", name=name)
    at = next((i for i, (x, y) in enumerate(zip(old, new, strict=False)) if x != y), None)
    if at is None:
        return _(
            "{name}: {old} bytes in the release, {new} in the rebuild",
            name=name,
            old=len(old),
            new=len(new),
        )
    return _(
        "{name}: first different byte at offset {at} (of {size})", name=name, at=at, size=len(old)
    )


def _compare(release: Path, rebuilt: Path) -> tuple[int, str | None]:
    """(the files compared, the first difference): the documents first, since the manifest
    and the sums differ whenever they do."""
    names = sorted(
        {p.name for p in release.iterdir() if not p.name.startswith(".")}
        | {p.name for p in rebuilt.iterdir() if not p.name.startswith(".")},
        key=lambda n: (not n.endswith(".zip"), n),
    )
    for name in names:
        if not (rebuilt / name).is_file():
            return len(names), _("{name} is in the release but not in the rebuild", name=name)
        if not (release / name).is_file():
            return len(names), _("{name} is in the rebuild but not in the release", name=name)
        found = first_difference(name, (release / name).read_bytes(), (rebuilt / name).read_bytes())
        if found:
            return len(names), found
    return len(names), None


def verify(release: Path) -> Verification:
    """Rebuild `release` from the sources it carries, with the times it records, and compare
    every byte. Raises UsageError when the folder is not a release."""
    from planc.publish import publish
    from planc.publish.components import differences

    manifest = _manifest(release)
    result = Verification(release, unsummed=_unsummed(release))
    rounds = [entry["round"] for entry in manifest["rounds"]]
    epochs = {entry["round"]: int(entry["source_date_epoch"]) for entry in manifest["rounds"]}
    with tempfile.TemporaryDirectory(prefix="planc-verify-") as tmp:
        scratch = Path(tmp)
        with zipfile.ZipFile(release / manifest["sources"]["archive"]) as archive:
            archive.extractall(scratch / "plans")
        env = os.environ.pop("SOURCE_DATE_EPOCH", None)  # the recorded times are used
        # The formats the release has (none listed: made before the archival editions).
        written = [f for f in manifest.get("formats", formats()) if f in FORMATS]
        archival = any(FORMATS[f].medium == ARCHIVE for f in written)
        try:
            site = manifest.get("site_rounds") or rounds
            publish(scratch / "plans", site, scratch / "dist", archive=archival, epochs=epochs)
            write_release(
                scratch / "plans", scratch / "dist", rounds, scratch / "release", epochs, written
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
        result.versions = differences(manifest.get("components", {}), components())
        if manifest.get("planc") != __version__:
            result.versions.insert(0, f"planc: {manifest.get('planc')} → {__version__}")
    return result
