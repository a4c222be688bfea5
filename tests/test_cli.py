"""The command line as a user meets it: exact output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import typer
import typer.main
from typer.core import TyperGroup
from typer.testing import CliRunner

from planc import __version__
from planc.cli import app
from tests.conftest import edit

runner = CliRunner()
M20 = "2020-2021/tasks/market.yaml"
UNIT_LINE = (
    "plans/2020-2021/tasks/market.yaml:9:29: error[unknown-reference] task "
    "'international-living-rooms' names unit 'port', which is not in registry/units.yaml"
)


@pytest.fixture
def here(plans: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Work from the folder holding `plans/`, as the plan office does."""
    monkeypatch.chdir(plans.parent)
    return plans


def test_check_clean(here: Path) -> None:
    result = runner.invoke(app, ["check"])
    assert (result.exit_code, result.stdout) == (
        0,
        "checked 2 rounds: 0 errors, 0 warnings, 0 infos\n",
    )


def test_check_error_text(here: Path) -> None:
    edit(here, M20, "[culture, ports]", "[culture, port]")
    result = runner.invoke(app, ["check"])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{UNIT_LINE}\n    hint: did you mean 'ports'?\n"
        "checked 2 rounds: 1 error, 0 warnings, 0 infos\n"
    )


def test_check_json_contract(here: Path) -> None:
    edit(here, M20, "[culture, ports]", "[culture, port]")
    result = runner.invoke(app, ["check", "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == {
        "diagnostics": [
            {
                "code": "unknown-reference",
                "severity": "error",
                "file": "2020-2021/tasks/market.yaml",
                "line": 9,
                "column": 29,
                "message": "task 'international-living-rooms' names unit 'port', which is not in "
                "registry/units.yaml; did you mean 'ports'?",
            }
        ],
        "errors": 1,
        "warnings": 0,
    }


def test_check_github_annotations(here: Path) -> None:
    edit(here, M20, "[culture, ports]", "[culture, port]")
    edit(here, "2020-2021/plan.yaml", "  cases: 2\n", "  cases: 5\n")
    result = runner.invoke(app, ["check", "--format", "github"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "::warning file=plans/2020-2021/plan.yaml,line=15,col=10,title=declared-mismatch::"
        "cases (对标案例): 5 published, but the sources hold 2",
        "::error file=plans/2020-2021/tasks/market.yaml,line=9,col=29,title=unknown-reference::"
        "task 'international-living-rooms' names unit 'port', which is not in "
        "registry/units.yaml; did you mean 'ports'?",
    ]


def test_strict_makes_warnings_fail(here: Path) -> None:
    edit(here, "2020-2021/plan.yaml", "  cases: 2\n", "  cases: 5\n")
    assert runner.invoke(app, ["check"]).exit_code == 0
    strict = runner.invoke(app, ["check", "--strict"])
    assert strict.exit_code == 1
    assert strict.stdout.endswith("checked 2 rounds: 0 errors, 1 warning, 0 infos\n")


def test_check_reports_only_the_rounds_asked_for(here: Path) -> None:
    edit(here, M20, "[culture, ports]", "[culture, port]")
    result = runner.invoke(app, ["check", "2018-2019"])
    assert (result.exit_code, result.stdout) == (
        0,
        "checked 1 round: 0 errors, 0 warnings, 0 infos\n",
    )


def test_unknown_round_is_a_usage_error(here: Path) -> None:
    result = runner.invoke(app, ["check", "2099-2100"])
    assert result.exit_code == 2
    assert result.stderr == (
        "planc: error: no round '2099-2100' in plans (rounds there: 2018-2019, 2020-2021)\n"
    )
    assert result.stdout == ""


def test_missing_plans_folder_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["stats", "--plans", str(tmp_path / "nowhere")])
    assert result.exit_code == 2
    assert "no plans folder at" in result.stderr
    assert "--plans DIR" in result.stderr


def test_bad_format_is_a_usage_error(here: Path) -> None:
    result = runner.invoke(app, ["check", "--format", "xml"])
    assert result.exit_code == 2
    assert "xml" in result.stderr


def test_stats_json_contract(here: Path) -> None:
    result = runner.invoke(app, ["stats", "2018-2019", "--format", "json"])
    assert result.exit_code == 0
    figures = json.loads(result.stdout)["rounds"]["2018-2019"]
    assert figures["tasks"] == {"declared": 2, "sources": 2}
    assert figures["benchmarked_tasks"] == {"declared": 2, "sources": 2}
    assert figures["case_cities"] == {"declared": None, "sources": 1}
    assert figures["chapters"] == {"enterprise": {"declared": 2, "sources": 2}}
    assert set(figures) >= {
        "tasks",
        "benchmarked_tasks",
        "cases",
        "case_countries",
        "case_cities",
        "indicators",
        "chapters",
    }


def test_stats_table(here: Path) -> None:
    edit(here, "2020-2021/plan.yaml", "  cases: 2\n", "  cases: 5\n")
    result = runner.invoke(app, ["stats", "2020-2021"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("2020-2021  青岛市推进")
    row = next(line for line in lines if "cases (对标案例)" in line)
    assert row.split("│")[2:5] == [" 5 ".rjust(10), " 2 ".rjust(10), " mismatch "]


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"planc {__version__}\n")


def test_every_command_has_help_with_an_example() -> None:
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    assert set(group.commands) >= {"check", "stats", "schema"}
    for name, command in group.commands.items():
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert "Example" in result.stdout, f"planc {name} --help shows no example"
        assert f"planc {name}" in result.stdout.split("Example", 1)[1], name
        for param in command.params:
            assert getattr(param, "help", None), f"planc {name}: {param.name} has no help"


def test_check_imports_neither_weasyprint_nor_jinja(here: Path) -> None:
    probe = (
        "import sys\n"
        "from planc.cli import main\n"
        "sys.argv = ['planc', 'check']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('weasyprint', 'jinja2'))\n"
        "print('HEAVY', heavy)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=here.parent
    ).stdout
    assert out.splitlines()[-1] == "HEAVY []"


def test_an_unwritable_output_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["schema", "--out", str(blocker / "schema")])
    assert result.exit_code == 1
    assert result.stderr.startswith("planc: error: ")
    assert str(blocker) in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)
