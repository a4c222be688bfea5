"""One fixture per progress code, on tests/fixtures/progress (clean as it is): the edit, and
the exact diagnostic it must produce. tests/test_diagnostic_codes.py counts these codes too."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, diagnostics, edit

PROGRESS = FIXTURES / "progress"
Q1 = "2020-2021/progress/2021-Q1.yaml"
Q2 = "2020-2021/progress/2021-Q2.yaml"
ENT = "2020-2021/tasks/enterprise.yaml"


@dataclass(frozen=True)
class Break:
    name: str
    apply: Callable[[Path], None]
    code: str
    severity: str
    at: tuple[str, int, int]
    says: str
    also: tuple[str, ...] = ()


def _write(file: str, text: str) -> Callable[[Path], None]:
    def write(plans: Path) -> None:
        (plans / file).write_text(text, encoding="utf-8")

    return write


def _edit(file: str, old: str, new: str) -> Callable[[Path], None]:
    return lambda plans: edit(plans, file, old, new)


ONE_REPORT = "reports:\n  - {task: talent-visa, unit: science, status: not-started}\n"

BREAKS = [
    Break(
        "unknown-task",
        _edit(Q2, "  - task: talent-visa\n", "  - task: talent-visas\n"),
        "unknown-task",
        "error",
        (Q2, 15, 11),
        "did you mean 'talent-visa'?",
        also=("report-missing",),
    ),
    Break(
        "period-outside-round",
        _write("2020-2021/progress/2022-Q1.yaml", ONE_REPORT),
        "period-outside-round",
        "error",
        ("2020-2021/progress/2022-Q1.yaml", 1, 1),
        "period 2022-Q1 is outside round 2020-2021 (2020-2021)",
        # and nothing else: the period does not become the round's latest
    ),
    Break(
        "periods-overlap",
        _write("2020-2021/progress/2021-05.yaml", ONE_REPORT),
        "periods-overlap",
        "error",
        ("2020-2021/progress/2021-Q2.yaml", 1, 1),
        "period 2021-Q2 overlaps 2021-05",
    ),
    Break(
        "unit-not-responsible",
        _edit(Q2, "    unit: finance\n", "    unit: culture\n"),
        "unit-not-responsible",
        "warning",
        (Q2, 9, 11),
        "the task's units: 市地方金融监管局",
    ),
    Break(
        "reopened-without-note",
        _edit(Q2, "    note: 以色列客厅场馆整改，重新开放\n", ""),
        "reopened-without-note",
        "warning",
        (Q2, 21, 13),
        "was done in 2021-Q1 and is on-track (正常推进) in 2021-Q2",
    ),
    Break(
        "percent-fell",
        _edit(Q2, "    percent: 55\n", "    percent: 45\n"),
        "percent-fell",
        "warning",
        (Q2, 5, 14),
        "at 45% in 2021-Q2, down from 50% in 2021-Q1",
    ),
    Break(
        "task-overdue",
        _edit(ENT, "    due: 2021-12\n", "    due: 2021-03\n"),
        "task-overdue",
        "warning",
        (ENT, 21, 10),
        "was due 2021-03 and is not done as of 2021-Q2 (last reported not-started in 2021-Q2)",
    ),
    Break(
        "report-missing",
        _edit(
            Q2,
            "  - task: talent-visa\n    unit: science\n    status: not-started\n    "
            "date: 2021-07-09\n",
            "",
        ),
        "report-missing",
        "warning",
        (ENT, 16, 9),
        "task 'talent-visa' has no report in 2021-Q2",
    ),
]
CODES = {b.code for b in BREAKS}


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    target = tmp_path / "plans"
    shutil.copytree(PROGRESS, target)
    return target


def test_progress_fixture_is_clean(plans: Path) -> None:
    assert diagnostics(plans) == []


@pytest.mark.parametrize("brk", BREAKS, ids=lambda b: b.name)
def test_each_break_gives_exactly_its_diagnostic(plans: Path, brk: Break) -> None:
    brk.apply(plans)
    found = diagnostics(plans)
    shown = [f"{d.loc} {d.code} {d.full_message}" for d in found]
    main = [d for d in found if d.code == brk.code and d.loc.line == brk.at[1]]
    assert len(main) == 1, shown
    d = main[0]
    assert (d.severity.value, (d.loc.file, d.loc.line, d.loc.column)) == (brk.severity, brk.at)
    assert brk.says in d.full_message, shown
    assert sorted(x.code for x in found if x is not d) == sorted(brk.also), shown


def test_a_report_twice_in_a_period_is_a_duplicate(plans: Path) -> None:
    edit(
        plans,
        Q2,
        "reports:\n",
        "reports:\n  - {task: talent-visa, unit: science, status: delayed}\n",
    )
    found = diagnostics(plans)
    assert [(d.code, d.loc.line) for d in found] == [("duplicate-id", 16)]
    assert "reported twice" in found[0].message


def test_a_file_not_named_by_a_period_is_refused(plans: Path) -> None:
    (plans / "2020-2021/progress/2021q3.yaml").write_text(ONE_REPORT, encoding="utf-8")
    found = diagnostics(plans)
    assert [(d.code, d.loc.file) for d in found] == [("schema", "2020-2021/progress/2021q3.yaml")]
    assert "named by its period" in found[0].message


def test_percent_over_100_and_an_unknown_status(plans: Path) -> None:
    edit(plans, Q2, "    percent: 55\n", "    percent: 155\n")
    edit(plans, Q2, "    status: delayed\n", "    status: late\n")
    found = [(d.code, d.loc.line, d.full_message) for d in diagnostics(plans)]
    assert found[0][:2] == ("schema", 4) and "did you mean 'delayed'?" not in found[0][2]
    assert found[1][:2] == ("schema", 5) and "at most 100" in found[1][2]
