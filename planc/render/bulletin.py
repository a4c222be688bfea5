"""The 督查通报 (supervision bulletin) of a round as of a period: the view the template gets,
and its HTML for the screen or for print (the same typesetting as the plan)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from markupsafe import Markup

from planc import __version__
from planc.index import STATES, Index
from planc.model import STATUSES
from planc.render import typeset
from planc.render.charts import FONT, completion_chart, trend
from planc.render.documents import KINDS
from planc.render.env import TEMPLATES, environment
from planc.render.progress import Row, Summary, TaskLine, summarize
from planc.render.typeset import cn_date
from planc.render.views import EDITION_LABELS, Link, cn_number

KIND = KINDS["progress"]


@dataclass(frozen=True)
class TaskItem:
    number: str
    title: str
    href: str
    lead: str
    due: str  # 2021年12月
    last: str  # 2021-Q2 滞后 55%
    note: str
    evidence: list[str]


@dataclass(frozen=True)
class TableRow:
    label: str
    tasks: int
    counts: list[int]  # in STATES order
    rate: str
    trend: Markup


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    anchor: str
    items: list[TaskItem]
    empty: str


@dataclass(frozen=True)
class ProgressView:
    name: str
    title: str
    edition_label: str
    public_record: bool
    as_of: str
    as_of_label: str
    as_of_end: str
    periods: list[str]
    headline: str
    states: list[str]
    total: TableRow
    chapters: list[TableRow]
    units: list[TableRow]
    chart: Markup
    lists: list[Section]
    issuer: str = ""  # the masthead's and the 落款's office: the round's issuer
    issue: int = 0  # 第N期: the period's place among the round's periods
    span: str = ""  # the periods reported, as words: 2016年第一季度至2017年第四季度
    date: str = ""  # the bulletin's date: the end of the period it reports on


def _percent(done: int, live: int) -> float:
    return 100 * done / live if live else 0.0


def _row(s: Summary, row: Row, key: str) -> TableRow:
    live = row.tasks - row.counts["dropped"]
    values = [_percent(d, live) for d in s.done_over.get(key, [])]
    label = f"{row.label}完成率走势"
    return TableRow(
        label=row.label,
        tasks=row.tasks,
        counts=[row.counts[state] for state in STATES],
        rate=f"{row.rate}%" if row.rate is not None else "—",
        trend=trend(values, label) if len(values) > 1 else Markup(""),
    )


def _item(line: TaskLine) -> TaskItem:
    task, state = line.task, line.state
    last, note, evidence = "从未报送", "", []
    if state.last is not None:
        period, report = state.last
        percent = f" {report.percent}%" if report.percent is not None else ""
        last = f"{period.label} {STATUSES[report.status]}{percent}"
        note, evidence = report.note or "", list(report.evidence)
    return TaskItem(
        number=str(task.number) if task.number is not None else "",
        title=task.title,
        href=f"plan.html#task-{task.id}",
        lead="、".join(line.lead) or "（未列牵头单位）",
        due=cn_date(task.due) if task.due else "",
        last=last,
        note=note,
        evidence=evidence,
    )


def _headline(s: Summary) -> str:
    c = s.total.counts
    parts = [f"截至{s.as_of.label}末，{len(s.tasks)}项工作任务中，已完成{c['done']}项"]
    for state in ("on-track", "not-started", "delayed", "overdue", "not-reported", "dropped"):
        if c[state]:
            parts.append(f"{STATES[state]}{c[state]}项")
    rate = f"完成率{s.total.rate}%" if s.total.rate is not None else ""
    return "，".join(parts) + (f"；{rate}（已终止任务不计）。" if rate else "。")


def progress_view(index: Index, name: str, as_of: str | None = None) -> ProgressView:
    s = summarize(index, name, as_of)
    rnd = index.rounds[name].round
    periods = [p.name for p in s.periods]
    series = [
        (
            "全部任务",
            [_percent(d, s.total.tasks - s.total.counts["dropped"]) for d in s.done_over[""]],
        )
    ]
    for row in s.chapters:
        live = row.tasks - row.counts["dropped"]
        series.append((row.label, [_percent(d, live) for d in s.done_over[row.key]]))
    lists = [
        Section(
            f"{cn_number(n)}、",
            title,
            f"list-{state}",
            [_item(line) for line in s.attention(state)],
            empty,
        )
        for n, (state, title, empty) in enumerate(
            [
                ("overdue", "逾期任务", "本期无逾期任务。"),
                ("delayed", "滞后任务", "本期无滞后任务。"),
                ("not-reported", "未报送进展的任务", "各牵头单位均已报送本期进展。"),
            ],
            start=4,
        )
    ]
    return ProgressView(
        name=name,
        title=rnd.title,
        edition_label=EDITION_LABELS.get(rnd.edition, rnd.edition),
        public_record=rnd.public_record,
        as_of=s.as_of.name,
        as_of_label=s.as_of.label,
        as_of_end=s.as_of.end.isoformat(),
        periods=periods,
        headline=_headline(s),
        states=list(STATES.values()),
        total=_row(s, s.total, ""),
        chapters=[_row(s, r, r.key) for r in s.chapters],
        units=[_row(s, r, f"unit:{r.key}") for r in s.units],
        chart=completion_chart("各部分任务完成率（按期）", periods, series)
        if len(periods) > 1
        else Markup(""),
        lists=lists,
        issuer=(rnd.notice.issuer if rnd.notice and rnd.notice.issuer else rnd.issuer) or "",
        issue=len(periods),
        span=s.periods[0].label + (f"至{s.periods[-1].label}" if len(s.periods) > 1 else ""),
        date=cn_date(s.as_of.end.isoformat()),
    )


def progress_document(view: ProgressView, rounds: list[str], medium: str) -> str:
    """The 督查通报 for the screen or for print, typeset like the plan; `rounds`: the rounds of
    the site that have one."""
    if medium == "print":  # the chart's labels in the 黑体 of the tables, as the plan's
        from planc.render import fonts

        face = fonts.css_stack(fonts.policy()["heading1"]).replace('"', "")
        view = dataclasses.replace(view, chart=Markup(str(view.chart).replace(FONT, face)))
    nav = [
        Link("行动计划", "plan.html"),
        Link("对标案例", "handbook.html"),
        Link("督查通报", "progress.html", "current"),
    ]
    css = (TEMPLATES / "progress.css").read_text(encoding="utf-8")
    page = (
        environment(medium)
        .get_template(str(KIND.template))
        .render(
            round=view,
            page_title=f"{view.title}落实情况督查通报",
            author="planc",
            version=__version__,
            home="../index.html",
            home_dir="../",
            nav=nav,
            rounds=rounds,
            current_round=view.name,
            page_name=KIND.file_name("html"),
            searchable="",
            extra_css=Markup(css),
        )
    )
    return typeset.finish(page, medium)
