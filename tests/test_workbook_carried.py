"""The workbook's 沿用自 column: the office marks an indicator system planc new carried over
(`carried_from:`) as reviewed by emptying the column on every row of the system, without
opening the YAML; planc never makes a `carried_from:` up from it."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from planc.load.roundtrip import remove_key, round_trip_yaml
from planc.pipeline import analyze
from tests.conftest import set_language
from tests.consult_forms import row_of, sheet
from tests.workbook import Edit, added, cell, column, edited, make, run, snapshot

SYSTEM = "2020-2021/indicators/five-internationalizations.yaml"
MARK = "carried_from: 2018-2019  # planc new\n"
# The fixture's system as planc new leaves it, with the office's comments around the mark.
HEAD = "# 指标体系（办公室的说明）\nid: five-internationalizations\ntitle: 国际城市战略指标体系\n"
CARRIED = HEAD + MARK + "# 阶段沿用纲要的提法\n"
REVIEWED = HEAD + "# 阶段沿用纲要的提法\n"


@pytest.fixture
def carried(plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture's 2020-2021 with its system marked carried over from 2018-2019, the
    working folder above the plans; returns the exported workbook."""
    monkeypatch.chdir(tmp_path)
    path = plans / SYSTEM
    text = path.read_text("utf-8")
    path.write_text(text.replace(HEAD.split("\n", 1)[1], CARRIED), "utf-8")
    make(plans, tmp_path / "w.xlsx")
    return tmp_path / "w.xlsx"


def _edited(workbook: Path, *edits: Edit) -> Path:
    return edited(workbook, workbook.with_name("e.xlsx"), *edits)


def _infos(plans: Path) -> list[str]:
    return [d.code for d in analyze(plans, ["2020-2021"], cache=False).diagnostics]


def test_the_column_holds_the_old_round_on_every_row_of_a_carried_system(
    carried: Path, plans: Path, tmp_path: Path
) -> None:
    ws = sheet(openpyxl.load_workbook(carried), "indicators")
    at = column(ws, "沿用自")
    rows = [row_of(ws, i) for i in ("listed-companies", "foreign-investment")]
    assert [ws.cell(r, at).value for r in rows] == ["2018-2019", "2018-2019"]
    assert not ws.cell(rows[0], at).protection.locked
    assert ws.column_dimensions[openpyxl.utils.get_column_letter(at)].width == 10
    assert "清空该体系各行的“沿用自”，即表示已审核" in str(ws.cell(2, 2).value)
    # A system not carried over: the column is there, empty.
    (plans / SYSTEM).write_text((plans / SYSTEM).read_text("utf-8").replace(MARK, ""), "utf-8")
    make(plans, tmp_path / "plain.xlsx")
    ws = sheet(openpyxl.load_workbook(tmp_path / "plain.xlsx"), "indicators")
    assert ws.cell(row_of(ws, "listed-companies"), column(ws, "沿用自")).value is None


def test_emptied_on_every_row_the_mark_goes_and_nothing_else(carried: Path, plans: Path) -> None:
    workbook = _edited(
        carried,
        cell("indicators", "listed-companies", "沿用自", None),
        cell("indicators", "foreign-investment", "沿用自", None),
    )
    before = snapshot(plans)
    shown = (
        "e.xlsx against the sources of 2020-2021:\n"
        "systems (指标体系): 1 revised, 0 new, 0 dropped\n"
        "  ~ five-internationalizations  国际城市战略指标体系\n"
        "      carried_from: 2018-2019 → —\n"
    )
    assert run(plans, workbook) == (
        0,
        shown + "nothing was written; planc sheet import 2020-2021 e.xlsx --apply writes them\n",
    )
    assert snapshot(plans) == before and "carried-over" in _infos(plans)
    assert run(plans, workbook, "--apply") == (
        0,
        shown + f"wrote 1 file: plans/{SYSTEM}\n",
    )
    # Only the line of the mark went: the office's comments, the order and the flow style stay.
    after = before[SYSTEM].decode().replace(MARK, "")
    assert (plans / SYSTEM).read_text("utf-8") == after
    assert after.startswith(REVIEWED)
    assert "carried-over" not in _infos(plans)


