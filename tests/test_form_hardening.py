"""Forms planc did not make, or made to hurt (issue 24): every string an import writes reads
back as the form held it, whatever Unicode's line and control characters it holds; the office's
YAML comments and fields survive an import; a form's size, its far cells and its forged
metadata cost no more than its stored cells and end in a located refusal, never a traceback."""

from __future__ import annotations

import io
import shutil
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.styles import Font

from planc.paths import CACHE_DIR
from planc.pipeline import analyze
from planc.sheets.form import form_digest
from tests.conftest import FIXTURES, VALID
from tests.consult_forms import (
    COMMERCE,
    CONTACT,
    G_COMMENT,
    NUMBER,
    PROPOSAL,
    comment_on,
    fill,
    make_forms,
    row_of,
    run_import,
    sheet,
)

RECORD = "2020-2021/consultation/round-1.yaml"
TASK = "state-capital-reform"
# Unicode's line and control characters an xlsx cell can hold (XML 1.0 has no C0 controls
# but tab, newline and carriage return, and no lone surrogates: openpyxl refuses a file with
# one as unreadable, tested below).
BREAKS = "\n\r\t\x85\u2028\u2029\x7f\ufeff\u200b\u00a0\u3000" + "".join(map(chr, range(0x80, 0xA0)))


