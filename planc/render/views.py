"""View objects: what the templates see of a round. Everything a page shows is decided here,
in plain Python, so templates only lay it out (and StrictUndefined catches any slip)."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field

from planc import records
from planc.figures import ALL_FIGURES
from planc.index import STATES, Index, ProgressIndex, RoundIndex, country_of
from planc.model import Case, Place, Provenance, Round, Task
from planc.numbering import task_numbers
from planc.render.typeset import cn_date, cn_range, cn_when, pinyin_key, url_breaks

EDITION_LABELS = {
    "official": "",  # an official edition carries no label (GB/T 9704)
    "draft": "征求意见稿",
    "public-record": "公开资料整理版",
}
FIELD_NAMES = {
    "title": "名称",
    "cases": "对标案例",
    "continues": "延续关系",
    "part": "所在部分",
    "issuer": "印发单位",
    "issued": "印发日期",
    "goal": "目标",
    "date": "日期",
    "text": "表述",
    "units": "单位",
}
# The steps of a round's timeline as the 关于本版本 section names them.
MILESTONE_LABELS = {
    "preparation": "筹备",
    "solicitation": "征集任务",
    "consultation": "征求意见",
    "expert-review": "专家评估",
    "review": "送审",
    "issued": "印发实施",
    "press-conference": "新闻发布会",
    "plenary": "全体会议",
    "symposium": "研讨会",
}
_DIGITS = "零一二三四五六七八九"
# The handbook's chart of countries: the first ones by cases, the rest as one bar (其他), so
# the chart fits a page of the type area whatever the number of countries.
CHART_COUNTRIES = 15


def cn_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 21 -> 二十一 (headings count chapters, never past 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


@dataclass(frozen=True)
class Link:
    text: str
    href: str
    title: str = ""


def inferred(notes: list[Provenance]) -> str:
    """The reasons of the inferred notes, for a discreet mark's tooltip ("" when none)."""
    parts = []
    for note in notes:
        if note.kind == "inferred":
            about = f"{FIELD_NAMES.get(note.of, note.of)}：" if note.of else ""
            parts.append(about + (note.reason or ""))
    return "；".join(dict.fromkeys(parts))


@dataclass(frozen=True)
class Note:
    """One inference of a document, in its numbered 说明: what is inferred and why. The item
    carries a mark (※N) that points here; a heading or the cover carries none (the note
    names the item)."""

    number: int
    about: str
    reason: str


class _Notes:
    """A document's notes, numbered in the order the items appear."""

    def __init__(self) -> None:
        self.notes: list[Note] = []

    def add(self, about: str, reason: str) -> str:
        """The mark's number ("" when there is nothing inferred)."""
        if not reason:
            return ""
        self.notes.append(Note(len(self.notes) + 1, about, reason))
        return str(len(self.notes))


@dataclass(frozen=True)
class Reference:
    """A reference after GB/T 7714: the description, then the URL (breakable at / . - _)."""

    text: str
    url: str = ""
    url_print: str = ""


@dataclass(frozen=True)
class Figure:
    name: str
    label: str
    declared: int | None
    computed: int | None  # None: not countable from the sources
    status: str
    unit: str
    declared_text: str = ""  # "2500余" as published
    inferred: str = ""  # why the published figure is a reading of the record (a ※ mark)
    mark: str = ""  # the number of its note in the 说明


@dataclass(frozen=True)
class MilestoneView:
    """A step of the round's timeline: when (as precisely as the record says), what, and why
    it is inferred where it is."""

    when: str
    label: str
    text: str
    inferred: str = ""
    mark: str = ""  # the number of its note in the 说明


@dataclass(frozen=True)
class TaskView:
    id: str
    anchor: str
    number: str
    title: str
    text: str
    lead: list[str]
    partners: list[str]
    indicators: list[Link]
    cases: list[Link]
    benchmarks: list[str]
    continues: Link | None
    continued_by: list[Link]
    due: str
    source: str
    search: str  # what the search box matches against
    inferred: str = ""  # the reasons, where the task or one of its values is inferred
    progress: str = ""  # the latest state reported (督查), where the round has progress
    mark: str = ""  # the number of its note in the 说明, where inferred

    @property
    def units(self) -> str:
        """The units as the office ends a task: （牵头单位：市商务局；配合单位：市财政局）."""
        parts = []
        if self.lead:
            parts.append("牵头单位：" + "、".join(self.lead))
        if self.partners:
            parts.append("配合单位：" + "、".join(self.partners))
        return f"（{'；'.join(parts)}）" if parts else ""

    @property
    def stop(self) -> str:
        """The full stop a title run in before its text needs (none after its own)."""
        return "" if self.title.endswith(("。", "！", "？", "；", "）")) else "。"


