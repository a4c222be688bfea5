"""The kinds of source file, described once: the loader validates every file against its kind
here, and `planc schema` prints them (docs/source-format.md)."""

from __future__ import annotations

from planc import figures
from planc.load.spec import (
    ROUND,
    SLUG,
    Declared,
    Field,
    Int,
    ListOf,
    MapOf,
    Obj,
    OneOf,
    Pattern,
    Percent,
    RefTo,
    Text,
    Type,
    Value,
)
from planc.model import MILESTONE_KINDS, STATUSES

ID = Pattern(SLUG, "a lower-case id ([a-z0-9][a-z0-9-]*)")
ROUND_NAME = Pattern(ROUND, "a round name like 2020-2021")
DATE = Pattern(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", "a date YYYY-MM-DD", is_date=True)
DUE = Pattern(r"[0-9]{4}-[0-9]{2}(-[0-9]{2})?", "a date YYYY-MM or YYYY-MM-DD", is_date=True)
# A step of a round, as precisely as the record dates it: a day, a month, a half-year (去年下半年:
# 2019-H2) or a year.
WHEN = Pattern(
    r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?|-H[12])?",
    "a date YYYY-MM-DD, YYYY-MM, YYYY-H1, YYYY-H2 or YYYY",
    is_date=True,
)
CROSS_ROUND = f"{ROUND}:{SLUG}"
PLACE_KINDS = ("city", "region", "country", "region-of-china", "world-region")
UNIT_KINDS = ("department", "body", "organisation")
EDITIONS = ("official", "draft", "public-record")
# The figures, by the names planc/figures.py gives them: what plan.yaml declares (every figure
# but those worked out from others), an indicator system's, another document's, the programme's.
DECLARABLE = figures.DECLARABLE
SYSTEM_FIGURES = figures.SYSTEM_FIGURES
# what the record says of another document's targets (`role: targets`): 8大部分33条, 6个专班
DOCUMENT_FIGURES = tuple(figures.DOCUMENT_FIGURES)
PROGRAMME_FIGURES = tuple(figures.PROGRAMME_FIGURES)
PROVENANCE_KINDS = ("quoted", "paraphrased", "inferred")
SYSTEM_ROLES = ("indicators", "targets")

PROVENANCE = Field(
    ListOf(
        Obj(
            "provenance note",
            {
                "kind": Field(
                    OneOf(PROVENANCE_KINDS),
                    "quoted, paraphrased or inferred from the record",
                    required=True,
                ),
                "of": Field(Text(), "the field it is about (absent: the whole item)"),
                "reason": Field(Text(), "why (required for inferred): the record's words"),
            },
        )
    ),
    "how this item and its values stand to the record (quoted / paraphrased / inferred)",
)


def _declared(names: tuple[str, ...], doc: str) -> Field:
    return Field(
        Obj("declared", {name: Field(Declared(), f"published figure: {name}") for name in names}),
        doc,
    )


DISPOSITIONS = ("adopted", "partly-adopted", "not-adopted", "noted")


def _source(doc: str = "the source (an id from plan.yaml sources) this comes from") -> Field:
    return Field(RefTo("source"), doc)


def _refs(target: str, doc: str) -> Field:
    return Field(ListOf(RefTo(target)), doc)


def _milestones(doc: str) -> Field:
    return Field(
        ListOf(
            Obj(
                "milestone",
                {
                    "kind": Field(
                        OneOf(MILESTONE_KINDS),
                        "the step: " + ", ".join(MILESTONE_KINDS),
                        required=True,
                    ),
                    "date": Field(
                        WHEN,
                        "when, as precisely as the record says (day, month, half-year, year)",
                        required=True,
                    ),
                    "until": Field(WHEN, "the last day of a step over several days"),
                    "text": Field(Text(), "what the record says of the step"),
                    "units": _refs("unit", "who took part, ids from registry/units.yaml"),
                    "source": _source(),
                    "provenance": PROVENANCE,
                },
            )
        ),
        doc,
    )


SOURCE = Obj(
    "source",
    {
        "id": Field(ID, "id other items name in `source:`", required=True),
        "title": Field(Text(), "title of the document or report", required=True),
        "publisher": Field(Text(), "who published it"),
        "author": Field(Text(), "who wrote it (the reporter)"),
        "date": Field(DATE, "publication date"),
        "url": Field(Text(), "where it can be read"),
        "seed": Field(Text(), "file name of the record in shared/seeds/"),
        "provenance": PROVENANCE,
    },
)

