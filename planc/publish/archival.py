"""The archival editions in a build (`planc build --archive`, and every `--release`): beside
each round's plan and handbook PDF, its PDF/A-3a with the round's sources and plan.json inside,
and its OFD (planc/archive writes both; docs/archive.md). Made in the worker that wrote the
PDF, from its bytes, as soon as it is written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planc import __version__
from planc.errors import ArchiveFailed
from planc.i18n import _
from planc.render.names import DOCS, ofd_name, pdf_name, pdfa_name

if TYPE_CHECKING:
    from planc.archive import Attachment, Metadata
    from planc.model import Round

SOURCES = "planc-sources.zip"  # the round's sources, as the PDF/A carries them


@dataclass(frozen=True, slots=True)
class Job:
    """What a worker needs, besides the PDF, to write a document's archival editions."""

    meta: Metadata
    attachments: tuple[Attachment, ...]
    pdfa: Path
    ofd: Path
    pdfa_names: dict[str, str]
    ofd_names: dict[str, str]


def round_sources(plans: Path, name: str, epoch: int) -> bytes:
    """The round's sources as a zip: its folder and the registry it names (what the round is
    made from, as the release's sources_digest counts it)."""
    import io

    from planc.publish.release import source_files
    from planc.zips import write_zip

    files = source_files(plans, under=(name, "registry"))
    out = io.BytesIO()
    write_zip(out, files, epoch)
    return out.getvalue()


def jobs(
    rnd: Round,
    work: Path,
    docs: list[str],
    site_rounds: list[str],
    sources: bytes,
    plan_json: str,
    epoch: int,
) -> dict[str, Job]:
    """A job for each of `docs` (plan, handbook) of the round `rnd`, its files under `work`."""
    from planc.archive import Attachment, Metadata

    attachments = (
        Attachment(SOURCES, sources, "application/zip", "本轮行动计划的源文件", "Source"),
        Attachment("plan.json", plan_json.encode("utf-8"), "application/json", "本轮数据", "Data"),
    )
    pdfa_names = {pdf_name(d, r): pdfa_name(d, r) for d in DOCS for r in site_rounds}
    ofd_names = {pdf_name(d, r): ofd_name(d, r) for d in DOCS for r in site_rounds}
    return {
        doc: Job(
            Metadata(
                identifier=f"{rnd.name}/{doc}",
                version=__version__,
                created=epoch,
                issuer=rnd.issuer,
                issued=rnd.issued_on,
            ),
            attachments,
            work / rnd.name / pdfa_name(doc, rnd.name),
            work / rnd.name / ofd_name(doc, rnd.name),
            pdfa_names,
            ofd_names,
        )
        for doc in docs
    }


def write(pdf: Path, job: Job) -> None:
    """Write the archival editions of the PDF at `pdf` (in a worker). Raises ArchiveFailed
    when the PDF cannot be read back (a bug of planc's, said in one line, not a traceback)."""
    from pikepdf import PdfError

    from planc.archive import write_editions

    try:
        pdfa, ofd = write_editions(
            pdf.read_bytes(), job.meta, job.attachments, job.pdfa_names, job.ofd_names
        )
    except (PdfError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise ArchiveFailed(
            _("{pdf}: the archival editions could not be made: {reason}", pdf=pdf.name, reason=exc)
        ) from None
    job.pdfa.write_bytes(pdfa)
    job.ofd.write_bytes(ofd)