@dataclass(frozen=True)
class SectionView:
    number: str
    title: str
    tasks: list[TaskView]


@dataclass(frozen=True)
class ChapterView:
    id: str
    anchor: str
    number: str
    title: str
    subtitle: str
    declared: int | None
    held: int
    sections: list[SectionView]
    tasks: list[TaskView]  # tasks outside any section
    inferred: str = ""


@dataclass(frozen=True)
class IndicatorView:
    id: str
    anchor: str
    title: str
    unit: str
    baseline: str
    targets: list[tuple[str, str]]
    tasks: list[Link]


@dataclass(frozen=True)
class DimensionView:
    number: str
    title: str
    indicators: list[IndicatorView]


@dataclass(frozen=True)
class SystemView:
    id: str
    anchor: str
    title: str
    stages: list[str]
    benchmark_places: list[str]
    dimensions: list[DimensionView]
    unplaced: list[IndicatorView]
    covered: int
    total: int
    targets_of: str = ""  # another document whose targets these are (not the plan's indicators)
    inferred: str = ""

    @property
    def served_by_title(self) -> bool:
        """Whether a served task is cited by its title (it has no number)."""
        indicators = [*(i for d in self.dimensions for i in d.indicators), *self.unplaced]
        return any(not link.text.isdigit() for i in indicators for link in i.tasks)


@dataclass(frozen=True)
class CaseView:
    id: str
    anchor: str
    number: str
    title: str
    places: list[str]
    summary: str
    practices: list[str]
    references: list[str]
    tasks: list[Link]
    source: str
    search: str
    inferred: str = ""
    mark: str = ""
    refs: list[Reference] = field(default_factory=list)


@dataclass(frozen=True)
class PartView:
    id: str
    anchor: str
    number: str
    title: str
    cases: list[CaseView]


@dataclass(frozen=True)
class PlaceGroup:
    """A country or region with the cities and cases under it, for the handbook's index."""

    name: str
    en: str
    cases: list[Link]
    cities: list[tuple[str, list[Link]]]


@dataclass(frozen=True)
class SourceView(Reference):
    id: str = ""


@dataclass(frozen=True)
class NoticeView:
    """The 印发通知 and the 版记, as far as the sources give them."""

    issuer: str
    number: str
    title: str
    to: str
    paragraphs: list[str]
    date: str
    cc: str
    printer: str
    printed: str

    @property
    def has_record(self) -> bool:
        return bool(self.cc or self.printer or self.printed)