CHAPTER = Obj(
    "chapter",
    {
        "id": Field(ID, "chapter id, named by a tasks file's `chapter:`", required=True),
        "title": Field(Text(), "chapter title (部分)", required=True),
        "subtitle": Field(Text(), "chapter subtitle"),
        "declared_tasks": Field(Int(), "number of tasks published for this chapter"),
        "source": _source(),
        "provenance": PROVENANCE,
    },
)

PART = Obj(
    "handbook part",
    {
        "id": Field(ID, "part id, named by a cases file's `part:`", required=True),
        "title": Field(Text(), "part title", required=True),
        "declared_cases": Field(Int(), "number of cases published for this part"),
        "source": _source(),
        "provenance": PROVENANCE,
    },
)

NOTICE = Obj(
    "notice",
    {
        "issuer": Field(Text(), "the office that issues it (发文机关), in its 版头 and 落款"),
        "number": Field(Text(), "the document number (发文字号), e.g. 青国战办发〔2020〕3号"),
        "to": Field(Text(), "to whom it is addressed (主送机关)"),
        "text": Field(Text(), "the notice's text; paragraphs separated by an empty line"),
        "date": Field(DATE, "the date it is signed (成文日期); the plan's `issued` if absent"),
        "cc": Field(ListOf(Text()), "copied to (抄送)"),
        "printer": Field(Text(), "the office that prints it (印发机关)"),
        "printed": Field(DATE, "the date it is printed (印发日期)"),
        "source": _source(),
        "provenance": PROVENANCE,
    },
)

PREFACE = Obj(
    "preface",
    {
        "title": Field(Text(), "its heading: 前言 or 编制说明 (default 编制说明)"),
        "text": Field(Text(), "its text; paragraphs separated by an empty line", required=True),
        "source": _source(),
        "provenance": PROVENANCE,
    },
)

PLAN = Obj(
    "plan.yaml",
    {
        "planc": Field(OneOf(("1",)), "source format version: 1", required=True),
        "round": Field(ROUND_NAME, "the round; equals the folder name", required=True),
        "title": Field(Text(), "title of the action plan", required=True),
        "issuer": Field(Text(), "who issued the plan"),
        "issued": Field(DATE, "date the plan was issued"),
        "phase": Field(Text(), "phase of the strategy (阶段)"),
        "goal": Field(Text(), "the goal the plan serves"),
        "previous": Field(RefTo("round", ROUND), "the round before this one"),
        "edition": Field(OneOf(EDITIONS), "official, draft, or public-record", required=True),
        "drafted": Field(DATE, "date of the draft (征求意见稿): on its cover and page heads"),
        "notice": Field(
            NOTICE, "the issuing notice (印发通知) and the 版记 of an official edition"
        ),
        "preface": Field(PREFACE, "the booklet's 前言 or 编制说明, in its front matter"),
        "sources": Field(ListOf(SOURCE), "where the content comes from"),
        "declared": _declared(
            DECLARABLE, "the figures the office published; planc reconciles them"
        ),
        "benchmark_regions": _refs(
            "place",
            "the countries and regions the record says the cases come from, where it names "
            "groups (欧美、日韩、东南亚)",
        ),
        "milestones": _milestones("the round's steps in order: preparation to issue"),
        "chapters": Field(ListOf(CHAPTER), "chapters (部分) in order", required=True),
        "handbook": Field(
            Obj(
                "handbook",
                {
                    "title": Field(Text(), "title of the case handbook", required=True),
                    "parts": Field(ListOf(PART), "parts of the handbook in order", required=True),
                },
            ),
            "the benchmark case handbook (对标案例指导手册)",
        ),
        "provenance": PROVENANCE,
    },
    doc="planc plan.yaml: one round's metadata, declared figures, chapters and handbook parts",
)

TASK = Obj(
    "task",
    {
        "id": Field(ID, "task id, unique in the round", required=True),
        "number": Field(Int(minimum=1), "the number as published"),
        "title": Field(Text(), "the task as published", required=True),
        "text": Field(Text(), "longer wording"),
        "lead": _refs("unit", "lead units (牵头单位), ids from registry/units.yaml"),
        "partners": _refs("unit", "partner units (参与单位), ids from registry/units.yaml"),
        "indicators": _refs("indicator", "indicators of this round the task serves"),
        "cases": _refs("case", "benchmark cases of this round the task learns from"),
        "benchmarks": _refs("place", "places benchmarked without a handbook case"),
        "campaigns": Field(
            ListOf(Text()), "the city's campaigns (攻势) the record ties the task to"
        ),
        "continues": Field(
            RefTo("task", CROSS_ROUND), "the earlier round's task this one carries on (ROUND:ID)"
        ),
        "due": Field(DUE, "due date"),
        "source": _source(),
        "provenance": PROVENANCE,
    },
)

