"""Chinese wherever a clerk types (issue 19): units by their Chinese name or an alias anywhere
an id is accepted, resolved to ids by the loader (the files untouched); "did you mean" over
names; dispositions and statuses in Chinese; a full-width colon named at its own line; a
missing field named in Chinese; --date in Chinese."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planc.cli import app
from planc.load import load_project
from planc.pipeline import analyze
from tests.conftest import FIXTURES, edit
from tests.test_diagnostic_codes import CONSULTATION

runner = CliRunner()
ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}
T20 = "2020-2021/tasks/enterprise.yaml"
M20 = "2020-2021/tasks/market.yaml"


def shown(plans: Path) -> list[str]:
    return [f"{d.loc} {d.code} {d.full_message}" for d in analyze(plans).diagnostics]


def test_units_by_chinese_name_and_alias_are_their_ids(plans: Path) -> None:
    edit(
        plans,
        "registry/units.yaml",
        "  ports: {name: 山东港口青岛港集团}",
        "  ports: {name: 山东港口青岛港集团, aliases: [青岛港]}",
    )
    edit(plans, T20, "lead: [commerce]", "lead: [市商务局]")
    edit(plans, M20, "partners: [culture, ports]", "partners: [市文化和旅游局, 青岛港]")
    before = (plans / M20).read_bytes()
    assert shown(plans) == []
    project, _found = load_project(plans, cache=False)
    tasks = {t.id: t for t in project.rounds["2020-2021"].tasks()}
    assert [r.id for r in tasks["state-capital-reform"].lead] == ["commerce"]
    assert [r.id for r in tasks["international-living-rooms"].partners] == ["culture", "ports"]
    assert (plans / M20).read_bytes() == before  # the source as the clerk wrote it


def test_the_name_without_the_city_is_a_name(plans: Path) -> None:
    edit(plans, "registry/units.yaml", "{name: 市商务局,", "{name: 青岛市商务局,")
    edit(plans, T20, "lead: [commerce]", "lead: [市商务局]")
    edit(plans, M20, "lead: [commerce]", "lead: [青岛市商务局]")
    assert shown(plans) == []


def test_a_name_that_names_no_unit_gets_the_closest_name(plans: Path) -> None:
    edit(plans, T20, "lead: [commerce]", "lead: [市商务厅]")
    assert shown(plans) == [
        f"{T20}:6:12 unknown-reference task 'state-capital-reform' names unit '市商务厅', which "
        "is not in registry/units.yaml; did you mean '市商务局'?"
    ]


def test_a_name_two_units_share_names_neither(plans: Path) -> None:
    edit(
        plans,
        "registry/units.yaml",
        "  ports: {name: 山东港口青岛港集团}",
        "  ports: {name: 山东港口青岛港集团, aliases: [市商务局]}",
    )
    edit(plans, T20, "lead: [commerce]", "lead: [市商务局]")
    assert shown(plans) == [
        f"{T20}:6:12 unknown-reference task 'state-capital-reform' names unit '市商务局', which "
        "is not in registry/units.yaml; '市商务局' is the name of commerce, ports: write the id "
        "of the one meant",
        "registry/units.yaml:4:3 duplicate-id units commerce, ports are both known by the name "
        "'市商务局'; sources naming it name neither; give one of them an alias of its own, or "
        "write ids where the name is used",
    ]


def test_dispositions_and_statuses_in_chinese(plans: Path) -> None:
    record = plans / "2020-2021/consultation/round-1.yaml"
    record.parent.mkdir()
    chinese = CONSULTATION.replace("disposition: adopted", "disposition: 采纳").replace(
        "disposition: not-adopted", "disposition: 不采纳"
    )
    record.write_text(chinese.replace("unit: commerce", "unit: 市商务局"), encoding="utf-8")
    assert shown(plans) == []
    project, _found = load_project(plans, cache=False)
    comments = project.rounds["2020-2021"].consultations[0].comments
    assert [(c.unit.id if c.unit else None, c.disposition) for c in comments] == [
        ("commerce", "adopted"),
        ("commerce", "not-adopted"),
    ]
    record.write_text(chinese.replace("不采纳", "不予考虑"), encoding="utf-8")
    assert shown(plans)[-1] == (
        "2020-2021/consultation/round-1.yaml:14:18 schema expected one of adopted, "
        "partly-adopted, not-adopted, noted, found '不予考虑'"
    )


def test_a_progress_status_in_chinese(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(FIXTURES / "progress", plans)
    period = plans / "2020-2021/progress/2021-Q2.yaml"
    text = period.read_text(encoding="utf-8")
    period.write_text(text.replace("status: done", "status: 已完成", 1), encoding="utf-8")
    project, found = load_project(plans, cache=False)
    assert [d for d in found if d.code == "schema"] == []
    statuses = [r.status for r in project.rounds["2020-2021"].progress[-1].reports]
    assert "已完成" not in statuses and "done" in statuses


@pytest.mark.parametrize(
    ("old", "new", "at"),
    [
        ("    title: 深化", "    title：深化", (5, 10)),  # the next line is where YAML notices
        ("    number: 3", "    number：3", (4, 11)),
        ("    source: press-2020-07", "    source：press-2020-07", (10, 11)),  # read as text
        ("chapter: enterprise", "chapter： enterprise", (1, 8)),
    ],
)
def test_a_full_width_colon_is_named_at_its_line(
    plans: Path, old: str, new: str, at: tuple[int, int]
) -> None:
    edit(plans, T20, old, new)
    key = new.split("：")[0].strip()
    found = [d for d in analyze(plans).diagnostics if d.code == "yaml-syntax"]
    assert [(d.loc.line, d.loc.column, d.message) for d in found] == [
        (
            *at,
            f"the key '{key}' is followed by a full-width colon '：'; YAML needs a half-width ':'",
        )
    ]
    result = runner.invoke(app, ["check", "--plans", str(plans)], env=ZH)
    assert f"error[yaml-syntax] 键“{key}”后面用了全角冒号“：”，应为半角“:”" in result.stdout


def test_a_colon_in_a_text_is_text(plans: Path) -> None:
    edit(plans, T20, "    title: 深化", "    text: 说明：GDP：增长\n    title: 深化")
    assert shown(plans) == []


def test_a_missing_field_is_named_in_chinese(plans: Path) -> None:
    edit(plans, T20, "    title: 深化国有资本投资运营公司改革\n", "")
    result = runner.invoke(app, ["check", "--plans", str(plans)], env=ZH)
    assert f"{T20}:3:5: error[schema] 工作任务缺少必填字段“标题（title）”" in result.stdout


def test_consult_import_takes_a_date_in_chinese(plans: Path) -> None:
    result = runner.invoke(
        app,
        ["consult", "import", "2020-2021", "none.xlsx", "--plans", str(plans), "--date", "五月"],
    )
    assert (result.exit_code, result.stderr) == (
        2,
        "planc: error: --date takes a date like 2024-01-10, not '五月'\n",
    )
