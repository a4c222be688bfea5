"""PDF/A-3a from a PDF planc wrote: the same pages, fonts and structure tree, made an archival
file with the round's sources inside.

WeasyPrint's `pdf_variant="pdf/a-3a"` would draw the laid-out document a second time (about
3.5 CPU s for a 200-task plan: a third of the build). Its variant adds five things to the same
drawing; this module adds them to the PDF already written, with pikepdf:

1. an sRGB output intent (WeasyPrint's own sRGB2014.icc profile);
2. XMP metadata declaring PDF/A-3 conformance A, mirroring the document information
   dictionary, with the issuer, issue date, document number and planc's version;
3. the attachments as associated files (`/AF` of the catalogue, each with AFRelationship);
4. the print flag on every annotation;
5. a file identifier (`/ID`), here from the content, so the same input gives the same bytes.

Conformance A (accessible), not only B: the PDF is tagged (WeasyPrint's structure tree, which
its own pdf/a-3a variant relies on), every glyph maps to Unicode, the language is declared, and
every painted operator is inside marked content (tests/test_archive.py checks each)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any
from xml.sax.saxutils import escape

if TYPE_CHECKING:
    from planc.archive import Attachment, Metadata

PART = 3
CONFORMANCE = "A"


def write(
    pdf: bytes,
    meta: Metadata,
    attachments: Sequence[Attachment] = (),
    links: Mapping[str, str] | None = None,
) -> bytes:
    """The PDF/A-3a edition of `pdf` with `attachments` inside, as bytes; links to the files
    named in `links` go to the files they name instead."""
    import pikepdf

    from planc.archive import relinked

    when = meta.created_at()
    with pikepdf.open(io.BytesIO(pdf)) as doc:
        meta = dataclasses.replace(meta, lang=str(doc.Root.get("/Lang") or meta.lang))
        info = _information(doc, meta, when)
        doc.Root.OutputIntents = pikepdf.Array([_output_intent(doc)])
        doc.Root.Metadata = doc.make_stream(_xmp(info, meta, when))
        doc.Root.Metadata.Type = pikepdf.Name.Metadata
        doc.Root.Metadata.Subtype = pikepdf.Name.XML
        if attachments:
            specs = [_attach(doc, a, when) for a in sorted(attachments, key=lambda a: a.name)]
            names = pikepdf.Array()
            for attachment, spec in zip(
                sorted(attachments, key=lambda a: a.name), specs, strict=True
            ):
                names.append(pikepdf.String(attachment.name))
                names.append(spec)
            if "/Names" not in doc.Root:
                doc.Root.Names = pikepdf.Dictionary()
            doc.Root.Names.EmbeddedFiles = doc.make_indirect(pikepdf.Dictionary(Names=names))
            doc.Root.AF = pikepdf.Array(specs)
        for page in doc.pages:
            for annotation in page.obj.get("/Annots", []):
                annotation.F = 4  # Print, and not Hidden, Invisible or NoView
                action = annotation.get("/A")
                if links and action is not None and action.get("/S") == pikepdf.Name.URI:
                    action.URI = pikepdf.String(relinked(str(action.URI), links))
        out = io.BytesIO()
        doc.save(
            out,
            deterministic_id=True,
            fix_metadata_version=False,
            object_stream_mode=pikepdf.ObjectStreamMode.generate,
        )
    return out.getvalue()


def _information(doc: Any, meta: Metadata, when: dt.datetime) -> dict[str, str]:
    """The document information dictionary, completed from `meta`; the XMP mirrors it (PDF/A
    wants the two to agree)."""
    import pikepdf

    info = {key.lstrip("/"): str(value) for key, value in doc.docinfo.items()}
    if meta.title:
        info["Title"] = meta.title
    if meta.issuer:
        info["Author"] = meta.issuer
    if meta.subject:
        info["Subject"] = meta.subject
    if meta.keywords:
        info["Keywords"] = ", ".join(meta.keywords)
    info["Creator"] = f"planc {meta.version}"
    stamp = when.strftime("D:%Y%m%d%H%M%S+08'00'")
    info["CreationDate"] = info["ModDate"] = stamp
    doc.docinfo = doc.make_indirect(
        pikepdf.Dictionary({f"/{k}": pikepdf.String(v) for k, v in sorted(info.items())})
    )
    return info


def _output_intent(doc: Any) -> Any:
    from importlib.util import find_spec
    from pathlib import Path

    import pikepdf

    # WeasyPrint's own profile, the one its PDF/A variants use; found without importing it
    spec = find_spec("weasyprint")
    assert spec is not None and spec.submodule_search_locations
    package = Path(next(iter(spec.submodule_search_locations)))
    profile = (package / "pdf" / "sRGB2014.icc").read_bytes()
    icc = doc.make_stream(profile)
    icc.N = 3
    return pikepdf.Dictionary(
        Type=pikepdf.Name.OutputIntent,
        S=pikepdf.Name.GTS_PDFA1,
        OutputConditionIdentifier=pikepdf.String("sRGB2014.icc"),
        Info=pikepdf.String("sRGB IEC61966-2.1"),
        DestOutputProfile=icc,
    )


def _attach(doc: Any, attachment: Attachment, when: dt.datetime) -> Any:
    import pikepdf

    stamp = pikepdf.String(when.strftime("D:%Y%m%d%H%M%S+08'00'"))
    stream = doc.make_stream(attachment.data)
    stream.Type = pikepdf.Name.EmbeddedFile
    stream.Subtype = pikepdf.Name("/" + attachment.mime)
    stream.Params = pikepdf.Dictionary(
        Size=len(attachment.data),
        CheckSum=pikepdf.String(hashlib.md5(attachment.data, usedforsecurity=False).digest()),
        CreationDate=stamp,
        ModDate=stamp,
    )
    spec = pikepdf.Dictionary(
        Type=pikepdf.Name.Filespec,
        F=pikepdf.String(attachment.name),
        UF=pikepdf.String(attachment.name),
        EF=pikepdf.Dictionary(F=stream, UF=stream),
        Desc=pikepdf.String(attachment.description),
        AFRelationship=pikepdf.Name("/" + attachment.relationship),
    )
    return doc.make_indirect(spec)


def _xmp(info: dict[str, str], meta: Metadata, when: dt.datetime) -> bytes:
    """The XMP packet: only predefined schemas (PDF/A identification, Dublin Core, XMP basic,
    Adobe PDF), so no extension schema needs describing."""
    stamp = when.isoformat()

    def alt(tag: str, value: str) -> str:
        return (
            f'<{tag}><rdf:Alt><rdf:li xml:lang="x-default">{escape(value)}</rdf:li>'
            f"</rdf:Alt></{tag}>"
        )

    def seq(tag: str, values: Sequence[str], kind: str = "Seq") -> str:
        items = "".join(f"<rdf:li>{escape(v)}</rdf:li>" for v in values)
        return f"<{tag}><rdf:{kind}>{items}</rdf:{kind}></{tag}>"

    body = [
        f"<pdfaid:part>{PART}</pdfaid:part><pdfaid:conformance>{CONFORMANCE}</pdfaid:conformance>",
        alt("dc:title", info.get("Title", "")),
        "<dc:format>application/pdf</dc:format>",
        seq("dc:language", [meta.lang], "Bag"),
        f"<dc:identifier>{escape(meta.number or meta.identifier)}</dc:identifier>",
    ]
    if "Author" in info:
        body.append(seq("dc:creator", [info["Author"]]))
        body.append(seq("dc:publisher", [info["Author"]], "Bag"))
    if "Subject" in info:
        body.append(alt("dc:description", info["Subject"]))
    if meta.issued:
        body.append(seq("dc:date", [meta.issued]))
    if "Keywords" in info:
        body.append(f"<pdf:Keywords>{escape(info['Keywords'])}</pdf:Keywords>")
    if "Producer" in info:
        body.append(f"<pdf:Producer>{escape(info['Producer'])}</pdf:Producer>")
    body += [
        f"<xmp:CreatorTool>{escape(info['Creator'])}</xmp:CreatorTool>",
        f"<xmp:CreateDate>{stamp}</xmp:CreateDate><xmp:ModifyDate>{stamp}</xmp:ModifyDate>",
        f"<xmp:MetadataDate>{stamp}</xmp:MetadataDate>",
    ]
    packet = (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/">'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description rdf:about="" '
        'xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" '
        'xmlns:xmp="http://ns.adobe.com/xap/1.0/" '
        'xmlns:pdf="http://ns.adobe.com/pdf/1.3/">'
        + "".join(body)
        + "</rdf:Description></rdf:RDF></x:xmpmeta>\n"
        '<?xpacket end="w"?>'
    )
    return packet.encode("utf-8")
