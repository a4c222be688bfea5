"""Sources whose cost would explode downstream are refused where they are written (issue 24,
items 9 and 10): aliases that repeat more text than a plan can need, a title longer than a
heading or a table cell can lay out in bounded time, a text past any real paragraph."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import diagnostics, edit

MARKET = "2020-2021/tasks/market.yaml"


def errors(plans: Path) -> list[tuple[str, str, int, int, str]]:
    return [
        (d.code, d.loc.file, d.loc.line, d.loc.column, d.message)
        for d in diagnostics(plans)
        if d.severity.name == "ERROR"
    ]


def test_aliases_repeating_megabytes_of_text_are_refused_at_the_alias(plans: Path) -> None:
    # Few nodes (the node count of an alias bomb is bounded already), but each alias repeats
    # 100,000 characters: 1.1 MB of pages from a 100 KB file, 20 GB from 20,000 aliases.
    anchor = "长" * 100_000
    edit(
        plans, MARKET, "        due: 2021-12\n", f"        due: 2021-12\n        x: &big {anchor}\n"
    )
    aliases = ", ".join(["*big"] * 11)
    edit(
        plans, MARKET, "        lead: [ports]\n", f"        lead: [ports]\n        y: [{aliases}]\n"
    )
    found = errors(plans)
    assert len(found) == 1, found
    code, file, line, column, message = found[0]
    assert (code, file, line) == ("yaml-syntax", MARKET, 21)
    assert "aliases repeat 1,100,000 characters" in message and column > 1


def test_a_few_short_aliases_are_fine(plans: Path) -> None:
    edit(plans, MARKET, "lead: [commerce]", "lead: &commerce [commerce]")
    edit(plans, MARKET, "lead: [ports]", "lead: *commerce")
    assert errors(plans) == []


def test_a_title_past_the_limit_is_refused_at_the_title(plans: Path) -> None:
    from planc.load.spec import TITLE_LIMIT

    edit(plans, MARKET, "提升跨境贸易便利化水平", "长" * (TITLE_LIMIT + 1))
    found = errors(plans)
    assert [(c, f, ln, col) for c, f, ln, col, _m in found] == [("schema", MARKET, 18, 16)]
    assert "501 characters long; planc takes at most 500 here" in found[0][4]


def test_a_title_at_the_limit_and_a_long_text_are_taken(plans: Path) -> None:
    from planc.load.spec import TITLE_LIMIT

    edit(plans, MARKET, "提升跨境贸易便利化水平", "长" * TITLE_LIMIT)
    edit(
        plans,
        MARKET,
        "        lead: [ports]\n",
        f"        lead: [ports]\n        text: {'文' * 19_000}\n",
    )
    assert errors(plans) == []


def test_a_text_past_any_paragraph_is_refused(plans: Path) -> None:
    edit(
        plans,
        MARKET,
        "        lead: [ports]\n",
        f"        lead: [ports]\n        text: {'文' * 20_001}\n",
    )
    found = errors(plans)
    assert [(c, f, ln) for c, f, ln, _col, _m in found] == [("schema", MARKET, 20)]
