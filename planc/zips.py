"""Zip files that are the same bytes for the same contents on any machine: entries sorted,
times fixed, permissions fixed. The release's archives and the OFD packages are written here."""

from __future__ import annotations

import time
import zipfile
from pathlib import Path
from typing import BinaryIO

SOURCES_ZIP = "planc-sources.zip"  # sources as a zip: a release's, and a round's in its PDF/A
ZIP_EPOCH_MIN = 315532800  # 1980-01-01, the earliest time a zip entry can hold
ZIP_EPOCH_MAX = 4354819199  # 2107-12-31 23:59:59 UTC, the latest (a 7-bit year from 1980)


def write_zip(
    target: Path | BinaryIO, files: dict[str, bytes], epoch: int, first: str | None = None
) -> None:
    """Write `files` (name: bytes) deflated, sorted by name (`first` before the others), every
    entry dated `epoch` (clamped to what a zip can hold)."""
    # time.gmtime: the same wall-clock fields whatever the machine's time zone.
    stamp = time.gmtime(min(max(epoch, ZIP_EPOCH_MIN), ZIP_EPOCH_MAX))[:6]
    names = sorted(files, key=lambda n: (n != first, n))
    with zipfile.ZipFile(target, "w") as archive:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=stamp)
            # A PDF's streams are compressed already, and a .docx and an OFD are zips: deflating
            # them again saved 4 % of a PDF's size for most of a release's CPU time.
            stored = name.endswith((".pdf", ".docx", ".ofd"))
            info.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, so the permissions below mean the same everywhere
            info.external_attr = 0o100644 << 16
            archive.writestr(info, files[name], compresslevel=9)
