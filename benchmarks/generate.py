"""Generate synthetic, valid planc source folders for benchmarking.

    python benchmarks/generate.py --tasks 10000 [--rounds 4] [--seed 1] OUT_DIR

writes ``OUT_DIR/registry/{places,units}.yaml`` and one folder per biennial round
(``2016-2017``, ``2018-2019``, ...) holding ``plan.yaml``, ``tasks/*.yaml``,
``cases/*.yaml`` and ``indicators/*.yaml`` in the layout of ``docs/source-format.md``.

The output is meant to check clean: every reference resolves, every case and indicator is
referred to by a task, and every declared figure in ``plan.yaml`` equals what the sources
hold. Output depends only on the arguments (a seeded ``random.Random``), and the YAML text is
written directly with the standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FIRST_YEAR = 2016

# --------------------------------------------------------------------------------------------
# YAML scalar writing
# --------------------------------------------------------------------------------------------

# Characters that may appear in a plain (unquoted) scalar, in block *and* flow context.
# Deliberately conservative: no ASCII quotes, colons, hashes, commas, brackets or braces.
_PLAIN_RE = re.compile(
    r"[A-Za-z\u4e00-\u9fff][\w\u3000-\u303f\u4e00-\u9fff\uff01-\uffef"
    r"《》（）、，。：；“”‘’·—().+/ -]*"
)
_SPECIAL_WORDS = frozenset(
    {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "none", "nan", "inf"}
)


def q(value: str) -> str:
    """Render a string as a YAML scalar, quoting it (JSON-style) when a plain one is unsafe."""
    if (
        _PLAIN_RE.fullmatch(value)
        and not value.endswith(" ")
        and value.lower() not in _SPECIAL_WORDS
        and " -" not in value
    ):
        return value
    return json.dumps(value, ensure_ascii=False)


class Raw(str):
    """A scalar written as-is (an ISO date, which YAML reads as a date)."""

    __slots__ = ()


def flow_list(items: Iterable[str]) -> str:
    return "[" + ", ".join(q(item) for item in items) + "]"


def flow_map(pairs: Sequence[tuple[str, str | int | float]]) -> str:
    parts = []
    for key, value in pairs:
        if isinstance(value, Raw):
            rendered = str(value)
        elif isinstance(value, str):
            rendered = q(value)
        else:
            rendered = repr(value)
        parts.append(f"{q(key)}: {rendered}")
    return "{" + ", ".join(parts) + "}"


# --------------------------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------------------------

# The word lists: benchmarks/words.json (shapes noted there under "_shapes").
WORDS: dict[str, Any] = json.loads((Path(__file__).with_name("words.json")).read_text("utf-8"))


def _rows(name: str) -> list[Any]:
    """A list of records as tuples (JSON has only lists); nested lists of records too."""
    return [
        tuple([tuple(x) for x in v] if isinstance(v, list) else v for v in item)
        if isinstance(item, list)
        else item
        for item in WORDS[name]
    ]


COUNTRIES: list[tuple[str, str, str, list[tuple[str, str, str]]]] = _rows("countries")
REGIONS_OF_CHINA: list[tuple[str, str, str, list[tuple[str, str, str]]]] = _rows("regions_of_china")
REGIONS: list[tuple[str, str, str, str]] = _rows("regions")
UNIT_DOMAINS: list[tuple[str, str, str]] = _rows("unit_domains")
UNIT_TYPES: list[tuple[str, str, str]] = _rows("unit_types")
CHAPTERS: list[tuple[str, str, str]] = _rows("chapters")
SECTION_TITLES: list[str] = WORDS["section_titles"]
VERBS: list[str] = WORDS["verbs"]
QUALIFIERS: list[str] = WORDS["qualifiers"]
OBJECTS: list[str] = WORDS["objects"]
SUFFIXES: list[str] = WORDS["suffixes"]
PURPOSES: list[str] = WORDS["purposes"]
ACTIONS: list[str] = WORDS["actions"]
CASE_TOPICS: list[Any] = _rows("case_topics")
CASE_KINDS: list[str] = WORDS["case_kinds"]
SUMMARY_CLAUSES: list[str] = WORDS["summary_clauses"]
PRACTICE_CLAUSES: list[str] = WORDS["practice_clauses"]
SURNAMES: str = WORDS["surnames"]
GIVEN: str = WORDS["given"]
PUBLISHERS: list[str] = WORDS["publishers"]
INDICATORS: list[tuple[str, str, str, int]] = _rows("indicators")
DIMENSIONS: list[tuple[str, str]] = _rows("dimensions")
SLUG_WORDS: list[str] = WORDS["slug_words"]
STAGES: list[str] = WORDS["stages"]


# --------------------------------------------------------------------------------------------
# Model
# --------------------------------------------------------------------------------------------


@dataclass
class Task:
    id: str
    number: int
    title: str
    text: str | None
    lead: str
    partners: list[str]
    indicators: list[str] = field(default_factory=list)
    cases: list[str] = field(default_factory=list)
    benchmarks: list[str] = field(default_factory=list)
    continues: str | None = None
    due: str | None = None
    source: str = ""


@dataclass
class Case:
    id: str
    title: str
    places: list[str]
    summary: str
    practices: list[str]
    references: list[list[tuple[str, str | int | float]]]
    source: str | None


@dataclass
class Registry:
    places_yaml: str
    units_yaml: str
    units: list[str]
    places: list[str]
    cities: list[str]
    country_of: dict[str, str]


def _chinese(rng: random.Random, pieces: Sequence[str], low: int, high: int) -> str:
    """Join random pieces with '，' until the length lies in [low, high] (truncating if needed)."""
    target = rng.randint(low, high)
    text = rng.choice(pieces)
    while len(text) < target:
        text += "，" + rng.choice(pieces)
    if len(text) > high:
        text = text[:high].rstrip("，")
    return text


def _task_clause(rng: random.Random) -> str:
    return rng.choice(QUALIFIERS) + rng.choice(VERBS) + rng.choice(OBJECTS) + rng.choice(SUFFIXES)


def _task_title(rng: random.Random) -> str:
    """A title of 15-40 characters made of whole clauses (clauses are 6-18 characters)."""
    target = rng.randint(15, 40)
    text = _task_clause(rng)
    while len(text) < target:
        clause = _task_clause(rng)
        if len(text) + 1 + len(clause) > 40:
            break  # only possible once text is longer than 22 characters
        text += "，" + clause
    return text


def _split(rng: random.Random, total: int, parts: int) -> list[int]:
    """Split `total` into `parts` positive integers of roughly similar size."""
    weights = [rng.uniform(0.6, 1.4) for _ in range(parts)]
    spare = total - parts
    scale = sum(weights)
    sizes = [1 + int(spare * w / scale) for w in weights]
    for i in range(total - sum(sizes)):
        sizes[i % parts] += 1
    return sizes


def _even(total: int, parts: int) -> list[int]:
    return [total // parts + (1 if i < total % parts else 0) for i in range(parts)]


# --------------------------------------------------------------------------------------------
# Registry
# --------------------------------------------------------------------------------------------


def build_registry() -> Registry:
    lines = ["# Synthetic registry written by benchmarks/generate.py", "places:"]
    places: list[str] = []
    cities: list[str] = []
    country_of: dict[str, str] = {}

    def place(pid: str, name: str, en: str, kind: str, country: str | None = None) -> None:
        pairs: list[tuple[str, str | int | float]] = [("name", name), ("en", en), ("kind", kind)]
        if country is not None:
            pairs.append(("country", country))
        if kind == "city":
            assert country is not None
            country_of[pid] = country
            cities.append(pid)
        lines.append(f"  {pid}: {flow_map(pairs)}")
        places.append(pid)

    for kind, table in (("country", COUNTRIES), ("region-of-china", REGIONS_OF_CHINA)):
        for code, name, en, _ in table:
            place(code, name, en, kind)
    for rid, name, en, country in REGIONS:
        place(rid, name, en, "region", country)
    for table in (COUNTRIES, REGIONS_OF_CHINA):
        for code, _, _, city_list in table:
            for cid, name, en in city_list:
                place(cid, name, en, "city", code)
    places_yaml = "\n".join(lines) + "\n"

    ulines = ["# Synthetic registry written by benchmarks/generate.py", "units:"]
    units: list[str] = []
    for did, dname, den in UNIT_DOMAINS:
        for tid, tname, ten in UNIT_TYPES:
            uid = f"{did}-{tid}"
            pairs: list[tuple[str, str | int | float]] = [
                ("name", f"市{dname}{tname}"),
                ("en", f"Qingdao Municipal {den} {ten}"),
            ]
            ulines.append(f"  {uid}: {flow_map(pairs)}")
            units.append(uid)
    units_yaml = "\n".join(ulines) + "\n"
    return Registry(places_yaml, units_yaml, units, places, cities, country_of)


# --------------------------------------------------------------------------------------------
# Rounds
# --------------------------------------------------------------------------------------------


@dataclass
class RoundOutput:
    name: str
    files: dict[str, str]
    task_ids: list[str]
    n_tasks: int
    n_cases: int
    n_indicators: int
    tasks: list[Task] = field(default_factory=list)
    chapters: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------------------------
# Supervision and consultation: the round's progress files and one consultation's comments
# --------------------------------------------------------------------------------------------

NOTES = ("已完成前期调研", "方案已报市政府审定", "正在组织实施", "已召开推进会议", "资金已落实")
REASONS = ("与上位规划表述不一致", "已在其他任务中体现", "超出本部门职责范围", "条件尚不具备")
OPINIONS = ("建议进一步明确完成时限", "建议细化牵头单位和配合单位的分工", "建议增加量化指标")
PROPOSALS = ("修改为“力争年底前完成”", "增加“会同有关区市”", "删去“全面”二字")


def progress_files(rnd: RoundOutput, periods: int, seed: int) -> dict[str, str]:
    """`periods` quarters from the round's first, a report per task and period: each task moves
    on by chance, some fall behind, a few are dropped; all values valid."""
    rng = random.Random(seed)
    first = int(rnd.name[:4])
    names = [f"{first + q // 4}-Q{q % 4 + 1}" for q in range(periods)]
    percent = {t.id: 0 for t in rnd.tasks}
    dropped: set[str] = set()
    files = {}
    for period in names:
        lines = ["reports:"]
        for t in rnd.tasks:
            if t.id in dropped:
                status = "dropped"
            elif percent[t.id] >= 100:
                status = "done"
            else:
                percent[t.id] = min(100, percent[t.id] + rng.choice((0, 5, 10, 20, 30)))
                roll = rng.random()
                status = (
                    "done"
                    if percent[t.id] == 100
                    else "dropped"
                    if roll < 0.005
                    else "delayed"
                    if roll < 0.15
                    else "not-started"
                    if percent[t.id] == 0
                    else "on-track"
                )
                if status == "dropped":
                    dropped.add(t.id)
            note = rng.choice(NOTES)
            lines.append(
                f"  - {{task: {t.id}, unit: {t.lead}, status: {status}, "
                f"percent: {percent[t.id]}, note: {note}}}"
            )
        files[f"progress/{period}.yaml"] = "\n".join(lines) + "\n"
    return files


def consultation_file(rnd: RoundOutput, units: int, comments: int, seed: int) -> str:
    """One consultation: a form back from each of the first `units` units that hold tasks, and
    `comments` comments among them (on their tasks, on a chapter, on the plan as a whole),
    each with a disposition and, where not adopted, a reason."""
    rng = random.Random(seed)
    holders = list(dict.fromkeys(u for t in rnd.tasks for u in (t.lead, *t.partners)))[:units]
    year = int(rnd.name[:4]) - 1
    lines = ["consultation: 1", "title: 征求成员单位意见", "responses:"]
    for i, unit in enumerate(holders):
        day = 10 + i % 15
        lines.append(
            f"  - {{unit: {unit}, form: {i:012x}, file: {unit}.xlsx, "
            f"received: {year}-05-{day:02d}}}"
        )
    lines.append("comments:")
    held = {u: [t for t in rnd.tasks if u in (t.lead, *t.partners)] for u in holders}
    for n in range(comments):
        unit = holders[n % len(holders)]
        lines.append(f"  - id: c-{n + 1:010d}")
        lines.append(f"    unit: {unit}")
        roll = rng.random()
        task = rng.choice(held[unit]) if held[unit] and roll < 0.8 else None
        if task is not None:
            lines.append(f"    task: {task.id}")
        elif roll < 0.9:
            lines.append(f"    chapter: {rng.choice(rnd.chapters)}")
        lines.append(f"    text: {rng.choice(OPINIONS)}")
        if rng.random() < 0.5:
            lines.append(f"    proposal: {q(rng.choice(PROPOSALS))}")
        disposition = rng.choice(("adopted", "adopted", "partly-adopted", "not-adopted", "noted"))
        if disposition in ("adopted", "partly-adopted") and task is None:
            disposition = "noted"
        lines.append(f"    disposition: {disposition}")
        if disposition in ("adopted", "partly-adopted") and task is not None:
            lines.append(f"    changed: [{task.id}]")
        if disposition in ("not-adopted", "partly-adopted"):
            lines.append(f"    reason: {rng.choice(REASONS)}")
    return "\n".join(lines) + "\n"


class Generator:
    def __init__(self, seed: int, draft: bool = False, notice: bool = False) -> None:
        self.draft = draft  # the last round is a draft (征求意见稿), dated by `drafted:`
        self.notice = notice  # every official round carries its 印发通知 and 版记
        self.last = -1
        self.rng = random.Random(seed)
        self.registry = build_registry()
        self.counter = 0

    def next_id(self, stem: str) -> str:
        self.counter += 1
        return f"{stem}-{self.counter}"

    def round(
        self,
        index: int,
        n_tasks: int,
        n_cases: int,
        previous: RoundOutput | None,
        lead_units: int = 0,
    ) -> RoundOutput:
        """`lead_units`: lead every task by one of the first N units in turn (the size of the
        office's supervision: 70 units), else by a unit drawn at random."""
        rng = self.rng
        reg = self.registry
        year = FIRST_YEAR + 2 * index
        name = f"{year}-{year + 1}"
        files: dict[str, str] = {}

        # sources
        sources = [
            (
                f"press-{year}",
                f'《青岛市推进"国际化+"行动计划({year}/{year + 1}年)》新闻发布会',
                "青岛市政府新闻办",
                f"{year}-07-{rng.randint(1, 28):02d}",
            ),
            (
                f"qdnews-{year}",
                "青岛日报：国际化+行动计划解读",
                "青岛日报",
                f"{year}-08-{rng.randint(1, 28):02d}",
            ),
        ]
        if rng.random() < 0.5:
            sources.append(
                (
                    f"bandao-{year}",
                    "半岛都市报：国际化+行动计划明确重点任务",
                    "半岛都市报",
                    f"{year}-09-{rng.randint(1, 28):02d}",
                )
            )
        source_ids = [s[0] for s in sources]

        # chapters and parts
        n_chapters = min(n_tasks, rng.randint(7, 9))
        chapter_idx = sorted(rng.sample(range(len(CHAPTERS)), n_chapters))
        chapters = [CHAPTERS[i] for i in chapter_idx]
        n_parts = min(n_cases, rng.randint(5, 7))
        part_idx = sorted(rng.sample(range(len(CHAPTERS)), n_parts))
        parts = [CHAPTERS[i] for i in part_idx]

        # indicators (at most two per task, so coverage needs n_ind <= 2 * n_tasks)
        n_ind = min(rng.randint(28, 32), 2 * n_tasks, len(INDICATORS))
        ind_rows = rng.sample(INDICATORS, n_ind)
        indicator_ids = [row[0] for row in ind_rows]

        # cases
        cases: list[Case] = []
        for _ in range(n_cases):
            city = rng.choice(reg.cities)
            topic_id, topic = rng.choice(CASE_TOPICS)
            places = [city]
            roll = rng.random()
            if roll < 0.1:
                places.append(reg.country_of[city])  # already counted through the city
            elif roll < 0.25:
                other = rng.choice(reg.cities)
                if other != city:
                    places.append(other)
            cname = _CITY_NAMES[city]
            references: list[list[tuple[str, str | int | float]]] = []
            for _ in range(rng.choice((0, 0, 1, 1, 2))):
                self.counter += 1
                references.append(
                    [
                        ("author", rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)),
                        ("title", f"{cname}{topic}研究（第{self.counter}辑）"),
                        ("publisher", rng.choice(PUBLISHERS)),
                        ("year", rng.randint(year - 8, year - 1)),
                        ("url", f"https://example.org/refs/{name}/{self.counter}"),
                    ]
                )
            cases.append(
                Case(
                    id=self.next_id(f"{city}-{topic_id}"),
                    title=f"{cname}{topic}{rng.choice(CASE_KINDS)}",
                    places=places,
                    summary=_chinese(rng, SUMMARY_CLAUSES, 90, 110) + "。",
                    practices=[
                        _chinese(rng, PRACTICE_CLAUSES, 20, 50) + "。"
                        for _ in range(rng.randint(2, 4))
                    ],
                    references=references,
                    source=rng.choice(source_ids) if rng.random() < 0.5 else None,
                )
            )
        case_ids = [c.id for c in cases]

        # tasks
        tasks: list[Task] = []
        for i in range(n_tasks):
            lead = rng.choice(reg.units)
            if lead_units:
                lead = reg.units[i % lead_units]
            partners = [u for u in rng.sample(reg.units, rng.randint(0, 3)) if u != lead]
            tasks.append(
                Task(
                    id="",
                    number=i + 1,
                    title=_task_title(rng),
                    text=_chinese(rng, PURPOSES + ACTIONS, 70, 90) + "。"
                    if rng.random() < 0.5
                    else None,
                    lead=lead,
                    partners=partners,
                    due=f"{year + 1}-12" if rng.random() < 0.2 else None,
                    source=rng.choice(source_ids),
                )
            )
        # coverage: every case and every indicator is named by some task
        order = list(range(n_tasks))
        rng.shuffle(order)
        for k, cid in enumerate(case_ids):
            tasks[order[k % n_tasks]].cases.append(cid)
        rng.shuffle(order)
        for k, iid in enumerate(indicator_ids):
            tasks[order[k % n_tasks]].indicators.append(iid)
        for t in tasks:
            if case_ids and len(t.cases) < 2 and rng.random() < 0.15:
                extra = rng.choice(case_ids)
                if extra not in t.cases:
                    t.cases.append(extra)
            if indicator_ids and len(t.indicators) < 2 and rng.random() < 0.3:
                extra = rng.choice(indicator_ids)
                if extra not in t.indicators:
                    t.indicators.append(extra)
            if rng.random() < 0.25:
                t.benchmarks.append(rng.choice(reg.places))
        # lineage and ids
        reused: set[int] = set()
        if previous is not None and previous.task_ids:
            k = min(round(0.3 * n_tasks), len(previous.task_ids))
            for ti, pid in zip(
                rng.sample(range(n_tasks), k), rng.sample(previous.task_ids, k), strict=True
            ):
                tasks[ti].continues = f"{previous.name}:{pid}"
                if rng.random() < 0.5:
                    tasks[ti].id = pid
                    reused.add(ti)
        for ti, t in enumerate(tasks):
            if ti not in reused:
                t.id = self.next_id(f"{rng.choice(SLUG_WORDS)}-{rng.choice(SLUG_WORDS)}")

        # chapters -> task files
        sizes = _split(rng, n_tasks, n_chapters)
        pos = 0
        chapter_rows: list[tuple[str, str, str, int]] = []
        for ci, ((chid, title, subtitle), size) in enumerate(zip(chapters, sizes, strict=True)):
            chunk = tasks[pos : pos + size]
            pos += size
            chapter_rows.append((chid, title, subtitle, size))
            out = [f"chapter: {chid}"]
            if size >= 2 and rng.random() < 0.4:
                n_sec = min(size, rng.randint(2, 4))
                sec_sizes = _split(rng, size, n_sec)
                titles = rng.sample(SECTION_TITLES, n_sec)
                out.append("sections:")
                spos = 0
                for stitle, ssize in zip(titles, sec_sizes, strict=True):
                    out.append(f"  - title: {q(stitle)}")
                    out.append("    tasks:")
                    for t in chunk[spos : spos + ssize]:
                        _write_task(out, t, "      ")
                    spos += ssize
            else:
                out.append("tasks:")
                for t in chunk:
                    _write_task(out, t, "  ")
            files[f"tasks/{ci + 1:02d}-{chid}.yaml"] = "\n".join(out) + "\n"

        # parts -> case files
        psizes = _split(rng, n_cases, n_parts)
        pos = 0
        for pi, ((paid, _title, _sub), size) in enumerate(zip(parts, psizes, strict=True)):
            out = [f"part: {paid}", "cases:"]
            for c in cases[pos : pos + size]:
                _write_case(out, c)
            pos += size
            files[f"cases/{pi + 1:02d}-{paid}.yaml"] = "\n".join(out) + "\n"

        # indicator systems
        n_sys = 1 if n_ind < 8 or rng.random() < 0.5 else 2
        sys_sizes = _split(rng, n_ind, n_sys)
        pos = 0
        dim_pool = rng.sample(DIMENSIONS, len(DIMENSIONS))
        for si, ssize in enumerate(sys_sizes):
            sid = f"index-{year}" if si == 0 else f"targets-{year + 1}"
            staged = index == 0 and si == 0
            out = [
                f"id: {sid}",
                "title: " + q("国际城市战略指标体系" if si == 0 else f"{year + 1}年国际化目标"),
            ]
            if staged:
                out.append(f"stages: {flow_list(STAGES)}")
            if rng.random() < 0.5:
                out.append(f"benchmark_places: {flow_list(rng.sample(reg.cities, 2))}")
            if rng.random() < 0.5:
                out.append(f"source: {rng.choice(source_ids)}")
            out.append("dimensions:")
            n_dim = min(ssize, rng.randint(3, 6), len(dim_pool))
            dims, dim_pool = dim_pool[:n_dim], dim_pool[n_dim:]
            for (did, dtitle), dsize in zip(dims, _split(rng, ssize, n_dim), strict=True):
                out.append(f"  - id: {did}")
                out.append(f"    title: {q(dtitle)}")
                out.append("    indicators:")
                for iid, ititle, unit, mag in ind_rows[pos : pos + dsize]:
                    base = round(mag * rng.uniform(0.3, 0.7), 1 if mag < 50 else 0)
                    out.append(f"      - id: {iid}")
                    out.append(f"        title: {q(ititle)}")
                    out.append(f"        unit: {q(unit)}")
                    out.append(
                        "        baseline: " + flow_map([("year", year - 1), ("value", _num(base))])
                    )
                    if staged:
                        out.append(
                            "        targets: "
                            + flow_map(
                                [
                                    (s, _num(round(base * f, 1)))
                                    for s, f in zip(STAGES, (1.2, 1.5, 2.0), strict=True)
                                ]
                            )
                        )
                    else:
                        out.append(
                            f"        targets: {{{year + 1}: "
                            f"{_num(round(base * rng.uniform(1.1, 1.6), 1))}}}"
                        )
                pos += dsize
            files[f"indicators/{sid}.yaml"] = "\n".join(out) + "\n"

        # declared figures: exactly what the sources hold
        benchmarked = sum(1 for t in tasks if t.cases or t.benchmarks)
        case_cities = {p for c in cases for p in c.places if p in reg.country_of}
        case_countries = {reg.country_of[p] for p in case_cities}
        n_refs = sum(len(c.references) for c in cases)
        month, day = rng.randint(3, 7), rng.randint(1, 28)
        plan = [
            "planc: 1",
            f"round: {name}",
            "title: " + q(f'青岛市推进"国际化+"行动计划({year}/{year + 1}年)'),
            "issuer: 青岛市国际城市战略推进委员会",
            f"issued: {year}-{month:02d}-{day:02d}",
            "phase: " + q(["起步夯基期", "重点突破期", "实施开展期", "全面提升期"][index % 4]),
            "goal: " + q('建设"开放、现代、活力、时尚"的国际大都市'),
        ]
        if previous is not None:
            plan.append(f"previous: {previous.name}")
        if self.draft and index == self.last:
            plan.append("edition: draft")
            plan.append(f"drafted: {year}-{month:02d}-01")
        else:
            plan.append("edition: official")
        if self.notice:
            plan += [
                "notice:",
                "  issuer: 青岛市国际城市战略推进委员会办公室",
                f"  number: 青国战办发〔{year}〕{rng.randint(1, 20)}号",
                "  to: 市国际城市战略推进委员会各成员单位，各区、市人民政府",
                "  text: "
                + q(
                    f"现将《青岛市推进“国际化+”行动计划（{year}/{year + 1}年）》印发给你们，"
                    "请结合实际，认真抓好贯彻落实。\n\n各牵头单位要按照职责分工，制定具体推进方案，"
                    "每季度末向市推进办报送工作进展情况。"
                ),
                f"  date: {year}-{month:02d}-{day:02d}",
                "  cc: [市委办公厅, 市人大常委会办公厅, 市政协办公厅]",
                "  printer: 青岛市国际城市战略推进委员会办公室",
                f"  printed: {year}-{month:02d}-{min(day + 2, 28):02d}",
                "preface:",
                "  title: 编制说明",
                "  text: "
                + q(
                    "本计划依据《青岛市落实开放发展理念推进国际城市战略实施纲要》编制，"
                    "经征求市国际城市战略推进委员会各成员单位意见后修改完善。\n\n"
                    "计划分为若干部分，每项任务明确牵头单位和配合单位，并与指标体系和对标案例相衔接。"
                ),
            ]
        plan.append("sources:")
        for sid, stitle, publisher, date in sources:
            plan.append(
                "  - "
                + flow_map(
                    [("id", sid), ("title", stitle), ("publisher", publisher), ("date", Raw(date))]
                )
            )
        plan += [
            "declared:",
            f"  tasks: {n_tasks}",
            f"  benchmarked_tasks: {benchmarked}",
            f"  cases: {n_cases}",
            f"  case_countries: {len(case_countries)}",
            f"  case_cities: {len(case_cities)}",
            f"  indicators: {n_ind}",
            f"  references: {n_refs}",
            "chapters:",
        ]
        for chid, title, subtitle, size in chapter_rows:
            plan.append(
                "  - "
                + flow_map(
                    [
                        ("id", chid),
                        ("title", title),
                        ("subtitle", subtitle),
                        ("declared_tasks", size),
                    ]
                )
            )
        plan += [
            "handbook:",
            "  title: " + q(f'"国际化+"行动计划({year}/{year + 1}年)对标案例指导手册'),
            "  parts:",
        ]
        for paid, ptitle, _sub in parts:
            plan.append("    - " + flow_map([("id", paid), ("title", ptitle)]))
        files["plan.yaml"] = "\n".join(plan) + "\n"

        done = RoundOutput(name, files, [t.id for t in tasks], n_tasks, n_cases, n_ind)
        done.tasks = tasks
        done.chapters = [c[0] for c in chapter_rows]
        return done