@dataclass(frozen=True)
class RoundView:
    name: str
    title: str
    issuer: str
    issued: str
    phase: str
    goal: str
    edition: str
    edition_label: str
    public_record: bool
    previous: str
    handbook_title: str
    figures: list[Figure]
    incomplete: list[Figure]
    chapters: list[ChapterView]
    systems: list[SystemView]
    parts: list[PartView]
    places: list[PlaceGroup]
    sources: list[SourceView]
    inferred_count: int = 0  # statements marked as inferred (※)
    marks: dict[str, str] = field(default_factory=dict)  # plan.yaml field -> why it is inferred
    inferred_cases: int = 0
    programme: str = ""
    chart_chapters: list[tuple[str, int, int | None]] = field(default_factory=list)
    chart_countries: list[tuple[str, int, int | None]] = field(default_factory=list)
    chart_coverage: list[tuple[str, int, int | None]] = field(default_factory=list)
    dated: str = ""  # a draft's date (2020年5月10日), on its cover and in its running header
    timeline: list[MilestoneView] = field(default_factory=list)  # milestones: in plan.yaml
    has_progress: bool = False  # progress files: a 督查通报 (progress.html) beside the plan
    notes: list[Note] = field(default_factory=list)  # the plan's 说明: every inference
    case_notes: list[Note] = field(default_factory=list)  # the handbook's
    notice: NoticeView | None = None
    missing: list[str] = field(default_factory=list)  # what the record does not hold
    preface: tuple[str, list[str]] | None = None  # 前言 or 编制说明 and its paragraphs

    @property
    def span(self) -> str:
        """The round's years as printed: 2020—2021."""
        return cn_range(self.name)

    @property
    def numbering(self) -> str:
        """Why some tasks carry no number: task numbers are printed as published, and a
        public-record round holds the numbers of only some of its tasks."""
        tasks = [
            t for c in self.chapters for t in (*c.tasks, *(x for s in c.sections for x in s.tasks))
        ]
        numbered = sum(1 for t in tasks if t.number)
        if not tasks or numbered in (0, len(tasks)) or self.draft:
            return ""
        return (
            f"任务编号照录公布的编号。公开资料只给出其中{numbered}项任务的编号，"
            f"其余{len(tasks) - numbered}项任务的编号未见于公开资料，本版本不予补编。"
        )

    @property
    def has_handbook(self) -> bool:
        """A round whose sources hold no case gets no handbook (no empty shell)."""
        return any(part.cases for part in self.parts)

    @property
    def date(self) -> str:
        """The issue date as a 公文 writes it: 2020年6月22日."""
        return cn_date(self.issued) if self.issued else ""

    @property
    def draft(self) -> bool:
        """征求意见稿: marked on the cover and at the head of every page."""
        return self.edition == "draft"


def latest_progress(pi: ProgressIndex | None, task: Task) -> str:
    """A task's state as of the latest period, as the plan shows it: 滞后 55%（2021年第二季度）."""
    if pi is None or pi.latest is None:
        return ""
    state = pi.state(task, pi.latest)
    percent = ""
    if state.last is not None and state.last[1].percent is not None:
        percent = f" {state.last[1].percent}%"
    return f"{STATES[state.state]}{percent}（截至{pi.latest.label}）"


def _place_name(place: Place | None, pid: str) -> str:
    return place.name if place else pid


def _value(value: object) -> str:
    return "" if value is None else str(value)