SECTION = Obj(
    "section",
    {
        "title": Field(Text(), "section title (方面)", required=True),
        "topics": Field(ListOf(Text()), "what the record says the section covers (涉及…等内容)"),
        "tasks": Field(ListOf(TASK), "tasks of the section", required=True),
        "source": _source(),
        "provenance": PROVENANCE,
    },
)

TASKS_FILE = Obj(
    "tasks file",
    {
        "chapter": Field(RefTo("chapter"), "a chapter id from plan.yaml", required=True),
        "sections": Field(ListOf(SECTION), "sections (方面) of the chapter"),
        "tasks": Field(ListOf(TASK), "tasks of a chapter without sections"),
        "provenance": Field(
            PROVENANCE.type,
            "provenance notes that hold for every task of the file (a task's own note on the "
            "same field replaces them)",
        ),
    },
    exactly_one=("sections", "tasks"),
    doc="planc tasks file: the tasks of one chapter",
)

INDICATOR = Obj(
    "indicator",
    {
        "id": Field(ID, "indicator id, unique in the round", required=True),
        "title": Field(Text(), "indicator as published", required=True),
        "unit": Field(Text(), "unit of measure"),
        "baseline": Field(
            Obj(
                "baseline",
                {
                    "year": Field(Int(), "year of the baseline", required=True),
                    "value": Field(Value(), "baseline value", required=True),
                },
            ),
            "baseline value",
        ),
        "targets": Field(
            MapOf(Pattern(r"[^\s]+", "a year or stage"), Value()),
            "targets: year or stage -> value",
        ),
        "source": _source(),
        "provenance": PROVENANCE,
    },
)

INDICATORS_FILE = Obj(
    "indicator system",
    {
        "id": Field(ID, "id of the indicator system", required=True),
        "title": Field(Text(), "title of the system", required=True),
        "stages": Field(ListOf(Text()), "named target stages, e.g. 低阶, 中阶, 高阶"),
        "benchmark_places": _refs("place", "places the system benchmarks against"),
        "units": _refs("unit", "who drew the system up, ids from registry/units.yaml"),
        "source": _source(),
        "provenance": PROVENANCE,
        "declared": _declared(
            SYSTEM_FIGURES + DOCUMENT_FIGURES,
            "figures published for this system; planc reconciles them (a targets system's "
            "document figures are shown as published)",
        ),
        "role": Field(
            OneOf(SYSTEM_ROLES),
            "indicators (the plan's own system, the default) or targets (another document's "
            "targets, shown beside the plan and never counted as its indicators)",
        ),
        "document": Field(Text(), "for role targets: the document the targets belong to"),
        "indicators": Field(
            ListOf(INDICATOR),
            "indicators whose dimension the sources do not give",
        ),
        "dimensions": Field(
            ListOf(
                Obj(
                    "dimension",
                    {
                        "id": Field(ID, "dimension id", required=True),
                        "title": Field(Text(), "dimension (维度 / 一级指标)", required=True),
                        "indicators": Field(
                            ListOf(INDICATOR), "indicators (二级指标)", required=True
                        ),
                        "source": _source(),
                        "provenance": PROVENANCE,
                    },
                )
            ),
            "dimensions (维度 / 一级指标) in order",
            required=True,
        ),
    },
    doc="planc indicator system: dimensions holding indicators, with targets",
)

REFERENCE = Obj(
    "reference",
    {
        "author": Field(Text(), "author"),
        "title": Field(Text(), "title", required=True),
        "publisher": Field(Text(), "publisher"),
        "year": Field(Int(), "year"),
        "url": Field(Text(), "address"),
    },
)

CASES_FILE = Obj(
    "cases file",
    {
        "part": Field(RefTo("part"), "a handbook part id from plan.yaml", required=True),
        "cases": Field(
            ListOf(
                Obj(
                    "case",
                    {
                        "id": Field(ID, "case id, unique in the round", required=True),
                        "title": Field(Text(), "case title", required=True),
                        "places": _refs("place", "places the case is about"),
                        "summary": Field(Text(), "summary"),
                        "practices": Field(ListOf(Text()), "the lessons (经验做法)"),
                        "references": Field(ListOf(REFERENCE), "references"),
                        "source": _source(),
                        "provenance": PROVENANCE,
                    },
                )
            ),
            "benchmark cases of the part",
            required=True,
        ),
        "provenance": Field(
            PROVENANCE.type,
            "provenance notes that hold for every case of the file (a case's own note on the "
            "same field replaces them)",
        ),
    },
    doc="planc cases file: the benchmark cases of one handbook part",
)