@pytest.fixture(scope="module")
def sent(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The consultation forms of the valid fixture, made once."""
    where = tmp_path_factory.mktemp("sent")
    plans = where / "plans"
    shutil.copytree(VALID, plans, ignore=shutil.ignore_patterns(CACHE_DIR))
    make_forms(plans, where / "forms")
    return where / "forms"


@contextmanager
def fresh_plans() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        plans = Path(tmp) / "plans"
        shutil.copytree(VALID, plans, ignore=shutil.ignore_patterns(CACHE_DIR))
        yield plans


def loaded(path: Path) -> Any:
    """A source as planc's own loader reads it (every scalar as text), not as another YAML
    library would: ruamel folds the spaces it put after a U+2029 away again, planc does not."""
    from planc.load.nodes import Map, Node, Scalar, Seq
    from planc.load.parse import parse_bytes

    def plain(node: Node | None) -> Any:
        if isinstance(node, Map):
            return {k: plain(v) for k, (_key, v) in node.entries.items()}
        if isinstance(node, Seq):
            return [plain(v) for v in node.items]
        assert isinstance(node, Scalar)
        return None if node.is_null else node.value

    return plain(parse_bytes(path.read_bytes(), path.name)[0])


def checked_clean(plans: Path) -> None:
    """The sources planc wrote are sources planc reads: no file-level problem at all."""
    found = analyze(plans, ["2020-2021"], cache=False).diagnostics
    unreadable = [d for d in found if d.code in ("yaml-syntax", "encoding", "schema")]
    assert unreadable == [], unreadable


# --- item 2: every string written reads back as the form held it -------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "第一行\n第二行\u2029第三段",  # a newline and a PARAGRAPH SEPARATOR
        "第一行\n删除符\x7f在此",  # DEL in a several-line comment
        "一行\u2028之内",  # LINE SEPARATOR in one line
        "下一行\x85之内",  # NEL
        "C1 控制符\x9b与\x80",
        "字节顺序标记\ufeff在中间",
    ],
)
def test_line_and_control_characters_read_back_as_written(
    sent: Path, tmp_path: Path, text: str
) -> None:
    with fresh_plans() as plans:
        form = fill(sent / COMMERCE, tmp_path / "a.xlsx", comment_on(TASK, text, text, text))
        code, said = run_import(plans, form)
        assert code == 0, said
        checked_clean(plans)
        (comment,) = loaded(plans / RECORD)["comments"]
        assert (comment["text"], comment["proposal"], comment["contact"]) == (text,) * 3


def test_the_control_character_named_is_the_one_there() -> None:
    from planc.load.nodes import YamlFailure
    from planc.load.parse import parse_text

    with pytest.raises(YamlFailure) as failure:
        parse_text("text: |-\n  a\n  b\x7fc\n", "x.yaml")
    assert "U+007F" in failure.value.diagnostic.message


# Text with Unicode's line and control characters among any other (no C0 control but tab,
# newline and carriage return: openpyxl cannot write one, and a form cannot hold one).
CELL_TEXT = st.lists(
    st.one_of(
        st.sampled_from(BREAKS),
        st.text(st.characters(exclude_categories=["Cs", "Cc"]), max_size=6),
    ),
    max_size=12,
).map("".join)
CELL_VALUES = st.one_of(
    CELL_TEXT,
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False),
    st.booleans(),
    st.none(),
)
# A general comment's task number: usually one of the draft's (1-3), else anything.
NUMBERS = st.one_of(st.none(), st.sampled_from([1, 2, 3, "３", "第2项"]), CELL_VALUES)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    task=st.tuples(CELL_VALUES, CELL_VALUES, CELL_VALUES),
    general=st.tuples(CELL_VALUES, NUMBERS),
)
def test_any_cells_import_into_sources_that_read_back(
    sent: Path, task: tuple[Any, Any, Any], general: tuple[Any, Any]
) -> None:
    # Whatever a clerk can type or paste into the form's cells: the import refuses it at a
    # cell, or writes a record planc reads back, every value as the form reader read it.
    from planc.consult.sheets import KIND, READ_SHEETS
    from planc.sheets import read_form

    def edit(wb: openpyxl.Workbook) -> None:
        ws = sheet(wb, "tasks")
        r = row_of(ws, TASK)
        for column, value in zip(("H", PROPOSAL, CONTACT), task, strict=True):
            ws[f"{column}{r}"] = value
        gs = sheet(wb, "general")
        gs[f"{G_COMMENT}4"], gs[f"{NUMBER}4"] = general

    with fresh_plans() as plans, tempfile.TemporaryDirectory() as tmp:
        form = fill(sent / COMMERCE, Path(tmp) / "a.xlsx", edit)
        code, said = run_import(plans, form)
        assert code in (0, 1), said
        assert "Traceback" not in said
        if code == 1:
            assert "nothing was imported" in said and not (plans / RECORD).exists()
            return
        checked_clean(plans)
        read, _problems = read_form(form, str(form), KIND, READ_SHEETS)
        assert read is not None
        said_rows = [
            r.values
            for r in read.rows
            if {r.values.get("comment"), r.values.get("proposal")} != {None}
        ]
        wanted = sorted(str(v[k]) for v in said_rows for k in ("comment", "proposal") if v.get(k))
        contacts = {str(r.values["contact"]) for r in read.rows if r.values.get("contact")}
        record = loaded(plans / RECORD)
        comments = record["comments"] if said_rows else []
        got = sorted(c[k] for c in comments for k in ("text", "proposal") if k in c)
        assert got == wanted
        assert {c["contact"] for c in comments if "contact" in c} <= contacts


def commerce_progress_form(tmp_path: Path) -> tuple[Path, Path, Any]:
    """The progress fixture's plans, its commerce form for 2021-Q3, and that form's workbook
    (to fill, then save to the form's path)."""
    from planc.commands.progress import forms

    plans = tmp_path / "plans"
    shutil.copytree(FIXTURES / "progress", plans)
    assert forms(plans, "2020-2021", "2021-Q3", tmp_path / "forms", io.StringIO()) == 0
    path = tmp_path / "forms/2021-Q3-市商务局.xlsx"
    return plans, path, openpyxl.load_workbook(path)


def progress_import(plans: Path, path: Path) -> tuple[int, str]:
    from planc.cli import handle
    from planc.commands.progress import import_forms

    err = io.StringIO()
    code = handle(lambda: import_forms(plans, "2020-2021", [path], io.StringIO(), err), err)
    return code, err.getvalue()


# --- item 3: the office's YAML stays ------------------------------------------------------------


def test_progress_import_keeps_the_offices_comments_and_fields(tmp_path: Path) -> None:
    plans, path, wb = commerce_progress_form(tmp_path)
    target = plans / "2020-2021/progress/2021-Q3.yaml"
    office = (
        "# 2021年第三季度，市推进办汇总\n"
        "reports:\n"
        "  - task: state-capital-reform  # 商务局电话报送\n"
        "    unit: commerce\n"
        "    status: delayed\n"
        "    percent: 50\n"
        "    evidence: [市政府常务会议纪要]  # 办公室补录\n"
        "# 以上为电话报送，待表格回收后核对\n"
    )
    target.write_text(office, "utf-8")
    ws = wb.worksheets[0]
    r = next(r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == TASK)
    ws.cell(r, 7).value, ws.cell(r, 8).value = "正常推进", 60
    ws.cell(r, 10).value = None  # the form sends no evidence: the office's stays
    wb.save(path)
    assert progress_import(plans, path) == (0, "")
    text = target.read_text("utf-8")
    assert text.startswith("# 2021年第三季度，市推进办汇总\nreports:\n")
    assert "  - task: state-capital-reform  # 商务局电话报送\n" in text
    assert "    evidence: [市政府常务会议纪要]  # 办公室补录\n" in text
    assert text.endswith("# 以上为电话报送，待表格回收后核对\n")  # still the end of the file
    report = loaded(target)["reports"][0]
    assert (report["status"], report["percent"]) == ("on-track", "60")


def test_consult_import_keeps_the_end_of_file_comment_last(sent: Path, tmp_path: Path) -> None:
    with fresh_plans() as plans:
        first = fill(sent / COMMERCE, tmp_path / "a.xlsx", comment_on(TASK, "第一条"))
        assert run_import(plans, first)[0] == 0
        path = plans / RECORD
        path.write_text(path.read_text("utf-8") + "# 办公室：以上为第一批\n", "utf-8")
        second = fill(sent / COMMERCE, tmp_path / "b.xlsx", comment_on(TASK, "第二条"))
        assert run_import(plans, second)[0] == 0
        text = path.read_text("utf-8")
        assert text.endswith("# 办公室：以上为第一批\n") and text.index("第二条") < text.index(
            "第一批"
        )


# --- items 4-6: what a hostile form costs, and how it ends --------------------------------------


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Cells openpyxl is asked for (each one a cell made when the sheet has none there); past
    a bound the read is stopped, so reading a form that spans the whole sheet fails fast."""
    from openpyxl.worksheet.worksheet import Worksheet

    asked = [0]
    cell = Worksheet.cell

    def counting(self: Worksheet, *args: Any, **kwargs: Any) -> Any:
        asked[0] += 1
        assert asked[0] < 20_000, "the form was read cell by cell far past its stored cells"
        return cell(self, *args, **kwargs)

    monkeypatch.setattr(Worksheet, "cell", counting)
    return asked


def test_a_styled_cell_at_the_end_of_the_sheet_costs_nothing(
    sent: Path, tmp_path: Path, counted: list[int]
) -> None:
    def far(wb: openpyxl.Workbook) -> None:
        comment_on(TASK, "一条意见")(wb)
        sheet(wb, "tasks")["B1048576"].font = Font(bold=True)  # styled, empty
        sheet(wb, "general")["XFD3000"].font = Font(bold=True)
        meta = wb["_planc"]
        meta["A999"].font = Font(bold=True)
        meta["XFD4"].font = Font(bold=True)

    with fresh_plans() as plans:
        code, said = run_import(plans, fill(sent / COMMERCE, tmp_path / "a.xlsx", far))
        assert code == 0, said
        assert loaded(plans / RECORD)["comments"][0]["text"] == "一条意见"
    assert counted[0] < 200


def test_text_far_below_the_form_is_not_read(
    sent: Path, tmp_path: Path, counted: list[int]
) -> None:
    def far(wb: openpyxl.Workbook) -> None:
        sheet(wb, "general")[f"{G_COMMENT}900000"] = "远在表格之外"

    with fresh_plans() as plans:
        code, said = run_import(plans, fill(sent / COMMERCE, tmp_path / "a.xlsx", far))
        assert code == 0 and "远在表格之外" not in said, said


def test_a_cell_past_the_limit_is_refused_at_the_cell(sent: Path, tmp_path: Path) -> None:
    from planc.sheets.read import MAX_CELL

    with fresh_plans() as plans:
        long = fill(sent / COMMERCE, tmp_path / "a.xlsx", comment_on(TASK, "长" * (MAX_CELL + 1)))
        code, said = run_import(plans, long)
        assert code == 1 and "任务意见!H" in said and "10,001 characters" in said, said
        assert not (plans / RECORD).exists()


def _repacked(src: Path, dst: Path, change: Callable[[str, bytes], bytes]) -> Path:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info.filename, change(info.filename, zin.read(info.filename)))
    return dst


def test_a_workbook_that_unpacks_to_gigabytes_is_refused_before_it_is_read(
    sent: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import openpyxl.reader.excel

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("openpyxl was asked to read the bomb")

    form = fill(sent / COMMERCE, tmp_path / "a.xlsx", comment_on(TASK, "MARK"))
    # 30 MB of one letter in the shared strings: 30 KB packed.
    bomb = _repacked(
        form, tmp_path / "bomb.xlsx", lambda n, d: d.replace(b"MARK", b"x" * 30_000_000)
    )
    assert bomb.stat().st_size < 200_000
    monkeypatch.setattr(openpyxl.reader.excel, "load_workbook", never)
    monkeypatch.setattr(openpyxl, "load_workbook", never)
    with fresh_plans() as plans:
        code, said = run_import(plans, bomb)
        assert code == 1 and "unpacks to 30 MB" in said, said


@pytest.mark.parametrize("reference", ["&#x7;", "&#xD800;", "&#xFFFE;"])
def test_characters_xml_cannot_hold_make_the_form_unreadable(
    sent: Path, tmp_path: Path, reference: str
) -> None:
    form = fill(sent / COMMERCE, tmp_path / "a.xlsx", comment_on(TASK, "MARK"))
    bad = _repacked(form, tmp_path / "b.xlsx", lambda n, d: d.replace(b"MARK", reference.encode()))
    with fresh_plans() as plans:
        code, said = run_import(plans, bad)
        assert code == 1 and "form-unreadable" in said and "Traceback" not in said, said


def _forged(src: Path, dst: Path, **meta: str) -> Path:
    """A form whose hidden metadata says `meta`, its digest recomputed as anyone can."""
    wb = openpyxl.load_workbook(src)
    ws = wb["_planc"]
    values: dict[str, str] = {}
    rows: dict[str, list[str]] = {}
    for r in range(2, ws.max_row + 1):
        tag, key, value = (str(ws.cell(r, c).value or "") for c in (1, 2, 3))
        if tag == "meta" and key in meta:
            ws.cell(r, 3).value = value = meta[key]
        if tag == "meta":
            values[key] = value
        elif tag == "sheet":
            rows[key] = []
        elif tag == "row":
            rows[key].append(value)
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value == "form":
            ws.cell(r, 2).value = form_digest("consultation", values, rows)
    wb.save(dst)
    return dst


@pytest.mark.parametrize("number", ["፩", "0", "9" * 5000, "-1"])
def test_a_forged_consultation_number_is_refused(sent: Path, tmp_path: Path, number: str) -> None:
    form = fill(sent / COMMERCE, tmp_path / "a.xlsx", comment_on(TASK, "意见"))
    forged = _forged(form, tmp_path / "f.xlsx", consultation=number)
    with fresh_plans() as plans:
        code, said = run_import(plans, forged)
        assert code == 1 and "Traceback" not in said, said
        assert "form-tampered" in said
        assert not (plans / "2020-2021/consultation").exists()


@pytest.mark.parametrize("number", ["፩", "٣", "9" * 5000])
def test_a_general_comments_task_number_in_other_digits_is_refused(
    sent: Path, tmp_path: Path, number: str
) -> None:
    def edit(wb: openpyxl.Workbook) -> None:
        gs = sheet(wb, "general")
        gs[f"{G_COMMENT}4"], gs[f"{NUMBER}4"] = "意见", number

    with fresh_plans() as plans:
        code, said = run_import(plans, fill(sent / COMMERCE, tmp_path / "a.xlsx", edit))
        assert code == 1 and "总体意见!C4" in said and "should be a number" in said, said


@pytest.mark.parametrize("percent", ["፩", "9" * 5000, "١٠"])
def test_a_percent_in_other_digits_is_refused_at_its_cell(tmp_path: Path, percent: str) -> None:
    plans, path, wb = commerce_progress_form(tmp_path)
    ws = wb.worksheets[0]
    ws.cell(4, 7).value, ws.cell(4, 8).value = "正常推进", percent
    wb.save(path)
    code, said = progress_import(plans, path)
    assert code == 1 and "完成进度" in said and "Traceback" not in said


# --- item 14: one file per unit, all or none ---------------------------------------------------


def _progress_plans(tmp_path: Path) -> Path:
    plans = tmp_path / "plans"
    shutil.copytree(FIXTURES / "progress", plans)
    units = plans / "registry/units.yaml"
    text = units.read_text("utf-8")
    text = text.replace(
        "finance: {name: 市地方金融监管局}", "finance: {name: 市商务局.}"
    )  # one file name (a name cannot end in '.' on Windows); one name is an error of its own
    text = text.replace("science: {name: 市科技局}", "science: {name: 市科技局/市知识产权局}")
    units.write_text(text, "utf-8")
    return plans


def test_progress_forms_of_units_with_one_name_or_a_slash_are_four_files(tmp_path: Path) -> None:
    from planc.commands.progress import forms

    plans = _progress_plans(tmp_path)
    said = io.StringIO()
    assert forms(plans, "2020-2021", "2021-Q3", tmp_path / "forms", said) == 0
    files = sorted(
        p.relative_to(tmp_path / "forms").as_posix()
        for p in (tmp_path / "forms").rglob("*")
        if p.is_file()
    )
    assert files == sorted(
        [
            "2021-Q3-市商务局.xlsx",
            "2021-Q3-市商务局.-finance.xlsx",
            "2021-Q3-山东港口青岛港集团.xlsx",
            "2021-Q3-市科技局_市知识产权局.xlsx",
        ]
    )
    assert said.getvalue().count("wrote ") == 4
    units = set()
    for file in files:
        meta = openpyxl.load_workbook(tmp_path / "forms" / file)["_planc"]
        units |= {row[2] for row in meta.iter_rows(values_only=True) if row[:2] == ("meta", "unit")}
    assert units == {"commerce", "finance", "ports", "science"}  # each form its own unit's


def test_progress_forms_are_written_all_or_none(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planc.cli import handle
    from planc.commands.progress import forms

    plans = _progress_plans(tmp_path)
    save = openpyxl.Workbook.save
    saved = [0]

    def failing(self: openpyxl.Workbook, filename: str) -> None:
        saved[0] += 1
        if saved[0] == 3:
            raise OSError(28, "No space left on device", str(filename))
        save(self, filename)

    monkeypatch.setattr(openpyxl.Workbook, "save", failing)
    err = io.StringIO()
    out = tmp_path / "forms"
    assert handle(lambda: forms(plans, "2020-2021", "2021-Q3", out, io.StringIO()), err) == 1
    assert not out.exists() or list(out.rglob("*")) == []
    monkeypatch.setattr(openpyxl.Workbook, "save", save)  # room again: a re-run works
    assert forms(plans, "2020-2021", "2021-Q3", out, io.StringIO()) == 0
    assert len(list(out.iterdir())) == 4


# --- item 16: what is printed -------------------------------------------------------------------


def test_openpyxls_warnings_do_not_reach_the_clerk(sent: Path, tmp_path: Path) -> None:
    import warnings

    from planc.consult.sheets import KIND, READ_SHEETS
    from planc.sheets import read_form

    form = fill(sent / COMMERCE, tmp_path / "a.xlsx", comment_on(TASK, "意见"))
    ext = b'<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}"/></extLst></worksheet>'
    odd = _repacked(
        form,
        tmp_path / "b.xlsx",
        lambda n, d: d.replace(b"</worksheet>", ext) if n.startswith("xl/worksheets/") else d,
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        read, problems = read_form(odd, "b.xlsx", KIND, READ_SHEETS)
    assert read is not None and problems == []
    assert [str(w.message) for w in caught] == []


def test_a_progress_form_filled_wrongly_is_not_called_empty(tmp_path: Path) -> None:
    plans, path, wb = commerce_progress_form(tmp_path)
    ws = wb.worksheets[0]
    for row in (4, 5):  # every row filled, every one wrongly
        ws.cell(row, 7).value, ws.cell(row, 8).value = "正常推进", "六成"
    wb.save(path)
    code, said = progress_import(plans, path)
    assert code == 1 and said.count("完成进度") == 2, said
    assert "form-empty" not in said


def test_a_form_whose_drop_down_list_is_kept_in_the_hidden_sheet_reads_back(
    tmp_path: Path,
) -> None:
    """A list too long to write inline (70 units) is kept in the hidden sheet, after the
    metadata's columns: the form still reads back, not as a tampered one."""
    from planc.sheets import Column, Form, Sheet, read_form, write_form

    units = tuple(f"市第{n}局" for n in range(70))
    spec = Sheet(
        "tasks",
        "任务",
        "任务表",
        "说明",
        (Column("title", "任务", 20), Column("lead", "牵头单位", 16, editable=True, choices=units)),
        [("t-1", {"title": "建设国际客厅"})],
    )
    path = tmp_path / "form.xlsx"
    write_form(Form("test", {"unit": "commerce"}, [spec]), path)
    assert len('"' + ",".join(units) + '"') > 255  # not inline: in the hidden sheet
    ws = openpyxl.load_workbook(path).worksheets[-1]
    assert any(cell.value == units[0] for row in ws.iter_rows() for cell in row)
    read, problems = read_form(path, "form.xlsx", "test", [spec])
    assert problems == []
    assert read is not None and [row.id for row in read.rows] == ["t-1"]
