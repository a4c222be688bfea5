"""Exact outputs of `planc stats` and `planc diff` as a clerk sees them in a log or a pipe (no
colour): every character is pinned, so a change of layout is a decision, not an accident."""

from __future__ import annotations

import io

import pytest
from typer.testing import CliRunner

from planc.cli import app
from planc.diff import RoundDiff
from planc.diff.report import write_text
from planc.matching import Item, KindDiff, match
from tests.conftest import FIXTURES, VALID
from tests.test_diff import rounds_diff

LEFT, RIGHT, R = FIXTURES / "diff/left", FIXTURES / "diff/right", "2020-2021"


@pytest.fixture(autouse=True)
def plain(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")
    for name in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(name, raising=False)


STATS_2020 = """\
2020-2021  青岛市推进“国际化+”行动计划（2020/2021年）  (official)
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━━━┳━━━━━━━━┓
┃ figure                             ┃ declared ┃ computed ┃ status ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━━━╇━━━━━━━━┩
│ tasks (工作任务)                   │        3 │        3 │ ok     │
│ benchmarked tasks (涉及对标)       │        2 │        2 │ ok     │
│ cases (对标案例)                   │        2 │        2 │ ok     │
│ countries and regions (国家和地区) │        3 │        3 │ ok     │
│ cities (城市)                      │        2 │        2 │ ok     │
│ indicators (指标)                  │        2 │        2 │ ok     │
│ dimensions (维度)                  │        2 │        2 │ ok     │
│ references (参考文献)              │        1 │        1 │ ok     │
├────────────────────────────────────┼──────────┼──────────┼────────┤
│ chapters (部分)                    │          │          │        │
│   推进企业国际化                   │        1 │        1 │ ok     │
│   推进市场国际化                   │        2 │        2 │ ok     │
├────────────────────────────────────┼──────────┼──────────┼────────┤
│ handbook parts (手册部分)          │          │          │        │
│   推进企业国际化                   │        1 │        1 │ ok     │
│   推进市场国际化                   │        — │        1 │ —      │
├────────────────────────────────────┼──────────┼──────────┼────────┤
│ 国际城市战略指标体系               │          │          │        │
│   dimensions                       │        — │        2 │ —      │
│   indicators                       │        — │        2 │ —      │
└────────────────────────────────────┴──────────┴──────────┴────────┘
"""


def test_stats_text_exactly() -> None:
    result = CliRunner().invoke(app, ["stats", "2020-2021", "--plans", str(VALID)])
    assert (result.exit_code, result.stdout, result.stderr) == (0, STATS_2020, "")


DIFF_LEFT_RIGHT = """\
planc diff 2020-2021 → 2020-2021
┏━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━━━━┳━━━━━┳━━━━━━━━━┓
┃                   ┃ continued ┃ revised ┃ new ┃ dropped ┃
┡━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━━━╇━━━━━╇━━━━━━━━━┩
│ chapters (部分)   │         1 │       1 │   0 │       0 │
│ tasks (任务)      │         2 │       1 │   1 │       1 │
│ indicators (指标) │         1 │       1 │   0 │       0 │
│ cases (对标案例)  │         1 │       1 │   0 │       0 │
└───────────────────┴───────────┴─────────┴─────┴─────────┘
figures: declared / held by the sources
┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━┳━━━━━━━━━━━┓
┃ figure                             ┃ 2020-2021 ┃ 2020-2021 ┃
┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━╇━━━━━━━━━━━┩
│ tasks (工作任务)                   │     4 / 4 │     4 / 4 │
│ benchmarked tasks (涉及对标)       │     2 / 2 │     2 / 2 │
│ cases (对标案例)                   │     2 / 2 │     2 / 2 │
│ countries and regions (国家和地区) │     3 / 3 │     3 / 3 │
│ cities (城市)                      │     2 / 2 │     2 / 2 │
│ indicators (指标)                  │     2 / 2 │     2 / 2 │
│ dimensions (维度)                  │     2 / 2 │     2 / 2 │
│ references (参考文献)              │     1 / 1 │     1 / 1 │
└────────────────────────────────────┴───────────┴───────────┘
renamed dimensions
  市场国际化 → 市场开放  (five-internationalizations → five-internationalizations)

chapters (部分)
  ~ enterprise → enterprise [id 1.00] subtitle
      subtitle: 激发[-城市-]{+企业+}发展[-核心-]活力
  = market  推进市场国际化 [id]

tasks (任务)
  ~ trade-facilitation → trade-facilitation [id 0.92] title, lead
      title: {+全面+}提升跨境贸易便利化水平
  + new-free-trade-zone  建设自由贸易试验区青岛片区
  - port-logistics  发展现代港口物流
  = state-capital-reform-2  深化国有资本投资运营公司改革 [similar]
  = international-living-rooms  高标准建设日本、韩国、德国、上合组织国家和以色列五个"国际客厅" [id]

indicators (指标)
  ~ listed-companies → listed-companies [id 1.00] targets
  = foreign-investment  实际使用外资 [id]

cases (对标案例)
  ~ temasek-2020 → temasek-2020 [id 1.00] practices
  = hk-airport-city  香港"机场城市" [id]
"""


def test_diff_text_without_colour_exactly() -> None:
    stream = io.StringIO()
    write_text(rounds_diff(LEFT, R, RIGHT, R), ("chapters", "tasks", "indicators", "cases"), stream)
    assert stream.getvalue() == DIFF_LEFT_RIGHT


def test_a_rewritten_title_shows_old_and_new_lines() -> None:
    old = {"a": Item("a", "发展夜间经济", {"title": "发展夜间经济"})}
    new = {"b": Item("b", "建设国际客厅", {"title": "建设国际客厅"}, lineage="2018-2019:a")}
    kinds = {"tasks": match(old, new, "2018-2019")}
    assert [m.changed for m in kinds["tasks"].revised] == [("title",)]
    stream = io.StringIO()
    write_text(RoundDiff("2018-2019", "2020-2021", kinds), ["tasks"], stream)
    body = stream.getvalue().split("\ntasks (任务)\n", 1)[1]
    assert body == (
        "  ~ a → b [lineage 0.00] title\n"
        "      title:\n"
        "        - 发展夜间经济\n"
        "        + 建设国际客厅\n"
    )


def test_the_diff_items_carry_their_fields() -> None:
    tasks: KindDiff = rounds_diff(LEFT, R, RIGHT, R).kinds["tasks"]
    (revised,) = tasks.revised
    assert revised.old.title == "提升跨境贸易便利化水平"
    first = revised.changes[0]
    assert (first.name, first.old, first.new) == (
        "title",
        "提升跨境贸易便利化水平",
        "全面提升跨境贸易便利化水平",
    )
    assert [item.id for item in tasks.new] == ["new-free-trade-zone"]
    assert [item.title for item in tasks.dropped] == ["发展现代港口物流"]


def test_diff_html_is_rendered_from_the_package_templates() -> None:
    result = CliRunner().invoke(
        app, ["diff", "2018-2019", R, "--plans", str(LEFT), "--format", "html"]
    )
    assert result.exit_code == 0
    assert result.stdout.startswith('<!DOCTYPE html>\n<html lang="zh-CN">')
    assert "<h2>tasks（任务）</h2>" in result.stdout and "<script" not in result.stdout
