"""The typographic audit (tests/typography.py) over the shipped plans as built: faces by role,
no one-character last lines, no half-width punctuation beside Chinese, the 22-line grid, no
sparse pages, whole cover lines, tagged PDFs. It fails on the PDFs before issue 9."""

from __future__ import annotations

from pathlib import Path

from planc.render import fonts
from tests.typography import audit_tree


def test_the_built_pdfs_pass_the_audit(shipped_dist: Path) -> None:
    assert audit_tree(shipped_dist) == []


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
