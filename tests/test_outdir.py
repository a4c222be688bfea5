"""The output folder: what planc owns in it, modes, the atomic swap under a kill at every step,
stale temporary folders, and builds taking turns."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from planc.errors import OutputError
from planc.publish.outdir import OWNED, Output, replacing, stale

ROOT = Path(__file__).resolve().parent.parent


def write_version(target: Path, version: str) -> None:
    """What a build does, in small: planc's two entries written, the user's carried over."""
    with Output(target) as out:
        work = out.start({"index.html", "2020-2021"})
        (work / "index.html").write_text(version)
        (work / "2020-2021").mkdir()
        (work / "2020-2021/plan.json").write_text(version)
        out.finish({"index.html", "2020-2021"})


def version_of(target: Path) -> str:
    index = (target / "index.html").read_text()
    assert (target / "2020-2021/plan.json").read_text() == index, "a half-written folder"
    return index


def test_the_users_files_are_kept_and_planc_replaces_its_own(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    write_version(dist, "v1")
    (dist / "CNAME").write_text("plans.example.org\n")
    (dist / "README.md").write_text("hello\n")
    (dist / "assets").mkdir()
    (dist / "assets/logo.svg").write_text("<svg/>")
    (dist / "assets/link").symlink_to("logo.svg")
    write_version(dist, "v2")
    assert version_of(dist) == "v2"
    assert (dist / "CNAME").read_text() == "plans.example.org\n"
    assert (dist / "README.md").read_text() == "hello\n"
    assert (dist / "assets/logo.svg").read_text() == "<svg/>"
    assert os.readlink(dist / "assets/link") == "logo.svg"
    assert set((dist / OWNED).read_text().split()) == {"index.html", "2020-2021"}


def test_a_users_entry_with_a_name_planc_writes_is_refused(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    dist.mkdir()
    (dist / "index.html").write_text("my own page")
    with pytest.raises(OutputError, match=r"'index\.html', which planc did not write"):
        write_version(dist, "v1")
    assert (dist / "index.html").read_text() == "my own page"
    assert sorted(os.listdir(dist)) == ["index.html"] and stale(dist) == []


def test_a_linked_output_folder_stays_a_link(tmp_path: Path) -> None:
    real = tmp_path / "www/site"
    real.mkdir(parents=True)
    (real / "CNAME").write_text("x")
    link = tmp_path / "dist"
    link.symlink_to(real)
    write_version(link, "v1")
    write_version(link, "v2")
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert version_of(real) == "v2" and (real / "CNAME").read_text() == "x"


def test_modes_follow_the_umask_and_an_existing_folder_keeps_its_own(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_version(tmp_path / "dist", "v1")
        assert (tmp_path / "dist").stat().st_mode & 0o777 == 0o755
        assert (tmp_path / "dist/2020-2021").stat().st_mode & 0o777 == 0o755
        assert (tmp_path / "dist/index.html").stat().st_mode & 0o777 == 0o644
        os.umask(0o027)
        write_version(tmp_path / "other", "v1")
        assert (tmp_path / "other").stat().st_mode & 0o777 == 0o750
        assert (tmp_path / "other/index.html").stat().st_mode & 0o777 == 0o640
        (tmp_path / "dist").chmod(0o711)  # the user's choice survives a rebuild
        write_version(tmp_path / "dist", "v2")
        assert (tmp_path / "dist").stat().st_mode & 0o777 == 0o711
        with replacing(tmp_path / "release", ["manifest.json"]) as work:
            (work / "manifest.json").write_text("{}")
        assert (tmp_path / "release").stat().st_mode & 0o777 == 0o750
    finally:
        os.umask(old)


# A build killed at every step of replacing the folder. An audit hook counts the file-system
# calls the replacement makes (opens, renames, mkdir, links, rmtree, the exchange through
# ctypes) and SIGKILLs the process at the Nth: for N = 1, 2, ... until a run gets through.
KILLER = textwrap.dedent(
    """
    import os, signal, sys
    import planc.publish.outdir as outdir
    from tests.test_outdir import write_version
    target, n, version, fallback = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    if fallback == "1":
        outdir._exchange = lambda a, b: False
    seen = 0
    def hook(event, args):
        global seen
        if event.startswith(("os.", "shutil.")) or event in ("open", "ctypes.dlsym"):
            seen += 1
            if seen == n:
                os.kill(os.getpid(), signal.SIGKILL)
    import ctypes  # loaded before counting starts
    sys.addaudithook(hook)
    write_version(outdir.Path(target), version)
    """
)


@pytest.mark.parametrize("fallback", [False, True], ids=["exchange", "two-renames"])
def test_a_kill_at_every_step_leaves_the_old_or_the_new_folder(
    tmp_path: Path, fallback: bool
) -> None:
    dist = tmp_path / "dist"
    write_version(dist, "v0")
    outcomes = []
    for n in range(1, 400):
        version = f"v{n}"
        done = subprocess.run(
            [sys.executable, "-c", KILLER, str(dist), str(n), version, "1" if fallback else "0"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if fallback and not dist.exists():
            # Between the two renames: the next build puts the old folder back first.
            with Output(dist):
                pass
        now = version_of(dist)  # never missing, never half-written
        if done.returncode == 0:
            assert now == version
            break
        assert done.returncode == -signal.SIGKILL, done.stderr
        outcomes.append("new" if now == version else "old")
    else:
        pytest.fail("the replacement never got through")
    assert "old" in outcomes and len(outcomes) > 5
    if not fallback:
        assert "new" in outcomes  # killed after the exchange, before the old was removed
    # The temporary folders the kills left are gone after the next build, and only those.
    (tmp_path / ".dist.planc-tmp-not-ours").mkdir()
    write_version(dist, "final")
    assert stale(dist) == []
    assert (tmp_path / ".dist.planc-tmp-not-ours").is_dir()
    assert version_of(dist) == "final"


def test_a_second_build_waits_for_the_first(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    write_version(dist, "v1")
    lock = os.open(tmp_path / ".dist.planc-lock", os.O_RDWR)
    fcntl.flock(lock, fcntl.LOCK_EX)  # a first build, under way
    second = subprocess.Popen(
        [sys.executable, "-c", KILLER, str(dist), "0", "v2", "0"],
        cwd=ROOT,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert second.stderr is not None
        line = second.stderr.readline()
        assert "another build is writing to" in line and "waiting" in line
        time.sleep(0.5)
        assert second.poll() is None and version_of(dist) == "v1"  # it waits
    finally:
        fcntl.flock(lock, fcntl.LOCK_UN)
        os.close(lock)
    assert second.wait(timeout=60) == 0
    assert version_of(dist) == "v2"


def test_a_file_as_the_output_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "dist").write_text("not a folder")
    with pytest.raises(OutputError, match="is a file, not a folder"):
        write_version(tmp_path / "dist", "v1")