REGISTRY_SOURCE = Field(
    RefTo("source", CROSS_ROUND), "the source it comes from, as ROUND:SOURCE-ID"
)

PLACES_FILE = Obj(
    "places file",
    {
        "places": Field(
            MapOf(
                ID,
                Obj(
                    "place",
                    {
                        "name": Field(Text(), "Chinese name", required=True),
                        "en": Field(Text(), "English name"),
                        "kind": Field(
                            OneOf(PLACE_KINDS),
                            "what the place is (world-region: 欧洲, 东南亚; no country)",
                            required=True,
                        ),
                        "country": Field(
                            RefTo("place"),
                            "the country or region a city or region belongs to",
                        ),
                        "source": REGISTRY_SOURCE,
                        "provenance": PROVENANCE,
                    },
                ),
            ),
            "places by id",
            required=True,
        ),
        "provenance": Field(
            PROVENANCE.type,
            "provenance notes that hold for every place (a place's own note on the same field "
            "replaces them)",
        ),
    },
    doc="planc registry: cities, regions and countries shared by all rounds",
)

UNITS_FILE = Obj(
    "units file",
    {
        "units": Field(
            MapOf(
                ID,
                Obj(
                    "unit",
                    {
                        "name": Field(Text(), "Chinese name", required=True),
                        "kind": Field(
                            OneOf(UNIT_KINDS),
                            "department (the default), body (a committee, a leading group) or "
                            "organisation (outside the city government)",
                        ),
                        "en": Field(Text(), "English name"),
                        "source": REGISTRY_SOURCE,
                        "provenance": PROVENANCE,
                    },
                ),
            ),
            "units by id",
            required=True,
        ),
        "provenance": Field(
            PROVENANCE.type,
            "provenance notes that hold for every unit (a unit's own note on the same field "
            "replaces them)",
        ),
    },
    doc="planc registry: responsible units shared by all rounds",
)

COMMENT = Obj(
    "comment",
    {
        "id": Field(
            ID, "comment id, made by planc consult import from the form and the row", required=True
        ),
        "unit": Field(RefTo("unit"), "the unit that made it", required=True),
        "task": Field(RefTo("task"), "the task it is about (absent: a chapter or the whole plan)"),
        "chapter": Field(RefTo("chapter"), "the chapter it is about, when not one task"),
        "text": Field(Text(), "the comment (意见)"),
        "proposal": Field(Text(), "the wording the unit proposes (修改建议)"),
        "contact": Field(Text(), "contact person and telephone (联系人及电话)"),
        "received": Field(DATE, "the day the form came back"),
        "file": Field(Text(), "the form it came in"),
        "cell": Field(Text(), "where in the form, SHEET!CELL"),
        "disposition": Field(
            OneOf(DISPOSITIONS),
            "the office's disposition: adopted, partly-adopted, not-adopted or noted",
        ),
        "reason": Field(Text(), "why (required when not adopted)"),
        "changed": _refs("task", "tasks changed because of it"),
    },
)

CONSULTATION_FILE = Obj(
    "consultation file",
    {
        "consultation": Field(
            Int(minimum=1),
            "which consultation of the draft (第N次征求意见); equals N in round-N.yaml",
            required=True,
        ),
        "title": Field(Text(), "e.g. 第一次征求成员单位意见"),
        "draft": Field(Text(), "git revision of the draft the forms were made from"),
        "revised": Field(
            Text(), "git revision of the revised version (default: the files as they are)"
        ),
        "responses": Field(
            ListOf(
                Obj(
                    "response",
                    {
                        "unit": Field(RefTo("unit"), "the unit", required=True),
                        "form": Field(Text(), "the form id", required=True),
                        "file": Field(Text(), "the file as received", required=True),
                        "received": Field(DATE, "the day it came back"),
                    },
                )
            ),
            "the forms that came back, with or without comments",
        ),
        "comments": Field(ListOf(COMMENT), "the comments, one record each"),
    },
    doc="planc consultation record: the comments of one consultation round and their dispositions",
)

