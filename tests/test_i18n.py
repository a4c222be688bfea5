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
from tests.conftest import VALID

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
