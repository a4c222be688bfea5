"""The files around the YAML: links, special files, names, modes. planc reads nothing outside
the plans folder and reports, at the path, everything it does not read."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planc.cli import app
from planc.diagnostics import Diagnostic
from planc.pipeline import analyze
from planc.report import as_github, as_json, printable, write_text
from tests.conftest import VALID
from tests.privileges import as_a_user, open_folder

SECRET = "a line of a file outside the plans folder"
runner = CliRunner()


@pytest.fixture
def plans(tmp_path: Path) -> Path:
    target = tmp_path / "plans"
    shutil.copytree(VALID, target)
    (tmp_path / "outside.yaml").write_text(f"{SECRET}: 1\n", encoding="utf-8")
    return target


def found(plans: Path) -> set[tuple[str, str]]:
    return {(d.code, d.loc.file) for d in analyze(plans).diagnostics}


def check_json(plans: Path) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(app, ["check", "--plans", str(plans), "--format", "json"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
    return result.exit_code, json.loads(result.stdout), result.stdout


def test_a_link_out_of_the_plans_folder_is_reported_not_followed(plans: Path) -> None:
    outside = plans.parent / "outside.yaml"
    (plans / "2020-2021/tasks/leak.yaml").symlink_to(outside)
    (plans / "2020-2021/cases/abs.yaml").symlink_to("/etc/hostname")
    os.replace(plans / "registry/units.yaml", plans.parent / "units.yaml")
    (plans / "registry/units.yaml").symlink_to(plans.parent / "units.yaml")
    shutil.copytree(plans / "2018-2019", plans.parent / "2016-2017")
    (plans / "2016-2017").symlink_to(plans.parent / "2016-2017")  # a round folder linked in
    code, payload, text = check_json(plans)
    assert code == 1
    assert SECRET not in text  # not one line of the outside file comes back
    files = {d["file"] for d in payload["diagnostics"]}  # type: ignore[attr-defined]
    assert {
        "2020-2021/tasks/leak.yaml",
        "2020-2021/cases/abs.yaml",
        "registry/units.yaml",
        "2016-2017",
    } <= files
    messages = [d["message"] for d in payload["diagnostics"]]  # type: ignore[attr-defined]
    assert any("outside the plans folder" in m for m in messages)
    # A round folder linked from outside is no round: not listed, not built.
    assert "2016-2017" not in analyze(plans).rounds


def test_a_link_inside_the_plans_folder_is_read(plans: Path) -> None:
    os.replace(plans / "2020-2021/cases/enterprise.yaml", plans / "shared.yaml.txt")
    (plans / "2020-2021/cases/enterprise.yaml").symlink_to("../../shared.yaml.txt")
    assert found(plans) == set()


@pytest.mark.parametrize("kind", ["fifo", "folder", "device", "socket-like link"])
def test_special_files_are_reported(plans: Path, kind: str) -> None:
    path = plans / "2020-2021/tasks/odd.yaml"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "folder":
        path.mkdir()
    elif kind == "device":
        path.symlink_to("/dev/null")  # outside, and a device
    else:
        (plans / "dev-null").symlink_to("/dev/zero")
        path.symlink_to("../../dev-null")
    assert ("schema", "2020-2021/tasks/odd.yaml") in found(plans)
    assert runner.invoke(app, ["check", "--plans", str(plans)]).exit_code == 1


def test_plan_and_registry_as_folders_are_reported(plans: Path) -> None:
    (plans / "2018-2019/plan.yaml").unlink()
    (plans / "2018-2019/plan.yaml").mkdir()
    (plans / "registry/places.yaml").unlink()
    os.mkfifo(plans / "registry/places.yaml")
    assert {("schema", "2018-2019/plan.yaml"), ("schema", "registry/places.yaml")} <= found(plans)


def test_names_that_are_not_utf8_are_reported_escaped(plans: Path, tmp_path: Path) -> None:
    raw = os.fsencode(plans) + b"/2020-2021/tasks/\xb9\xfa\xbc\xca.yaml"  # GBK for 国际
    with open(raw, "wb") as handle:
        handle.write(b"chapter: market\n")
    os.mkdir(os.fsencode(plans) + b"/notes-\xff")
    code, payload, text = check_json(plans)
    assert code == 1
    text.encode("utf-8")  # valid UTF-8 all through
    files = {d["file"] for d in payload["diagnostics"]}  # type: ignore[attr-defined]
    assert "2020-2021/tasks/\\xb9\\xfa\\xbc\\xca.yaml" in files
    assert "notes-\\xff" in files
    github = runner.invoke(app, ["check", "--plans", str(plans), "--format", "github"])
    assert github.exit_code == 1 and "\\xb9" in github.stdout
    # build reports them like check, and dies of nothing
    build = runner.invoke(app, ["build", "--plans", str(plans), "--out", str(tmp_path / "d")])
    assert build.exit_code == 1 and "is not UTF-8" in build.output, build.output
    assert not (tmp_path / "d").exists()


def test_an_unreadable_round_folder_is_one_located_diagnostic() -> None:
    with open_folder() as tmp:
        plans = tmp / "plans"
        shutil.copytree(VALID, plans)
        (plans / "2020-2021/cases").chmod(0)
        (plans / "2018-2019/tasks/enterprise.yaml").chmod(0)
        with as_a_user():
            diagnostics = analyze(plans).diagnostics
            result = runner.invoke(app, ["check", "--plans", str(plans), "--format", "json"])
        at = [(d.code, d.loc.file) for d in diagnostics]
        assert ("schema", "2020-2021/cases/") in at
        assert ("schema", "2018-2019/tasks/enterprise.yaml") in at
        # One diagnostic each: the round is not reconciled, no cascade of unknown cases.
        assert not any(d.code == "unknown-reference" and "case" in d.message for d in diagnostics)
        assert result.exit_code == 1
        assert "cannot read the folder" in result.stdout
        (plans / "2020-2021/cases").chmod(0o755)


CONTROLS = "bell\x07 escape\x1b[2J carriage\r return\x9b csi \u202e"


def test_control_characters_are_escaped_in_every_format(plans: Path) -> None:
    # Through YAML escapes in a double-quoted value, as a source can hold them.
    path = plans / "2020-2021/tasks/market.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("lead: [commerce]", 'lead: ["\\a\\e[2J\\r\\x9b\\u202e-unit"]', 1)
    path.write_text(text, encoding="utf-8")
    diagnostics = analyze(plans).diagnostics
    assert any("\x1b" in d.message for d in diagnostics)  # the message holds them raw
    import io

    stream = io.StringIO()
    write_text(diagnostics, plans, 2, stream)
    for out in (stream.getvalue(), as_github(diagnostics, plans), as_json(diagnostics)):
        assert not any(c in out for c in "\x07\x1b\r\x9b\u202e"), repr(out)
    assert "\\x1b[2J" in stream.getvalue() and "\\u202e" in stream.getvalue()
    assert json.loads(as_json(diagnostics))  # escapes are JSON escapes


def test_printable_escapes_only_controls() -> None:
    assert printable(CONTROLS) == "bell\\x07 escape\\x1b[2J carriage\\x0d return\\x9b csi \\u202e"
    assert printable("国际化 “客厅” tab-free") == "国际化 “客厅” tab-free"


def _diagnostic(message: str) -> Diagnostic:
    from planc.diagnostics import Loc

    return Diagnostic("schema", Loc("a\x1b.yaml"), message, "hint\x07")


def test_a_file_name_with_controls_is_escaped_too(tmp_path: Path) -> None:
    import io

    stream = io.StringIO()
    write_text([_diagnostic("x")], tmp_path, 1, stream)
    assert "\x1b" not in stream.getvalue() and "\x07" not in stream.getvalue()
    assert "\x1b" not in as_github([_diagnostic("x")], tmp_path)
