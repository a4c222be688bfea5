"""征求意见采纳情况说明: the consultation of a round in figures — by consultation, unit,
disposition and chapter — and every comment not adopted with its reason; as text, JSON and
HTML (and the HTML laid out as PDF with the plan's typesetting)."""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from planc.atomic import staged, write_file
from planc.cjk import pad, width
from planc.consult.forms import consulted
from planc.errors import UsageError
from planc.i18n import _, chinese
from planc.index import Index
from planc.load.formats import DISPOSITIONS
from planc.model import Comment
from planc.numbering import task_numbers
from planc.report import plural

DISPOSITION_NAMES = {
    "adopted": "采纳",
    "partly-adopted": "部分采纳",
    "not-adopted": "未采纳",
    "noted": "知悉",  # as the command line and the forms name it
    None: "未处理",
}
WHOLE = "计划整体"
COUNTS = (*DISPOSITIONS, "undisposed")


def _counts(comments: list[Comment]) -> dict[str, int]:
    found = Counter(c.disposition or "undisposed" for c in comments)
    return {"comments": len(comments), **{k: found.get(k, 0) for k in COUNTS}}


@dataclass
class _Ctx:
    units: dict[str, str]
    chapters: dict[str, str]
    tasks: dict[str, tuple[str, str, int | None]]  # id -> title, chapter, number


def _about(c: Comment, ctx: _Ctx) -> dict[str, Any]:
    if c.task is not None:
        title, chapter, number = ctx.tasks.get(c.task.id, (c.task.id, "", None))
        label = f"第{number}项 {title}" if number else title
        return {"kind": "task", "id": c.task.id, "chapter": chapter, "label": label}
    if c.chapter is not None:
        title = ctx.chapters.get(c.chapter.id, c.chapter.id)
        return {"kind": "chapter", "id": c.chapter.id, "chapter": c.chapter.id, "label": title}
    return {"kind": "general", "id": None, "chapter": None, "label": WHOLE}


def _comment(c: Comment, number: int, ctx: _Ctx) -> dict[str, Any]:
    unit = c.unit.id if c.unit else None
    return {
        "id": c.id,
        "consultation": number,
        "unit": unit,
        "unit_name": ctx.units.get(unit or "", unit),
        "about": _about(c, ctx),
        "text": c.text or None,
        "proposal": c.proposal,
        "contact": c.contact,
        "received": c.received,
        "file": c.file,
        "cell": c.cell,
        "disposition": c.disposition,
        "reason": c.reason,
        "changed": [r.id for r in c.changed],
    }


