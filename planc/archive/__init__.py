"""Archival editions of a PDF planc wrote: PDF/A-3 with the round's sources inside
(`pdfa.py`) and OFD, GB/T 33190-2016 (`ofd.py`, from the PDF's pages as `pdfread.py` reads
them). Each takes the PDF's bytes and the document's metadata and returns the new file's
bytes: nothing here reads the plans folder or knows the build (planc/render/archival.py
hands it the documents of a build; docs/archive.md).

Same input, same bytes: no clock, no random identifier; every date comes from `Metadata`."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

BEIJING = dt.timezone(dt.timedelta(hours=8))  # the office's dates, wherever planc runs


@dataclass(frozen=True, slots=True)
class Metadata:
    """What an archive records about a document besides its pages."""

    identifier: str  # planc's name for the document, e.g. "2020-2021/plan"
    version: str  # planc's version, the producing application's
    created: int  # seconds since 1970: when the sources were last changed (never the clock)
    title: str = ""  # empty: the PDF's own (its information dictionary)
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


def pdfa_edition(
    pdf: bytes,
    meta: Metadata,
    attachments: Sequence[Attachment] = (),
    links: Mapping[str, str] | None = None,
) -> bytes:
    """The PDF/A-3a edition of `pdf`, with `attachments` inside. What `meta` leaves empty
    (title, subject, keywords, language) is the PDF's own. Links to a file named in `links`
    go to the file it names instead (the plan's links into the handbook's PDF go to the
    handbook's PDF/A)."""
    from planc.archive import pdfa

    return pdfa.write(pdf, meta, attachments, links or {})


def ofd_edition(pdf: bytes, meta: Metadata, links: Mapping[str, str] | None = None) -> bytes:
    """The OFD edition of `pdf` (its pages as pdfread reads them). What `meta` leaves empty is
    the PDF's own, as for the PDF/A; `links` likewise (to the handbook's OFD)."""
    from planc.archive import ofd, pdfread

    pages = pdfread.read(pdf)
    info = pages.info
    keywords = tuple(k.strip() for k in info.get("Keywords", "").split(",") if k.strip())
    meta = dataclasses.replace(
        meta,
        title=meta.title or info.get("Title", ""),
        subject=meta.subject or info.get("Subject"),
        keywords=meta.keywords or keywords,
        lang=pages.lang or meta.lang,
    )
    return ofd.write(pages, meta, links or {})


def relinked(uri: str, names: Mapping[str, str]) -> str:
    """`uri` with its file's name replaced by its entry in `names`, if it has one
    (../2020-2021/handbook-2020-2021.pdf#case-x → ../2020-2021/handbook-2020-2021.ofd#case-x)."""
    path, sep, anchor = uri.partition("#")
    head, slash, name = path.rpartition("/")
    if name in names:
        return f"{head}{slash}{names[name]}{sep}{anchor}"
    return uri
