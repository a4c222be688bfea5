"""Archival editions of a PDF planc wrote: PDF/A-3 with the round's sources inside
(`pdfa.py`) and OFD, GB/T 33190-2016 (`ofd.py`, from the PDF's pages as `pdfread.py` reads
them). Each writer takes the PDF's bytes and the document's metadata and returns the new
file's bytes: nothing here reads the plans folder or knows the build (docs/archive.md).

Same input, same bytes: no clock, no random identifier; every date comes from `Metadata`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

BEIJING = dt.timezone(dt.timedelta(hours=8))  # the office's dates, wherever planc runs


@dataclass(frozen=True, slots=True)
class Metadata:
    """What an archive records about a document besides its pages."""

    title: str
    identifier: str  # planc's name for the document, e.g. "2020-2021/plan"
    version: str  # planc's version, the producing application's
    created: int  # seconds since 1970: when the sources were last changed (never the clock)
    issuer: str | None = None  # the author of record (发文机关)
    issued: str | None = None  # the issue date, YYYY-MM-DD, as the sources give it
    number: str | None = None  # the document number (发文字号) when the sources give one
    subject: str | None = None
    keywords: tuple[str, ...] = ()
    lang: str = "zh-CN"

    def created_at(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.created, BEIJING)


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file carried inside the PDF/A (an associated file of the whole document)."""

    name: str
    data: bytes
    mime: str
    description: str
    relationship: str = "Source"  # PDF 2.0 AFRelationship: Source, Data, Supplement…
