"""Release artifacts: reproducible to the byte, checksummed, described by a manifest; the CI
workflows parse and run the README's commands."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from planc.publish.release import FALLBACK_EPOCH, source_epoch
from tests.conftest import VALID

ROOT = Path(__file__).resolve().parent.parent
PLANC = str(Path(sys.executable).with_name("planc"))


def release(where: Path, env: dict[str, str]) -> Path:
    """Copy the fixture plans to `where` and run `planc build --release` there."""
    shutil.copytree(VALID, where / "plans")
    full = {k: v for k, v in os.environ.items() if k not in ("SOURCE_DATE_EPOCH",)}
    done = subprocess.run(
        [PLANC, "build", "--release", "--jobs", "1"],
        cwd=where,
        env={**full, **env},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return where / "release"


def files_of(root: Path) -> dict[str, bytes]:
    # Not planc's own bookkeeping (.planc-owned: what it wrote; planc/publish/outdir.py).
    return {p.name: p.read_bytes() for p in root.iterdir() if not p.name.startswith(".")}


@pytest.fixture(scope="module")
def two(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    a = release(
        tmp_path_factory.mktemp("a") / "office", {"TZ": "Asia/Shanghai", "LC_ALL": "C.UTF-8"}
    )
    b = release(
        tmp_path_factory.mktemp("b") / "deep" / "other",
        {"TZ": "America/New_York", "LC_ALL": "C", "LANG": "C"},
    )
    return a, b


def test_two_releases_in_different_folders_time_zones_and_locales_are_identical(
    two: tuple[Path, Path],
) -> None:
    a, b = two
    assert sorted(files_of(a)) == [
        "SHA256SUMS",
        "manifest.json",
        "planc-2018-2019.zip",
        "planc-2020-2021.zip",
        "planc-site.zip",
        "planc-sources.zip",
    ]
    assert files_of(a) == files_of(b)


def test_no_path_of_the_build_machine_in_any_file(two: tuple[Path, Path]) -> None:
    a, _ = two
    needles = [str(a.parent).encode(), b"/tmp/", b"file:/"]
    for name, data in files_of(a).items():
        contents = [data]
        if name.endswith(".zip"):
            with zipfile.ZipFile(a / name) as archive:
                contents += [archive.read(n) for n in archive.namelist()]
        for blob in contents:
            assert not any(n in blob for n in needles), name


def test_archives_are_sorted_with_fixed_times_and_modes(two: tuple[Path, Path]) -> None:
    a, _ = two
    with zipfile.ZipFile(a / "planc-2020-2021.zip") as archive:
        infos = archive.infolist()
    assert [i.filename for i in infos] == [
        "2020-2021/handbook-2020-2021.docx",
        "2020-2021/handbook-2020-2021.ofd",  # the archival editions ride along (docs/archive.md)
        "2020-2021/handbook-2020-2021.pdf",
        "2020-2021/handbook-2020-2021.pdfa.pdf",
        "2020-2021/handbook.html",
        "2020-2021/plan-2020-2021.docx",
        "2020-2021/plan-2020-2021.ofd",
        "2020-2021/plan-2020-2021.pdf",
        "2020-2021/plan-2020-2021.pdfa.pdf",
        "2020-2021/plan.html",
        "2020-2021/plan.json",
    ]
    # Outside git and without SOURCE_DATE_EPOCH: the fixed fallback date, never the clock.
    assert {i.date_time for i in infos} == {(2000, 1, 1, 0, 0, 0)}
    assert {i.external_attr >> 16 for i in infos} == {0o100644}


def test_manifest_and_checksums(two: tuple[Path, Path]) -> None:
    a, _ = two
    done = subprocess.run(["sha256sum", "-c", "SHA256SUMS"], cwd=a, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.count(": OK") == 5  # the zips (sources too) and the manifest
    manifest = json.loads((a / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["planc"] and [r["round"] for r in manifest["rounds"]] == [
        "2018-2019",
        "2020-2021",
    ]
    entry = manifest["rounds"][1]
    assert entry["edition"] == "official"
    assert entry["source_date_epoch"] == FALLBACK_EPOCH
    assert re.fullmatch(r"[0-9a-f]{64}", entry["sources_sha256"])
    with zipfile.ZipFile(a / entry["archive"]) as archive:
        for f in entry["files"]:
            data = archive.read(f["path"])
            assert (hashlib.sha256(data).hexdigest(), len(data)) == (f["sha256"], f["size"])


def test_times_come_from_git_or_source_date_epoch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(VALID, tmp_path / "plans")
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2021-03-04T05:06:07Z",
        "GIT_COMMITTER_DATE": "2021-03-04T05:06:07Z",
    }
    for args in (
        ["init", "-q"],
        ["add", "."],
        ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "plans"],
    ):
        subprocess.run(["git", *args], cwd=tmp_path, env=env, check=True, capture_output=True)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    assert source_epoch(tmp_path / "plans", "2020-2021") == 1614834367
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert source_epoch(tmp_path / "plans", "2020-2021") == 1700000000


def commands_of(workflow: Path) -> list[str]:
    data = YAML(typ="safe").load(workflow.read_text(encoding="utf-8"))
    assert isinstance(data, dict) and data["jobs"], workflow
    return [step["run"] for job in data["jobs"].values() for step in job["steps"] if "run" in step]


def test_workflows_parse_and_run_the_readme_commands() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = commands_of(ROOT / ".github/workflows/ci.yml")
    release_cmds = commands_of(ROOT / ".github/workflows/release.yml")
    assert "bash scripts/test" in ci and "bash scripts/build" in ci
    assert "bash scripts/build --release" in release_cmds
    assert ".venv/bin/planc check --format github" in ci
    for command in ci + release_cmds:
        if command.startswith("apt-get"):
            continue  # the container's own tools, before the checkout
        shown = command.removeprefix("bash ").removeprefix(".venv/bin/")
        assert shown in readme, f"the workflow runs `{command}`, which the README does not show"
    ci_script = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert "scripts/test" in ci_script
