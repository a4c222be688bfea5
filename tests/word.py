"""A real word processor reading planc's Word edition: LibreOffice headless converts each .docx
to PDF, which the typographic audit (tests/typography.py) then reads.

The .docx names the office's licensed faces (仿宋_GB2312, 黑体, 楷体_GB2312, 方正小标宋简体,
宋体); this machine has none of them, and LibreOffice would substitute whatever fontconfig
offers first. So the conversion runs under a fontconfig file of its own that maps each name to
the face planc's PDFs use for the same role (planc fonts), and the audit checks each role's
text is in that face: a heading in 黑体's stand-in, the body in 仿宋's. The title is the one
exception: its free face is the Black weight inside Noto Serif CJK's collection, and
LibreOffice 7.4 takes the collection's first (Japanese) face from it, so the title's stand-in
is FandolSong. On the office's machines, Word and WPS find the licensed faces themselves; where
one is missing, Word falls back to the font table's alternative (仿宋 for 仿宋_GB2312)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from planc.render import fonts, wordml

TITLE_STAND_IN = "FandolSong"


def stand_ins() -> dict[str, str]:
    """The face each role's Word font name is mapped to in the conversion."""
    chosen = {role: choice.face.family for role, choice in fonts.policy().items()}
    return chosen | {"title": TITLE_STAND_IN}


def fontconfig(scratch: Path) -> Path:
    """A fontconfig file: the system's, and each Word font name mapped to its stand-in."""
    faces = stand_ins()
    rules = [
        f'<match target="pattern"><test name="family"><string>{face.name}</string></test>'
        f'<edit name="family" mode="assign" binding="strong"><string>{faces[role]}</string>'
        "</edit></match>"
        for role, face in wordml.FACES.items()
    ]
    path = scratch / "fonts.conf"
    path.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        + "\n".join(rules)
        + "\n</fontconfig>\n",
        encoding="utf-8",
    )
    return path


# A tagged PDF that opens with its bookmarks and shows its title, as planc's own PDFs do.
EXPORT = "pdf:writer_pdf_Export:" + json.dumps(
    {
        "UseTaggedPDF": {"type": "boolean", "value": "true"},
        "InitialView": {"type": "long", "value": "1"},
        "DisplayPDFDocumentTitle": {"type": "boolean", "value": "true"},
    }
)


def to_pdf(documents: list[Path], out: Path, scratch: Path) -> list[Path]:
    """Each .docx converted to PDF by LibreOffice into `out`, in one run."""
    assert shutil.which("soffice"), "LibreOffice is missing: apt-get install libreoffice-writer"
    profile = scratch / "lo-profile"  # private: parallel runs do not share a profile
    env = {**os.environ, "HOME": str(scratch), "FONTCONFIG_FILE": str(fontconfig(scratch))}
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            EXPORT,
            "--outdir",
            str(out),
            *map(str, documents),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    made = [out / f"{d.stem}.pdf" for d in documents]
    assert all(p.is_file() for p in made), done.stdout + done.stderr
    return made


def page_count(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(info.stdout.split("Pages:")[1].split()[0])
