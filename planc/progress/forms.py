"""Progress forms out: one .xlsx per lead unit for a period, listing the tasks it leads,
prefilled with the last period's answers so a unit changes only what moved. Built on
planc/sheets, the round-trip the consultation forms use (one piece of code out and in)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from planc.errors import UsageError
from planc.i18n import _
from planc.index import Index
from planc.model import STATUSES
from planc.periods import Period, parse_period, round_years
from planc.sheets import Column, Form, Sheet, write_form

KIND = "progress"
SHEET_KEY = "tasks"
COLUMNS = (
    Column("number", "序号", 6),
    Column("chapter", "部分", 14, wrap=True),
    Column("title", "工作任务", 36, wrap=True),
    Column("due", "完成时限", 10),
    Column("previous", "上期报送", 16, wrap=True),
    Column("status", "本期状态", 11, editable=True, choices=tuple(STATUSES.values())),
    Column("percent", "完成进度（%）", 9, editable=True),
    Column("note", "进展情况", 40, editable=True),
    Column("evidence", "佐证材料（每行一项）", 28, editable=True),
    Column("date", "填报日期", 12, editable=True),
)
SHEET = Sheet(SHEET_KEY, "任务进展", "", "", COLUMNS)  # what the reader needs: the columns
NOTE = (
    "请在黄色单元格填写本期进展：本期状态从下拉列表选择；完成进度填0-100的整数；进展情况简要说明；"
    "佐证材料填写文件名称或链接，每行一项；填报日期如2021-07-05。已按上期报送预填，请据实修改。"
    "请勿增删行列，A列隐藏的编号请勿改动。"
)


@dataclass(frozen=True, slots=True)
class FormFile:
    unit: str
    path: Path
    tasks: int
    form: str  # the form id


def target_period(name: str, period: str) -> Period:
    found = parse_period(period)
    if found is None:
        raise UsageError(
            _("--period {period} is not a period (2021-Q2, 2021-H1 or 2021-06)", period=period)
        )
    first, last = round_years(name)
    if not (first <= found.start.year and found.end.year <= last):
        raise UsageError(
            _(
                "period {period} is outside round {round} ({first}-{last})",
                period=period,
                round=name,
                first=first,
                last=last,
            )
        )
    return found


def unit_forms(index: Index, name: str, period: str) -> list[tuple[str, Form]]:
    """The forms of a period, one per lead unit, as (file name, form)."""
    ri = index.rounds[name]
    at = target_period(name, period)
    pi = ri.progress
    earlier = [p for p in pi.periods if p < at] if pi else []
    before = earlier[-1] if earlier else None
    units = index.project.registry.units
    rows: dict[str, list[tuple[str, dict[str, str | int | None]]]] = {}
    for chapter in ri.round.chapters:
        for task in chapter.tasks:
            values: dict[str, str | int | None] = {
                "number": task.number,
                "chapter": chapter.title,
                "title": task.title,
                "due": task.due,
                "previous": "（首次报送）",
            }
            if pi is not None and before is not None:
                history = pi.history(task.id, before)
                if history:
                    when, last = history[-1]
                    percent = f" {last.percent}%" if last.percent is not None else ""
                    values["previous"] = f"{when.name} {STATUSES[last.status]}{percent}"
                    values["status"] = STATUSES[last.status]
                    values["percent"] = last.percent
                    values["note"] = last.note
                    values["evidence"] = "\n".join(last.evidence) or None
            for lead in dict.fromkeys(r.id for r in task.lead):
                if lead in units:
                    rows.setdefault(lead, []).append((task.id, values))
    forms = []
    for uid in [u for u in units if u in rows]:
        unit = units[uid].name
        sheet = Sheet(
            SHEET_KEY,
            "任务进展",
            f"{ri.round.title}{at.label}工作任务进展情况表（{unit}）",
            NOTE,
            COLUMNS,
            rows[uid],
        )
        form = Form(KIND, {"round": name, "unit": uid, "period": at.name}, [sheet])
        forms.append((f"{at.name}-{unit}.xlsx", form))
    return forms


def write_forms(index: Index, name: str, period: str, out: Path) -> list[FormFile]:
    """Write the forms into `out`; refuses before writing anything if a form file is there
    already (it may be a unit's filled copy)."""
    forms = unit_forms(index, name, period)
    if out.exists() and not out.is_dir():
        raise UsageError(_("--out {out} is a file, not a folder", out=out))
    there = [file for file, _ in forms if (out / file).exists()]
    if there:
        raise UsageError(
            _(
                "{path} is already there ({count} of the forms are); planc does not overwrite "
                "files it may not have written: choose another --out",
                path=out / there[0],
                count=len(there),
            )
        )
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for file, form in forms:
        form_id = write_form(form, out / file)
        written.append(FormFile(form.meta["unit"], out / file, len(form.sheets[0].rows), form_id))
    return written
