"""The whole-round workbook's two promises, as properties: a workbook exported and imported
unedited changes no byte of any source; and any edits made in the workbook come out as the
same edits made in the YAML by hand would (the same planc diff)."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planc.diff import diff_rounds
from planc.diff.report import as_dict
from planc.ids import new_id
from planc.load.roundtrip import round_trip_yaml
from planc.paths import CACHE_DIR
from planc.pipeline import analyze
from tests.conftest import SHIPPED, VALID
from tests.workbook import added, cell, deleted, edited, make, run, snapshot

ROUND = "2020-2021"
UNITS = {"commerce": "市商务局", "culture": "市文化和旅游局", "ports": "山东港口青岛港集团"}
TASKS = {  # task -> its file and the section it stands in
    "state-capital-reform": ("enterprise", None),
    "international-living-rooms": ("market", "在建平台集聚资源方面"),
    "trade-facilitation": ("market", "在优化环境方面"),
}
CHAPTERS = {"enterprise": "推进企业国际化", "market": "推进市场国际化"}
PLACES = [
    ("enterprise", None),
    *[("market", s) for s in ("在建平台集聚资源方面", "在优化环境方面")],
]

titles = st.text(
    st.sampled_from("国际化城市建设推进服务开放合作港口贸易文化青岛"), min_size=2, max_size=16
)
leads = st.lists(st.sampled_from(list(UNITS)), min_size=1, max_size=3, unique=True)
change = st.one_of(
    st.just(("keep",)),
    st.tuples(st.just("title"), titles),
    st.tuples(st.just("due"), st.sampled_from(["2020-12", "2021-06", "2021-12-31"])),
    st.tuples(st.just("lead"), leads),
    st.just(("drop",)),
)
new_task = st.tuples(st.integers(0, len(PLACES) - 1), titles, leads)


@pytest.mark.parametrize("name", ["2016-2017", "2018-2019", "2020-2021", "2022-2023"])
def test_shipped_rounds_round_trip_without_a_byte_changed(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED, plans, ignore=shutil.ignore_patterns(CACHE_DIR))
    before = snapshot(plans)
    make(plans, tmp_path / "w.xlsx", name)
    code, said = run(plans, tmp_path / "w.xlsx", "--apply", name=name)
    assert (code, said.splitlines()[1:]) == (
        0,
        ["  no changes: the workbook holds what the sources hold"],
    )
    assert snapshot(plans) == before


def test_a_round_begun_by_planc_new_round_trips_without_a_byte_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its indicator systems are marked carried over: the 沿用自 column, unedited, is no
    change either."""
    from typer.testing import CliRunner

    from planc.cli import app

    monkeypatch.chdir(tmp_path)
    plans = tmp_path / "plans"
    shutil.copytree(VALID, plans, ignore=shutil.ignore_patterns(CACHE_DIR))
    assert CliRunner().invoke(app, ["new", "2022-2023"]).exit_code == 0
    before = snapshot(plans)
    assert (
        b"carried_from: 2020-2021" in before["2022-2023/indicators/five-internationalizations.yaml"]
    )
    make(plans, tmp_path / "w.xlsx", "2022-2023")
    code, said = run(plans, tmp_path / "w.xlsx", "--apply", name="2022-2023")
    assert (code, said.splitlines()[1:]) == (
        0,
        ["  no changes: the workbook holds what the sources hold"],
    )
    assert snapshot(plans) == before


def _by_hand(plans: Path, changes: dict[str, tuple[Any, ...]], news: list[Any]) -> None:
    """The same edits made in the YAML, as a person with an editor would."""
    yaml = round_trip_yaml()
    docs = {c: yaml.load((plans / f"{ROUND}/tasks/{c}.yaml").read_text("utf-8")) for c in CHAPTERS}

    def seq(chapter: str, section: str | None) -> Any:
        doc = docs[chapter]
        if section is None:
            return doc["tasks"]
        return next(s["tasks"] for s in doc["sections"] if s["title"] == section)

    taken = set(TASKS)
    for tid, what in changes.items():
        items = seq(*TASKS[tid])
        node = next(t for t in items if t["id"] == tid)
        if what[0] == "drop":
            items.remove(node)
        elif what[0] in ("title", "due", "lead"):
            node[what[0]] = list(what[1]) if what[0] == "lead" else what[1]
    for place, title, lead in news:
        tid = new_id(lead[0], taken)
        taken.add(tid)
        seq(*PLACES[place]).append({"id": tid, "title": title, "lead": list(lead)})
    for chapter, doc in docs.items():
        out = io.StringIO()
        yaml.dump(doc, out)
        (plans / f"{ROUND}/tasks/{chapter}.yaml").write_text(out.getvalue(), "utf-8")


def _diff(original: Path, changed: Path) -> dict[str, Any]:
    a, b = analyze(original, [ROUND], cache=False), analyze(changed, [ROUND], cache=False)
    assert not b.failing(), b.diagnostics
    return as_dict(diff_rounds(a.index, ROUND, b.index, ROUND, "a", "b"))


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    changes=st.fixed_dictionaries({tid: change for tid in TASKS}),
    news=st.lists(new_task, max_size=2),
)
def test_edits_in_the_workbook_equal_the_same_edits_in_yaml(
    tmp_path_factory: pytest.TempPathFactory,
    changes: dict[str, tuple[Any, ...]],
    news: list[Any],
) -> None:
    work = tmp_path_factory.mktemp("edits")
    original = work / "original"
    shutil.copytree(VALID, original, ignore=shutil.ignore_patterns(CACHE_DIR))
    for side in ("workbook", "hand"):
        shutil.copytree(original, work / side)
    make(original, work / "w.xlsx")
    edits = []
    headings = {"title": "工作任务", "due": "完成时限", "lead": "牵头单位"}
    for tid, what in changes.items():
        if what[0] == "drop":
            edits.append(deleted("tasks", tid))
        elif what[0] != "keep":
            value = "、".join(UNITS[u] for u in what[1]) if what[0] == "lead" else what[1]
            edits.append(cell("tasks", tid, headings[what[0]], value))
    for place, title, lead in news:
        chapter, section = PLACES[place]
        edits.append(
            added(
                "tasks",
                {
                    "工作任务": title,
                    "部分": CHAPTERS[chapter],
                    "方面": section,
                    "牵头单位": "、".join(UNITS[u] for u in lead),
                },
            )
        )
    workbook = edited(work / "w.xlsx", work / "edited.xlsx", *edits)
    here = os.getcwd()
    try:
        os.chdir(work)
        code, said = run(work / "workbook", workbook, "--apply", "--confirm-drops")
    finally:
        os.chdir(here)
    assert code == 0, said
    _by_hand(work / "hand", changes, news)
    assert _diff(original, work / "workbook") == _diff(original, work / "hand")
