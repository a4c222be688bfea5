"""The clerks' language: Chinese under a Chinese locale, English otherwise, from one catalogue
that misses no message."""

from __future__ import annotations

import ast
import inspect
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from planc import i18n
from planc.cli import app, consult_app, progress_app
from planc.codes import CODES
from planc.zh_cn import ZH
from tests.conftest import VALID, edit

PACKAGE = Path(__file__).resolve().parent.parent / "planc"
PLANC = str(Path(sys.executable).with_name("planc"))


def messages() -> set[str]:
    """Every message planc can show: the literal first argument of each `_()` call, the
    commands' help, the codes' descriptions and the statuses of a figure."""
    found = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "_":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    found.add(first.value)
    for info in [
        *app.registered_commands,
        *consult_app.registered_commands,
        *progress_app.registered_commands,
    ]:
        assert info.callback is not None and info.callback.__doc__
        found.add(inspect.cleandoc(info.callback.__doc__))
    for code in CODES.values():
        found |= {code.summary, code.fix}
    statuses = {"ok", "mismatch", "incomplete", "not counted", "inconsistent", "partial"}
    return found | statuses


def fields(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_every_message_has_a_chinese_translation() -> None:
    found = messages()
    assert len(found) > 80
    assert sorted(found - set(ZH)) == []


def test_translations_keep_every_field() -> None:
    assert [k for k, v in ZH.items() if fields(k) != fields(v)] == []


@pytest.mark.parametrize(
    ("env", "chinese"),
    [
        ({"LANG": "zh_CN.UTF-8"}, True),
        ({"LANG": "C.UTF-8", "LC_MESSAGES": "zh_CN"}, True),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "C"}, False),  # LC_ALL wins, as in POSIX
        ({"LANG": "en_US.UTF-8"}, False),
        ({}, False),
    ],
)
def test_the_locale_decides(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], chinese: bool
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert i18n.chinese() is chinese


def test_check_speaks_chinese_under_a_chinese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = CliRunner().invoke(app, ["check", "--plans", str(VALID)])
    assert (result.exit_code, result.stdout) == (0, "已检查 2 轮：0 个错误，0 个警告，0 条提示\n")
    bad = CliRunner().invoke(app, ["check", "2099-2100", "--plans", str(VALID)])
    assert bad.exit_code == 2
    assert bad.stderr.startswith("planc：错误：") and "没有 '2099-2100' 这一轮" in bad.stderr


def test_help_follows_the_locale() -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES")}
    chinese = subprocess.run(
        [PLANC, "check", "--help"],
        env={**env, "LANG": "zh_CN.UTF-8"},
        capture_output=True,
        text=True,
    )
    assert "检查计划源文件，报告每个问题" in chinese.stdout and "计划文件夹。" in chinese.stdout
    english = subprocess.run(
        [PLANC, "check", "--help"], env={**env, "LANG": "C.UTF-8"}, capture_output=True, text=True
    )
    assert "Validate the plan sources" in english.stdout


def test_check_problems_speak_chinese(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Several kinds of problem at once: each message and hint in the office's words, and
    the same run in English unchanged."""
    edit(plans, "2020-2021/tasks/market.yaml", "[culture, ports]", "[culture, port]")
    edit(plans, "2020-2021/tasks/market.yaml", "number: 30", "number: 20")
    edit(plans, "2020-2021/tasks/market.yaml", "cases: [hk-airport-city]", "cases: []")
    monkeypatch.chdir(plans.parent)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "plans/2020-2021/cases/market.yaml:3:9: warning[unused-case] 2020-2021 没有工作任务引用"
        "对标案例 'hk-airport-city'（香港“机场城市”）",
        "    提示：在某项工作任务的 `cases:` 中写上它，或删除它",
        "plans/2020-2021/plan.yaml:14:22: warning[declared-mismatch] 涉及对标：公布 2，"
        "但源文件收录 1",
        "plans/2020-2021/tasks/market.yaml:9:29: error[unknown-reference] 工作任务 "
        "'international-living-rooms' 引用的单位 'port' 不在 registry/units.yaml 中",
        "    提示：是不是 'ports'？",
        "plans/2020-2021/tasks/market.yaml:17:17: error[number-conflict] 工作任务 "
        "'trade-facilitation' 编号为 20，却排在编号为 24 的工作任务 'international-living-rooms' "
        "之后",
        "    提示：编号按部分顺序（plan.yaml）和文件顺序递增",
        "已检查 2 轮：2 个错误，2 个警告，0 条提示",
    ]
    monkeypatch.setenv("LANG", "C.UTF-8")
    english = CliRunner().invoke(app, ["check"]).stdout
    assert "task 'trade-facilitation' is numbered 20 but follows task" in english
    assert "    hint: did you mean 'ports'?" in english and "提示" not in english
