"""File names of forms: what any Windows, macOS or Linux accepts, one per form (two units may
share a name; a unit's name may hold a '/')."""

from __future__ import annotations

import re
import unicodedata

# Characters Windows refuses in file names, and its reserved device names.
WINDOWS_BAD = re.compile(r'[<>:"/\\|?*\x00-\x1f]')
WINDOWS_RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{p}{n}" for p in ("COM", "LPT") for n in range(1, 10)
}
MAX_NAME = 120  # characters; Windows paths stop at 260, and the folder takes its share


def safe_name(name: str) -> str:
    """A file name any Windows, macOS or Linux accepts, keeping the Chinese."""
    name = unicodedata.normalize("NFC", WINDOWS_BAD.sub("_", name)).strip().rstrip(". ")
    stem = name.split(".", 1)[0]
    if stem.upper() in WINDOWS_RESERVED:
        name = "_" + name
    return name[:MAX_NAME] or "_"


def file_name(stem: str, unique: str, used: set[str]) -> str:
    """`stem` as a safe .xlsx name, or `unique` (which names the unit by its id) when another
    form of the batch took that name already, as file systems that ignore case see it; the
    name taken is added to `used`."""
    name = safe_name(stem) + ".xlsx"
    if name.casefold() in used:
        name = safe_name(unique) + ".xlsx"
    used.add(name.casefold())
    return name


def unit_file(unit_name: str, uid: str, what: str, used: set[str]) -> str:
    """A unit's form's file name, `UNIT-WHAT.xlsx`, with the unit's id too where another unit
    of the batch took that name (file_name)."""
    return file_name(f"{unit_name}-{what}", f"{unit_name}-{uid}-{what}", used)
