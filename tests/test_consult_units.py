"""The consultation covers every unit consulted: forms to units without tasks (`--all`, or
plan.yaml's `consulted:`), the report names the units that never replied, and a unit's
corrected form replaces the comments of its earlier one (with a warning) instead of adding
them twice."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from planc.cli import app
from planc.codes import CODES
from tests.conftest import diagnostics, edit
from tests.consult_forms import COMMERCE, both, comment_on, fill, general, make_forms, run_import

runner = CliRunner()
RECORD = "2020-2021/consultation/round-1.yaml"
OCEAN = "市海洋发展局-2020-2021征求意见表（第1次）.xlsx"


@pytest.fixture
def here(plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture plans with a fourth unit, which leads and partners nothing."""
    units = plans / "registry/units.yaml"
    units.write_text(units.read_text("utf-8") + "  ocean: {name: 市海洋发展局}\n", "utf-8")
    monkeypatch.chdir(tmp_path)
    return plans


def test_forms_for_every_unit_with_all(here: Path) -> None:
    result = runner.invoke(app, ["consult", "forms", "2020-2021", "--all", "--out", "f"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:5] == [
        "  市商务局-2020-2021征求意见表（第1次）.xlsx  市商务局: 2 tasks",
        "  市文化和旅游局-2020-2021征求意见表（第1次）.xlsx  市文化和旅游局: 1 task",
        "  山东港口青岛港集团-2020-2021征求意见表（第1次）.xlsx  山东港口青岛港集团: 2 tasks",
        f"  {OCEAN}  市海洋发展局: 0 tasks",
        "wrote 4 forms for consultation 1 of 2020-2021 into f/",
    ]
    without = runner.invoke(app, ["consult", "forms", "2020-2021", "--out", "g"])
    assert "wrote 3 forms" in without.stdout and not (Path("g") / OCEAN).exists()


def test_consulted_units_get_forms_and_the_report_names_who_never_replied(here: Path) -> None:
    edit(
        here,
        "2020-2021/plan.yaml",
        "edition: official\n",
        "edition: official\nconsulted: [ocean]\n",
    )
    assert diagnostics(here) == []
    make_forms(here, Path("forms"))
    assert (Path("forms") / OCEAN).is_file()
    Path("back").mkdir()
    a = fill(
        Path("forms") / COMMERCE, Path("back/a.xlsx"), comment_on("state-capital-reform", "好")
    )
    assert run_import(here, a)[0] == 0
    result = runner.invoke(app, ["consult", "report", "2020-2021"])
    assert (
        "never replied to consultation 1 (3): 市文化和旅游局、山东港口青岛港集团、市海洋发展局\n"
        in result.stdout
    )
    data = runner.invoke(app, ["consult", "report", "2020-2021", "--format", "json"])
    assert '"missing": [\n        {\n          "unit": "culture",' in data.stdout


def test_a_consulted_unit_not_in_the_registry(here: Path) -> None:
    edit(
        here,
        "2020-2021/plan.yaml",
        "edition: official\n",
        "edition: official\nconsulted: [ocaen]\n",
    )
    found = [(d.code, d.message, d.hint) for d in diagnostics(here)]
    assert found == [
        (
            "unknown-reference",
            "2020-2021/plan.yaml names unit 'ocaen', which is not in registry/units.yaml",
            "did you mean 'ocean'?",
        )
    ]


def test_a_corrected_form_replaces_the_earlier_comments(here: Path) -> None:
    make_forms(here, Path("forms"))
    Path("back").mkdir()
    first = fill(
        Path("forms") / COMMERCE,
        Path("back/first.xlsx"),
        both(comment_on("state-capital-reform", "建议明确时间表"), general(4, "建议细化")),
    )
    assert run_import(here, first)[0] == 0
    # The office disposes of the first comment, then the unit sends its form again, corrected.
    path = here / RECORD
    yaml = YAML()
    data = yaml.load(path.read_text("utf-8"))
    gone = [c["id"] for c in data["comments"]]
    data["comments"][1]["disposition"] = "noted"
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    corrected = fill(
        Path("forms") / COMMERCE,
        Path("back/corrected.xlsx"),
        both(comment_on("state-capital-reform", "建议明确时间表"), general(4, "建议细化分工")),
    )
    code, out = run_import(here, corrected, received="2020-05-12")
    assert (code, out) == (
        0,
        f"back/corrected.xlsx: warning[form-replaced] 市商务局 sent a corrected form for "
        f"consultation 1: it replaces the 1 comments of its earlier form ({gone[1]})\n"
        f"    hint: the office had disposed of {gone[1]}: record their dispositions again on "
        "the new comments\n"
        "  back/corrected.xlsx  市商务局, consultation 1: 2 comments\n"
        f"plans/{RECORD}: 1 new comment, 1 new response\n",
    )
    comments = YAML(typ="safe").load(path.read_text("utf-8"))["comments"]
    assert [(c["id"], c["text"]) for c in comments] == [
        (gone[0], "建议明确时间表"),
        (comments[1]["id"], "建议细化分工"),
    ]
    # The same corrected form again: nothing replaced, nothing new.
    before = path.read_bytes()
    code, out = run_import(here, corrected, received="2020-05-13")
    assert code == 0 and "form-replaced" not in out and path.read_bytes() == before


def test_the_form_replaced_example_is_what_planc_prints(here: Path) -> None:
    make_forms(here, Path("forms"))
    Path("back").mkdir()
    one = fill(Path("forms") / COMMERCE, Path("back") / COMMERCE, general(4, "建议细化"))
    assert run_import(here, one)[0] == 0
    again = fill(Path("forms") / COMMERCE, Path("back") / COMMERCE, general(4, "建议细化分工"))
    out = run_import(here, again)[1]
    assert out.splitlines()[0] == CODES["form-replaced"].example
