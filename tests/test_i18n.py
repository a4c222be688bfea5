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

import openpyxl
import pytest
from typer.testing import CliRunner

from planc import i18n
from planc.cli import app, consult_app, progress_app
from planc.codes import CODES
from planc.zh_cn import ZH
from tests.conftest import VALID, edit, set_language
from tests.consult_forms import COMMENT, COMMERCE, fill, make_forms, run_import, sheet

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
    i18n.reset()
    assert i18n.chinese() is chinese


def test_check_speaks_chinese_under_a_chinese_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    set_language(monkeypatch, "zh_CN.UTF-8")
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


def test_each_run_of_the_command_line_reads_the_locale() -> None:
    """planc reads the locale once, and each run of the command line afresh: runs with their
    own environments in one process (CliRunner's `env`, as the pins and the README are made)
    each speak their own language, and a Chinese run leaves no Chinese behind it (typer
    words the options' help before a run starts)."""
    runner = CliRunner()
    zh = {"LANG": "zh_CN.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}
    en = {"LANG": "C.UTF-8", "LC_ALL": None, "LC_MESSAGES": None}
    assert "计划文件夹。" in runner.invoke(app, ["check", "--help"], env=zh).stdout
    english = runner.invoke(app, ["check", "--help"], env=en).stdout
    assert "The plans folder." in english and "计划" not in english
    assert i18n._chinese is None  # forgotten after the run: the next caller reads its own


def test_check_problems_speak_chinese(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Several kinds of problem at once: each message and hint in the office's words, and
    the same run in English unchanged."""
    edit(plans, "2020-2021/tasks/market.yaml", "[culture, ports]", "[culture, port]")
    edit(plans, "2020-2021/tasks/market.yaml", "number: 30", "number: 20")
    edit(plans, "2020-2021/tasks/market.yaml", "cases: [hk-airport-city]", "cases: []")
    monkeypatch.chdir(plans.parent)
    set_language(monkeypatch, "zh_CN.UTF-8")
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
    set_language(monkeypatch, "C.UTF-8")
    english = CliRunner().invoke(app, ["check"]).stdout
    assert "task 'trade-facilitation' is numbered 20 but follows task" in english
    assert "    hint: did you mean 'ports'?" in english and "提示" not in english


def test_a_refused_form_speaks_chinese(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a clerk sees when a returned form is refused: the cell, the problem and what to do,
    in the office's words; the same form refused in English as before."""
    monkeypatch.chdir(tmp_path)
    make_forms(plans, Path("forms"))
    Path("back").mkdir()

    def formula(wb: openpyxl.Workbook) -> None:
        sheet(wb, "tasks")[f"{COMMENT}4"] = "=I4"

    back = fill(Path("forms") / COMMERCE, Path("back") / "商务局.xlsx", formula)
    set_language(monkeypatch, "zh_CN.UTF-8")
    code, out = run_import(plans, back)
    assert code == 1
    assert out.splitlines() == [
        "back/商务局.xlsx:任务意见!H4: error[form-cell] “意见”栏填的是公式（=I4），公式无法导入",
        "    提示：请直接填写内容（以“=”开头会变成公式），或用“选择性粘贴—数值”粘贴",
        "planc：表格中有 1 个错误；没有导入任何内容",
    ]
    old = Path("back") / "旧表.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504)
    assert run_import(plans, old)[1].splitlines()[:2] == [
        "back/旧表.xls: error[form-unreadable] 无法导入：此文件是Excel 97-2003（.xls）或 WPS"
        "（.et）格式的工作簿，不是 .xlsx 格式",
        "    提示：请用 Excel 或 WPS 打开，另存为“Excel 工作簿 (*.xlsx)”后再导入",
    ]
    set_language(monkeypatch, "C.UTF-8")
    assert run_import(plans, back)[1].splitlines()[0] == (
        "back/商务局.xlsx:任务意见!H4: error[form-cell] a formula (=I4) where 意见 is expected"
    )


def test_progress_usage_errors_speak_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    set_language(monkeypatch, "zh_CN.UTF-8")
    out = str(tmp_path / "forms")
    args = ["progress", "forms", "2020-2021", "--out", out, "--plans", str(VALID)]
    outside = CliRunner().invoke(app, [*args, "--period", "2019-Q1"])
    assert (outside.exit_code, outside.stderr) == (
        2,
        "planc：错误：期次 2019-Q1 不在 2020-2021 这一轮（2020-2021）之内\n",
    )
    garbled = CliRunner().invoke(app, [*args, "--period", "2021-Q9"])
    assert garbled.stderr == (
        "planc：错误：--period 2021-Q9 不是期次（应写 2021-Q2、2021-H1 或 2021-06）\n"
    )
    assert not (tmp_path / "forms").exists()
    set_language(monkeypatch, "C.UTF-8")
    english = CliRunner().invoke(app, [*args, "--period", "2019-Q1"])
    assert english.stderr == (
        "planc: error: period 2019-Q1 is outside round 2020-2021 (2020-2021)\n"
    )


def test_loader_problems_speak_chinese(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A YAML syntax error, an unknown field and a file saved as GB18030: what went wrong and
    what to do in the office's words; the same run in English unchanged."""
    edit(
        plans,
        "2020-2021/tasks/market.yaml",
        "        lead: [commerce]\n",
        "        lead: [commerce\n",
    )
    edit(
        plans,
        "2020-2021/cases/market.yaml",
        "    places: [hk, london]\n",
        "    place: [hk, london]\n",
    )
    gbk = plans / "2018-2019/tasks/enterprise.yaml"
    gbk.write_bytes(gbk.read_text(encoding="utf-8").encode("gb18030"))
    monkeypatch.chdir(plans.parent)
    set_language(monkeypatch, "zh_CN.UTF-8")
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        "plans/2018-2019/tasks/enterprise.yaml:5:12: error[encoding] 文件不是 UTF-8 编码"
        "（此处字节 0xBD），看起来是 GB18030/GBK（简体中文）",
        "    提示：请另存为 UTF-8（iconv -f GB18030 -t UTF-8）",
        "plans/2020-2021/cases/market.yaml:5:5: error[schema] 对标案例中没有字段 'place'",
        "    提示：是不是 'places'？",
        "plans/2020-2021/tasks/market.yaml:9:17: error[yaml-syntax] 读取方括号 [] 中的列表时，"
        "找不到应有的 ',' 或 ']'（方括号可能没闭合）",
        "已检查 2 轮：3 个错误，0 个警告，0 条提示",
    ]
    set_language(monkeypatch, "C.UTF-8")
    assert CliRunner().invoke(app, ["check"]).stdout.splitlines()[::2] == [
        "plans/2018-2019/tasks/enterprise.yaml:5:12: error[encoding] the file is not UTF-8 "
        "(byte 0xBD here); it looks like GB18030/GBK (Simplified Chinese)",
        "plans/2020-2021/cases/market.yaml:5:5: error[schema] unknown field 'place' in case",
        "plans/2020-2021/tasks/market.yaml:9:17: error[yaml-syntax] did not find expected ',' "
        "or ']' (while parsing a flow sequence)",
    ]