class _Builder:
    def __init__(self, index: Index, ri: RoundIndex) -> None:
        self.index = index
        self.ri = ri
        self.round: Round = ri.round
        self.places = index.project.registry.places
        self.units = index.project.registry.units
        # A draft numbers every task in chapter order (people cite them in their comments);
        # another edition prints the numbers as published.
        self.numbers: dict[str, int] = (
            task_numbers(self.round, every=True)
            if self.round.edition == "draft"
            else {t.id: t.number for t in ri.tasks.values() if t.number is not None}
        )
        self.notes = _Notes()  # the plan's 说明
        self.case_notes = _Notes()  # the handbook's

    def unit(self, uid: str) -> str:
        unit = self.units.get(uid)
        return unit.name if unit else uid

    def task_link(self, task: Task, page: str = "plan.html") -> Link:
        number = self.numbers.get(task.id) if task.id in self.ri.tasks else task.number
        label = f"{number}. {task.title}" if number else task.title
        return Link(label, f"{page}#task-{task.id}")

    def task_ref_link(self, ref: str) -> Link | None:
        """A link to the task a `ROUND:ID` reference names, in its round's plan."""
        found = self.index.task(ref)
        if found is None:
            return None
        return Link(
            f"{cn_range(found.round)}年：{found.title}",
            f"../{found.round}/plan.html#task-{found.id}",
        )

    def unit_en(self, uid: str) -> str:
        unit = self.units.get(uid)
        return unit.en or "" if unit else ""

    def _english(self, pid: str) -> str:
        place = self.places.get(pid)
        return place.en or "" if place else ""

    def task(self, task: Task, context: tuple[str, ...] = ()) -> TaskView:
        """A task as the pages show it: its record (what plan.json prints and planc diff
        compares), with the ids resolved to names and links. `context`: the titles of the
        chapter and section it is in, which the search box finds it by."""
        ri = self.ri
        rec = records.task(ri, task)
        indicators = [
            Link(ri.indicators[i].title, f"#ind-{i}")
            for i in rec["indicators"]
            if i in ri.indicators
        ]
        cases = [
            Link(ri.cases[c].title, f"handbook.html#case-{c}")
            for c in rec["cases"]
            if c in ri.cases
        ]
        continues = self.task_ref_link(rec["continues"]) if rec["continues"] else None
        later = [link for ref in rec["continued_by"] if (link := self.task_ref_link(ref))]
        benchmarks = [_place_name(self.places.get(p), p) for p in rec["benchmarks"]]
        text = rec["text"] or ""
        number = self.numbers.get(task.id)
        reasons = inferred(task.provenance)
        mark = self.notes.add(f"第{number}项任务" if number else f"任务“{task.title}”", reasons)
        progress = latest_progress(self.ri.progress, task)
        case_places = [r.id for c in rec["cases"] if c in ri.cases for r in ri.cases[c].places]
        return TaskView(
            id=rec["id"],
            anchor=f"task-{rec['id']}",
            # the round's numbering: as published, or every task numbered in a draft
            number=str(self.numbers[task.id]) if task.id in self.numbers else "",
            title=rec["title"],
            text=text,
            lead=[self.unit(u) for u in rec["lead"]],
            partners=[self.unit(u) for u in rec["partners"]],
            indicators=indicators,
            cases=cases,
            benchmarks=benchmarks,
            continues=continues,
            continued_by=later,
            due=cn_date(rec["due"]) if rec["due"] else "",
            source=rec["source"] or "",
            # What a reader may type: the number, the words, the chapter and section it is
            # in (with their numbers), its units and places in Chinese and English, its cases
            # and its latest state.
            search=" ".join(
                [
                    f"{number}." if number else "",
                    rec["title"],
                    text,
                    *context,
                    *(self.unit(u) for u in [*rec["lead"], *rec["partners"]]),
                    *(self.unit_en(u) for u in [*rec["lead"], *rec["partners"]]),
                    *benchmarks,
                    *(self._english(p) for p in [*rec["benchmarks"], *case_places]),
                    *(c.text for c in cases),
                    progress,
                ]
            ).strip(),
            inferred=reasons,
            progress=progress,
            mark=mark,
        )

    def chapters(self) -> list[ChapterView]:
        views = []
        for n, chapter in enumerate(self.round.chapters, 1):
            head = f"{cn_number(n)}、{chapter.title}"
            reasons = inferred(chapter.provenance)
            self.notes.add(f"“{head}”", reasons)  # the heading itself carries no mark
            in_sections = {id(t) for s in chapter.sections for t in s.tasks}
            sections = [
                SectionView(
                    f"（{cn_number(i)}）",
                    s.title,
                    [
                        self.task(t, (head, chapter.title, f"（{cn_number(i)}）{s.title}"))
                        for t in s.tasks
                    ],
                )
                for i, s in enumerate(chapter.sections, 1)
            ]
            views.append(
                ChapterView(
                    id=chapter.id,
                    anchor=f"chapter-{chapter.id}",
                    number=f"{cn_number(n)}、",
                    title=chapter.title,
                    subtitle=chapter.subtitle or "",
                    declared=chapter.declared_tasks.value if chapter.declared_tasks else None,
                    held=len(chapter.tasks),
                    sections=sections,
                    tasks=[
                        self.task(t, (head, chapter.title))
                        for t in chapter.tasks
                        if id(t) not in in_sections
                    ],
                    inferred=reasons,
                )
            )
        return views

    def indicator(self, ind_id: str) -> IndicatorView:
        rec = records.indicator(self.ri, self.ri.indicators[ind_id])
        base = rec["baseline"]
        baseline = f"{_value(base['value'])}（{base['year']}年）" if base else ""
        return IndicatorView(
            id=rec["id"],
            anchor=f"ind-{rec['id']}",
            title=rec["title"],
            unit=rec["unit"] or "",
            baseline=baseline,
            targets=[(k, _value(v)) for k, v in rec["targets"].items()],
            # by number (a column of titles would hold a page a row); by title where the
            # task has none
            tasks=[self.served(self.ri.tasks[t]) for t in rec["tasks"]],
        )

    def served(self, task: Task) -> Link:
        number = self.numbers.get(task.id)
        return Link(str(number) if number else task.title, f"#task-{task.id}")

    def systems(self) -> list[SystemView]:
        views = []
        for system in self.round.systems:
            self.notes.add(f"指标体系“{system.title}”", inferred(system.provenance))
            known = [i for i in system.indicators() if self.ri.indicators.get(i.id) is i]
            views.append(
                SystemView(
                    id=system.id,
                    anchor=f"system-{system.id}",
                    title=system.title,
                    stages=list(system.stages),
                    benchmark_places=[
                        _place_name(self.places.get(r.id), r.id) for r in system.benchmark_places
                    ],
                    dimensions=[
                        DimensionView(
                            f"{n}.",
                            d.title,
                            [
                                self.indicator(i.id)
                                for i in d.indicators
                                if self.ri.indicators.get(i.id) is i
                            ],
                        )
                        for n, d in enumerate(system.dimensions, 1)
                    ],
                    unplaced=[
                        self.indicator(i.id)
                        for i in system.unplaced
                        if self.ri.indicators.get(i.id) is i
                    ],
                    covered=sum(1 for i in known if i.id in self.ri.tasks_of_indicator),
                    total=len(known),
                    targets_of=(system.document or "其他文件") if system.is_targets else "",
                    inferred=inferred(system.provenance),
                )
            )
        return views

    def located(self, case: Case) -> list[tuple[str, Place | None, Place | None]]:
        """Each place a case names: its id, the place (None if unknown) and the country or
        region it counts under (None if it has none)."""
        found = []
        for ref in case.places:
            place = self.places.get(ref.id)
            country = country_of(place, self.places) if place else None
            found.append((ref.id, place, self.places[country] if country else None))
        return found

    def case_places(self, case: Case) -> list[str]:
        names = []
        for pid, place, country in self.located(case):
            if place is None:
                names.append(pid)
            elif country is not None and country is not place and country.name != place.name:
                names.append(f"{place.name}（{country.name}）")  # a place named once: 新加坡
            else:
                names.append(place.name)
        return names

    def case(self, case: Case, number: int, part: str = "") -> CaseView:
        """A case as the handbook shows it: its record, with the ids resolved."""
        rec = records.case(self.ri, case)
        refs = [gbt7714(r) for r in rec["references"]]
        places = self.case_places(case)
        reasons = inferred(case.provenance)
        mark = self.case_notes.add(f"第{number}宗案例", reasons)
        summary = rec["summary"] or ""
        return CaseView(
            id=rec["id"],
            anchor=f"case-{rec['id']}",
            number=str(number),
            title=rec["title"],
            places=places,
            summary=summary,
            practices=list(rec["practices"]),
            references=[r.text + (f" {r.url}" if r.url else "") for r in refs],
            refs=refs,
            tasks=[self.task_link(self.ri.tasks[t]) for t in rec["tasks"]],
            source=rec["source"] or "",
            search=" ".join(
                [
                    f"{number}.",
                    rec["title"],
                    part,
                    *places,
                    *(t.title for t in (self.ri.tasks[x] for x in rec["tasks"])),
                    *(self._english(r.id) for r in case.places),
                    summary,
                    *rec["practices"],
                ]
            ),
            inferred=reasons,
            mark=mark,
        )

    def parts(self) -> list[PartView]:
        views = []
        counter = 0
        for n, part in enumerate(self.round.parts, 1):
            cases = []
            for case in part.cases:
                counter += 1
                cases.append(self.case(case, counter, f"{cn_number(n)}、{part.title} {part.title}"))
            views.append(
                PartView(part.id, f"part-{part.id}", f"{cn_number(n)}、", part.title, cases)
            )
        return views

    def place_groups(self) -> list[PlaceGroup]:
        groups: dict[str, tuple[list[Link], dict[str, list[Link]]]] = {}
        for case in self.round.cases():
            link = Link(case.title, f"#case-{case.id}")
            for _, place, country in self.located(case):
                if place is None:
                    continue
                top = (country or place).id
                direct, cities = groups.setdefault(top, ([], {}))
                if top == place.id:
                    if link not in direct:
                        direct.append(link)
                else:
                    links = cities.setdefault(place.id, [])
                    if link not in links:
                        links.append(link)
        result = []
        # in pinyin order, as a Chinese index is (GB 2312's order: typeset.pinyin_key)
        for cid in sorted(groups, key=lambda c: (pinyin_key(self.places[c].name), c)):
            direct, cities = groups[cid]
            head = self.places[cid]
            result.append(
                PlaceGroup(
                    name=head.name,
                    en=head.en or "",
                    cases=direct,
                    cities=[
                        (self.places[p].name, cities[p])
                        for p in sorted(cities, key=lambda p: (pinyin_key(self.places[p].name), p))
                    ],
                )
            )
        return result

    def figures(self) -> list[Figure]:
        notes = self.round.provenance
        return [
            Figure(
                name=row.name,
                label=ALL_FIGURES[row.name].label,
                declared=row.declared.value if row.declared else None,
                computed=row.computed,
                status=self.ri.status(row),
                unit=ALL_FIGURES[row.name].unit,
                declared_text=str(row.declared) if row.declared else "—",
                inferred=inferred([n for n in notes if n.of == f"declared.{row.name}"]),
            )
            for row in self.ri.figures
        ]

    def marks(self) -> dict[str, str]:
        """The round's own inferred values (issuer, issued, goal …), each with its reasons; an
        issue date taken from the `issued` milestone carries that step's reasons."""
        notes = [n for n in self.round.provenance if not (n.of or "").startswith("declared.")]
        if self.round.issued is None and self.round.issued_on is not None:
            step = next(m for m in self.round.milestones if m.day == self.round.issued_on)
            notes += [
                dataclasses.replace(n, of="issued") for n in step.provenance if n.of == "date"
            ]
        fields = [n.of for n in notes if n.kind == "inferred" and n.of]
        return {
            name: inferred([n for n in notes if n.of == name]) for name in dict.fromkeys(fields)
        }

    def timeline(self) -> list[MilestoneView]:
        return [
            MilestoneView(
                cn_when(m.date, m.until),
                MILESTONE_LABELS.get(m.kind, m.kind),
                m.text or "",
                inferred(m.provenance),
            )
            for m in self.round.milestones
        ]

    def inferred_count(self, views: list[str]) -> int:
        """Statements of the round marked as inferred: its own values and every marked item."""
        return len(self.marks()) + sum(1 for v in views if v)

    def sources(self) -> list[SourceView]:
        views = []
        for s in self.round.sources:
            date = cn_date(s.date) if s.date else ""
            text = "，".join(x for x in (s.publisher, s.title, date) if x)
            url = s.url or ""
            views.append(SourceView(text, url, url_breaks(url), id=s.id))
        return views

    def notice(self) -> NoticeView | None:
        """The 印发通知 where the sources give it: its parts absent from them stay out."""
        given = self.round.notice
        if given is None:
            return None
        issuer = given.issuer or self.round.issuer or ""
        date = given.date or self.round.issued or ""
        return NoticeView(
            issuer=issuer,
            number=given.number or "",
            title=f"关于印发《{self.round.title}》的通知",
            to=given.to or "",
            paragraphs=paragraphs(given.text or ""),
            date=cn_date(date) if date else "",
            cc="，".join(given.cc),
            printer=given.printer or "",
            printed=cn_date(given.printed) if given.printed else "",
        )

    def missing(self) -> list[str]:
        """What an official document carries that this round's record does not hold, said in
        关于本版本 of a public-record round (nothing is made up in its place)."""
        if not self.round.public_record:
            return []
        notice = self.round.notice
        absent = [
            ("印发通知", notice is None or not notice.text),
            ("发文字号", notice is None or not notice.number),
            (
                "抄送机关、印发机关和印发日期（版记）",
                notice is None or not (notice.cc or notice.printer),
            ),
        ]
        return [name for name, gone in absent if gone]

    def build(self) -> RoundView:
        rnd = self.round
        # Notes numbered in the order the document shows their items: the cover's values (in
        # the note only), the timeline of 关于本版本, the chapters and tasks, the indicator
        # systems, the published figures.
        marks = self.marks()
        for name, reasons in marks.items():  # the cover's values: noted, never marked there
            self.notes.add(FIELD_NAMES.get(name, name), reasons)
        timeline = [
            dataclasses.replace(m, mark=self.notes.add(f"{m.when}{m.label}", m.inferred))
            for m in self.timeline()
        ]
        chapters = self.chapters()
        systems = self.systems()
        parts = self.parts()
        figures = [
            dataclasses.replace(f, mark=self.notes.add(f"公布的{f.label}", f.inferred))
            for f in self.figures()
        ]
        items = [c.inferred for c in chapters] + [s.inferred for s in systems]
        items += [f.inferred for f in figures] + [m.inferred for m in timeline]
        items += [t.inferred for c in chapters for t in c.tasks]
        items += [t.inferred for c in chapters for s in c.sections for t in s.tasks]
        # (the handbook counts its cases itself: inferred_cases)
        pi = self.index.programme
        phase = rnd.phase or ""
        if pi is not None and pi.phases_of.get(rnd.name):
            phase = "、".join(f"{p.title}({p.span}年)" for p in pi.phases_of[rnd.name])
        countries: dict[str, int] = {}
        for case in rnd.cases():
            for country in {c.id: c for _, _, c in self.located(case) if c}.values():
                countries[country.name] = countries.get(country.name, 0) + 1
        return RoundView(
            name=rnd.name,
            title=rnd.title,
            issuer=rnd.issuer or "",
            issued=rnd.issued_on or "",
            phase=phase,
            goal=rnd.goal or "",
            edition=rnd.edition,
            edition_label=EDITION_LABELS.get(rnd.edition, rnd.edition),
            public_record=rnd.public_record,
            previous=rnd.previous.id if rnd.previous else "",
            handbook_title=rnd.handbook_title or "",
            figures=figures,
            incomplete=[f for f in figures if f.status == "incomplete"],
            chapters=chapters,
            systems=systems,
            parts=parts,
            places=self.place_groups(),
            sources=self.sources(),
            inferred_count=self.inferred_count(items),
            marks=marks,
            inferred_cases=sum(1 for p in parts for c in p.cases if c.inferred),
            programme=pi.programme.title if pi else "",
            chart_chapters=[(c.title, c.held, c.declared) for c in chapters],
            chart_countries=top_rows(
                sorted(countries.items(), key=lambda kv: (-kv[1], pinyin_key(kv[0]))),
                CHART_COUNTRIES,
            ),
            chart_coverage=[
                (f"{s.title}", s.covered, s.total) for s in systems if s.total and not s.targets_of
            ],
            has_progress=self.ri.progress is not None,
            notes=self.notes.notes,
            case_notes=self.case_notes.notes,
            notice=self.notice(),
            missing=self.missing(),
            preface=(rnd.preface[0], paragraphs(rnd.preface[1])) if rnd.preface else None,
            timeline=timeline,
        )


