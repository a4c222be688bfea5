"""The loader: located nodes, refusals, and the model it builds from the valid fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from planc.diagnostics import Loc
from planc.load import load_project
from planc.load.nodes import ALIAS_ALLOWANCE, Map, Scalar, Seq, YamlFailure, decode
from planc.load.parse import parse_text
from planc.model import Ref
from tests.conftest import VALID, diagnostics


def test_every_value_keeps_its_line_and_column() -> None:
    root, problems = parse_text("a: 1\nb:\n  - 国际客厅\n  - {c: 'x'}\n", "f.yaml")
    assert problems == []
    assert isinstance(root, Map)
    key, seq = root.entries["b"]
    assert (key.line, key.column) == (2, 1)
    assert isinstance(seq, Seq)
    first, second = seq.items
    assert isinstance(first, Scalar) and (first.value, first.line, first.column) == (
        "国际客厅",
        3,
        5,
    )
    assert isinstance(second, Map)
    inner = second.entries["c"][1]
    assert isinstance(inner, Scalar) and (inner.line, inner.column, inner.plain) == (4, 9, False)


def test_columns_count_characters_not_bytes() -> None:
    root, _ = parse_text("标题: 青岛\n", "f.yaml")
    assert isinstance(root, Map)
    assert root.entries["标题"][1].column == 5


def test_duplicate_keys_are_all_reported_and_the_first_kept() -> None:
    root, problems = parse_text("a: 1\nb: 2\na: 3\nb: 4\n", "f.yaml")
    assert [(p.code, p.loc) for p in problems] == [
        ("duplicate-key", Loc("f.yaml", 3, 1)),
        ("duplicate-key", Loc("f.yaml", 4, 1)),
    ]
    assert isinstance(root, Map)
    value = root.entries["a"][1]
    assert isinstance(value, Scalar) and value.value == "1"


def test_alias_bomb_is_refused_without_expanding() -> None:
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 10) + "]" for i in range(1, 10)]
    with pytest.raises(YamlFailure) as failure:
        parse_text("\n".join(lines) + "\n", "bomb.yaml")
    d = failure.value.diagnostic
    assert d.code == "yaml-syntax"
    assert "alias bombs" in d.message
    assert d.loc.line <= 6  # refused as soon as the expansion passes the allowance


def test_modest_aliases_are_fine() -> None:
    text = "units: &u [commerce, culture]\na: *u\nb: *u\n"
    root, problems = parse_text(text, "f.yaml")
    assert problems == [] and isinstance(root, Map)
    assert root.entries["a"][1] is root.entries["b"][1]
    assert root.weight < ALIAS_ALLOWANCE


def test_a_second_document_is_refused() -> None:
    with pytest.raises(YamlFailure) as failure:
        parse_text("a: 1\n---\nb: 2\n", "f.yaml")
    assert (failure.value.diagnostic.code, failure.value.diagnostic.loc.line) == ("yaml-syntax", 2)


@pytest.mark.parametrize(
    ("data", "says"),
    [
        ("标题: 国际客厅\n".encode("gb18030"), "GB18030"),
        ("標題: 國際化行動計劃\n".encode("big5"), "Big5"),
        ("title: x\n".encode("utf-16"), "UTF-16"),
    ],
)
def test_encoding_is_named(data: bytes, says: str) -> None:
    with pytest.raises(YamlFailure) as failure:
        decode(data, "f.yaml")
    assert failure.value.diagnostic.code == "encoding"
    assert says in failure.value.diagnostic.message


def test_utf8_bom_is_accepted() -> None:
    assert decode("\ufefftitle: 青岛\n".encode(), "f.yaml") == "title: 青岛\n"


@pytest.mark.parametrize(
    ("text", "says", "at"),
    [
        ("", "the file is empty", (1, 1)),
        ("# only a comment\n", "the file is empty", (1, 1)),
        ("- a\n- b\n", "must be a mapping", (1, 1)),
        ("just text\n", "must be a mapping", (1, 1)),
    ],
)
def test_top_level_must_be_a_mapping(
    plans: Path, text: str, says: str, at: tuple[int, int]
) -> None:
    (plans / "2018-2019/cases/enterprise.yaml").write_text(text, encoding="utf-8")
    found = diagnostics(plans)
    assert [(d.code, d.loc.file, (d.loc.line, d.loc.column)) for d in found] == [
        ("schema", "2018-2019/cases/enterprise.yaml", at)
    ]
    assert says in found[0].message


def test_missing_registry_and_plan_are_reported(plans: Path) -> None:
    (plans / "registry/units.yaml").unlink()
    (plans / "2018-2019/plan.yaml").unlink()
    found = [(d.code, d.loc.file) for d in diagnostics(plans)]
    assert ("schema", "registry/units.yaml") in found
    assert ("schema", "2018-2019/plan.yaml") in found
    # Units cannot be checked without their registry: no cascade of unknown units.
    assert all(code != "unknown-reference" or "unit" not in file for code, file in found)


def test_stray_files_and_folders_are_named(plans: Path) -> None:
    (plans / "drafts").mkdir()
    (plans / "2020-2021/tasks/extra.yml").write_text("chapter: market\n", encoding="utf-8")
    found = {(d.code, d.loc.file) for d in diagnostics(plans)}
    assert found == {("schema", "drafts/"), ("schema", "2020-2021/tasks/extra.yml")}


def test_model_of_the_valid_fixture() -> None:
    project, problems = load_project(VALID)
    assert problems == []
    assert sorted(project.rounds) == ["2018-2019", "2020-2021"]
    rnd = project.rounds["2020-2021"]
    assert [c.id for c in rnd.chapters] == ["enterprise", "market"]
    market = rnd.chapters[1]
    assert [s.title for s in market.sections] == ["在建平台集聚资源方面", "在优化环境方面"]
    task = market.tasks[0]
    assert (task.id, task.number, task.section, task.due) == (
        "international-living-rooms",
        24,
        "在建平台集聚资源方面",
        "2021-12",
    )
    assert task.partners == [
        Ref("culture", Loc("2020-2021/tasks/market.yaml", 9, 20)),
        Ref("ports", Loc("2020-2021/tasks/market.yaml", 9, 29)),
    ]
    assert task.locs["title"] == Loc("2020-2021/tasks/market.yaml", 7, 16)
    first = rnd.chapters[0].tasks[0]
    assert first.continues == Ref("2018-2019:temasek-reform", Loc(first.loc.file, 9, 16))
    indicator = rnd.indicators()[0]
    assert (indicator.unit, indicator.baseline_year, indicator.baseline) == ("家", 2019, 46)
    assert indicator.targets == {"2021": 60, "高阶": 110}
    assert rnd.indicators()[1].targets == {"2021": "≥60"}
    assert rnd.declared["tasks"].value == 3
    assert rnd.declared["tasks"].loc == Loc("2020-2021/plan.yaml", 13, 10)
    assert project.registry.places["singapore"].country == Ref(
        "sg", Loc("registry/places.yaml", 2, 62)
    )
    assert rnd.cases()[0].references[0].year == 2019
