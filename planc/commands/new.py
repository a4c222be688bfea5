"""planc new ROUND [--from ROUND]: parse, begin the round (planc/newround.py), say what each
file written holds."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from planc.commands.solicit import unassigned
from planc.i18n import _


def new(plans: Path, name: str, wanted: str | None, stream: IO[str]) -> int:
    from planc.load import round_names
    from planc.newround import check_name, new_round, source_round
    from planc.pipeline import analyze

    check_name(plans, name)  # before anything is read: a round already begun is refused
    source = source_round(round_names(plans) if plans.is_dir() else [], name, wanted)
    closing = _("{round} has errors; fix them first (planc check {round})", round=source)
    analysis = analyze(plans, [source]).require_clean(closing)
    made = new_round(analysis.index, plans, name, source)
    stream.write(_("began {round} from {source}:", round=name, source=source) + "\n")
    for written in made.files:
        stream.write(f"  {(plans / written.path).as_posix()}: {written.says}\n")
    unassigned(plans, name, made.unassigned, stream)
    stream.write(_("next: planc solicit forms {round} --out forms", round=name) + "\n")
    return 0
