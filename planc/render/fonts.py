"""The typefaces of the PDFs by role, after GB/T 9704-2012 §7: the office's licensed faces when
fontconfig finds them, else free faces, else Noto (which every build has). Found by family
name, never by file path, so the CSS names families and fontconfig does the rest."""

from __future__ import annotations

import bisect
import shutil
import subprocess
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar


@dataclass(frozen=True)
class Face:
    family: str
    weight: int = 400  # CSS weight: 900 picks the Black face out of a Noto family


@dataclass(frozen=True)
class Role:
    name: str
    label: str  # as GB/T 9704 names it
    size: str
    licensed: tuple[Face, ...]
    free: tuple[Face, ...]
    fallback: Face
    bold: bool = False  # wanted bold, where the face has a bold style


_SERIF = Face("Noto Serif CJK SC")
_SANS = Face("Noto Sans CJK SC")
_FANG = (Face("仿宋_GB2312"), Face("FangSong_GB2312"), Face("仿宋"), Face("FangSong"))
ROLES: tuple[Role, ...] = (
    Role(
        "title",
        "标题 小标宋",
        "2号 22pt",
        (Face("方正小标宋简体"), Face("FZXiaoBiaoSong-B05S")),
        (Face("Noto Serif CJK SC", 900),),
        Face("Noto Serif CJK SC", 700),
    ),
    Role(
        "heading1",
        "一级标题 黑体",
        "3号 16pt",
        (Face("黑体"), Face("SimHei")),
        (Face("FandolHei"),),
        _SANS,
    ),
    Role(
        "heading2",
        "二级标题 楷体",
        "3号 16pt",
        (Face("楷体_GB2312"), Face("KaiTi_GB2312"), Face("楷体"), Face("KaiTi")),
        (Face("FandolKai"), Face("LXGW WenKai"), Face("AR PL KaitiM GB")),
        _SERIF,
    ),
    Role(
        "heading3",
        "三级标题 仿宋加粗",
        "3号 16pt",
        _FANG,
        (Face("FandolFang"),),
        _SERIF,
        bold=True,
    ),
    Role("body", "正文 仿宋", "3号 16pt", _FANG, (Face("FandolFang"),), _SERIF),
    Role(
        "folio",
        "页码 半角宋体",
        "4号 14pt",
        (Face("宋体"), Face("SimSun")),
        (Face("FandolSong"),),
        _SERIF,
    ),
)


@dataclass(frozen=True)
class Choice:
    role: Role
    face: Face
    why: str  # "licensed", "free", "fallback"
    file: str  # the file fontconfig resolved it to ("" when not found at all)
    index: int
    bold: bool  # whether the face has a bold style to use
    stack: tuple[Face, ...]  # the faces in the CSS, chosen first, then what covers the rest


@dataclass(frozen=True)
class Match:
    families: tuple[str, ...]
    file: str
    index: int
    styles: tuple[str, ...]


@cache
def installed() -> tuple[Match, ...]:
    """Every font fontconfig knows, from one `fc-list` (one process, not one per face)."""
    if shutil.which("fc-list") is None:
        return ()
    done = subprocess.run(
        ["fc-list", "--format=%{family}\t%{file}\t%{index}\t%{style}\n"],
        capture_output=True,
        text=True,
        check=False,
    )
    found = []
    for line in done.stdout.splitlines():
        fields = line.split("\t")
        if len(fields) != 4:
            continue
        found.append(
            Match(
                tuple(f.strip() for f in fields[0].split(",")),
                fields[1],
                int(fields[2] or 0),
                tuple(s.strip() for s in fields[3].split(",")),
            )
        )
    # Sorted so that the choice never depends on the order fontconfig lists its cache in.
    return tuple(sorted(found, key=lambda m: (m.file, m.index)))


_HEAVY = ("Black", "Heavy")
_BOLD = ("Bold",)
_LIGHT = ("Light", "ExtraLight", "DemiLight", "Thin", "Medium", "SemiBold", "DemiBold", "Semibold")


def _is(match: Match, words: tuple[str, ...]) -> bool:
    return any(w in style.split() for style in match.styles for w in words)


@cache
def find(face: Face) -> Match | None:
    """The installed font of `face` (family by exact name, the weight asked for), or None:
    fontconfig would substitute another family silently, so planc looks the name up itself."""
    fonts = [m for m in installed() if face.family in m.families]
    if face.weight >= 900:
        fonts = [m for m in fonts if _is(m, _HEAVY)]
    elif face.weight >= 700:
        fonts = [m for m in fonts if _is(m, _BOLD) and not _is(m, _HEAVY)]
    else:
        plain = [m for m in fonts if not _is(m, _HEAVY + _BOLD + _LIGHT)]
        fonts = plain or [m for m in fonts if not _is(m, _HEAVY + _BOLD)]
    return fonts[0] if fonts else None


@cache
def has_bold(family: str) -> bool:
    return find(Face(family, 700)) is not None


def choose(role: Role) -> Choice:
    for why, faces in (("licensed", role.licensed), ("free", role.free)):
        for face in faces:
            found = find(face)
            if found is not None:
                rest = tuple(f for f in (*faces, role.fallback) if f != face and find(f))
                bold = role.bold and has_bold(face.family)
                return Choice(role, face, why, found.file, found.index, bold, (face, *rest))
    found = find(role.fallback)
    return Choice(
        role,
        role.fallback,
        "fallback",
        found.file if found else "",
        found.index if found else 0,
        role.bold and has_bold(role.fallback.family),
        (role.fallback,),
    )


@cache
def policy() -> dict[str, Choice]:
    return {role.name: choose(role) for role in ROLES}


