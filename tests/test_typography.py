"""The typographic audit (tests/typography.py) over the shipped plans as built: faces by role,
no one-character last lines, no half-width punctuation beside Chinese, the 22-line grid, no
sparse pages, whole cover lines, tagged PDFs. It fails on the PDFs before issue 9."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest

from planc.cli import handle
from planc.commands.build import build
from planc.render import fonts
from tests.typography import audit_tree


def test_the_built_pdfs_pass_the_audit(shipped_dist: Path) -> None:
    assert audit_tree(shipped_dist) == []


def test_the_contents_give_each_page_as_it_is_numbered(shipped_dist: Path) -> None:
    """关于本版本 stands in the front matter, numbered IV: the contents say IV, not 4."""
    import subprocess

    pdf = shipped_dist / "2020-2021" / "plan-2020-2021.pdf"
    text = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "3", "-layout", str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(line for line in text.splitlines() if "关于本版本" in line)
    assert re.search(r"·\s*IV$", line), line


def test_every_role_has_a_face() -> None:
    policy = fonts.policy()
    assert sorted(policy) == sorted(r.name for r in fonts.ROLES)
    assert all(choice.file for choice in policy.values())


def test_the_free_faces_are_installed() -> None:
    # scripts/setup.sh installs them: a fresh clone prints in Fandol, not in Noto.
    policy = fonts.policy()
    assert policy["body"].face.family in ("FandolFang", "仿宋_GB2312", "FangSong_GB2312")
    assert policy["title"].why != "fallback", "apt-get install fonts-noto-cjk-extra"


def test_a_character_no_face_draws_is_named() -> None:
    page = "<html><body><h2>一、标题</h2><p>正文\U00020000</p></body></html>"
    (message,) = fonts.tofu([page])
    assert "'\U00020000'" in message and "body role" in message and "正文 仿宋" in message


def test_a_build_with_tofu_writes_nothing(
    plans: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No face of any role draws anything: the build stops before a PDF, naming role and
    # character, and leaves no output behind.
    monkeypatch.setattr(fonts, "covers", lambda face: frozenset())
    out, err = io.StringIO(), io.StringIO()
    code = handle(lambda: build(plans, ["2020-2021"], tmp_path / "dist", out, err, jobs=1), err)
    assert code == 1
    said = err.getvalue()
    assert "of the title role (标题 小标宋) is in none of its faces" in said
    assert "nothing was written" in said
    assert not (tmp_path / "dist").exists()


def test_headings_skip_no_level(shipped_dist: Path) -> None:
    for page in sorted(shipped_dist.rglob("*.html")):
        levels = [int(m) for m in re.findall(r"<h([1-6])\b", page.read_text(encoding="utf-8"))]
        skips = [(a, b) for a, b in itertools.pairwise(levels) if b > a + 1]
        assert not skips, f"{page.name}: heading levels jump {skips[:3]}"


def test_cover_titles_break_between_words() -> None:
    from planc.render.typeset import title_lines, width

    assert title_lines('青岛市推进"国际化+"行动计划(2020/2021年)') == [
        "青岛市推进“国际化+”",
        "行动计划（2020/2021年）",
    ]
    # A title of many words is filled line by line (the search over every split would not
    # end), still between words and within the measure.
    long = "推进国际化" * 200
    lines = title_lines(long)
    assert "".join(lines) == long
    assert all(width(line) <= 18 for line in lines)
    assert all(line.startswith(("推进", "国际化")) for line in lines)
