"""planc fonts: which face sets each role of the PDFs (GB/T 9704 §7), and why."""

from __future__ import annotations

from typing import IO

from planc.i18n import _
from planc.render import fonts


def _why(why: str) -> str:
    """Why a face was chosen, in the user's language (spelled out for the catalogue)."""
    return {
        "licensed": _("the office's licensed face, installed"),
        "free": _("no licensed face installed; the first free face found"),
        "fallback": _("neither a licensed nor a free face installed"),
    }[why]


def run(stream: IO[str]) -> int:
    """Print the policy; exit 1 when a role has no face at all (the PDFs cannot be built)."""
    code = 0
    for name, choice in fonts.policy().items():
        role = choice.role
        weight = " Black" if choice.face.weight >= 900 else ""
        bold = " (bold)" if choice.bold else ""
        stream.write(f"{name:9} {role.label} {role.size}\n")
        if not choice.file:
            stream.write("          " + _("no face found: install fonts-noto-cjk") + "\n")
            code = 1
            continue
        stream.write(f"          {choice.face.family}{weight}{bold}: {_why(choice.why)}\n")
        absent = [f.family for f in (*role.licensed, *role.free) if fonts.find(f) is None]
        if absent:
            stream.write("          " + _("not installed: {faces}", faces=", ".join(absent)) + "\n")
        stream.write(f"          css: {fonts.css_stack(choice)}\n")
    return code
