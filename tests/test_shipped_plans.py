"""Pins the shipped plans (rebuilt from shared/seeds): the figures the office published and key
items of the record. A careless edit of plans/ fails here."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planc.cli import app
from planc.diagnostics import Severity
from planc.pipeline import Analysis, analyze

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
    assert {k: str(f) for k, f in prog.declared.items()} == {"areas": "4", "tasks": "26"}
    assert [(f.id, str(f.declared), [r.id for r in f.rounds]) for f in prog.figures] == [
        ("completed-tasks", "439", ["2016-2017", "2018-2019", "2020-2021"]),
        ("benchmarked-cases", "336", ["2016-2017", "2018-2019", "2020-2021"]),
    ]


def test_the_programme(shipped: Analysis) -> None:
    pi = shipped.index.programme
    assert pi is not None
    prog = pi.programme
    assert prog.issued == "2016-02-22"
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
    # 8 of 2022's 12 cases come from the plan's wording, not the handbook's examples
    assert marked("2022-2023") == {
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
