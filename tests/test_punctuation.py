"""GB/T 15834 in Chinese context: the renderer's normalisation, the `punctuation` info, and
`planc fix`, which rewrites only the offending characters of the sources."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from planc.cjk import punctuate
from planc.commands.fix import fix
from planc.load.fix import fix_text
from planc.render.typeset import normalise_html
from tests.conftest import diagnostics


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("行动计划(2020/2021年)", "行动计划（2020/2021年）"),
        ("港口,机场;航运:效率?好!", "港口，机场；航运：效率？好！"),
        ('建设"国际客厅"', "建设“国际客厅”"),
        ("他说“要建设“国际客厅””", "他说“要建设‘国际客厅’”"),  # nested: inner pair single
        ("2,500个 10:30", "2,500个 10:30"),  # between digits: as written
        ("London (UK), see: x", "London (UK), see: x"),  # no Chinese: as written
        ('开"放', '开"放'),  # unbalanced: left alone rather than guessed
        ("任务意见!H4", "任务意见!H4"),  # a spreadsheet cell, not an exclamation
    ],
)
def test_punctuate(text: str, fixed: str) -> None:
    assert punctuate(text) == fixed


def test_html_text_is_normalised_but_not_styles_or_attributes() -> None:
    page = '<style>a::after{content:"(x)"}</style><p title="a(b)">计划(草案)</p>'
    assert normalise_html(page) == (
        '<style>a::after{content:"(x)"}</style><p title="a(b)">计划（草案）</p>'
    )


def test_fix_changes_only_the_scalars_bytes() -> None:
    text = (
        "# 注释(保留,原样)\n"
        "title: 计划(2020年)  # 行尾注释,保留\n"
        "b: '单引号,逗号'\n"
        'c: "双引号(含)"\n'
        "d: {id: x, title: 市场(港口)}\n"
        "e: |\n  块(不改)\n"
        "f: plain (english), ok\n"
    )
    out, changes = fix_text(text, "f.yaml")
    assert out == (
        "# 注释(保留,原样)\n"
        "title: 计划（2020年）  # 行尾注释,保留\n"
        "b: '单引号，逗号'\n"
        'c: "双引号（含）"\n'
        "d: {id: x, title: 市场（港口）}\n"
        "e: |\n  块(不改)\n"
        "f: plain (english), ok\n"
    )
    assert [(c.line, c.column) for c in changes] == [(2, 8), (3, 4), (4, 4), (5, 19)]


def test_check_reports_and_fix_clears(plans: Path) -> None:
    target = plans / "2020-2021/tasks/market.yaml"
    text = target.read_text(encoding="utf-8")
    target.write_text(
        text.replace("title: 在建平台集聚资源方面", "title: 在建平台集聚资源方面(港口)"),
        encoding="utf-8",
    )
    found = [d for d in diagnostics(plans) if d.code == "punctuation"]
    assert [(d.loc.file, d.loc.line, d.severity.value) for d in found] == [
        ("2020-2021/tasks/market.yaml", 3, "info")
    ]
    out = io.StringIO()
    assert fix(plans, [], out) == 0
    assert "在建平台集聚资源方面(港口) → 在建平台集聚资源方面（港口）" in out.getvalue()
    assert target.read_text(encoding="utf-8") == text.replace(
        "title: 在建平台集聚资源方面", "title: 在建平台集聚资源方面（港口）"
    )
    assert [d for d in diagnostics(plans) if d.code == "punctuation"] == []
    again = io.StringIO()
    fix(plans, [], again)
    assert again.getvalue().endswith("fixed 0 values in " + plans.as_posix() + "\n")
