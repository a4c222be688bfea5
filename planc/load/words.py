"""The schema's words in messages ("expected a whole number", "unknown field 'x' in task"),
in the user's language. Spelled out so the catalogue's test finds each one; called only when
a file has a problem, so reading good files never looks anything up."""

from __future__ import annotations

from planc.diagnostics import kind_name
from planc.i18n import _


def thing(name: str) -> str:
    """What a mapping in a source file is ('task', 'tasks file'…)."""
    names = {
        "area": _("area"),
        "baseline": _("baseline"),
        "cases file": _("cases file"),
        "comment": _("comment"),
        "consultation file": _("consultation file"),
        "declared": _("declared"),
        "figure over rounds": _("figure over rounds"),
        "handbook": _("handbook"),
        "phase": _("phase"),
        "places file": _("places file"),
        "provenance note": _("provenance note"),
        "qualified figure": _("qualified figure"),
        "reference": _("reference"),
        "response": _("response"),
        "section": _("section"),
        "target": _("target"),
        "tasks file": _("tasks file"),
        "units file": _("units file"),
        "round": _("round"),
        "object": _("object"),
        "progress report": _("progress report"),
        "imported form": _("imported form"),
        "progress file": _("progress file"),
    }
    return names.get(name) or kind_name(name)


def what(text: str) -> str:
    """What a field should hold ('a whole number'…)."""
    words = {
        "a value": _("a value"),
        "text": _("text"),
        "a whole number": _("a whole number"),
        "a whole number, or {value: N, qualifier: 余 or 多}": _(
            "a whole number, or {value: N, qualifier: 余 or 多}"
        ),
        "a number or text": _("a number or text"),
        "a lower-case id": _("a lower-case id"),
        "a lower-case id ([a-z0-9][a-z0-9-]*)": _("a lower-case id ([a-z0-9][a-z0-9-]*)"),
        "a round name like 2020-2021": _("a round name like 2020-2021"),
        "a date YYYY-MM-DD": _("a date YYYY-MM-DD"),
        "a date YYYY-MM or YYYY-MM-DD": _("a date YYYY-MM or YYYY-MM-DD"),
        "a year or stage": _("a year or stage"),
        "a form id (12 hex digits)": _("a form id (12 hex digits)"),
        "a mapping": _("a mapping"),
        "a list": _("a list"),
    }
    return words.get(text, text)
