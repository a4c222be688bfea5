"""Pins the shipped plans (rebuilt from shared/seeds): the figures the office published and key
items of the record. A careless edit of plans/ fails here."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planc.cli import app
from planc.diagnostics import Severity
from planc.index import country_of
from planc.model import Task
from planc.pipeline import Analysis, analyze
from tests.record import (
    ROOT,
    facts_in_comments,
    load,
    reasons,
    seeds_folder,
    shared_seeds,
    unquoted,
)

PLANS = Path(__file__).resolve().parent.parent / "plans"


@pytest.fixture(scope="module")
def shipped() -> Analysis:
    return analyze(PLANS)


def declared(shipped: Analysis, round_name: str) -> dict[str, int]:
    return {k: f.value for k, f in shipped.index.project.rounds[round_name].declared.items()}


def published(shipped: Analysis, round_name: str) -> dict[str, str]:
    """The declared figures as the record words them: "2500余", "100多", "139"."""
    return {k: str(f) for k, f in shipped.index.project.rounds[round_name].declared.items()}


def test_no_errors_and_only_known_gaps(shipped: Analysis) -> None:
    assert [d for d in shipped.diagnostics if d.severity is Severity.ERROR] == []
    codes = {d.code for d in shipped.diagnostics}
    assert codes <= {"incomplete", "uncovered-indicator", "declared-inconsistent", "unused-case"}
    inconsistent = sorted(
        (d.loc.file, d.message) for d in shipped.diagnostics if d.code == "declared-inconsistent"
    )
    # 2020-2021: 19+21+31+17+49 = 137 of 139, unexplained by the record. The programme: 336
    # cases over three rounds against 100多 + 132 + 114. (2022-2023's 122 of 125 is explained
    # by the record itself: tasks_in_chapters.)
    assert [file for file, _ in inconsistent] == ["2020-2021/plan.yaml", "programme.yaml"]
    assert "19+21+31+17+49 = 137 tasks" in inconsistent[0][1]
    assert "100多 + 132 + 114 = at least 346" in inconsistent[1][1]
    assert "leaves 90 for 2016-2017, which declares 100多" in inconsistent[1][1]
    # the one case the record links to no task (its purpose is not a task of the record)
    unused = [d.message for d in shipped.diagnostics if d.code == "unused-case"]
    assert len(unused) == 1 and "us-japan-smart-agriculture" in unused[0]
    # another document's targets are not the plan's indicators to cover
    assert not [d for d in shipped.diagnostics if "six-cities-2026" in d.loc.file]


def test_every_published_figure_of_the_record(shipped: Analysis) -> None:
    """Each figure the record publishes, pinned to its declared value as worded there."""
    assert published(shipped, "2016-2017") == {
        "tasks": "100",  # 100项重点工作实事
        "cases": "100多",  # 100多项国际先进理念、标准和模式作为具体对标对象
        "case_countries": "18",  # 18个先进国家和地区
        "dimensions": "5",  # 5个一级指标
        "indicators": "35",  # 35个二级指标
        "indicators_total": "40",  # 40个指标
        "units_consulted": "70多",  # 先后多次征求了70多个单位和部门的意见
    }
    assert published(shipped, "2018-2019") == {
        "tasks": "200",  # 200条重点工作
        "cases": "132",  # 共收集对标案例132宗
        "case_countries": "20",  # 20个国家和地区
        "case_cities": "41",  # 41个国内外先进城市
    }
    assert published(shipped, "2020-2021") == {
        "tasks": "139",  # 最终形成涵盖139条工作任务
        "benchmarked_tasks": "84",  # 其中有84条工作任务涉及到对标
        "cases": "114",  # 对标案例114宗
        "case_countries": "14",  # 14个国家和地区
        "case_cities": "44",  # 44个城市
        "dimensions": "6",  # 六大维度
        "indicators": "30",  # 形成30项具体指标
        "references": "2500余",  # 2500余篇海内外文献
        "consultation_rounds": "2",  # 先后2次征求各成员单位意见建议
        "comments_adopted": "190",  # 吸纳借鉴了190条修改意见
        "cities_studied": "135",  # 调研了135个国际城市
        "ocean_cities_studied": "75",  # 其中包含75个海洋城市
    }
    assert published(shipped, "2022-2023") == {
        "tasks": "125",  # 125项重点领域的工作任务
        "tasks_in_chapters": "122",  # 其中122项任务聚焦“六个城市”定位要求
        "cases": "88",  # 对标案例88宗
        "case_countries": "17",  # 17个国家和地区
        "case_cities": "35",  # 35个城市
        "dimensions": "6",  # 六大维度
        "indicators": "30",  # 30项发展指标
        "references": "2700余",  # 2700余篇期刊文献
    }
    chapters = {
        name: [str(c.declared_tasks) for c in rnd.chapters if c.declared_tasks]
        for name, rnd in shipped.index.project.rounds.items()
    }
    assert chapters["2020-2021"] == ["19", "21", "31", "17", "49"]
    assert chapters["2022-2023"] == ["28", "8", "16", "13", "32", "25"]
    prog = shipped.index.project.programme
    assert prog is not None
    assert {k: str(f) for k, f in prog.declared.items()} == {
        "areas": "4",  # 4大领域
        "tasks": "26",  # 重点落实26项工作任务
        "office_meetings": "4",  # 市推进委员会办公室今年先后召开四次工作会议
        "expert_candidates": "59",  # 补充了专家咨询委员会候选人，共59人
    }
    targets = {s.id: s for s in shipped.index.project.rounds["2022-2023"].systems}
    assert {k: str(f) for k, f in targets["six-cities-2026"].declared.items()} == {
        "document_parts": "8",  # 《实施意见》共8大部分33条
        "document_articles": "33",
        "task_forces": "6",  # 成立了专门的领导小组和6个专班
    }
    assert [(f.id, str(f.declared), [r.id for r in f.rounds]) for f in prog.figures] == [
        ("completed-tasks", "439", ["2016-2017", "2018-2019", "2020-2021"]),
        ("benchmarked-cases", "336", ["2016-2017", "2018-2019", "2020-2021"]),
    ]


def test_the_programme(shipped: Analysis) -> None:
    pi = shipped.index.programme
    assert pi is not None
    prog = pi.programme
    assert prog.issued is None and prog.issued_on == "2016-02-22"  # from its `issued` event
    assert "国际城市战略实施纲要" in prog.title
    assert [(p.title, p.start, p.end) for p in prog.phases] == [
        ("基准启动期", 2016, 2016),
        ("实施开展期", 2017, 2021),
        ("中远规划期", 2022, 2049),
    ]
    assert [a.title for a in prog.areas] == [
        "国际城市规划建设",
        "国际城市现代服务功能",
        "国际城市现代产业综合实力",
        "国际城市现代文明素质",
    ]
    assert [t.year for t in prog.targets] == [2021, 2049]
    assert "新型国际湾区都市" in prog.targets[1].text
    assert [(r.figure.id, r.status) for r in pi.rounds_figures] == [
        ("completed-tasks", "ok"),  # 100 + 200 + 139 = 439
        ("benchmarked-cases", "inconsistent"),  # 100多 + 132 + 114 > 336
    ]
    phases = {name: [p.title for p in ps] for name, ps in pi.phases_of.items()}
    assert phases == {
        "2016-2017": ["基准启动期", "实施开展期"],
        "2018-2019": ["实施开展期"],
        "2020-2021": ["实施开展期"],
        "2022-2023": ["中远规划期"],
    }


def test_2022_indicator_system_is_30_and_6_and_the_2026_targets_stand_apart(
    shipped: Analysis,
) -> None:
    ri = shipped.index.rounds["2022-2023"]
    rows = {row.name: row for row in ri.figures}
    assert str(rows["indicators"].declared) == "30"
    assert str(rows["dimensions"].declared) == "6"
    assert rows["dimensions"].computed == 6  # the six dimensions; the 2026 targets are apart
    assert rows["indicators"].computed == 0  # the record names none of the 30
    systems = {s.id: s for s in ri.round.systems}
    assert systems["six-cities-2026"].is_targets
    assert "实施意见" in (systems["six-cities-2026"].document or "")
    assert len(systems["six-cities-2026"].indicators()) == 17
    assert not systems["six-dimensions-2022"].is_targets
    assert rows["tasks_outside_chapters"].declared is not None
    assert rows["tasks_outside_chapters"].declared.value == 3


def test_every_item_of_a_public_record_round_has_a_source(shipped: Analysis) -> None:
    assert [d for d in shipped.diagnostics if d.code == "missing-source"] == []


def test_disputed_links_and_values_follow_the_record(shipped: Analysis) -> None:
    rounds = shipped.index.rounds
    r20 = rounds["2020-2021"]
    # 对标新加坡淡马锡模式,面向全球推进国企混改: the case serves 国企混改 only
    assert [t.id for t in r20.tasks_of_case["temasek"]] == ["soe-mixed-ownership-reform"]
    # 对标深圳办好青岛企业家日: 深圳 is benchmarked for the 企业家日 only
    assert [t.id for t in r20.tasks_of_place["shenzhen"]] == ["entrepreneurs-day"]
    r18 = rounds["2018-2019"]
    assert [t.id for t in r18.tasks_of_case["boston-route-128"]] == ["blue-valley-deep-space"]
    assert [t.id for t in r18.tasks_of_case["oxford-university-town"]] == ["blue-valley-deep-space"]
    r22 = rounds["2022-2023"]
    assert "digital-agriculture-scenarios" not in r22.tasks
    assert r22.sources["six-cities-press-2022"].publisher is None
    r16 = rounds["2016-2017"].round
    assert r16.chapters[3].title == "提升现代文明和国际交流水平"
    assert r16.phase is None  # the round spans two phases: they come from programme.yaml
    registry = shipped.index.project.registry
    assert registry.units["expert-committee"].name == "国际城市战略专家咨询委员会"
    first_named_2016 = ["cn", "jp", "kr", "shanghai", "shenzhen"]
    for pid in first_named_2016:
        source = registry.places[pid].source
        assert source is not None and source.id == "2016-2017:bandao-2016-06", pid
    office = registry.units["promotion-office"].source
    assert office is not None and office.id == "2016-2017:bandao-2016-06"


def test_cases_drawn_from_plan_wording_are_marked_inferred(shipped: Analysis) -> None:
    def marked(round_name: str) -> set[str]:
        return {
            c.id
            for c in shipped.index.project.rounds[round_name].cases()
            if any(n.kind == "inferred" and n.of is None for n in c.provenance)
        }

    assert {"temasek", "tokyo-shinjuku-walking-street", "seoul-walking-street"} <= marked(
        "2020-2021"
    )
    # 9 of 2022's 13 cases come from the plan's wording, not the handbook's examples
    assert marked("2022-2023") == {
        "mountain-tourism",
        "new-york-pocket-parks",
        "shanghai-pocket-parks",
        "shenzhen-urban-design",
        "beijing-responsible-planners",
        "guangzhou-cim-pilot",
        "shanghai-smart-policing",
        "shenzhen-digital-government",
        "frankfurt-exhibition-symbolic-value",
    }


def test_no_inference_left_in_comments_only() -> None:
    # inferences are data (provenance notes), not `# inferred:` comments
    for path in PLANS.rglob("*.yaml"):
        assert "# inferred" not in path.read_text(encoding="utf-8"), path


def test_every_round_is_a_public_record(shipped: Analysis) -> None:
    rounds = shipped.index.project.rounds
    assert sorted(rounds) == ["2016-2017", "2018-2019", "2020-2021", "2022-2023"]
    assert {r.edition for r in rounds.values()} == {"public-record"}
    assert [r.previous.id if r.previous else None for r in rounds.values()] == [
        None,
        "2016-2017",
        "2018-2019",
        "2020-2021",
    ]


def test_declared_figures(shipped: Analysis) -> None:
    assert declared(shipped, "2018-2019") == {
        "tasks": 200,
        "cases": 132,
        "case_countries": 20,
        "case_cities": 41,
    }
    d20 = declared(shipped, "2020-2021")
    assert {
        k: d20[k]
        for k in (
            "tasks",
            "benchmarked_tasks",
            "cases",
            "case_countries",
            "case_cities",
            "indicators",
            "references",
        )
    } == {
        "tasks": 139,
        "benchmarked_tasks": 84,
        "cases": 114,
        "case_countries": 14,
        "case_cities": 44,
        "indicators": 30,
        "references": 2500,
    }
    d22 = declared(shipped, "2022-2023")
    assert {k: d22[k] for k in ("tasks", "cases", "case_countries", "case_cities")} == {
        "tasks": 125,
        "cases": 88,
        "case_countries": 17,
        "case_cities": 35,
    }
    chapters = shipped.index.project.rounds["2020-2021"].chapters
    assert [c.declared_tasks.value if c.declared_tasks else None for c in chapters] == [
        19,
        21,
        31,
        17,
        49,
    ]


def test_key_items_of_the_record(shipped: Analysis) -> None:
    r20 = shipped.index.rounds["2020-2021"]
    numbered = {t.number: t for t in r20.tasks.values() if t.number is not None}
    assert "国际客厅" in numbered[24].title
    assert "500" in numbered[43].title
    r22 = shipped.index.project.rounds["2022-2023"]
    assert r22.chapters[0].title == "现代产业先行城市"
    dims = {s.id: [d.title for d in s.dimensions] for s in r22.systems}
    assert dims["six-dimensions-2022"][0] == "航运枢纽"
    r20_dims = [
        d.title for s in shipped.index.project.rounds["2020-2021"].systems for d in s.dimensions
    ]
    assert r20_dims[0] == "航贸枢纽"
    system16 = shipped.index.project.rounds["2016-2017"].systems[0]
    assert system16.stages == ["低阶", "中阶", "高阶"]
    assert [p.id for p in system16.benchmark_places] == [
        "singapore",
        "san-francisco",
        "hamburg",
        "rotterdam",
        "osaka",
    ]
    places = shipped.index.project.registry.places
    assert places["hk"].kind == "region-of-china"
    cases18 = [c.title for c in shipped.index.project.rounds["2018-2019"].cases()]
    assert len(cases18) >= 60
    assert any("纽约湾区" in t for t in cases18)


def test_everything_carries_a_source(shipped: Analysis) -> None:
    for rnd in shipped.index.project.rounds.values():
        assert rnd.sources, rnd.name
        items = [(t.id, t.source) for t in rnd.tasks()] + [(c.id, c.source) for c in rnd.cases()]
        # An indicator without its own `source:` has its system's.
        items += [(i.id, i.source or s.source) for s in rnd.systems for i in s.indicators()]
        assert [item_id for item_id, source in items if source is None] == [], rnd.name
        assert all(s.seed for s in rnd.sources)


def test_stats_and_diff_on_the_shipped_plans() -> None:
    runner = CliRunner()
    text = runner.invoke(app, ["stats", "--plans", str(PLANS)]).stdout
    assert "│ completed-tasks (tasks)   │      439 │   100+200+139 │ ok           │" in text
    assert "│ benchmarked-cases (cases) │      336 │ 100多+132+114 │ inconsistent │" in text
    assert "— / 17" not in text and "— │       17" not in text
    data = json.loads(
        runner.invoke(app, ["stats", "--plans", str(PLANS), "--format", "json"]).stdout
    )
    r22 = data["rounds"]["2022-2023"]
    assert r22["indicators"] == {"declared": 30, "sources": 0}
    assert r22["dimensions"] == {"declared": 6, "sources": 6}
    assert r22["targets"]["six-cities-2026"]["targets"] == 17
    assert r22["phases"] == ["中远规划期"]
    assert data["rounds"]["2020-2021"]["references"] == {
        "declared": 2500,
        "sources": 0,
        "qualifier": "余",
    }
    figures = data["programme"]["figures"]
    assert figures["completed-tasks"]["status"] == "ok"
    assert figures["benchmarked-cases"]["rounds"]["2016-2017"] == {
        "declared": 100,
        "qualifier": "多",
    }
    diff = runner.invoke(
        app, ["diff", "2020-2021", "2022-2023", "--plans", str(PLANS), "--format", "json"]
    )
    # the 17 targets of the 实施意见 are not new indicators of the plan
    assert json.loads(diff.stdout)["indicators"]["new"] == []


def test_inferred_statements_are_marked_and_counted(shipped_dist: Path) -> None:
    # Every inference is a numbered note of the 说明 at the end; an inferred task carries a
    # mark (※N) linking to its note; no mark in a heading or on the cover.
    for name in ("2016-2017", "2022-2023"):
        html = (shipped_dist / name / "plan.html").read_text(encoding="utf-8")
        notes = re.findall(r'<p class="note" id="note-(\d+)">', html)
        assert notes and notes == [str(n) for n in range(1, len(notes) + 1)]
        assert f"本版本有{len(notes)}处内容系据公开资料推断" in html  # 关于本版本 counts them
        marks = re.findall(r'<a class="mark" href="#note-(\d+)"', html)
        assert marks and set(marks) <= set(notes)
        assert not re.search(r"<h[1-6][^>]*>(?:(?!</h[1-6]>).)*※", html, re.S)
        assert "※" not in html[html.index('id="cover"') : html.index('id="contents"')]
    handbook = (shipped_dist / "2022-2023" / "handbook.html").read_text(encoding="utf-8")
    notes = re.findall(r'<p class="note" id="note-(\d+)">', handbook)
    assert f"有{len(notes)}宗案例（或其归属）系据公开资料推断" in handbook


# --- Every statement of the record held as data, every inference marked (issue 22) ---------


def _notes(item: object, of: str | None, kind: str = "inferred") -> list[str]:
    notes = getattr(item, "provenance", [])
    return [n.reason or "" for n in notes if n.kind == kind and n.of == of]


def _task(shipped: Analysis, round_name: str, tid: str) -> Task:
    return shipped.index.rounds[round_name].tasks[tid]


def test_paraphrased_wordings_say_how(shipped: Analysis) -> None:
    # 新增上合示范区新增贸易企业400家: the first 新增 dropped; no note on it claims 措辞照录
    sco = _task(shipped, "2020-2021", "sco-zone-trade-firms")
    assert any("新增上合示范区新增贸易企业400家" in r for r in _notes(sco, "title", "paraphrased"))
    assert not any("措辞照录" in (n.reason or "") for n in sco.provenance)
    # 梯次培育 and 创新能力提升: the English "and" written 和
    base = _task(shipped, "2022-2023", "mass-innovation-base")
    assert "梯次培育和创新能力提升" in base.title
    assert any("and" in r for r in _notes(base, "title", "paraphrased"))
    # every other task of those files keeps its file's note (措辞照录)
    other = _task(shipped, "2020-2021", "sco-youth-incubator")
    assert any("措辞照录" in r for r in _notes(other, "title"))
    # the text joined across a list of cases marks its cut
    bay = _task(shipped, "2018-2019", "new-bay-metropolis")
    assert bay.text is not None and "……" in bay.text
    assert _notes(bay, "text", "paraphrased")


def test_registry_names_and_places_mark_what_is_supplied(shipped: Analysis) -> None:
    registry = shipped.index.project.registry
    units = registry.units
    for uid in ("development-reform", "ccpit", "ocean-development"):
        assert units[uid].name.startswith("青岛市"), uid
        assert any("补出“青岛”" in r for r in _notes(units[uid], "name", "paraphrased")), uid
    # a unit the record names in full overrides the file's note on its name
    assert _notes(units["commerce"], "name", "paraphrased") == []
    assert _notes(units["commerce"], "name", "quoted")
    assert units["wego"].en == "WEGO" and _notes(units["wego"], "en") == []
    assert all(_notes(u, "en") for uid, u in units.items() if uid not in ("wego", "unpog"))
    places = registry.places
    assert all(_notes(p, "en") for p in places.values())  # every English name is supplied
    supplied = {pid for pid, p in places.items() if _notes(p, "country")}
    assert supplied == {
        *("singapore", "san-francisco", "osaka", "hong-kong", "paris", "munich"),
        *("hangzhou", "shanghai", "chongqing", "shenzhen", "beijing", "guangzhou"),
        *("new-york-bay-area", "san-francisco-bay-area", "tokyo-bay-area"),
    }
    # 汉堡 and 鹿特丹 stand alone in 2016 but with their country in 2018 (德国汉堡港): stated
    assert not supplied & {"hamburg", "rotterdam", "tokyo", "london", "new-york"}
    assert _notes(places["jp"], "source") and _notes(places["kr"], "source")  # from 日韩
    # China counts among 2022's five countries only through the countries supplied for its
    # cities, and its own note says so
    r22 = shipped.index.rounds["2022-2023"]
    named = {ref.id for c in r22.cases.values() for ref in c.places}
    countries = {country_of(places[pid], places) for pid in named}
    assert len(countries) == 5 and "cn" in countries
    assert [r.computed for r in r22.figures if r.name == "case_countries"] == [5]
    chinese = [pid for pid in named if country_of(places[pid], places) == "cn"]
    assert chinese and all(_notes(places[pid], "country") for pid in chinese)
    assert any("5个即含中国" in r for r in _notes(places["cn"], None))


def test_one_case_in_two_wordings_and_texts_from_the_handbook(shipped: Analysis) -> None:
    r20 = shipped.index.rounds["2020-2021"]
    for cid, plan_words in (
        ("german-hidden-champions", "对标德国"),
        ("silicon-valley-investment", "对标硅谷投资机制"),
        ("tel-aviv-startup-capital", "以色列"),
    ):
        reasons = _notes(r20.cases[cid], None)
        assert any(plan_words in r and "手册作" in r for r in reasons), cid
    night = r20.tasks["night-economy"]
    assert any("手册" in r for r in _notes(night, "text"))


def test_the_2016_cases_are_a_reading_and_the_336_warning_says_so(shipped: Analysis) -> None:
    r16 = shipped.index.project.rounds["2016-2017"]
    assert any("100多项" in r for r in _notes(r16, "declared.cases"))
    warning = next(
        d.message
        for d in shipped.diagnostics
        if d.code == "declared-inconsistent" and d.loc.file == "programme.yaml"
    )
    assert "2016-2017's cases (对标案例) is inferred" in warning and "100多项" in warning


def test_pairing_reasons_say_the_rule_used(shipped: Analysis) -> None:
    r18 = shipped.index.rounds["2018-2019"]
    industry = _notes(r18.tasks["ocean-plus"], "cases")
    assert industry and "意思配对" in industry[0] and "先后次序" not in industry[0]
    assert "次序配对" in _notes(r18.tasks["free-trade-port"], "cases")[0]
    for tid in (
        "patent-portfolio",
        "two-step-declaration",
        "jinqitong-upgrade",
        "hr-services-park",
    ):
        split = _notes(_task(shipped, "2020-2021", tid), "title")
        assert split and "合为一项" in split[0] and "各项各作一项任务" not in split[0], tid


def test_statements_once_in_comments_are_data(shipped: Analysis) -> None:
    project = shipped.index.project
    units = project.registry.units
    kinds = {uid: u.kind for uid, u in units.items()}
    for uid in (
        "kearney",
        "shanghai-academy-social-sciences",
        "nomura-research-shanghai",
        "zhejiang-university",
        "peking-university",
        "wego",
        "unpog",
    ):
        assert kinds[uid] == "organisation", uid
    for uid in ("leading-group-office", "six-cities-leading-group", "municipal-congress"):
        assert kinds[uid] == "body", uid
    assert "“8+30”" in units["strategy-mechanism"].name
    review = next(m for m in project.rounds["2016-2017"].milestones if m.kind == "review")
    assert {"municipal-congress", "municipal-cppcc"} <= {u.id for u in review.units}
    system16 = project.rounds["2016-2017"].systems[0]
    assert [u.id for u in system16.units] == [
        "development-reform",
        "shanghai-academy-social-sciences",
        "nomura-research-shanghai",
    ]
    places = project.registry.places
    assert {
        p: places[p].kind for p in ("europe-america", "europe", "southeast-asia")
    } == dict.fromkeys(("europe-america", "europe", "southeast-asia"), "world-region")
    assert [r.id for r in project.rounds["2018-2019"].benchmark_regions] == [
        "europe-america",
        "jp",
        "kr",
        "southeast-asia",
    ]
    assert [
        r.id for r in shipped.index.rounds["2018-2019"].cases["europe-credit-system"].places
    ] == ["europe"]
    # 涉及社区养老、志愿服务、社区治理等内容: what a section covers, not tasks
    city = next(c for c in project.rounds["2020-2021"].chapters if c.id == "city")
    assert city.sections[1].topics == ["社区养老", "志愿服务", "社区治理"]
    assert not [t for t in city.tasks if t.title in ("志愿服务", "社区治理")]
    # 借鉴国内外先进山地旅游发展经验: a case drawn from the plan's wording, with no place
    r22 = shipped.index.rounds["2022-2023"]
    assert r22.cases["mountain-tourism"].places == []
    assert [t.id for t in r22.tasks_of_case["mountain-tourism"]] == ["sea-view-tourism"]
    # task 24 and 43 serve the city's campaigns (攻势), which are not cases
    r20 = shipped.index.rounds["2020-2021"]
    numbered = {t.number: t for t in r20.tasks.values() if t.number}
    assert numbered[24].campaigns == ["双招双引"] and numbered[43].campaigns == [
        "高端智能+人工制造"
    ]
    assert "双招双引" not in {c.title for c in r20.cases.values()}
    sources = {s.id: s for r in project.rounds.values() for s in r.sources}
    assert (sources["bandao-2016-06"].author, sources["dzwww-2018-07-27"].author) == (
        "娄花",
        "王悦音",
    )


def test_each_rounds_timeline(shipped: Analysis) -> None:
    rounds = shipped.index.project.rounds
    steps = {
        name: [(m.kind, m.date, m.until) for m in rnd.milestones] for name, rnd in rounds.items()
    }
    assert steps == {
        "2016-2017": [
            ("preparation", "2016-H1", None),
            ("consultation", "2016-H1", None),
            ("review", "2016-H1", None),
            ("plenary", "2016-06-14", None),
        ],
        "2018-2019": [("press-conference", "2018-07-27", None)],
        "2020-2021": [
            ("preparation", "2019-H2", None),  # 自去年下半年起开始着手筹备
            ("solicitation", "2019-12", None),  # 去年12月底
            ("consultation", "2020-H1", None),  # 先后2次征求各成员单位意见建议
            ("consultation", "2020-H1", None),
            ("expert-review", "2020-H1", None),  # 经专家评估完善后
            ("issued", "2020-06-22", None),  # 于6月22日印发实施
            ("press-conference", "2020", None),
        ],
        "2022-2023": [
            ("press-conference", "2022-09-20", None),
            ("press-conference", "2022-09-21", "2022-09-23"),
        ],
    }
    r20 = rounds["2020-2021"]
    assert r20.issued is None and r20.issued_on == "2020-06-22"  # from its `issued` step
    assert [m.precision for m in r20.milestones][:2] == ["half-year", "month"]
    # the record gives no step its year: every step says how its date was read
    for rnd in rounds.values():
        for m in rnd.milestones:
            assert _notes(m, "date"), (rnd.name, m.kind)
    prog = shipped.index.project.programme
    assert prog is not None
    assert [(e.kind, e.date) for e in prog.events] == [
        ("plenary", "2015-12-01"),  # 第一次全体会议
        ("issued", "2016-02-22"),  # 纲要
        ("symposium", "2016-06-03"),  # 与浙江大学举办的研讨会
        ("plenary", "2016-06-14"),  # 第二次全体会议
    ]
    codes = {"milestone-order", "milestone-outside-round", "issued-mismatch"}
    assert not [d for d in shipped.diagnostics if d.code in codes]


def test_timeline_in_about_this_edition_and_plan_json(shipped_dist: Path) -> None:
    html = (shipped_dist / "2020-2021" / "plan.html").read_text(encoding="utf-8")
    about = html[html.index('id="record"') : html.index("</section>", html.index('id="record"'))]
    assert "2019年下半年，筹备" in about and "2020年6月22日，印发实施" in about
    data = json.loads((shipped_dist / "2020-2021" / "plan.json").read_text(encoding="utf-8"))
    assert data["issued"] == "2020-06-22"
    assert [(m["kind"], m["precision"]) for m in data["milestones"]][:2] == [
        ("preparation", "half-year"),
        ("solicitation", "month"),
    ]
    assert [e["date"] for e in data["programme_events"]][1] == "2016-02-22"
    r22 = (shipped_dist / "2022-2023" / "plan.html").read_text(encoding="utf-8")
    assert "2022年9月21日至23日，新闻发布会" in r22


def test_every_provenance_reason_quotes_the_record() -> None:
    """A reason quotes (“…”) the passage of the record it rests on, and every passage it
    quotes is in a seed (Traditional seeds read in Simplified; … elides)."""
    assert seeds_folder() is not None, "record/ holds the public record"
    unfounded = {
        f"{path.relative_to(PLANS)}: {passage}"
        for path in sorted(PLANS.rglob("*.yaml"))
        for reason in reasons(load(path))
        for passage in unquoted(reason)
    }
    assert sorted(unfounded) == []


def test_the_record_in_the_repository_is_the_projects_copy() -> None:
    """record/ is shared/seeds unchanged (where shared/ is beside the checkout)."""
    shared = shared_seeds()
    if shared is None:
        pytest.skip("shared/seeds is not beside the repository: record/ is the only copy")
    ours = {p.name: p.read_bytes() for p in (ROOT / "record").glob("*.txt")}
    assert ours == {p.name: p.read_bytes() for p in shared.glob("*.txt")}


def test_the_quote_check_fails_on_words_the_record_does_not_have() -> None:
    assert unquoted("记录作“于6月22日印发实施”") == []
    assert unquoted("转载稿作“网际网路国际呈现量”") == []  # a Traditional seed, read in Simplified
    assert unquoted("记录作“于6月23日印发实施”") == ["于6月23日印发实施"]
    assert unquoted("据报道推定") == ["据报道推定"]  # quotes nothing


def test_no_comment_states_a_fact_the_data_does_not_hold(tmp_path: Path) -> None:
    assert facts_in_comments(PLANS) == []
    # the rule catches a fact left in a comment
    plans = tmp_path / "plans"
    shutil.copytree(PLANS, plans, ignore=shutil.ignore_patterns(".planc-cache"))
    path = plans / "2020-2021" / "plan.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "declared:\n", "# 市推进办先后召开五次工作会议\ndeclared:\n", 1
        ),
        encoding="utf-8",
    )
    assert facts_in_comments(plans) == ["2020-2021/plan.yaml:20: 市推进办先后召开五次工作会议"]
