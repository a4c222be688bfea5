"""planc diff: left/right fixture folders for each match kind and category, git revisions, a
round against itself, and random edits accounted for."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planc.cli import app
from planc.diff import RoundDiff, diff_rounds
from planc.diff.report import as_dict, as_html, as_markdown, write_text
from planc.matching import KINDS, SIMILAR, inline, similarity
from planc.pipeline import analyze
from tests.conftest import FIXTURES, VALID, edit

LEFT, RIGHT = FIXTURES / "diff/left", FIXTURES / "diff/right"
R = "2020-2021"
runner = CliRunner()


def rounds_diff(left: Path, a: str, right: Path, b: str) -> RoundDiff:
    return diff_rounds(analyze(left).index, a, analyze(right).index, b, a, b)


def pairs(entries: list[dict[str, Any]]) -> list[tuple[str, str, str]]:
    return [(e["from"], e["to"], e["match"]) for e in entries]


@pytest.fixture(scope="module")
def drafts() -> dict[str, Any]:
    return as_dict(rounds_diff(LEFT, R, RIGHT, R))


def test_tasks_of_two_drafts(drafts: dict[str, Any]) -> None:
    tasks = drafts["tasks"]
    assert pairs(tasks["continued"]) == [
        ("state-capital-reform", "state-capital-reform-2", "similar"),  # id renamed
        ("international-living-rooms", "international-living-rooms", "id"),
    ]
    assert tasks["continued"][0]["score"] == 1.0
    assert [(e["from"], e["match"], e["changes"]) for e in tasks["revised"]] == [
        ("trade-facilitation", "id", ["title", "lead"])
    ]
    assert 0.9 < tasks["revised"][0]["score"] < 1.0
    assert tasks["new"] == [{"id": "new-free-trade-zone"}]
    assert tasks["dropped"] == [{"id": "port-logistics"}]


def test_chapters_indicators_cases_of_two_drafts(drafts: dict[str, Any]) -> None:
    assert [(e["from"], e["changes"]) for e in drafts["chapters"]["revised"]] == [
        ("enterprise", ["subtitle"])
    ]
    assert pairs(drafts["chapters"]["continued"]) == [("market", "market", "id")]
    # foreign-investment's dimension was renamed (市场国际化 → 市场开放): one change, reported
    # as a renamed dimension below, and the indicator itself is continued
    assert [(e["from"], e["changes"]) for e in drafts["indicators"]["revised"]] == [
        ("listed-companies", ["targets"]),
    ]
    assert ("foreign-investment", "foreign-investment", "id") in pairs(
        drafts["indicators"]["continued"]
    )
    assert [(e["from"], e["changes"]) for e in drafts["cases"]["revised"]] == [
        ("temasek-2020", ["practices"])
    ]
    assert drafts["dimensions_renamed"] == [
        {
            "system_from": "five-internationalizations",
            "system_to": "five-internationalizations",
            "from": "市场国际化",
            "to": "市场开放",
        }
    ]
    assert drafts["figures"]["tasks"] == {
        "from": {"declared": 4, "sources": 4},
        "to": {"declared": 4, "sources": 4},
    }


def _renamed_groups(tmp_path: Path) -> Path:
    """The left drafts with the market chapter's id changed (its title kept), the market part
    renamed, and a timeline on each side."""
    left, right = tmp_path / "left", tmp_path / "right"
    shutil.copytree(LEFT, left)
    shutil.copytree(LEFT, right)
    steps = "milestones:\n  - {kind: consultation, date: 2020-05}\n"
    edit(left, f"{R}/plan.yaml", "edition: official\n", f"edition: official\n{steps}")
    edit(
        right,
        f"{R}/plan.yaml",
        "edition: official\n",
        f"edition: official\n{steps}  - {{kind: consultation, date: 2020-06-01}}\n",
    )
    edit(
        right,
        f"{R}/plan.yaml",
        "{id: market, title: 推进市场国际化, declared_tasks: 3}",
        "{id: market-opening, title: 推进市场国际化, declared_tasks: 3}",
    )
    edit(
        right,
        f"{R}/plan.yaml",
        "{id: market, title: 推进市场国际化}",
        "{id: market, title: 推进市场开放}",
    )
    edit(right, f"{R}/tasks/market.yaml", "chapter: market", "chapter: market-opening")
    return left


def test_a_renamed_chapter_or_part_is_one_change(tmp_path: Path) -> None:
    left = _renamed_groups(tmp_path)
    result = rounds_diff(left, R, tmp_path / "right", R)
    d = as_dict(result)
    # the chapter is paired by its title; its tasks are not revised for the new chapter id
    assert pairs(d["chapters"]["continued"])[-1] == ("market", "market-opening", "similar")
    assert d["tasks"]["revised"] == [] and len(d["tasks"]["continued"]) == 4
    # the part is renamed once; its cases are not revised
    assert d["parts_renamed"] == [
        {"part_from": "market", "part_to": "market", "from": "推进市场国际化", "to": "推进市场开放"}
    ]
    assert d["cases"]["revised"] == []
    # the timeline: the second consultation is new
    assert d["milestones"] == {
        "changed": [],
        "new": [{"kind": "consultation", "date": "2020-06-01", "until": None, "text": None}],
        "dropped": [],
    }
    assert not result.unchanged
    md = as_markdown(result)
    assert "### Renamed handbook parts" in md and "- + consultation 2020-06-01" in md
    html = as_html(result)
    assert "<h2>Renamed handbook parts</h2>" in html and "+ consultation 2020-06-01" in html
    out = io.StringIO()
    write_text(result, KINDS, out)
    assert "renamed handbook parts" in out.getvalue()
    assert "+ consultation 2020-06-01" in out.getvalue()


def test_two_rounds_match_by_lineage_id_and_similar_title() -> None:
    d = as_dict(rounds_diff(VALID, "2018-2019", VALID, R))
    assert pairs(d["tasks"]["revised"]) == [("temasek-reform", "state-capital-reform", "lineage")]
    assert d["tasks"]["dropped"] == [{"id": "night-economy"}]
    assert [e["id"] for e in d["tasks"]["new"]] == [
        "international-living-rooms",
        "trade-facilitation",
    ]
    # The same case title in both rounds under another id: a case reused.
    assert [(e["from"], e["to"], e["match"], e["score"]) for e in d["cases"]["revised"]] == [
        ("temasek", "temasek-2020", "similar", 1.0)
    ]
    assert pairs(d["chapters"]["revised"]) == [("enterprise", "enterprise", "id")]
    assert d["chapters"]["new"] == [{"id": "market"}]
    assert d["cases"]["new"] == [{"id": "hk-airport-city"}]
    assert d["indicators"]["new"] == [{"id": "listed-companies"}, {"id": "foreign-investment"}]
    assert d["indicators"]["dropped"] == d["cases"]["dropped"] == []


def test_a_round_against_itself_reports_no_change() -> None:
    result = rounds_diff(LEFT, R, LEFT, R)
    assert result.unchanged
    d = as_dict(result)
    for kind in ("tasks", "indicators", "cases", "chapters"):
        assert d[kind]["revised"] == d[kind]["new"] == d[kind]["dropped"] == []
        assert all(e["match"] == "id" and e["score"] == 1.0 for e in d[kind]["continued"])


def test_threshold_and_inline_diff() -> None:
    assert similarity("提升跨境贸易便利化水平", "全面提升跨境贸易便利化水平") > SIMILAR
    assert similarity("发展夜间经济", "建设国际客厅") < SIMILAR
    assert inline("提升跨境贸易", "全面提升跨境物流") == [
        ("+", "全面"),
        ("=", "提升跨境"),
        ("-", "贸易"),
        ("+", "物流"),
    ]


def test_markdown_and_html_show_the_inline_changes() -> None:
    result = rounds_diff(LEFT, R, RIGHT, R)
    md = as_markdown(result)
    assert "**全面**提升跨境贸易便利化水平" in md
    assert "| tasks (任务) | 2 | 1 | 1 | 1 |" in md
    html = as_html(result)
    assert "<ins>全面</ins>提升跨境贸易便利化水平" in html
    assert html.startswith("<!DOCTYPE html>") and "<script" not in html


def test_cli_on_the_shipped_plans() -> None:
    result = runner.invoke(app, ["diff", "2020-2021", "2022-2023", "--format", "json"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert (d["from"], d["to"]) == ("2020-2021", "2022-2023")
    # 五个国际化 -> 六个城市: every chapter is new or dropped.
    assert len(d["chapters"]["dropped"]) == 5 and len(d["chapters"]["new"]) == 6
    assert {
        "system_from": "six-dimensions-2020",
        "system_to": "six-dimensions-2022",
        "from": "航贸枢纽",
        "to": "航运枢纽",
    } in d["dimensions_renamed"]
    assert d["figures"]["tasks"]["from"]["declared"] == 139
    assert d["figures"]["tasks"]["to"]["declared"] == 125
    lineage = [
        e for e in d["tasks"]["revised"] + d["tasks"]["continued"] if e["match"] == "lineage"
    ]
    assert len(lineage) == 3
    text = runner.invoke(app, ["diff", "2020-2021", "2022-2023", "--only", "chapters"])
    assert text.exit_code == 0
    assert (
        "航贸枢纽 → 航运枢纽" in text.stdout
        and "+ modern-industry  现代产业先行城市" in text.stdout
    )
    assert "tasks (任务)" not in text.stdout


def test_cli_usage_errors() -> None:
    bad = runner.invoke(app, ["diff", "2020-2021", "2099-2100"])
    assert bad.exit_code == 2 and "no round '2099-2100'" in bad.stderr
    only = runner.invoke(app, ["diff", "2020-2021", "2022-2023", "--only", "people"])
    assert only.exit_code == 2 and "--only takes" in only.stderr


def test_a_side_with_errors_exits_1(tmp_path: Path) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(LEFT, plans)
    path = plans / R / "tasks/market.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("[culture, ports]", "[x]"), encoding="utf-8"
    )
    result = runner.invoke(app, ["diff", "2018-2019", R, "--plans", str(plans)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "2020-2021 does not check" in result.stderr
    assert "error[unknown-reference]" in result.stderr


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def test_git_revisions(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(LEFT, repo / "plans")
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qam", "v1", "--allow-empty")
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v1")
    git(repo, "tag", "v1")
    shutil.rmtree(repo / "plans")
    shutil.copytree(RIGHT, repo / "plans")
    git(repo, "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v2")
    before = sorted(p.as_posix() for p in (repo / "plans").rglob("*"))
    args = ["diff", f"{R}@v1", R, "--plans", str(repo / "plans"), "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["tasks"]["new"] == [{"id": "new-free-trade-zone"}]
    same = runner.invoke(
        app, ["diff", f"{R}@HEAD~1", f"{R}@v1", "--plans", str(repo / "plans"), "--format", "json"]
    )
    assert same.exit_code == 0, same.output
    assert json.loads(same.stdout)["tasks"]["revised"] == []
    assert sorted(p.as_posix() for p in (repo / "plans").rglob("*")) == before  # untouched
    missing = runner.invoke(app, ["diff", f"{R}@nosuch", R, "--plans", str(repo / "plans")])
    assert missing.exit_code == 2 and "'nosuch' is not a commit, tag or branch" in missing.stderr


# Random edits of a round: every edit is accounted for, and nothing else is reported.
TASKS = [
    "state-capital-reform",
    "international-living-rooms",
    "trade-facilitation",
    "port-logistics",
]
EDITS = st.dictionaries(
    st.sampled_from(TASKS),
    st.sampled_from(["title", "lead", "due", "drop"]),
    max_size=4,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(edits=EDITS, add=st.booleans())
def test_random_edits_are_accounted_for(edits: dict[str, str], add: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        plans = Path(tmp) / "plans"
        shutil.copytree(LEFT, plans)
        files = [plans / R / "tasks/enterprise.yaml", plans / R / "tasks/market.yaml"]
        for task, edit in edits.items():
            for path in files:
                lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
                heads = [n for n, line in enumerate(lines) if line.strip() == f"- id: {task}"]
                if not heads:
                    continue
                first = heads[0]
                depth = len(lines[first]) - len(lines[first].lstrip())
                last = first + 1
                while last < len(lines) and len(lines[last]) - len(lines[last].lstrip()) > depth:
                    last += 1
                pad = " " * (depth + 2)
                block = "".join(lines[first:last])
                if edit == "drop":
                    block = ""
                    alone = lines[first - 1].rstrip().endswith("tasks:") and (
                        last == len(lines) or lines[last].lstrip().startswith("- title:")
                    )
                    if alone:  # the section keeps an empty list of tasks
                        lines[first - 1] = lines[first - 1].rstrip() + " []\n"
                elif edit == "title":
                    block = block.replace(f"{pad}title: ", f"{pad}title: 修订", 1)
                elif edit == "lead":
                    block = block.replace(f"{pad}lead: [", f"{pad}lead: [culture, ", 1)
                elif f"{pad}due: " in block:
                    block = re.sub(rf"{pad}due: .*", f"{pad}due: 2030-01", block)
                else:
                    block = block.replace(f"{pad}title:", f"{pad}due: 2030-01\n{pad}title:", 1)
                path.write_text(
                    "".join(lines[:first]) + block + "".join(lines[last:]), encoding="utf-8"
                )
        if add:
            path = files[1]
            path.write_text(
                path.read_text(encoding="utf-8")
                + "  - title: 新增方面\n    tasks:\n"
                + "      - id: added-task\n        title: 新增的任务标题完全不同\n",
                encoding="utf-8",
            )
        new = analyze(plans)
        assert [x for x in new.diagnostics if x.severity.value == "error"] == []
        everything = as_dict(diff_rounds(analyze(LEFT).index, R, new.index, R, "a", "b"))
    for kind in ("chapters", "indicators", "cases"):
        assert everything[kind]["revised"] == everything[kind]["new"] == []
        assert everything[kind]["dropped"] == []
    d = everything["tasks"]
    dropped = sorted(t for t, e in edits.items() if e == "drop")
    revised = {t: [e] for t, e in edits.items() if e != "drop"}
    assert sorted(x["id"] for x in d["dropped"]) == dropped
    assert {x["from"]: x["changes"] for x in d["revised"]} == revised
    assert [x["id"] for x in d["new"]] == (["added-task"] if add else [])
    untouched = sorted(set(TASKS) - set(edits))
    assert sorted(x["from"] for x in d["continued"]) == untouched


def test_a_committed_symlink_is_reported_not_followed(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(LEFT, repo / "plans")
    (tmp_path / "secret.yaml").write_text("a secret line: 1\n", encoding="utf-8")
    (repo / "plans" / R / "tasks/leak.yaml").symlink_to(tmp_path / "secret.yaml")
    (repo / "plans" / R / "tasks/up.yaml").symlink_to("../../../../secret.yaml")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "v1")
    result = runner.invoke(app, ["diff", f"{R}@HEAD", R, "--plans", str(repo / "plans")])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    assert result.exit_code == 1, result.output  # a side with errors, as in the work tree
    assert "tasks/leak.yaml" in result.output and "outside the plans folder" in result.output
    assert "tasks/up.yaml" in result.output
    assert "a secret line" not in result.output


@pytest.mark.parametrize("rev", ["-x", "--output=/tmp/planc-owned", "--all"])
def test_an_option_like_revision_is_refused_by_name(tmp_path: Path, rev: str) -> None:
    repo = tmp_path / "repo"
    shutil.copytree(LEFT, repo / "plans")
    git(repo, "init", "-q")
    result = runner.invoke(app, ["diff", f"{R}@{rev}", R, "--plans", str(repo / "plans")])
    assert result.exit_code == 2
    assert f"'{rev}' is not a revision: it starts with '-'" in result.stderr
