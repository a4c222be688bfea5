"""What makes planc quick, checked for behaviour (timings live in benchmarks/): the fast command
line path says what the full one says, `build --html` writes the full build's HTML bytes without
WeasyPrint, and the default number of PDF jobs follows the cores that are free."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from planc.publish import publish
from planc.publish.stamp import STAMP
from planc.publish.workers import Workers, default_jobs, usable_cores
from tests.conftest import SHIPPED, edit

ENTRY = "import sys; sys.argv[0] = 'planc'; from planc.entry import main; main(sys.argv[1:])"
FULL = "import sys; sys.argv[0] = 'planc'; from planc.cli import main; main()"


def planc(code: str, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        env=env,
    )


def both_say_the_same(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    fast, full = planc(ENTRY, *args, cwd=cwd), planc(FULL, *args, cwd=cwd)
    assert (fast.returncode, fast.stdout, fast.stderr) == (
        full.returncode,
        full.stdout,
        full.stderr,
    ), args
    return fast


def test_the_fast_path_says_what_the_command_line_says(plans: Path, tmp_path: Path) -> None:
    p = str(plans)
    assert both_say_the_same("check", "--plans", p).returncode == 0
    assert both_say_the_same("--version").stdout.startswith("planc ")
    edit(plans, "2020-2021/tasks/market.yaml", "lead: [ports]", "lead: [port]")
    broken = both_say_the_same("check", "--plans", p)
    assert broken.returncode == 1 and "unknown-reference" in broken.stdout
    assert (
        '"unknown-reference"'
        in both_say_the_same("check", "--plans", p, "--format", "json", "2020-2021").stdout
    )
    assert both_say_the_same("check", "2018-2019", "--plans", p, "--strict").returncode == 0
    github = both_say_the_same("check", "--plans", p, "--no-cache", "--format", "github")
    assert github.stdout.startswith("::error ")
    assert both_say_the_same("check", "--plans", p, "1999-2000").returncode == 2
    assert both_say_the_same("check", "--plans", str(tmp_path / "none")).returncode == 2
    assert both_say_the_same("check", "--plans", p, "--format", "xml").returncode == 2
    assert both_say_the_same("check", "--plans", p, "--plans", p).returncode == 1
    out = str(tmp_path / "dist")
    built = both_say_the_same("build", "--html", "--plans", p, "--out", out)
    assert built.returncode == 1 and "nothing was written" in built.stderr
    assert both_say_the_same("build", "--plans", p, "--jobs", "0").returncode == 2
    refused = both_say_the_same("build", "--html", "--release", "--plans", p, "--out", out)
    assert refused.returncode == 2 and "--release" in refused.stderr


def test_the_fast_path_leaves_typer_and_pydantic_alone(plans: Path) -> None:
    probe = (
        "import sys\nfrom planc.entry import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('typer', 'pydantic', 'rich', 'weasyprint') if m in sys.modules))"
    )
    assert planc(probe, "--version").stdout.splitlines()[-1] == "[]"
    assert planc(probe, "check", "--plans", str(plans)).stdout.splitlines()[-1] == "[]"
    # Anything else goes to the full command line.
    assert "typer" in planc(probe, "check", "--plans", str(plans), "-h").stdout


def test_an_unchanged_build_is_answered_without_the_renderer(plans: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    publish(plans, [], out, html_only=True)
    probe = (
        "import sys\nfrom planc.entry import main\n"
        "try:\n    main(sys.argv[1:])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('typer', 'jinja2', 'rich', 'weasyprint') if m in sys.modules))"
    )
    done = planc(probe, "build", "--html", "--plans", str(plans), "--out", str(out))
    assert done.stdout.splitlines() == [f"{out.as_posix()} is up to date (2 rounds)", "[]"]


# --------------------------------------------------------------------------------------------
# build --html
# --------------------------------------------------------------------------------------------


def files_of(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_html_only_writes_the_full_builds_html(shipped_dist: Path, tmp_path: Path) -> None:
    out = tmp_path / "dist"
    result = publish(SHIPPED, [], out, html_only=True)
    assert not result.up_to_date
    html = files_of(out)
    full = files_of(shipped_dist)
    printed = (".pdf", ".docx")  # the formats made from the print page
    assert not [f for f in html if f.endswith(printed)]
    expected = {f: data for f, data in full.items() if not f.endswith(printed) and f != STAMP}
    assert {f: data for f, data in html.items() if f != STAMP} == expected
    assert publish(SHIPPED, [], out, html_only=True).up_to_date


def test_round_pages_are_the_builds_pages(shipped_dist: Path) -> None:
    from planc.pipeline import analyze
    from planc.publish.html import round_pages

    analysis = analyze(SHIPPED, everything=True)
    names = analysis.rounds
    handbooks = [n for n in names if (shipped_dist / n / "handbook.html").is_file()]
    for name in names:
        pages = round_pages(analysis, name, names, handbooks)
        for file, text in pages.items():
            assert text.encode("utf-8") == (shipped_dist / name / file).read_bytes(), file


def test_html_only_never_imports_weasyprint(plans: Path, tmp_path: Path) -> None:
    probe = (
        "import sys\nfrom pathlib import Path\nfrom planc.publish import publish\n"
        "publish(Path(sys.argv[1]), [], Path(sys.argv[2]), html_only=True)\n"
        "print('weasyprint' in sys.modules)"
    )
    done = planc(probe, str(plans), str(tmp_path / "dist"))
    assert done.stdout.strip() == "False", done.stderr


def test_a_full_build_after_html_only_makes_the_pdfs(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planc.render import pdf

    def fake_pdf(html: str, target: Path, hook: object = None) -> tuple[list[str], dict[str, int]]:
        target.write_bytes(b"%PDF-fake")
        return [], {}

    monkeypatch.setattr(pdf, "write_pdf_anchored", fake_pdf)
    monkeypatch.setattr(pdf, "require_fonts", lambda: None)
    monkeypatch.setattr(pdf, "fast_subsetting", lambda: True)
    out = tmp_path / "dist"
    publish(plans, [], out, html_only=True)
    full = publish(plans, [], out, jobs=1)
    assert not full.up_to_date  # the HTML-only stamp is not a full build's
    assert (out / "2020-2021" / "plan-2020-2021.pdf").read_bytes() == b"%PDF-fake"
    assert publish(plans, [], out, jobs=1).up_to_date
    assert not publish(plans, [], out, html_only=True).up_to_date


def test_release_needs_the_pdfs(plans: Path, tmp_path: Path) -> None:
    from planc.errors import UsageError

    with pytest.raises(UsageError, match="--release"):
        publish(plans, [], tmp_path / "dist", html_only=True, release=True)


# --------------------------------------------------------------------------------------------
# Jobs
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pdfs", "cores", "load", "jobs"),
    [
        (8, 2, 0.0, 2),  # an idle machine: every core
        (8, 2, 1.0, 2),  # the load is this process itself
        (8, 2, 2.1, 1),  # one core busy elsewhere: one job (two were slower)
        (8, 2, 9.0, 1),  # a crowded machine: still one
        (8, 8, 3.0, 6),
        (1, 8, 0.0, 1),  # never more jobs than PDFs
        (0, 4, 0.0, 1),
    ],
)
def test_default_jobs(pdfs: int, cores: int, load: float, jobs: int) -> None:
    assert default_jobs(pdfs, cores, load) == jobs


def test_usable_cores_follow_the_affinity_mask() -> None:
    assert 1 <= usable_cores() <= len(os.sched_getaffinity(0))


def test_no_pool_without_pdfs_and_never_more_workers_than_pdfs() -> None:
    with Workers(8, 0) as none:
        assert none.pool is None and none.fast_subsetting()
    with Workers(8, 2) as two:
        assert two.pool is not None and getattr(two.pool, "_max_workers", None) == 2