def paragraphs(text: str) -> list[str]:
    """A text's paragraphs: separated by an empty line in the sources."""
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def top_rows(counts: list[tuple[str, int]], first: int) -> list[tuple[str, int, int | None]]:
    """The first `first` rows, and the rest added up as one row 其他（N个）: a chart that fits."""
    if len(counts) <= first + 1:
        return [(name, n, None) for name, n in counts]
    rest = counts[first:]
    rows: list[tuple[str, int, int | None]] = [(name, n, None) for name, n in counts[:first]]
    return [*rows, (f"其他{len(rest)}个", sum(n for _, n in rest), None)]


def gbt7714(ref: dict[str, object]) -> Reference:
    """A reference as GB/T 7714-2015 describes one: 作者. 题名[类型]. 出版者, 年份. URL — [EB/OL]
    where it is read online, [Z] (unspecified) where the sources do not say what it is."""
    kind = "EB/OL" if ref.get("url") else "Z"
    parts = [str(ref["author"]) if ref.get("author") else ""]
    parts.append(f"{ref['title']}[{kind}]")
    where = "，".join(_value(ref.get(k)) for k in ("publisher", "year") if ref.get(k))
    parts.append(where)
    text = ". ".join(p for p in parts if p) + "."
    url = str(ref.get("url") or "")
    return Reference(text, url, url_breaks(url))


def round_view(index: Index, name: str, dated: str = "") -> RoundView:
    """`dated`: the day a draft is dated (the build does not read the clock: see publish)."""
    view = _Builder(index, index.rounds[name]).build()
    return dataclasses.replace(view, dated=dated) if dated else view