def css_stack(choice: Choice) -> str:
    generic = "sans-serif" if choice.role.name == "heading1" else "serif"
    families = dict.fromkeys(f.family for f in choice.stack)  # once each, in order
    return ", ".join([*(f'"{f}"' for f in families), generic])


def css(choices: dict[str, Choice]) -> dict[str, str]:
    """What replaces `var(--face-ROLE)` and `var(--weight-ROLE)` in print.css."""
    values = {}
    for name, choice in choices.items():
        values[f"var(--face-{name})"] = css_stack(choice)
        weight = 700 if choice.bold else choice.face.weight
        values[f"var(--weight-{name})"] = str(weight)
    return values


class Charset:
    """The code points a font draws, as fontconfig's cache has them (no font file is read)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.starts = [lo for lo, _ in ranges]
        self.ranges = ranges

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, int):
            return False
        i = bisect.bisect_right(self.starts, code) - 1
        return i >= 0 and self.ranges[i][0] <= code <= self.ranges[i][1]


@cache
def _charsets() -> dict[tuple[str, int], str]:
    """Every font's charset as fontconfig prints it ("20-7e a0 4e00-9fa5 …"), by file and
    index: one `fc-list`, about 0.1 s."""
    if shutil.which("fc-list") is None:
        return {}
    done = subprocess.run(
        ["fc-list", "--format=%{file}\t%{index}\t%{charset}\n"],
        capture_output=True,
        text=True,
        check=False,
    )
    found = {}
    for line in done.stdout.splitlines():
        file, _, rest = line.partition("\t")
        index, _, charset = rest.partition("\t")
        found[(file, int(index or 0))] = charset
    return found


@cache
def _charset(file: str, index: int) -> Charset:
    ranges = []
    for part in _charsets().get((file, index), "").split():
        lo, _, hi = part.partition("-")
        ranges.append((int(lo, 16), int(hi or lo, 16)))
    return Charset(sorted(ranges))


def covers(face: Face) -> Charset | frozenset[int]:
    found = find(face)
    return _charset(found.file, found.index) if found else frozenset()


@dataclass(frozen=True)
class Gap:
    role: str
    char: str
    served_by: str  # the face of the stack that draws it instead, "" when none (tofu)


def gaps(choices: dict[str, Choice], texts: Mapping[str, Iterable[str]]) -> list[Gap]:
    """The characters of each role's text its chosen face lacks, and what draws them."""
    found = []
    for role, parts in texts.items():
        choice = choices[role]
        # (a zero-width space is a break opportunity, drawn by no face: typeset.url_breaks)
        chars = sorted({c for text in parts for c in text if not c.isspace() and c != "\u200b"})
        first = covers(choice.face)
        for char in chars:
            if ord(char) in first:
                continue
            by = next((f.family for f in choice.stack[1:] if ord(char) in covers(f)), "")
            found.append(Gap(role, char, by))
    return found


_DIGESTS: dict[tuple[str, int, int], str] = {}


def file_digest(path: Path) -> str:
    """The first 16 hex digits of a font file's SHA-256 ("" when it is not a file), read once
    per process: several roles share a face, and a CJK face is tens of megabytes."""
    try:
        stat = path.stat()
    except OSError:
        return ""
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _DIGESTS:
        import hashlib

        with path.open("rb") as stream:
            _DIGESTS[key] = hashlib.file_digest(stream, "sha256").hexdigest()[:16]
    return _DIGESTS[key]


def manifest_entry(choices: dict[str, Choice]) -> dict[str, str]:
    """For the release manifest: the face of each role, its file by name and digest."""
    entries = {}
    for name, choice in choices.items():
        path = Path(choice.file)
        digest = file_digest(path) if path.is_file() else ""
        weight = " Black" if choice.face.weight >= 900 else ""
        entries[name] = f"{choice.face.family}{weight} ({choice.why}) {path.name} sha256:{digest}"
    return entries


def stylesheet(sheet: str) -> str:
    """print.css with each role's faces and weight filled in."""
    for token, value in css(policy()).items():
        sheet = sheet.replace(token, value)
    return sheet


class _RoleText(HTMLParser):
    """The text of a print page by the role that sets it, as print.css assigns them."""

    TAGS: ClassVar[dict[str, str]] = {"h1": "title", "h2": "heading1", "h3": "heading2"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.texts: dict[str, list[str]] = {r.name: [] for r in ROLES}
        self.texts["folio"].append("— 0123456789")
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "script", "title"):
            self.skip += 1
        classes = (dict(attrs).get("class") or "").split()
        role = self.TAGS.get(tag, "")
        if tag == "h4" or "case-title" in classes:
            role = "heading3"
        elif tag in ("th", "caption", "figcaption", "dt") and not role:
            role = "heading1"
        self.stack.append(role or (self.stack[-1] if self.stack else "body"))

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script", "title"):
            self.skip -= 1
        if self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.texts[self.stack[-1] if self.stack else "body"].append(data)


def role_texts(pages: Iterable[str]) -> dict[str, list[str]]:
    parser = _RoleText()
    for page in pages:
        parser.feed(page)
    parser.close()
    return parser.texts


def tofu(pages: Iterable[str]) -> list[str]:
    """One message per character no face of its role draws: it would print as an empty box."""
    choices = policy()
    from planc.i18n import _

    return [
        _(
            "the character '{char}' (U+{code}) of the {role} role ({label}) is in none of its "
            "faces ({faces})",
            char=g.char,
            code=f"{ord(g.char):04X}",
            role=g.role,
            label=choices[g.role].role.label,
            faces=", ".join(f.family for f in choices[g.role].stack),
        )
        for g in gaps(choices, role_texts(pages))
        if not g.served_by
    ]
