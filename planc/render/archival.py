"""The writers of the archival editions (FORMATS "pdfa" and "ofd"; docs/archive.md): each
document's PDF, once written, made a PDF/A-3a with the round's sources and plan.json inside,
or an OFD (GB/T 33190), by planc/archive, which knows nothing of plans. Which file an edition
is made from is the table's (`Format.source`): the build finishes that format's writer first.
The editions are made in the PDF workers' pool, from the PDFs' bytes."""

from __future__ import annotations

import io
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from planc import __version__
from planc.archive import Attachment, Metadata, ofd_edition, pdfa_edition
from planc.errors import ArchiveFailed
from planc.i18n import _
from planc.render.documents import DOCUMENTS, ROUND_FILE, Document, editions
from planc.render.writers import Writer
from planc.zips import SOURCES_ZIP, write_zip


def make(edition: Callable[..., bytes], pdf: Path, target: Path, *args: Any) -> None:
    """Write `edition(pdf's bytes, *args)` to `target` (in a worker). Raises ArchiveFailed
    when the PDF cannot be read back: a bug of planc's, said in one line, not a traceback."""
    from pikepdf import PdfError

    try:
        data = edition(pdf.read_bytes(), *args)
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise ArchiveFailed(
            _("{pdf}: the archival editions could not be made: {reason}", pdf=pdf.name, reason=exc)
        ) from None
    target.write_bytes(data)


class EditionWriter(Writer):
    """An edition made from the file of the same document in the format's `source`: taken
    one by one, made when all have come (the source's writer has finished by then)."""

    # planc.archive's function (pdf, meta, *extra, links) -> bytes; pickled by its name
    edition: Callable[..., bytes]

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.docs: list[Document] = []

    def write(self, doc: Document) -> None:
        self.docs.append(doc)

    def extra(self, doc: Document) -> tuple[Any, ...]:
        """What the edition takes besides the PDF, its metadata and the links."""
        return ()

    def finish(self) -> list[str]:
        source = self.format.source
        assert source is not None  # an edition is made from a file (FORMATS)
        links = editions(self.format.name, self._linked())
        futures: list[tuple[str, Future[None]]] = []
        for doc in self.docs:
            args = (self.metadata(doc), *self.extra(doc), links)
            run = self.context.pool.call(make, self.edition, doc.file(source), doc.target, *args)
            futures.append((doc.label, run))
        for label, done in futures:
            done.result()
            self.context.step(label, 1)
        return []

    def metadata(self, doc: Document) -> Metadata:
        rnd = doc.index.rounds[doc.round].round
        return Metadata(
            identifier=f"{doc.round}/{doc.kind.name}",
            version=__version__,
            created=self.context.sources.epoch(doc.round),
            issuer=rnd.issuer,
            issued=rnd.issued_on,
            number=rnd.notice.number if rnd.notice else None,  # 发文字号, where given
        )

    def _linked(self) -> list[str]:
        """The rounds whose editions in this format are there to link to: those made now, and
        those kept from an earlier build that made them (else a link keeps to the PDF)."""
        if not self.docs:
            return []
        made = {doc.round for doc in self.docs}
        first = self.docs[0]
        kept = [
            name
            for name in first.site.rounds
            if name not in made
            and any(
                first.file(self.format.name, kind, name).is_file()
                for kind in DOCUMENTS
                if self.format.name in kind.formats
            )
        ]
        return sorted(made | set(kept))


ZIP = "application/zip"


class PdfaWriter(EditionWriter):
    """PDF/A-3a: the PDF's own pages, with the round's sources and plan.json inside."""

    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.attached: dict[str, tuple[Attachment, ...]] = {}

    edition = staticmethod(pdfa_edition)

    def extra(self, doc: Document) -> tuple[Any, ...]:
        return (self._attachments(doc),)

    def _attachments(self, doc: Document) -> tuple[Attachment, ...]:
        """The round's sources (its folder and the registry, as a zip dated by them) and its
        plan.json, as this build wrote it; made once for the round's documents."""
        if doc.round not in self.attached:
            sources = self.context.sources
            zipped = io.BytesIO()
            write_zip(zipped, sources.files(doc.round), sources.epoch(doc.round))
            data = (doc.folder / doc.round / ROUND_FILE).read_bytes()
            self.attached[doc.round] = (
                Attachment(SOURCES_ZIP, zipped.getvalue(), ZIP, "本轮行动计划的源文件", "Source"),
                Attachment(ROUND_FILE, data, "application/json", "本轮数据", "Data"),
            )
        return self.attached[doc.round]


class OfdWriter(EditionWriter):
    """OFD: the PDF's pages, every glyph a piece of text, the fonts embedded."""

    edition = staticmethod(ofd_edition)
