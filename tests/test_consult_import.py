"""planc consult import: filled forms in, comment records out; every way people fill a form in
either imported correctly or refused at its cell; nothing half-imported, nothing twice."""

from __future__ import annotations

from pathlib import Path

import jsonschema  # type: ignore[import-untyped]
import openpyxl
import pytest
from ruamel.yaml import YAML

from planc.load.schema import schema_for
from tests.conftest import diagnostics
from tests.consult_forms import (
    COMMENT,
    COMMERCE,
    CONTACT,
    CULTURE,
    PORTS,
    both,
    comment_on,
    fill,
    general,
    make_forms,
    row_of,
    run_import,
    sheet,
)

RECORD = "2020-2021/consultation/round-1.yaml"


@pytest.fixture
def sent(plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The forms as sent, in tmp/forms; the work folder is tmp (file names show relative)."""
    monkeypatch.chdir(tmp_path)
    make_forms(plans, Path("forms"))
    Path("back").mkdir()
    return Path("forms")


def reply(sent: Path, form: str, name: str, *edits: object) -> Path:
    return fill(sent / form, Path("back") / name, both(*edits))  # type: ignore[arg-type]


def record(plans: Path) -> dict[str, object]:
    data = YAML(typ="safe").load((plans / RECORD).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_import_writes_one_record_per_comment(plans: Path, sent: Path) -> None:
    a = reply(
        sent,
        COMMERCE,
        "商务局.xlsx",
        comment_on(
            "international-living-rooms",
            "建议增加“国际客厅”运营评估",
            "改为：……并建立评估机制",
            "张三 0532-88886666",
        ),
        general(4, "计划整体应突出上合示范区", part="计划整体"),
        general(5, "本部分任务偏少", part="推进市场国际化"),
        general(6, "建议细化", number=1),
    )
    b = reply(sent, CULTURE, "文旅局.xlsx")
    code, out = run_import(plans, a, b)
    assert code == 0, out
    assert out == (
        "back/文旅局.xlsx: info[form-empty] 市文化和旅游局 returned the form without comments "
        "(无意见); recorded as a response\n"
        "  back/商务局.xlsx  市商务局, consultation 1: 4 comments\n"
        "  back/文旅局.xlsx  市文化和旅游局, consultation 1: 0 comments\n"
        f"plans/{RECORD}: 4 new comments, 2 new responses\n"
    )
    data = record(plans)
    assert data["consultation"] == 1
    assert [(r["unit"], r["file"]) for r in data["responses"]] == [  # type: ignore[attr-defined]
        ("commerce", "商务局.xlsx"),
        ("culture", "文旅局.xlsx"),
    ]
    comments = data["comments"]
    assert isinstance(comments, list)
    assert [
        (c["unit"], c.get("task"), c.get("chapter"), c.get("text"), c.get("proposal"), c["cell"])
        for c in comments
    ] == [
        (
            "commerce",
            "international-living-rooms",
            None,
            "建议增加“国际客厅”运营评估",
            "改为：……并建立评估机制",
            "任务意见!H5",
        ),
        ("commerce", None, None, "计划整体应突出上合示范区", None, "总体意见!D4"),
        ("commerce", None, "market", "本部分任务偏少", None, "总体意见!D5"),
        ("commerce", "state-capital-reform", None, "建议细化", None, "总体意见!D6"),
    ]
    # The one contact given is the form's: every comment of it carries it.
    assert {c["contact"] for c in comments} == {"张三 0532-88886666"}
    assert {c["received"] for c in comments} == {"2020-05-10"}
    assert all(c["id"].startswith("c-") and len(c["id"]) == 12 for c in comments)
    # The record is a source like the others: it checks, and its schema takes it.
    assert [d.code for d in diagnostics(plans)] == ["comment-undisposed"] * 4
    jsonschema.validate(data, schema_for("consultation"))


def test_the_same_form_twice_changes_nothing(plans: Path, sent: Path) -> None:
    a = reply(sent, COMMERCE, "a.xlsx", comment_on("state-capital-reform", "建议明确时间表"))
    assert run_import(plans, a)[0] == 0
    before = (plans / RECORD).read_bytes()
    code, out = run_import(plans, a, a, received="2020-05-11")
    assert code == 0
    assert out.endswith(f"plans/{RECORD}: nothing new (every comment is already there)\n")
    assert (plans / RECORD).read_bytes() == before


def test_what_the_office_wrote_stays(plans: Path, sent: Path) -> None:
    a = reply(sent, COMMERCE, "a.xlsx", comment_on("state-capital-reform", "建议明确时间表"))
    b = reply(sent, PORTS, "b.xlsx", comment_on("trade-facilitation", "建议压缩通关时间"))
    assert run_import(plans, a)[0] == 0
    path = plans / RECORD
    text = path.read_text(encoding="utf-8")
    office = (
        "    cell: 任务意见!H4\n    # 办公室：已与商务局沟通\n"
        "    disposition: adopted\n    changed: [state-capital-reform]\n"
    )
    path.write_text(text.replace("    cell: 任务意见!H4\n", office), encoding="utf-8")
    assert run_import(plans, b)[0] == 0
    after = path.read_text(encoding="utf-8")
    assert office in after  # the office's lines as written, its YAML comment among them
    assert after.index("建议压缩通关时间") > after.index(office)
    assert after.count("- id: c-") == 2


def test_a_failing_import_writes_nothing(plans: Path, sent: Path) -> None:
    good = reply(sent, COMMERCE, "good.xlsx", comment_on("state-capital-reform", "建议明确时间表"))
    assert run_import(plans, good)[0] == 0
    before = (plans / RECORD).read_bytes()
    also = reply(sent, PORTS, "also.xlsx", comment_on("trade-facilitation", "建议压缩通关时间"))
    bad = Path("back/bad.xlsx")
    bad.write_text("单位,意见\n市商务局,无\n", encoding="utf-8")
    code, out = run_import(plans, also, bad)
    assert code == 1
    assert out == (
        "back/bad.xlsx: error[form-unreadable] this is a text file (CSV?), not an .xlsx workbook\n"
        "    hint: open it in Excel or WPS and save it as 'Excel 工作簿 (*.xlsx)'\n"
        "planc: 1 error in the forms; nothing was imported\n"
    )
    assert (plans / RECORD).read_bytes() == before
    assert sorted(p.name for p in (plans / RECORD).parent.iterdir()) == ["round-1.yaml"]


def test_a_first_failing_import_makes_no_file(plans: Path, sent: Path) -> None:
    bad = reply(sent, COMMERCE, "bad.xlsx", general(4, "见第99项", number=99))
    assert run_import(plans, bad)[0] == 1
    assert not (plans / "2020-2021/consultation").exists()


# --------------------------------------------------------------------------------------------
# What people do to forms: each imported correctly, or refused at its cell
# --------------------------------------------------------------------------------------------


def _blank_rows_and_spaces(wb: openpyxl.Workbook) -> None:
    ws = sheet(wb, "tasks")
    r = row_of(ws, "state-capital-reform")
    ws[f"{COMMENT}{r}"] = "  建议明确时间表\u3000 \n"
    ws[f"{CONTACT}{r}"] = "李四　０５３２－８８８８６６６６ "
    ws[f"{COMMENT}{ws.max_row + 3}"] = "   "  # rows of nothing but spaces, below the form


def _full_width_number(wb: openpyxl.Workbook) -> None:
    general(4, "建议细化目标", number="第３项")(wb)


def _renamed_and_moved(wb: openpyxl.Workbook) -> None:
    ws = sheet(wb, "tasks")
    ws.title = "商务局意见"
    wb.move_sheet(ws, offset=1)
    comment_on("state-capital-reform", "建议明确时间表")(wb)


def _proposal_only(wb: openpyxl.Workbook) -> None:
    ws = sheet(wb, "tasks")
    ws[f"I{row_of(ws, 'state-capital-reform')}"] = "改为：深化国有资本投资、运营公司改革"


IMPORTED = [
    (
        "blank-rows-and-spaces",
        _blank_rows_and_spaces,
        [("state-capital-reform", "建议明确时间表", None, "李四 0532-88886666")],
    ),
    ("full-width-number", _full_width_number, [("trade-facilitation", "建议细化目标", None, None)]),
    ("renamed-sheet", _renamed_and_moved, [("state-capital-reform", "建议明确时间表", None, None)]),
    (
        "comment-in-the-proposal-column",
        _proposal_only,
        [("state-capital-reform", None, "改为：深化国有资本投资、运营公司改革", None)],
    ),
]


@pytest.mark.parametrize(("name", "edit", "expected"), IMPORTED, ids=[i[0] for i in IMPORTED])
def test_forms_as_people_fill_them_import(
    plans: Path, sent: Path, name: str, edit: object, expected: list[tuple[object, ...]]
) -> None:
    path = reply(sent, COMMERCE, f"{name}.xlsx", edit)
    code, out = run_import(plans, path)
    assert code == 0, out
    comments = record(plans)["comments"]
    assert isinstance(comments, list)
    got = [(c.get("task"), c.get("text"), c.get("proposal"), c.get("contact")) for c in comments]
    assert got == expected


def test_a_renamed_sheet_is_named_as_it_is_now(plans: Path, sent: Path) -> None:
    path = reply(sent, COMMERCE, "renamed.xlsx", _renamed_and_moved)
    assert run_import(plans, path)[0] == 0
    comments = record(plans)["comments"]
    assert isinstance(comments, list)
    assert comments[0]["cell"] == "商务局意见!H4"


def _text_beside(wb: openpyxl.Workbook) -> None:
    ws = sheet(wb, "tasks")
    ws[f"L{row_of(ws, 'state-capital-reform')}"] = "同意，无其他意见"


def _merged(wb: openpyxl.Workbook) -> None:
    ws = sheet(wb, "tasks")
    ws[f"{COMMENT}4"] = "两项任务合并考虑"
    ws.merge_cells(f"{COMMENT}4:{COMMENT}5")


def _formula(wb: openpyxl.Workbook) -> None:
    ws = sheet(wb, "tasks")
    ws[f"{COMMENT}4"] = "=I4"


def _edited_id(wb: openpyxl.Workbook) -> None:
    ws = sheet(wb, "tasks")
    ws["A4"] = "state-capital"
    ws[f"{COMMENT}4"] = "建议明确时间表"


def _row_added(wb: openpyxl.Workbook) -> None:
    ws = sheet(wb, "tasks")
    ws[f"{COMMENT}{ws.max_row + 1}"] = "另建议增加一项任务"


def _unknown_number(wb: openpyxl.Workbook) -> None:
    general(4, "见第99项", number="99")(wb)


def _not_a_number(wb: openpyxl.Workbook) -> None:
    general(4, "见第一项", number="第一项")(wb)


def _unknown_part(wb: openpyxl.Workbook) -> None:
    general(4, "本部分偏少", part="城市国际化")(wb)


def _columns_moved(wb: openpyxl.Workbook) -> None:
    sheet(wb, "tasks").insert_cols(3)


def _meta_edited(wb: openpyxl.Workbook) -> None:
    meta = wb["_planc"]
    for row in meta.iter_rows():
        if row[0].value == "meta" and row[1].value == "unit":
            row[2].value = "ports"


def _sheet_deleted(wb: openpyxl.Workbook) -> None:
    wb.remove(sheet(wb, "general"))


def _meta_deleted(wb: openpyxl.Workbook) -> None:
    wb.remove(wb["_planc"])


REFUSED = [
    (
        "text-beside-the-form",
        _text_beside,
        "form-cell",
        "back/{}:任务意见!L4: error[form-cell] '同意，无其他意见' is outside the form's columns; "
        "planc does not read it\n    hint: move it into the column it belongs to "
        "(e.g. 意见, column H)",
    ),
    (
        "merged-cells",
        _merged,
        "form-cell",
        "back/{}:任务意见!H4: error[form-cell] cells H4:H5 are merged; planc cannot tell which row "
        "they belong to\n    hint: unmerge them (取消合并单元格) and write in each row",
    ),
    (
        "formula",
        _formula,
        "form-cell",
        "back/{}:任务意见!H4: error[form-cell] a formula (=I4) where 意见 is expected\n"
        "    hint: type the text itself (a leading '=' makes a formula), or paste as values",
    ),
    (
        "edited-id-column",
        _edited_id,
        "form-tampered",
        "back/{}:任务意见!A4: error[form-tampered] the hidden id 'state-capital' "
        "in column A is not "
        "one this form was sent with\n    hint: do not edit column A; fill in a fresh copy of the "
        "form",
    ),
    (
        "row-added",
        _row_added,
        "form-cell",
        "back/{}:任务意见!H6: error[form-cell] row 6 was added to the form; planc reads only the "
        "rows it wrote\n    hint: write the comment in the row of the task it is about, or on the "
        "sheet for general comments",
    ),
    (
        "unknown-task-number",
        _unknown_number,
        "unknown-reference",
        "back/{}:总体意见!C4: error[unknown-reference] no task is numbered 99 in 2020-2021\n"
        "    hint: task numbers in the draft: 1-3",
    ),
    (
        "not-a-number",
        _not_a_number,
        "form-cell",
        "back/{}:总体意见!C4: error[form-cell] 任务编号 should be a number, found '第一项'",
    ),
    (
        "unknown-part",
        _unknown_part,
        "form-cell",
        "back/{}:总体意见!B4: error[form-cell] '城市国际化' is not a part of the plan\n"
        "    hint: choose one from the cell's list: 计划整体、推进企业国际化、推进市场国际化",
    ),
    (
        "columns-moved",
        _columns_moved,
        "form-tampered",
        "back/{}:任务意见!C3: error[form-tampered] column heading '' where '部分' was: "
        "columns were moved, inserted or deleted\n"
        "    hint: fill in a fresh copy of the form, keeping its columns",
    ),
    (
        "metadata-edited",
        _meta_edited,
        "form-tampered",
        "back/{}: error[form-tampered] the form's hidden planc sheet was changed; "
        "planc cannot tell "
        "what the form was\n    hint: fill in a fresh copy of the form as it was sent",
    ),
    (
        "sheet-deleted",
        _sheet_deleted,
        "form-tampered",
        "back/{}: error[form-tampered] the sheet '总体意见' was deleted from the form\n"
        "    hint: fill in a fresh copy of the form",
    ),
    (
        "not-a-planc-form",
        _meta_deleted,
        "form-foreign",
        "back/{}: error[form-foreign] not a planc form: it has no planc metadata sheet\n"
        "    hint: send the unit the form `planc consult forms` made, and import that one",
    ),
]


@pytest.mark.parametrize(("name", "edit", "code", "says"), REFUSED, ids=[r[0] for r in REFUSED])
def test_forms_planc_cannot_take_are_refused_at_the_cell(
    plans: Path, sent: Path, name: str, edit: object, code: str, says: str
) -> None:
    path = reply(sent, COMMERCE, f"{name}.xlsx", edit)
    status, out = run_import(plans, path)
    assert status == 1
    assert (
        out == says.format(f"{name}.xlsx") + "\nplanc: 1 error in the forms; nothing was imported\n"
    )
    assert code in says
    assert not (plans / "2020-2021/consultation").exists()


NOT_XLSX = [
    (
        "old.xls",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504,
        "this is an Excel 97-2003 (.xls) or WPS (.et) workbook, not .xlsx",
    ),
    ("scan.xlsx", b"%PDF-1.7\n", "this is a PDF, not a spreadsheet"),
    ("empty.xlsx", b"", "this is an empty file"),
    (
        "broken.xlsx",
        b"PK\x03\x04broken",
        "not a readable .xlsx workbook (BadZipFile: File is not a zip file)",
    ),
]


@pytest.mark.parametrize(("name", "data", "says"), NOT_XLSX, ids=[n[0] for n in NOT_XLSX])
def test_files_that_are_not_xlsx(
    plans: Path, sent: Path, name: str, data: bytes, says: str
) -> None:
    path = Path("back") / name
    path.write_bytes(data)
    code, out = run_import(plans, path)
    assert code == 1
    assert out.startswith(f"back/{name}: error[form-unreadable] {says}\n"), out


def test_a_missing_file(plans: Path, sent: Path) -> None:
    code, out = run_import(plans, Path("back/nowhere.xlsx"))
    assert code == 1
    assert out.startswith(
        "back/nowhere.xlsx: error[form-unreadable] cannot read the file: "
        "No such file or directory\n"
    )


def test_a_form_of_another_round(plans: Path, sent: Path) -> None:
    make_forms(plans, Path("forms-2018"), "2018-2019")
    form = Path("forms-2018") / "市商务局-2018-2019征求意见表（第1次）.xlsx"
    path = fill(form, Path("back/2018.xlsx"), comment_on("temasek-reform", "建议"))
    code, out = run_import(plans, path)
    assert code == 1
    assert out.startswith(
        "back/2018.xlsx: error[form-foreign] this form is for the 2018-2019 plan, not 2020-2021\n"
        "    hint: import it with: planc consult import 2018-2019 back/2018.xlsx\n"
    )


def test_a_form_of_a_unit_no_longer_in_the_registry(plans: Path, sent: Path) -> None:
    path = reply(sent, CULTURE, "culture.xlsx", comment_on("international-living-rooms", "同意"))
    units = plans / "registry/units.yaml"
    units.write_text(
        units.read_text(encoding="utf-8").replace(
            "  culture: {name: 市文化和旅游局, en: Qingdao "
            "Municipal Bureau of Culture and Tourism}\n",
            "",
        ),
        encoding="utf-8",
    )
    code, out = run_import(plans, path)
    assert code == 1  # the plan names the unit too: planc check's errors come first
    assert "unknown-reference" in out and "fix them first" in out


def test_an_empty_form_is_a_response(plans: Path, sent: Path) -> None:
    path = reply(sent, PORTS, "ports.xlsx")
    code, out = run_import(plans, path)
    assert code == 0
    assert "info[form-empty]" in out
    data = record(plans)
    assert data["comments"] == []
    assert [r["unit"] for r in data["responses"]] == ["ports"]  # type: ignore[attr-defined]


def test_comment_ids_are_stable_and_distinct(plans: Path, sent: Path) -> None:
    twice = both(general(4, "同一意见"), general(7, "同一意见"))
    a = reply(sent, COMMERCE, "a.xlsx", twice)
    assert run_import(plans, a)[0] == 0
    ids = [c["id"] for c in record(plans)["comments"]]  # type: ignore[attr-defined]
    assert len(set(ids)) == 2
    # The same words on another copy with blank rows added above: the same ids.
    (plans / RECORD).unlink()
    b = reply(sent, COMMERCE, "b.xlsx", both(general(5, "同一意见"), general(20, "同一意见")))
    assert run_import(plans, b)[0] == 0
    assert [c["id"] for c in record(plans)["comments"]] == ids  # type: ignore[attr-defined]
