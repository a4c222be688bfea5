"""An adopted comment must have changed its task between the draft the forms were made from (a
git commit, recorded in the forms) and the revised plan: "adopted-unchanged" otherwise."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.conftest import diagnostics, edit
from tests.consult_forms import COMMERCE, comment_on, fill, make_forms, run_import

RECORD = "2020-2021/consultation/round-1.yaml"


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


@pytest.fixture
def imported(plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The plans committed in git as the draft, forms made from it, one comment imported on
    task state-capital-reform. Returns the draft commit."""
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "plans")
    git(tmp_path, "commit", "-qm", "draft")
    monkeypatch.chdir(tmp_path)
    out = make_forms(plans, Path("forms"))
    assert "note:" not in out  # the draft is committed: the forms carry its commit
    reply = fill(
        Path("forms") / COMMERCE,
        tmp_path / "back.xlsx",
        comment_on("state-capital-reform", "建议写明“投资运营”"),
    )
    assert run_import(plans, reply)[0] == 0
    return git(tmp_path, "rev-parse", "HEAD")


def adopt(plans: Path) -> None:
    edit(
        plans,
        RECORD,
        "    cell: 任务意见!H4\n",
        "    cell: 任务意见!H4\n    disposition: adopted\n",
    )


def test_the_import_records_the_draft(plans: Path, imported: str) -> None:
    assert f"\ndraft: {imported}\n" in (plans / RECORD).read_text(encoding="utf-8")


def test_an_adopted_comment_whose_task_did_not_change(plans: Path, imported: str) -> None:
    adopt(plans)
    found = [(d.code, d.loc.file, d.loc.line, d.message) for d in diagnostics(plans)]
    assert found == [
        (
            "adopted-unchanged",
            RECORD,
            19,
            f"comment '{_id(plans)}' is adopted, but task 'state-capital-reform' is as it was in "
            f"the draft ({imported[:12]})",
        ),
    ]


def test_revising_the_task_settles_it(plans: Path, imported: str) -> None:
    adopt(plans)
    edit(
        plans,
        "2020-2021/tasks/enterprise.yaml",
        "深化国有资本投资运营公司改革",
        "深化国有资本投资、运营公司改革",
    )
    assert diagnostics(plans) == []


def test_a_revised_version_named_by_its_commit(plans: Path, imported: str, tmp_path: Path) -> None:
    adopt(plans)
    git(tmp_path, "add", "plans")
    git(tmp_path, "commit", "-qm", "adopted, not yet revised")
    revised = git(tmp_path, "rev-parse", "HEAD")
    edit(plans, RECORD, f"draft: {imported}\n", f"draft: {imported}\nrevised: {revised}\n")
    # The work tree has moved on, but the revised version named is the one compared.
    edit(plans, "2020-2021/tasks/enterprise.yaml", "深化国有资本投资运营公司改革", "深化改革")
    assert [d.code for d in diagnostics(plans)] == ["adopted-unchanged"]


def test_a_draft_git_cannot_read(plans: Path, imported: str) -> None:
    adopt(plans)
    edit(plans, RECORD, f"draft: {imported}", "draft: 0123456789abcdef0123")
    (d,) = diagnostics(plans)
    assert (d.code, d.loc.line) == ("unknown-reference", 5)
    assert d.message.startswith(
        "the draft '0123456789abcdef0123' cannot be compared: '0123456789abcdef0123' is not a "
        "commit, tag or branch of the git repository"
    )


def _id(plans: Path) -> str:
    for line in (plans / RECORD).read_text(encoding="utf-8").splitlines():
        if line.startswith("  - id: "):
            return line.removeprefix("  - id: ")
    raise AssertionError("no comment")


def test_diff_names_the_comments_that_changed_a_task(plans: Path, imported: str) -> None:
    from typer.testing import CliRunner

    from planc.cli import app

    adopt(plans)
    edit(
        plans,
        "2020-2021/tasks/enterprise.yaml",
        "深化国有资本投资运营公司改革",
        "深化国有资本投资、运营公司改革",
    )
    cid = _id(plans)
    runner = CliRunner()
    args = ["diff", f"2020-2021@{imported[:10]}", "2020-2021", "--only", "tasks"]
    text = runner.invoke(app, args).stdout
    assert (
        "  ~ state-capital-reform → state-capital-reform [id 0.97] title\n"
        "      title: 深化国有资本投资{+、+}运营公司改革\n"  # marked: the output has no colour
        f"      征求意见 {cid} 市商务局（adopted）：建议写明“投资运营”\n"
    ) in text
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    (revised,) = data["tasks"]["revised"]
    assert revised["comments"] == [
        {"id": cid, "unit": "市商务局", "disposition": "adopted", "text": "建议写明“投资运营”"}
    ]
    markdown = runner.invoke(app, [*args, "--format", "markdown"]).stdout
    assert f"  - 征求意见 {cid} 市商务局（adopted）：建议写明“投资运营”\n" in markdown


def test_the_codes_example_is_what_planc_prints(plans: Path, imported: str) -> None:
    """`planc explain adopted-unchanged` shows a line planc prints here; only the comment's id
    and the draft's commit differ from run to run."""
    from planc.codes import CODES

    adopt(plans)
    (d,) = diagnostics(plans)
    printed = f"plans/{d.loc}: {d.severity.value}[{d.code}] {d.message}"
    example = CODES["adopted-unchanged"].example
    shown_id = example.split("comment '", 1)[1].split("'", 1)[0]
    shown_commit = example.rsplit("(", 1)[1].rstrip(")")
    assert printed == example.replace(shown_id, _id(plans)).replace(shown_commit, imported[:12])
