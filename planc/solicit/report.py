"""planc solicit report: where the solicitation (征集) stands — the units asked, who answered
(when, who to call) and what: candidates kept, revised and dropped, new tasks; who has not
answered yet, and the candidates no answer covers. As text, or JSON with every answer in
full (records.py's submission records)."""

from __future__ import annotations

import json
from typing import IO, Any

from planc import records
from planc.cjk import pad, width
from planc.i18n import _, chinese
from planc.index import Index
from planc.model import DECISIONS
from planc.report import plural
from planc.solicit.forms import asked, unit_forms


def report_data(index: Index, round_name: str) -> dict[str, Any]:
    ri = index.rounds[round_name]
    registry = index.project.registry
    forms = unit_forms(index, round_name)
    by_unit, _unassigned = asked(index, ri)
    units: list[dict[str, Any]] = []
    for form in forms.forms:
        uid = form.unit.id
        sub = ri.submissions.get(uid)
        counts = {k: 0 for k in DECISIONS}
        for row in sub.rows if sub else []:
            counts[row.decision] += 1
        units.append(
            {
                "unit": uid,
                "name": form.unit.name,
                "candidates": len(by_unit.get(uid, [])),
                "answered": sub is not None,
                "received": sub.received if sub else None,
                "contact": sub.contact if sub else None,
                **counts,
            }
        )
    answered = {
        row.continues.id for s in ri.submissions.values() for row in s.rows if row.continues
    }
    candidates = ri.round.candidates.items if ri.round.candidates else []
    totals = {k: sum(u[k] for u in units) for k in DECISIONS}
    return {
        "round": round_name,
        "title": ri.round.title,
        "units_asked": len(units),
        "units_answered": sum(1 for u in units if u["answered"]),
        "totals": totals,
        "units": units,
        "not_answered": [u["name"] for u in units if not u["answered"]],
        "candidates": len(candidates),
        "candidates_unanswered": [c.task.id for c in candidates if c.task.id not in answered],
        "submissions": [records.submission(s) for s in ri.round.submissions],
        "others": [  # answers of units no form is meant for now (say, a unit's kind changed)
            registry.units[uid].name if uid in registry.units else uid
            for uid in ri.submissions
            if uid not in {u["unit"] for u in units}
        ],
    }


def as_json(data: dict[str, Any]) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_text(data: dict[str, Any], stream: IO[str]) -> None:
    t = data["totals"]
    lines = [
        f"任务征集情况  {data['round']}  {data['title']}",
        _(
            "{asked} asked, {answered} answered; candidates: {kept} kept, {revised} revised, "
            "{dropped} dropped; new tasks: {new}",
            asked=plural(data["units_asked"], "unit"),
            answered=data["units_answered"],
            kept=t["kept"],
            revised=t["revised"],
            dropped=t["dropped"],
            new=t["new"],
        ),
    ]
    answered = [u for u in data["units"] if u["answered"]]
    if answered:
        columns = max(width(u["name"]) for u in answered) + 2
        # the decisions as the form words them (继续, 不再列入 …) where the clerk reads Chinese
        decisions = [DECISIONS[k] if chinese() else k for k in DECISIONS]
        heads = [_("received"), *decisions, _("contact")]
        lines += ["", "  " + pad("", columns) + "  ".join(heads)]
        for u in answered:
            cells = [
                pad(u["received"] or "", width(heads[0])),
                *(
                    pad(str(u[k]), width(h), right=True)
                    for k, h in zip(DECISIONS, heads[1:5], strict=True)
                ),
                u["contact"] or "",
            ]
            lines.append("  " + pad(u["name"], columns) + "  ".join(cells))
    if data["not_answered"]:
        lines += ["", _("not answered yet ({count}):", count=len(data["not_answered"]))]
        lines.append("  " + "、".join(data["not_answered"]))
    if data["candidates_unanswered"]:
        lines += [
            "",
            _(
                "candidates no answer covers ({count}):",
                count=len(data["candidates_unanswered"]),
            ),
        ]
        lines += [f"  {ref}" for ref in data["candidates_unanswered"]]
    stream.write("\n".join(lines) + "\n")
