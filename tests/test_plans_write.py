"""Writing into the plans folder (planc/load/write.py): imports run at the same time keep every
unit's work; a second writer waits, saying so; a kill between two renames, a full disk, Ctrl-C
or SIGTERM leave the files as they were (or, when the signal came during the renames, say
truthfully that they were written); nothing planc cannot read back is ever written."""

from __future__ import annotations

import fcntl
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from planc.errors import OutputError
from planc.paths import CACHE_DIR
from tests.conftest import FIXTURES
from tests.consult_forms import COMMERCE, CULTURE, PORTS, comment_on, fill, make_forms

RECORD = "2020-2021/consultation/round-1.yaml"


def lock_path(plans: Path) -> Path:
    return plans / CACHE_DIR / "plans.lock"


def planc(*args: str | Path, **kwargs: object) -> subprocess.Popen[str]:
    return subprocess.Popen(  # type: ignore[no-any-return]
        [sys.executable, "-m", "planc", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "LANG": "C.UTF-8"},
        **kwargs,  # type: ignore[call-overload]
    )


def finished(process: subprocess.Popen[str]) -> tuple[int, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out + err


def loaded(path: Path) -> dict[str, object]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def leftovers(plans: Path) -> list[str]:
    """planc's temporary files and folders anywhere in the plans folder (not its cache)."""
    return sorted(
        p.relative_to(plans).as_posix()
        for p in plans.rglob("*")
        if ".planc-" in p.name and CACHE_DIR not in p.parts
    )


def progress_forms(tmp_path: Path) -> tuple[Path, list[Path]]:
    """The progress fixture's plans, and its forms for 2021-Q3 (four units)."""
    import io
    import shutil

    from planc.commands.progress import forms

    plans = tmp_path / "plans"
    shutil.copytree(FIXTURES / "progress", plans)
    assert forms(plans, "2020-2021", "2021-Q3", tmp_path / "forms", io.StringIO()) == 0
    return plans, sorted((tmp_path / "forms").iterdir())


@pytest.fixture
def replies(plans: Path, tmp_path: Path) -> list[Path]:
    """Three units' filled consultation forms, one comment each."""
    make_forms(plans, tmp_path / "forms")
    said = [
        (COMMERCE, "state-capital-reform", "商务局的意见"),
        (PORTS, "trade-facilitation", "港口集团的意见"),
        (CULTURE, "international-living-rooms", "文旅局的意见"),
    ]
    return [
        fill(tmp_path / "forms" / form, tmp_path / f"{i}.xlsx", comment_on(task, text))
        for i, (form, task, text) in enumerate(said)
    ]


# --- item 1: concurrent imports ----------------------------------------------------------------


def test_imports_at_the_same_time_keep_every_units_comments(
    plans: Path, replies: list[Path]
) -> None:
    # Real processes, started together: each reads the record, adds its unit, writes it.
    # Without the plans folder's lock, the last writer's file holds only its own unit.
    runs = [
        planc("consult", "import", "2020-2021", form, "--plans", plans, "--received", "2020-05-10")
        for form in replies
    ]
    for run in runs:
        code, said = finished(run)
        assert code == 0, said
    data = loaded(plans / RECORD)
    comments = data["comments"]
    assert isinstance(comments, list)
    assert sorted(c["text"] for c in comments) == ["商务局的意见", "文旅局的意见", "港口集团的意见"]
    assert len(data["responses"]) == 3  # type: ignore[arg-type]
    assert leftovers(plans) == []


def test_progress_imports_at_the_same_time_keep_every_units_reports(
    tmp_path: Path,
) -> None:
    plans, files = progress_forms(tmp_path)
    from openpyxl import load_workbook

    for path in files:  # every task: 已完成
        wb = load_workbook(path)
        ws = wb.worksheets[0]
        for row in range(4, ws.max_row + 1):
            if ws.cell(row, 1).value:
                ws.cell(row, 7).value = "已完成"
                ws.cell(row, 8).value = 100
        wb.save(path)
    runs = [planc("progress", "import", "2020-2021", path, "--plans", plans) for path in files]
    for run in runs:
        code, said = finished(run)
        assert code == 0, said
    data = loaded(plans / "2020-2021/progress/2021-Q3.yaml")
    units = {r["unit"] for r in data["reports"]}  # type: ignore[attr-defined]
    assert len(units) == len(files) == 4
    assert {f["unit"] for f in data["forms"]} == units  # type: ignore[attr-defined]


def test_a_second_writer_waits_saying_so(plans: Path, replies: list[Path]) -> None:
    (plans / CACHE_DIR).mkdir(exist_ok=True)
    fd = os.open(lock_path(plans), os.O_RDWR | os.O_CREAT)
    fcntl.flock(fd, fcntl.LOCK_EX)  # another planc is writing
    try:
        run = planc("consult", "import", "2020-2021", replies[0], "--plans", plans)
        assert run.stderr is not None
        line = run.stderr.readline()  # blocks until it says something
        assert "another planc is writing into" in line and "waiting for it to finish" in line
        time.sleep(0.2)
        assert run.poll() is None and not (plans / RECORD).exists()  # it waits, wrote nothing
    finally:
        os.close(fd)
    code, said = finished(run)
    assert code == 0, said
    assert "商务局的意见" in (plans / RECORD).read_text(encoding="utf-8")


# --- item 12: interrupted and failed writes ----------------------------------------------------

# A child that imports two consultations' forms (two files written) and is stopped by `how`
# right after the first of the two files is renamed into place.
STOPPED = """
import os, signal, sys
from pathlib import Path
how, plans, *forms = sys.argv[1:]
renamed = os.replace
count = [0]
def replace(src, dst, *args, **kwargs):
    renamed(src, dst, *args, **kwargs)
    if str(dst).endswith(".yaml") and "/consultation/" in str(dst):
        count[0] += 1
        if count[0] == 1:
            os.kill(os.getpid(), getattr(signal, how))
os.replace = replace
from planc.cli import handle
from planc.commands.consult import import_
code = handle(lambda: import_(Path(plans), "2020-2021", [Path(f) for f in forms], "2020-05-10",
                              sys.stdout), sys.stderr)
sys.exit(code)
"""


@pytest.fixture
def two_rounds(plans: Path, tmp_path: Path) -> tuple[Path, Path, dict[str, bytes]]:
    """Forms of consultations 1 and 2, each with a comment; both records already exist."""
    make_forms(plans, tmp_path / "one", number=1)
    make_forms(plans, tmp_path / "two", number=2)
    a = fill(
        tmp_path / "one" / COMMERCE, tmp_path / "a.xlsx", comment_on("state-capital-reform", "一")
    )
    b = fill(
        tmp_path / "two" / COMMERCE.replace("第1次", "第2次"),
        tmp_path / "b.xlsx",
        comment_on("state-capital-reform", "二"),
    )
    for n in (1, 2):
        path = plans / f"2020-2021/consultation/round-{n}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"# 第{n}次\nconsultation: {n}\nresponses: []\ncomments: []\n", "utf-8")
    before = {p.name: p.read_bytes() for p in (plans / "2020-2021/consultation").iterdir()}
    return a, b, before


def _records(plans: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (plans / "2020-2021/consultation").iterdir()}


def stopped(how: str, plans: Path, *forms: Path) -> subprocess.CompletedProcess[str]:
    """The import of `forms`, stopped by the signal `how` right after its first rename."""
    command = [sys.executable, "-c", STOPPED, how, str(plans), *map(str, forms)]
    return subprocess.run(command, capture_output=True, text=True, check=False)


def test_a_kill_between_two_renames_is_undone_by_the_next_writer(
    plans: Path, two_rounds: tuple[Path, Path, dict[str, bytes]]
) -> None:
    a, b, before = two_rounds
    assert stopped("SIGKILL", plans, a, b).returncode == -signal.SIGKILL
    assert _records(plans) != before  # round-1 new, round-2 old: the kill came between
    # The next writer (here a planc fix, which changes nothing) puts the old files back.
    fixed = finished(planc("fix", "--plans", plans))
    assert "an earlier planc was stopped while writing" in fixed[1]
    assert "2020-2021/consultation/round-1.yaml" in fixed[1]
    assert _records(plans) == before
    assert leftovers(plans) == []
    code, said = finished(planc("consult", "import", "2020-2021", a, b, "--plans", plans))
    assert code == 0, said
    assert "一" in (plans / RECORD).read_text("utf-8")


def test_ctrl_c_during_the_renames_waits_for_them_and_says_so(
    plans: Path, two_rounds: tuple[Path, Path, dict[str, bytes]]
) -> None:
    a, b, before = two_rounds
    run = stopped("SIGINT", plans, a, b)
    assert run.returncode == 130, run.stderr
    after = _records(plans)
    # Both files written (the signal waited for the second rename), and said so.
    assert all(after[name] != before[name] for name in before)
    assert "nothing was replaced" not in run.stderr
    assert "interrupted after writing" in run.stderr and "round-2.yaml" in run.stderr
    assert "Traceback" not in run.stderr


FULL = """
import resource, signal, sys
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
limit = int(sys.argv[1])
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
sys.argv = ["planc", *sys.argv[2:]]
from planc.entry import main
main()
"""


def test_a_full_disk_leaves_no_folder_and_no_temporary_file(
    plans: Path, replies: list[Path]
) -> None:
    # No file may grow past 250 bytes (the system says "File too large", as a full disk says
    # "No space left"): the record cannot be written.
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            FULL,
            "250",
            "consult",
            "import",
            "2020-2021",
            replies[0],
            "--plans",
            plans,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert run.stderr.startswith("planc: error: ")
    assert not (plans / "2020-2021/consultation").exists()
    assert leftovers(plans) == []


def test_a_full_disk_during_progress_import_leaves_no_temporary_file(tmp_path: Path) -> None:
    plans, forms = progress_forms(tmp_path)
    run = subprocess.run(
        [
            sys.executable,
            "-c",
            FULL,
            "300",
            "progress",
            "import",
            "2020-2021",
            *map(str, forms),
            "--plans",
            str(plans),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 1 and "Traceback" not in run.stderr, run.stderr
    assert not (plans / "2020-2021/progress/2021-Q3.yaml").exists()
    assert leftovers(plans) == []


def test_sigterm_during_a_consultation_report_leaves_no_temporary_file(
    plans: Path, tmp_path: Path
) -> None:
    import shutil

    shutil.copytree(FIXTURES / "consultation", plans / "2020-2021/consultation")
    out = tmp_path / "report"
    run = planc("consult", "report", "2020-2021", "--out", out, "--plans", plans)
    deadline = time.monotonic() + 60
    while not (out.is_dir() and any(".planc-" in p.name for p in out.iterdir())):
        assert run.poll() is None and time.monotonic() < deadline, finished(run)
        time.sleep(0.01)
    run.send_signal(signal.SIGTERM)
    code, said = finished(run)
    assert code == 143 and "Traceback" not in said, said
    assert "interrupted" in said
    assert sorted(p.name for p in out.iterdir()) == []


# --- the API itself ----------------------------------------------------------------------------


def test_nothing_planc_cannot_read_back_is_written(plans: Path) -> None:
    from planc.load.write import UnreadableWrite, plans_transaction

    target = plans / "2020-2021/consultation/round-9.yaml"
    with pytest.raises(UnreadableWrite), plans_transaction(plans) as tx:
        tx.write(target, "consultation: 9\ncomments: [\n")
    with pytest.raises(UnreadableWrite), plans_transaction(plans) as tx:
        tx.write(target, "text: 'a  b'\n", strings=["a b"])  # a value that changed
    assert not target.parent.exists() and leftovers(plans) == []
    with plans_transaction(plans) as tx:
        tx.write(target, "text: 'a b'\n", strings=["a b"])
    assert target.read_text("utf-8") == "text: 'a b'\n"


def test_modes_are_kept_and_new_files_follow_the_umask(plans: Path) -> None:
    from planc.load.write import plans_transaction

    old = plans / "2020-2021/plan.yaml"
    os.chmod(old, 0o640)
    new = plans / "2020-2021/consultation/round-1.yaml"
    mask = os.umask(0o022)
    try:
        with plans_transaction(plans) as tx:
            tx.write(old, old.read_text("utf-8") + "# edited\n")
            tx.write(new, "consultation: 1\n")
    finally:
        os.umask(mask)
    assert old.stat().st_mode & 0o777 == 0o640
    assert new.stat().st_mode & 0o777 == 0o644


def test_only_paths_inside_the_plans_folder(plans: Path, tmp_path: Path) -> None:
    from planc.load.write import plans_transaction

    for path in (tmp_path / "elsewhere.yaml", plans / ".." / "x.yaml", lock_path(plans)):
        with pytest.raises(OutputError), plans_transaction(plans) as tx:
            tx.write(path, "a: 1\n")
    assert not (tmp_path / "elsewhere.yaml").exists()


def test_a_tampered_journal_touches_nothing_outside(plans: Path, tmp_path: Path) -> None:
    from planc.load.write import plans_transaction

    outside = tmp_path / ".x.planc-abcdefgh.yaml"
    outside.write_text("mine", "utf-8")
    (plans / CACHE_DIR).mkdir(exist_ok=True)
    lock_path(plans).write_text(
        '{"staged": ["../.x.planc-abcdefgh.yaml", "/etc/passwd"], "folders": ["..", "/tmp"],'
        ' "commit": [["../.x.planc-abcdefgh.yaml", "../x.yaml", null], 5], "remove": 3}',
        "utf-8",
    )
    with plans_transaction(plans):
        pass
    assert outside.read_text("utf-8") == "mine" and tmp_path.is_dir()
    assert lock_path(plans).read_bytes() == b""


UMASK = "import os, sys; os.umask(0o022); from planc.entry import main; main(sys.argv[1:])"


def under_umask_022(*args: str | Path) -> None:
    run = subprocess.run(
        [sys.executable, "-c", UMASK, *map(str, args)], capture_output=True, text=True, check=False
    )
    assert run.returncode == 0, run.stderr


def test_imported_records_and_reports_get_the_modes_of_any_program(
    plans: Path, replies: list[Path], tmp_path: Path
) -> None:
    # Item 11: not 0600 (a temporary file's mode) but 0666 less the umask, or the old file's.
    under_umask_022("consult", "import", "2020-2021", replies[0], "--plans", plans)
    assert (plans / RECORD).stat().st_mode & 0o777 == 0o644
    os.chmod(plans / RECORD, 0o660)
    under_umask_022("consult", "import", "2020-2021", replies[1], "--plans", plans)
    assert (plans / RECORD).stat().st_mode & 0o777 == 0o660
    report = tmp_path / "report"
    under_umask_022("consult", "report", "2020-2021", "--out", report, "--plans", plans)
    modes = {p.name: p.stat().st_mode & 0o777 for p in report.iterdir()}
    assert modes == dict.fromkeys(
        ["consultation.html", "consultation.pdf", "consultation.docx", "consultation.json"], 0o644
    )


def test_a_consultation_report_is_never_written_where_the_next_build_deletes_it(
    plans: Path, tmp_path: Path
) -> None:
    # Item 15: the help showed --out dist/ROUND, a folder the next build replaces whole.
    import shutil

    shutil.copytree(FIXTURES / "consultation", plans / "2020-2021/consultation")
    dist = tmp_path / "dist"
    built = finished(planc("build", "--html", "--plans", plans, "--out", dist))
    assert built[0] == 0, built[1]
    report = dist / "2020-2021"
    code, said = finished(
        planc("consult", "report", "2020-2021", "--plans", plans, "--out", report)
    )
    with (plans / "2020-2021/plan.yaml").open("a", encoding="utf-8") as plan:
        plan.write("# edited: the next build is not up to date\n")
    rebuilt = finished(planc("build", "--html", "--plans", plans, "--out", dist))
    assert rebuilt[0] == 0, rebuilt[1]
    # Refused (and saying where to write it instead), or else still there after the build.
    assert (code == 2 and "--out reports/2020-2021" in said) or (
        report / "consultation.pdf"
    ).exists(), said
    helped = finished(planc("consult", "report", "--help"))[1]
    assert "--out reports/2022-2023" in helped and "dist/" not in helped


def test_planc_fix_says_which_file_it_could_not_read_and_fails(plans: Path) -> None:
    # Item 16: a file whose name is not UTF-8 was skipped in silence, and planc fix said 0.
    name = os.fsdecode(b"\xb9\xfa.yaml")
    (plans / "2020-2021/tasks" / name).write_text("title: 跨境贸易\n", "utf-8")
    code, said = finished(planc("fix", "--plans", plans))
    assert code == 1, said
    assert "is not UTF-8; planc skips it" in said and "not read, left unchanged: 1 file" in said