_CITY_NAMES: dict[str, str] = {
    cid: cname
    for table in (COUNTRIES, REGIONS_OF_CHINA)
    for _c, _n, _e, cities in table
    for cid, cname, _ in cities
}


def _num(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _write_task(out: list[str], t: Task, ind: str) -> None:
    out.append(f"{ind}- id: {t.id}")
    sub = ind + "  "
    out.append(f"{sub}number: {t.number}")
    out.append(f"{sub}title: {q(t.title)}")
    if t.text is not None:
        out.append(f"{sub}text: {q(t.text)}")
    out.append(f"{sub}lead: [{t.lead}]")
    out.append(f"{sub}partners: [{', '.join(t.partners)}]")
    if t.indicators:
        out.append(f"{sub}indicators: [{', '.join(t.indicators)}]")
    if t.cases:
        out.append(f"{sub}cases: [{', '.join(t.cases)}]")
    if t.benchmarks:
        out.append(f"{sub}benchmarks: [{', '.join(t.benchmarks)}]")
    if t.continues is not None:
        out.append(f"{sub}continues: {t.continues}")
    if t.due is not None:
        out.append(f"{sub}due: {t.due}")
    out.append(f"{sub}source: {t.source}")


def _write_case(out: list[str], c: Case) -> None:
    out.append(f"  - id: {c.id}")
    out.append(f"    title: {q(c.title)}")
    out.append(f"    places: [{', '.join(c.places)}]")
    out.append(f"    summary: {q(c.summary)}")
    out.append("    practices:")
    for p in c.practices:
        out.append(f"      - {q(p)}")
    if c.references:
        out.append("    references:")
        for ref in c.references:
            out.append(f"      - {flow_map(ref)}")
    if c.source is not None:
        out.append(f"    source: {c.source}")


# --------------------------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------------------------


@dataclass
class Summary:
    rounds: list[str]
    tasks: int
    cases: int
    indicators: int
    files: int


def generate(
    out_dir: Path,
    n_tasks: int,
    n_rounds: int = 4,
    seed: int = 1,
    periods: int = 0,
    units: int = 0,
    comments: int = 0,
    draft: bool = False,
    notice: bool = False,
) -> Summary:
    """Write a synthetic plans folder to `out_dir` (which may exist) and return its totals.
    With `periods`, the last round's tasks are led by `units` units (70 by default) and it gets
    that many quarterly progress files; with `comments`, one consultation of `units` units."""
    if n_rounds < 1:
        raise ValueError("--rounds must be at least 1")
    if n_tasks < 2 * n_rounds:
        raise ValueError("--tasks must be at least twice --rounds (every round needs a case)")
    gen = Generator(seed, draft, notice)
    gen.last = n_rounds - 1
    written: dict[str, str] = {
        "registry/places.yaml": gen.registry.places_yaml,
        "registry/units.yaml": gen.registry.units_yaml,
    }
    previous: RoundOutput | None = None
    rounds: list[RoundOutput] = []
    for index, (nt, nc) in enumerate(
        zip(_even(n_tasks, n_rounds), _even(n_tasks // 2, n_rounds), strict=True)
    ):
        last = index == n_rounds - 1
        supervised = last and (periods or comments)
        previous = gen.round(index, nt, nc, previous, (units or 70) if supervised else 0)
        rounds.append(previous)
        if last and periods:
            previous.files.update(progress_files(previous, periods, seed))
        if last and comments:
            previous.files["consultation/round-1.yaml"] = consultation_file(
                previous, units or 70, comments, seed
            )
        for rel, text in previous.files.items():
            written[f"{previous.name}/{rel}"] = text
    for sub in sorted({str(Path(rel).parent) for rel in written}):
        (out_dir / sub).mkdir(parents=True, exist_ok=True)
    for rel, text in written.items():
        (out_dir / rel).write_text(text, encoding="utf-8", newline="\n")
    return Summary(
        rounds=[r.name for r in rounds],
        tasks=sum(r.n_tasks for r in rounds),
        cases=sum(r.n_cases for r in rounds),
        indicators=sum(r.n_indicators for r in rounds),
        files=len(written),
    )


_ROUND_DIR = re.compile(r"^\d{4}-\d{4}$")


def _clear(out_dir: Path) -> None:
    """Remove what an earlier run of this generator wrote (registry/ and round folders only)."""
    for child in out_dir.iterdir():
        if child.is_dir() and (child.name == "registry" or _ROUND_DIR.match(child.name)):
            shutil.rmtree(child)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate a synthetic, valid planc plans folder (registry + biennial rounds).",
    )
    parser.add_argument("out_dir", metavar="OUT_DIR", type=Path, help="folder to write")
    parser.add_argument(
        "--tasks",
        type=int,
        required=True,
        metavar="N",
        help="total tasks over all rounds (cases: N/2); at least 2*ROUNDS",
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=4,
        metavar="R",
        help="number of biennial rounds from 2016-2017 (default 4)",
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument(
        "--periods",
        type=int,
        default=0,
        metavar="P",
        help="quarterly progress files (督查) for the last round, e.g. 8",
    )
    parser.add_argument(
        "--units",
        type=int,
        default=0,
        metavar="U",
        help="with --periods or --comments: the last round's tasks led by U units (default 70)",
    )
    parser.add_argument("--draft", action="store_true", help="the last round is a draft")
    parser.add_argument(
        "--notice", action="store_true", help="official rounds carry a 印发通知 and a 版记"
    )
    parser.add_argument(
        "--comments",
        type=int,
        default=0,
        metavar="C",
        help="one consultation (征求意见) of the last round with C comments, e.g. 400",
    )
    parser.add_argument(
        "--force",
        action="store_true",
        help="OUT_DIR may be non-empty: replace registry/ and round folders",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    args = parser.parse_args(argv)

    out_dir: Path = args.out_dir
    if out_dir.exists():
        if not out_dir.is_dir():
            parser.error(f"{out_dir} exists and is not a folder")
        if any(out_dir.iterdir()):
            if not args.force:
                parser.error(f"{out_dir} is not empty (use --force to replace generated content)")
            _clear(out_dir)
    start = time.perf_counter()
    try:
        summary = generate(
            out_dir,
            args.tasks,
            args.rounds,
            args.seed,
            args.periods,
            args.units,
            args.comments,
            args.draft,
            args.notice,
        )
    except ValueError as exc:
        parser.error(str(exc))
    if not args.quiet:
        print(
            f"wrote {summary.tasks} tasks, {summary.cases} cases, {summary.indicators} indicators "
            f"in {len(summary.rounds)} rounds ({summary.rounds[0]}..{summary.rounds[-1]}), "
            f"{summary.files} files, to {out_dir} in {time.perf_counter() - start:.2f}s"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