PROGRAMME = Obj(
    "programme.yaml",
    {
        "planc": Field(OneOf(("1",)), "source format version: 1", required=True),
        "title": Field(Text(), "title of the strategy document (纲要)", required=True),
        "short_title": Field(Text(), "how the rounds' sources call it, e.g. 实施纲要"),
        "issuer": Field(Text(), "who issued it"),
        "issued": Field(DATE, "date it was issued"),
        "sources": Field(ListOf(SOURCE), "where the content comes from"),
        "events": _milestones(
            "the programme's events in order: its issue, the committee's plenaries …"
        ),
        "phases": Field(
            ListOf(
                Obj(
                    "phase",
                    {
                        "id": Field(ID, "phase id", required=True),
                        "title": Field(Text(), "phase (阶段), e.g. 实施开展期", required=True),
                        "from": Field(Int(minimum=1900), "first year", required=True),
                        "to": Field(Int(minimum=1900), "last year", required=True),
                        "source": _source(),
                        "provenance": PROVENANCE,
                    },
                )
            ),
            "the phases in order; a round falls in those its years overlap",
        ),
        "areas": Field(
            ListOf(
                Obj(
                    "area",
                    {
                        "id": Field(ID, "area id", required=True),
                        "title": Field(
                            Text(), "area (领域) of the programme's tasks", required=True
                        ),
                        "tasks": Field(ListOf(Text()), "the area's tasks, where published"),
                        "source": _source(),
                        "provenance": PROVENANCE,
                    },
                )
            ),
            "the areas (领域) of the programme's tasks",
        ),
        "targets": Field(
            ListOf(
                Obj(
                    "target",
                    {
                        "year": Field(Int(minimum=1900), "the year", required=True),
                        "text": Field(Text(), "the goal for that year", required=True),
                        "source": _source(),
                        "provenance": PROVENANCE,
                    },
                )
            ),
            "the programme's goals by year",
        ),
        "declared": _declared(
            PROGRAMME_FIGURES,
            "figures published for the programme itself (4大领域, 26项任务; the office's work "
            "meetings and the expert committee's candidates, shown as published)",
        ),
        "figures": Field(
            ListOf(
                Obj(
                    "figure over rounds",
                    {
                        "id": Field(ID, "figure id", required=True),
                        "title": Field(Text(), "the figure as published", required=True),
                        "figure": Field(
                            OneOf(DECLARABLE), "the round figure it adds up", required=True
                        ),
                        "value": Field(Declared(), "the published total", required=True),
                        "rounds": Field(
                            ListOf(RefTo("round", ROUND)), "the rounds it covers", required=True
                        ),
                        "source": _source(),
                        "provenance": PROVENANCE,
                    },
                )
            ),
            "figures published over several rounds; planc adds up the rounds' declared figures",
        ),
        "provenance": PROVENANCE,
    },
    doc="planc programme.yaml: the strategy the rounds serve (phases, areas, targets, figures)",
)

REPORT = Obj(
    "progress report",
    {
        "task": Field(RefTo("task"), "the task reported on (an id of this round)", required=True),
        "unit": Field(RefTo("unit"), "the reporting unit, from registry/units.yaml", required=True),
        "status": Field(OneOf(tuple(STATUSES)), ", ".join(STATUSES), required=True),
        "percent": Field(Percent(), "how far the task has got, 0-100"),
        "note": Field(Text(), "a short account of the progress (进展情况)"),
        "evidence": Field(ListOf(Text()), "documents that show it: titles or links (佐证材料)"),
        "date": Field(DATE, "the date the unit reported"),
    },
)

FORM = Obj(
    "imported form",
    {
        "unit": Field(RefTo("unit"), "the unit the form was sent to", required=True),
        "form": Field(Pattern(r"[0-9a-f]{12}", "a form id (12 hex digits)"), "form id", True),
        "file": Field(Text(), "the file name it came back as", required=True),
    },
)

PROGRESS_FILE = Obj(
    "progress file",
    {
        "reports": Field(ListOf(REPORT), "one report per task", required=True),
        "forms": Field(ListOf(FORM), "the returned forms planc imported into this file"),
    },
    doc="planc progress file (plans/ROUND/progress/PERIOD.yaml, PERIOD like 2021-Q2, 2021-H1 "
    "or 2021-06): the status of each task in that period",
)

# File kind name -> its description; the names are also `planc schema KIND`.
KINDS: dict[str, Type] = {
    "plan": PLAN,
    "tasks": TASKS_FILE,
    "indicators": INDICATORS_FILE,
    "cases": CASES_FILE,
    "places": PLACES_FILE,
    "units": UNITS_FILE,
    "programme": PROGRAMME,
    "consultation": CONSULTATION_FILE,
    "progress": PROGRESS_FILE,
}
