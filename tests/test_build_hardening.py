"""planc build around the documents: the output folder it shares with the user, workers that
die with it, Ctrl-C, SOURCE_DATE_EPOCH, very long titles, and planc verify."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from planc.errors import UsageError
from planc.load.spec import TITLE_LIMIT
from planc.publish.release import checked_epoch
from planc.zips import ZIP_EPOCH_MAX
from tests.conftest import VALID

PLANC = str(Path(sys.executable).with_name("planc"))


def planc(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PLANC, *args], cwd=cwd, capture_output=True, text=True, env={**os.environ, **(env or {})}
    )


def test_build_keeps_the_users_files_and_drops_a_removed_round(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "plans")
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "CNAME").write_text("plans.example.org\n")
    (dist / "assets").mkdir()  # not a round: once a KeyError
    (dist / "assets/site.css").write_text("body{}")
    (dist / "2014-2015").mkdir()  # named like a round, but the user's
    (dist / "2014-2015/notes.txt").write_text("mine")
    # A round planc built before and since removed from the sources.
    (dist / "2016-2017").mkdir()
    (dist / "2016-2017/plan.json").write_text("{}")
    (dist / ".planc-owned").write_text("2016-2017\n")
    done = planc("build", "--jobs", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (dist / "CNAME").read_text() == "plans.example.org\n"
    assert (dist / "assets/site.css").read_text() == "body{}"
    assert (dist / "2014-2015/notes.txt").read_text() == "mine"
    assert not (dist / "2016-2017").exists()
    index = (dist / "index.html").read_text(encoding="utf-8")
    assert "2020-2021/plan.html" in index and "2016-2017" not in index and "assets" not in index
    # Rebuilding one round keeps the other and the user's files.
    (tmp_path / "plans/2020-2021/plan.yaml").write_text(
        (tmp_path / "plans/2020-2021/plan.yaml").read_text(encoding="utf-8") + "\n",
        encoding="utf-8",
    )
    done = planc("build", "2020-2021", "--jobs", "1", cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (dist / "2018-2019/plan-2018-2019.pdf").is_file() and (dist / "CNAME").is_file()
    assert sorted(os.listdir(tmp_path)) == ["dist", "plans"]  # no lock file left (issue 24)
    # A user's file where planc writes: refused, nothing changed.
    (dist / ".planc-owned").write_text("2018-2019\n2020-2021\n")  # index.html not planc's now
    done = planc("build", "--jobs", "1", cwd=tmp_path)
    assert done.returncode == 2 and "'index.html', which planc did not write" in done.stderr
    assert "Traceback" not in done.stderr


def _children(pid: int) -> list[int]:
    """The forked workers of `pid` (same command line; not an fc-match or git it runs)."""
    own = Path(f"/proc/{pid}/cmdline").read_bytes()
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) != pid:
                continue
            try:
                if Path(f"/proc/{entry}/cmdline").read_bytes() == own:
                    found.append(int(entry))
            except OSError:
                continue
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _start_build(tmp_path: Path) -> tuple[subprocess.Popen[str], list[int]]:
    shutil.copytree(VALID, tmp_path / "plans")
    build = subprocess.Popen(
        [PLANC, "build", "--jobs", "2"],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while len(workers) < 2 and time.monotonic() < deadline:
        time.sleep(0.1)
        workers = _children(build.pid)
    assert len(workers) >= 2, "the build never started its PDF workers"
    return build, workers


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_pdf_workers_die_with_a_killed_build(tmp_path: Path) -> None:
    build, workers = _start_build(tmp_path)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    deadline = time.monotonic() + 20
    while any(_alive(w) for w in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(w) for w in workers), "a worker outlived its build"
    assert not (tmp_path / "dist").exists() or (tmp_path / "dist/index.html").is_file()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_stops_the_workers_without_a_traceback(tmp_path: Path) -> None:
    build, workers = _start_build(tmp_path)
    time.sleep(1.0)  # the workers are importing WeasyPrint or rendering
    os.killpg(build.pid, signal.SIGINT)  # as a terminal sends it: to the whole group
    _, stderr = build.communicate(timeout=60)
    assert build.returncode == 130, stderr
    assert "Traceback" not in stderr and "KeyboardInterrupt" not in stderr, stderr
    assert "interrupted" in stderr
    assert not any(_alive(w) for w in workers)
    assert not (tmp_path / "dist").exists()


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("4354819200", "outside what a zip can hold"),  # 2108-01-01
        ("99999999999", "outside what a zip can hold"),
        ("-1", "outside what a zip can hold"),
        ("soon", "must be whole seconds"),
        ("1.5", "must be whole seconds"),
    ],
)
def test_source_date_epoch_out_of_range_is_a_message(value: str, says: str) -> None:
    with pytest.raises(UsageError, match=says):
        checked_epoch(value)


def test_source_date_epoch_is_checked_before_building(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "plans")
    done = planc("build", "--release", cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "4354819200"})
    assert done.returncode == 2 and "SOURCE_DATE_EPOCH=4354819200" in done.stderr
    assert "Traceback" not in done.stderr and not (tmp_path / "dist").exists()
    assert checked_epoch(str(ZIP_EPOCH_MAX)) == ZIP_EPOCH_MAX and checked_epoch("0") == 0


LONG = ("国际化城市建设推进" * (TITLE_LIMIT // 9 + 1))[:TITLE_LIMIT]


def test_a_title_and_unit_as_long_as_the_loader_takes_build(tmp_path: Path) -> None:
    """A functional check with a generous bound against a hang (it took hours: the quadratic
    table layout); the time itself is measured in benchmarks/bench_long_titles.py. Longer
    texts are refused by the loader since issue 24 (tests/test_source_limits.py)."""
    plans = tmp_path / "plans"
    shutil.copytree(VALID, plans)
    tasks = plans / "2020-2021/tasks/market.yaml"
    tasks.write_text(
        tasks.read_text(encoding="utf-8").replace("提升跨境贸易便利化水平", LONG, 1), "utf-8"
    )
    for path in (plans / "2020-2021/indicators").glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("unit: 家", f"unit: {LONG}", 1), encoding="utf-8")
    done = subprocess.run(
        [PLANC, "build", "2020-2021", "--jobs", "1"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "dist/2020-2021/plan-2020-2021.pdf"), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    flat = "".join(text.split())
    # the title and the unit, whole (a page break may cut a repetition or two)
    assert flat.count("国际化城市建设推进") > 1.8 * (TITLE_LIMIT // 9)


def test_verify_rebuilds_a_release_and_names_the_first_difference(tmp_path: Path) -> None:
    shutil.copytree(VALID, tmp_path / "plans")
    done = planc(
        "build", "--release", "--jobs", "1", cwd=tmp_path, env={"SOURCE_DATE_EPOCH": "1700000000"}
    )
    assert done.returncode == 0, done.stdout + done.stderr
    release = tmp_path / "release"
    manifest = json.loads((release / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["components"]["python"]["weasyprint"]
    assert "libpango-1.0-0" in manifest["components"]["debian"]
    with zipfile.ZipFile(release / "planc-sources.zip") as archive:
        assert "2020-2021/plan.yaml" in archive.namelist()
    # the archival editions are in the round's zip and the manifest, so verify rebuilds them
    assert manifest["formats"] == ["html", "json", "pdf", "docx", "pdfa", "ofd"]
    listed = {f["path"] for entry in manifest["rounds"] for f in entry["files"]}
    for name in ("plan-2020-2021.pdfa.pdf", "plan-2020-2021.ofd", "handbook-2020-2021.ofd"):
        assert f"2020-2021/{name}" in listed
    ok = planc("verify", str(release), cwd=tmp_path)
    assert ok.returncode == 0 and "rebuild byte for byte" in ok.stdout, ok.stdout + ok.stderr
    # A release made elsewhere: another Pango recorded, and one PDF's bytes not the same.
    manifest["components"]["debian"]["libpango-1.0-0"] = "0.0-elsewhere"
    (release / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    site = release / "planc-2018-2019.zip"
    with zipfile.ZipFile(site) as archive:
        entries = {n: archive.read(n) for n in archive.namelist()}
    pdf = entries["2018-2019/plan-2018-2019.pdf"]
    entries["2018-2019/plan-2018-2019.pdf"] = pdf[:100] + b"X" + pdf[101:]
    with zipfile.ZipFile(site, "w") as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    bad = planc("verify", str(release), cwd=tmp_path)
    assert bad.returncode == 1, bad.stdout + bad.stderr
    first = "planc-2018-2019.zip: 2018-2019/plan-2018-2019.pdf: first different byte at offset 100"
    assert f"differs: {first}" in bad.stdout
    assert "planc-2018-2019.zip does not match the release's SHA256SUMS" in bad.stdout
    assert "debian libpango-1.0-0: 0.0-elsewhere →" in bad.stdout
    assert planc("verify", str(tmp_path / "plans"), cwd=tmp_path).returncode == 2
