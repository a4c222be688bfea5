"""A release of the plans: beside dist/, one zip per round (its PDFs, HTML and plan.json), a zip
of the whole site, a manifest, and SHA256SUMS. Byte-identical for the same sources and planc
version on any machine, in any folder, under any time zone or locale: entries sorted, times
fixed, permissions fixed, no path of the build machine in any file."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from planc import __version__
from planc.errors import UsageError
from planc.i18n import _
from planc.publish.folders import digest_trees, replacing
from planc.render import fonts
from planc.render.documents import ROUND_FILE, formats
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