def test_shown_in_chinese_beside_an_edit_of_the_same_row(
    carried: Path, plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language(monkeypatch, "zh_CN.UTF-8")
    workbook = _edited(
        carried,
        cell("indicators", "listed-companies", "沿用自", None),
        cell("indicators", "listed-companies", "目标值（每行一个，如 2021：100）", "2021：70"),
        cell("indicators", "foreign-investment", "沿用自", "  "),
    )
    code, said = run(plans, workbook, "--apply")
    assert (code, said) == (
        0,
        "e.xlsx 与 2020-2021 源文件相比：\n"
        "指标：修改 1，新增 0，删除 0\n"
        "  ~ listed-companies  境内外上市公司数量\n"
        "      目标值：2021：60，高阶：110 → 2021：70\n"
        "指标体系：修改 1，新增 0，删除 0\n"
        "  ~ five-internationalizations  国际城市战略指标体系\n"
        "      沿用自：2018-2019 → —\n"
        f"已写入 1 个文件：plans/{SYSTEM}\n",
    )
    text = (plans / SYSTEM).read_text("utf-8")
    assert text.startswith(REVIEWED)
    doc = round_trip_yaml().load(text)
    targets = doc["dimensions"][0]["indicators"][0]["targets"]
    assert dict(targets) == {2021: 70} and "carried_from" not in doc
    assert "{2021: 70}" in text  # the year written plain, as the office's files have it


def test_emptied_on_some_rows_it_stays_and_the_import_says_so(
    carried: Path, plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language(monkeypatch, "zh_CN.UTF-8")
    workbook = _edited(
        carried,
        cell("indicators", "foreign-investment", "沿用自", None),
    )
    before = snapshot(plans)
    assert run(plans, workbook, "--apply") == (
        0,
        "e.xlsx:指标体系!I5: info[carried-over] 国际城市战略指标体系 共 2 行，"
        "只有 1 行清空了“沿用自”：各行都清空之前，仍视为原样沿用 2018-2019\n"
        "    提示：全部目标值审核后，把其余各行的“沿用自”也清空\n"
        "e.xlsx 与 2020-2021 源文件相比：\n"
        "  没有修改：工作簿与源文件一致\n",
    )
    assert snapshot(plans) == before


def test_a_round_typed_where_there_is_none_is_refused_at_its_cell(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    make(plans, tmp_path / "w.xlsx")
    set_language(monkeypatch, "zh_CN.UTF-8")
    workbook = edited(
        tmp_path / "w.xlsx",
        tmp_path / "e.xlsx",
        cell("indicators", "listed-companies", "沿用自", "2018-2019"),
        added(
            "indicators",
            {"指标": "入境游客人数", "指标体系": "国际城市战略指标体系", "沿用自": "2018-2019"},
        ),
    )
    before = snapshot(plans)
    refused = (
        "'2018-2019'：国际城市战略指标体系 并非沿用其他轮次\n"
        "    提示：“沿用自”请留空：只有 planc new 会标记沿用的指标体系\n"
    )
    assert run(plans, workbook, "--apply") == (
        1,
        f"e.xlsx:指标体系!I4: error[form-cell] {refused}"
        f"e.xlsx:指标体系!I6: error[form-cell] {refused}"
        "planc：表格中有 2 个错误；没有导入任何内容\n",
    )
    assert snapshot(plans) == before


def test_another_round_typed_over_the_mark_is_refused(carried: Path, plans: Path) -> None:
    workbook = _edited(
        carried,
        cell("indicators", "listed-companies", "沿用自", "2016-2017"),
        cell("indicators", "foreign-investment", "沿用自", None),
    )
    before = snapshot(plans)
    assert run(plans, workbook, "--apply") == (
        1,
        "e.xlsx:指标体系!I4: error[form-cell] '2016-2017': 国际城市战略指标体系 was carried over "
        "from 2018-2019\n"
        "    hint: leave 沿用自 as it was, or empty it on all the system's rows once its targets "
        "are reviewed\n"
        "planc: 1 error in the forms; nothing was imported\n",
    )
    assert snapshot(plans) == before


def test_the_check_names_the_workbook_first(carried: Path, plans: Path) -> None:
    hints = [d.hint for d in analyze(plans, ["2020-2021"], cache=False).diagnostics]
    assert (
        "review them, then empty 沿用自 on the 指标体系 sheet of the round's workbook "
        "(planc sheet export), or remove the line carried_from:"
    ) in hints


@pytest.mark.parametrize(
    ("source", "kept"),
    [
        (
            "# 头\nid: s\ncarried_from: 2018-2019  # 行尾\n# 下一项\nstages: [a]\n",
            "# 头\nid: s\n# 下一项\nstages: [a]\n",
        ),
        (
            "id: s\ndims:\n  - id: x  # x\ncarried_from: 2018-2019\n\n# 下一项\nstages: [a]\n",
            "id: s\ndims:\n  - id: x  # x\n\n# 下一项\nstages: [a]\n",
        ),
        ("carried_from: 2018-2019\n# 下一项\nid: s\n", "# 下一项\nid: s\n"),
        ("id: s\ncarried_from: 2018-2019\n# 文件末尾\n", "id: s\n# 文件末尾\n"),
    ],
)
def test_the_mark_goes_and_the_comment_lines_after_it_stay(source: str, kept: str) -> None:
    yaml = round_trip_yaml()
    doc = yaml.load(source)
    remove_key(doc, "carried_from")
    out = io.StringIO()
    yaml.dump(doc, out)
    assert out.getvalue() == kept
