"""The summary the office sends upward (planc progress ROUND --format xlsx): where every task
stands as of a period, by chapter and by lead unit, and the tasks that need attention, as
one printable sheet in Chinese (the 督查 tables of `planc progress`, laid out to print)."""

from __future__ import annotations

from pathlib import Path

from planc.index import STATES
from planc.model import STATUSES
from planc.progress.report import ATTENTION
from planc.render.progress import Row, Summary, TaskLine
from planc.sheets import Column
from planc.sheets.form import Value
from planc.sheets.report import Table, write_tables
from planc.sheets.write import fresh_path

COUNTS = tuple(Column(state, label, 7) for state, label in STATES.items())
TOTAL = "合计"


def _counts(first: str, heading: str, rows: list[Row], total: Row) -> Table:
    columns = (
        Column("label", first, 24, wrap=True),
        Column("tasks", "任务数", 7),
        *COUNTS,
        Column("rate", "完成率", 7),
    )

    def values(row: Row, label: str) -> dict[str, Value]:
        rate = f"{row.rate}%" if row.rate is not None else "—"
        return {"label": label, "tasks": row.tasks, **row.counts, "rate": rate}

    return Table(heading, columns, [values(r, r.label) for r in rows], values(total, TOTAL))


def _line(line: TaskLine) -> dict[str, Value]:
    state = line.state
    last = "从未报送"
    if state.last is not None:
        period, report = state.last
        percent = f" {report.percent}%" if report.percent is not None else ""
        last = f"{period.label} {STATUSES[report.status]}{percent}"
        if report.note:
            last += f"：{report.note}"
    return {
        "number": line.task.number,
        "title": line.task.title,
        "lead": "、".join(line.lead) or "（未列牵头单位）",
        "due": line.task.due,
        "state": STATES[state.state],
        "last": last,
    }


ATTENTION_COLUMNS = (
    Column("number", "编号", 6),
    Column("title", "工作任务", 30, wrap=True),
    Column("lead", "牵头单位", 14, wrap=True),
    Column("due", "完成时限", 9),
    Column("state", "状态", 7),
    Column("last", "最近报送", 30, wrap=True),
)


def pages(s: Summary) -> dict[str, list[Table]]:
    """The summary's two sheets: the counts, and the tasks that need attention."""
    lines = [line for state in ATTENTION for line in s.attention(state)]
    return {
        "推进情况汇总": [
            _counts("部分", "一、按部分", s.chapters, s.total),
            _counts("牵头单位", "二、按牵头单位", s.units, s.total),
        ],
        "需关注的任务": [
            Table(
                f"三、需关注的任务（{len(lines)}项：逾期、滞后、未报送）",
                ATTENTION_COLUMNS,
                [_line(line) for line in lines],
            )
        ],
    }


def write_summary(s: Summary, out: Path) -> None:
    """The summary as `out` (.xlsx); refuses to write over a file (it may be one the office
    has edited since)."""
    fresh_path(out)
    title = f"{s.title}任务推进情况汇总"
    end = s.as_of.end
    subtitle = (
        f"截至{s.as_of.label}（{end.year}年{end.month}月{end.day}日），共{s.total.tasks}项任务"
    )
    write_tables(title, subtitle, pages(s), out)