def report_data(index: Index, name: str) -> dict[str, Any]:
    ri = index.rounds[name]
    rnd = ri.round
    numbers = task_numbers(rnd, every=True)  # the draft consulted on numbers every task
    ctx = _Ctx(
        units={uid: u.name for uid, u in index.project.registry.units.items()},
        chapters={c.id: c.title for c in rnd.chapters},
        tasks={t.id: (t.title, t.chapter, numbers.get(t.id)) for t in ri.tasks.values()},
    )
    asked = consulted(index, name)
    comments = [(r.number, c) for r in rnd.consultations for c in r.comments]
    everything = [c for _, c in comments]
    by_unit: dict[str, list[Comment]] = {}
    for c in everything:
        by_unit.setdefault(c.unit.id if c.unit else "", []).append(c)
    by_chapter: dict[str, list[Comment]] = {}
    for c in everything:
        by_chapter.setdefault(_about(c, ctx)["chapter"] or "", []).append(c)
    chapter_order = [ch.id for ch in rnd.chapters if ch.id in by_chapter]
    if "" in by_chapter:
        chapter_order.append("")
    received = sorted(
        [x.received for r in rnd.consultations for x in r.responses if x.received]
        + [c.received for c in everything if c.received]
    )
    return {
        "round": name,
        "title": rnd.title,
        # the report's 落款: the office (the notice's issuer, else the round's) and the day of
        # the last comment received (no clock)
        "issuer": (rnd.notice.issuer if rnd.notice and rnd.notice.issuer else rnd.issuer) or "",
        "date": received[-1] if received else None,
        "consultations": [
            {
                "number": r.number,
                "title": r.title,
                "draft": r.draft,
                "forms": len(r.responses),
                "units": len({x.unit.id for x in r.responses if x.unit}),
                **_counts(r.comments),
                "missing": [
                    {"unit": uid, "name": ctx.units.get(uid, uid)}
                    for uid in asked
                    if uid not in {x.unit.id for x in r.responses if x.unit}
                ],
            }
            for r in rnd.consultations
        ],
        "totals": {
            "consultations": len(rnd.consultations),
            "units": len({x.unit.id for r in rnd.consultations for x in r.responses if x.unit}),
            **_counts(everything),
        },
        "by_unit": [
            {"unit": uid, "name": ctx.units.get(uid, uid), **_counts(cs)}
            for uid, cs in sorted(by_unit.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        ],
        "by_chapter": [
            {
                "chapter": cid or None,
                "title": ctx.chapters.get(cid, WHOLE),
                **_counts(by_chapter[cid]),
            }
            for cid in chapter_order
        ],
        "not_adopted": [_comment(c, n, ctx) for n, c in comments if c.disposition == "not-adopted"],
        "comments": [_comment(c, n, ctx) for n, c in comments],
    }


def as_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_text(data: dict[str, Any], stream: IO[str]) -> None:
    lines = [f"征求意见采纳情况说明  {data['round']}  {data['title']}"]
    t = data["totals"]
    if not t["comments"] and not t["consultations"]:
        lines.append(
            _("no consultation recorded (plans/ROUND/consultation/ holds no round-N.yaml)")
        )
        stream.write("\n".join(lines) + "\n")
        return
    lines.append(
        _(
            "{consultations}, {units} responded, {comments}: {adopted} adopted, {partly} partly "
            "adopted, {not_adopted} not adopted, {noted} noted, {undisposed} without disposition",
            consultations=plural(t["consultations"], "consultation"),
            units=plural(t["units"], "unit"),
            comments=plural(t["comments"], "comment"),
            adopted=t["adopted"],
            partly=t["partly-adopted"],
            not_adopted=t["not-adopted"],
            noted=t["noted"],
            undisposed=t["undisposed"],
        )
    )
    headings = (_("comments"), _("adopted"), _("partly"), _("not"), _("noted"), _("open"))
    cell = 10 if chinese() else 8  # 部分采纳 fills 8 columns: two more keep the columns apart
    head = "".join(pad(h, cell, right=True) for h in headings)
    groups = [
        (
            _("by consultation"),
            [
                (
                    _(
                        "第{number}次 ({forms})",
                        number=c["number"],
                        forms=plural(c["forms"], "form"),
                    ),
                    c,
                )
                for c in data["consultations"]
            ],
        ),
        (_("by unit"), [(u["name"], u) for u in data["by_unit"]]),
        (_("by chapter"), [(c["title"], c) for c in data["by_chapter"]]),
    ]
    for title, rows in groups:
        columns = max([width(label) for label, _counts in rows] + [width(title)]) + 2
        lines.append("")
        lines.append(f"{pad(title, columns + 2)}{head}")
        for label, counts in rows:
            cells = "".join(f"{counts[k]:>{cell}}" for k in ("comments", *COUNTS))
            lines.append(f"  {pad(label, columns)}{cells}")
    for c in data["consultations"]:
        if c["missing"]:
            lines.append("")
            lines.append(
                _(
                    "never replied to consultation {number} ({count}): {units}",
                    number=c["number"],
                    count=len(c["missing"]),
                    units="、".join(u["name"] for u in c["missing"]),
                )
            )
    lines.append("")
    lines.append(_("not adopted ({count})", count=len(data["not_adopted"])))
    for c in data["not_adopted"]:
        said = c["text"] or c["proposal"] or ""
        lines.append(f"  {c['id']}  {c['unit_name']}  {c['about']['label']}")
        lines.append(f"    意见：{said}")
        lines.append(f"    理由：{c['reason'] or '（未说明）'}")
    stream.write("\n".join(lines) + "\n")


def as_html(data: dict[str, Any], medium: str) -> str:
    from planc import __version__
    from planc.render.env import environment
    from planc.render.typeset import finish

    page = (
        environment(medium)
        .get_template("consultation.html.j2")
        .render(
            report=data,
            names=DISPOSITION_NAMES,
            page_title=f"{data['title']}征求意见采纳情况说明",
            author="planc",
            version=__version__,
            home="../index.html",
            home_dir="../",
            nav=[],
            rounds=[],
            current_round=data["round"],
            page_name="consultation.html",
            searchable="",
        )
    )
    return finish(page, medium)  # the plan's punctuation and no one-character last lines


FILES = ("consultation.html", "consultation.pdf", "consultation.docx", "consultation.json")


def write_report(data: dict[str, Any], out: Path) -> list[str]:
    """The report as consultation.html, .pdf, .docx (the Word edition, from the same print
    page) and .json in `out`, each written whole; the PDF first, so that a missing font or a
    failed layout leaves the folder as it was. Returns WeasyPrint's warnings, sorted and
    unique."""
    from planc.publish.outdir import owned_by_a_build
    from planc.render.docx import Options, word_document
    from planc.render.pdf import require_fonts, write_pdf

    if out.exists() and not out.is_dir():
        raise UsageError(_("--out {out} is a file, not a folder", out=out))
    build = owned_by_a_build(out)
    if build is not None:  # the next planc build would delete the report
        raise UsageError(
            _(
                "{out} is inside {build}, which planc build replaces whole: the report would "
                "be lost at the next build; write it elsewhere (e.g. --out reports/{round})",
                out=out.as_posix(),
                build=build.as_posix(),
                round=data["round"],
            )
        )
    require_fonts()  # a missing font stops here, through the one error handler
    out.mkdir(parents=True, exist_ok=True)
    printed = as_html(data, "print")
    with staged(out / "consultation.pdf") as pdf:
        warnings = write_pdf(printed, pdf)
        write_file(out / "consultation.docx", word_document(printed, Options()))
        write_file(out / "consultation.html", as_html(data, "screen"))
        write_file(out / "consultation.json", as_json(data))
    return sorted(set(warnings))
