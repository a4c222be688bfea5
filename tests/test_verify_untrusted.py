"""planc verify on a release that cannot be trusted (issue 24, item 7): each tampered release of
the corpus ends in one located line and exit 2, never a traceback, and, traced by strace, planc
opens nothing outside the release folder and its own scratch folder."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import VALID

PLANC = str(Path(sys.executable).with_name("planc"))
STRACE = shutil.which("strace")
OPENED = re.compile(r'\bopen(?:at2?)?\((?:(AT_FDCWD|\d+), )?"((?:[^"\\]|\\.)*)".*= (-?\d+)')


def opened(log: str, cwd: Path) -> list[tuple[Path, bool]]:
    """Every path strace saw opened, made absolute (relative to the working folder, or to the
    folder an earlier open gave the descriptor of: rmtree and scandir open by descriptor), and
    whether the open succeeded."""
    folders: dict[str, Path] = {}
    found = []
    for dirfd, name, fd in OPENED.findall(log):
        base = folders.get(dirfd, cwd) if dirfd and dirfd != "AT_FDCWD" else cwd
        path = Path(os.path.normpath(base / name))
        found.append((path, not fd.startswith("-")))
        if not fd.startswith("-"):
            folders[fd] = path
    return found


def sources_zip(path: Path, extra: dict[str, bytes] | None = None) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(VALID.rglob("*")):
            rel = file.relative_to(VALID)
            if file.is_file() and not any(p.startswith(".") for p in rel.parts):
                archive.writestr(rel.as_posix(), file.read_bytes())
        for name, data in (extra or {}).items():
            archive.writestr(name, data)


def manifest(**changes: object) -> dict[str, object]:
    data: dict[str, object] = {
        "format": 1,
        "planc": "0.1.0",
        "sources": {"archive": "planc-sources.zip", "sha256": "0" * 64},
        "site_rounds": ["2018-2019", "2020-2021"],
        "components": {"debian": {}, "python": {}},
        "rounds": [
            {
                "round": "2020-2021",
                "source_date_epoch": 1700000000,
                "archive": "planc-2020-2021.zip",
                "archive_sha256": "0" * 64,
                "files": [],
            }
        ],
    }
    data.update(changes)
    return data


def release_with(
    root: Path, data: object | str = None, sums: str | None = None, sources: bytes | None = None
) -> Path:
    """A release folder: a manifest (given, or the good one), SHA256SUMS and the sources."""
    release = root / "release"
    release.mkdir(parents=True)
    text = data if isinstance(data, str) else json.dumps(manifest() if data is None else data)
    (release / "manifest.json").write_text(text, "utf-8")
    if sources is None:
        sources_zip(release / "planc-sources.zip")
    else:
        (release / "planc-sources.zip").write_bytes(sources)
    (release / "planc-2020-2021.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)
    digest = hashlib.sha256((release / "planc-sources.zip").read_bytes()).hexdigest()
    (release / "SHA256SUMS").write_text(sums or f"{digest}  planc-sources.zip\n", "utf-8")
    return release


def bomb(path: Path, size: int) -> None:
    """An archive whose one entry unpacks to `size` bytes of zeros (a few hundred KB packed)."""
    with (
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive,
        archive.open("registry/units.yaml", "w", force_zip64=True) as entry,
    ):
        chunk = b"\0" * (1 << 20)
        for _ in range(size // len(chunk)):
            entry.write(chunk)


def flipped(data: bytes, at: float) -> bytes:
    i = int(len(data) * at)
    return data[:i] + bytes([data[i] ^ 0xFF]) + data[i + 1 :]


def good_sources(root: Path) -> bytes:
    root.mkdir(parents=True, exist_ok=True)
    sources_zip(root / "s.zip")
    return (root / "s.zip").read_bytes()


Case = Callable[[Path, Path], tuple[Path, str]]


def _case_round_outside(root: Path, outside: Path) -> tuple[Path, str]:
    rounds = [dict(manifest()["rounds"][0], round="../../../outside/secret")]  # type: ignore[index]
    return release_with(root, manifest(rounds=rounds)), "rounds[0].round"


def _case_archive_absolute(root: Path, outside: Path) -> tuple[Path, str]:
    data = manifest(sources={"archive": str(outside / "abs.zip")})
    return release_with(root, data), "sources.archive"


def _case_sums_outside(root: Path, outside: Path) -> tuple[Path, str]:
    # A good manifest whose one site round is not in the sources: planc stops after unpacking.
    sums = f"{'0' * 64}  ../../../outside/file\n{'0' * 64}  {outside}/file\n"
    data = manifest(site_rounds=["1999-2000"])
    return release_with(root, data, sums=sums), "1999-2000"


def _case_sums_is_a_link(root: Path, outside: Path) -> tuple[Path, str]:
    release = release_with(root, manifest(site_rounds=["1999-2000"]))
    (release / "SHA256SUMS").unlink()
    (release / "SHA256SUMS").symlink_to(outside / "file")
    return release, "1999-2000"


def _case_manifest_is_a_link(root: Path, outside: Path) -> tuple[Path, str]:
    release = release_with(root)
    (release / "manifest.json").unlink()
    (release / "manifest.json").symlink_to(outside / "manifest.json")
    return release, "not a planc manifest"


def _case_one_byte_changed(root: Path, outside: Path) -> tuple[Path, str]:
    data = flipped(good_sources(root / "src"), 0.5)
    return release_with(root, sources=data), "cannot be unpacked"


def _case_truncated(root: Path, outside: Path) -> tuple[Path, str]:
    data = good_sources(root / "src")
    return release_with(root, sources=data[: len(data) // 2]), "cannot be unpacked"


def _case_wrong_types(root: Path, outside: Path) -> tuple[Path, str]:
    return release_with(root, manifest(rounds={"round": 1})), "(rounds)"


def _case_epoch_text(root: Path, outside: Path) -> tuple[Path, str]:
    rounds = [dict(manifest()["rounds"][0], source_date_epoch="1700000000")]  # type: ignore[index]
    return release_with(root, manifest(rounds=rounds)), "source_date_epoch"


def _case_nested(root: Path, outside: Path) -> tuple[Path, str]:
    return release_with(root, "[" * 200_000 + "]" * 200_000), "(JSON)"


def _case_bomb(root: Path, outside: Path) -> tuple[Path, str]:
    root.mkdir(parents=True, exist_ok=True)
    bomb(root / "bomb.zip", 210 << 20)
    return release_with(root, sources=(root / "bomb.zip").read_bytes()), "under 200 MB"


def _case_entry_outside(root: Path, outside: Path) -> tuple[Path, str]:
    root.mkdir(parents=True, exist_ok=True)
    sources_zip(root / "s.zip", {"../../outside/planted": b"x"})
    return release_with(root, sources=(root / "s.zip").read_bytes()), "../../outside/planted"


def _case_entry_absolute(root: Path, outside: Path) -> tuple[Path, str]:
    root.mkdir(parents=True, exist_ok=True)
    sources_zip(root / "s.zip", {f"{outside}/planted": b"x"})
    return release_with(root, sources=(root / "s.zip").read_bytes()), "planted"


CORPUS: dict[str, Case] = {
    name.removeprefix("_case_"): case
    for name, case in sorted(globals().items())
    if name.startswith("_case_")
}


@pytest.mark.skipif(STRACE is None, reason="strace is not installed (scripts/setup.sh adds it)")
@pytest.mark.parametrize("name", sorted(CORPUS))
def test_a_tampered_release_is_refused_and_nothing_outside_it_is_opened(
    tmp_path: Path, name: str
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    for bait in ("secret", "file", "manifest.json", "abs.zip"):
        (outside / bait).write_text("the office's own file", "utf-8")
    release, says = CORPUS[name](tmp_path / "case", outside)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    log = tmp_path / "strace.log"
    assert STRACE is not None
    done = subprocess.run(
        [
            STRACE,
            "-f",
            "-qq",
            "-e",
            "trace=open,openat,openat2",
            "-o",
            log,
            PLANC,
            "verify",
            str(release),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "TMPDIR": str(scratch), "LANG": "C.UTF-8"},
        check=False,
        timeout=300,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1, done.stderr
    assert says in done.stderr, done.stderr
    traced = log.read_text()
    assert "outside" not in traced  # no system call named anything in the office's folder
    ours = [(p, ok) for p, ok in opened(traced, tmp_path) if p.is_relative_to(tmp_path)]
    assert ours, "strace saw no open of the release"
    strays = [p for p, _ in ours if not (p.is_relative_to(release) or p.is_relative_to(scratch))]
    assert strays == []
    # A link in the release leads outside it: opening it must fail (never followed).
    links = {p for p in release.iterdir() if p.is_symlink()}
    assert [p for p, ok in ours if ok and p in links] == []
    assert not (outside / "planted").exists() and not (tmp_path / "planted").exists()
