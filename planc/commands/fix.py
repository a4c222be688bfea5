"""planc fix: apply the `punctuation` fixes to the sources, in place, changing nothing else."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

from planc import report
from planc.i18n import _
from planc.load import ROUND_DIR
from planc.load.punctuation import fix_file
from planc.pipeline import select_rounds


def fix(plans: Path, rounds: Sequence[str], stream: IO[str]) -> int:
    """Rewrites the half-width punctuation of Chinese text in the YAML files of `rounds` (all
    by default), of the registry and at the top of the plans folder (programme.yaml). Files
    with YAML errors are left as they are."""
    chosen = select_rounds(plans, rounds)
    folders = [plans / name for name in chosen] + [plans / "registry"]
    files = sorted(
        p for folder in folders if folder.is_dir() for p in folder.rglob("*.yaml") if p.is_file()
    )
    files += sorted(p for p in plans.glob("*.yaml") if p.is_file())  # programme.yaml
    changed = 0
    for path in files:
        rel = path.relative_to(plans).as_posix()
        top = rel.split("/", 1)[0]
        if "/" in rel and not ROUND_DIR.fullmatch(top) and top != "registry":
            continue
        try:
            changes = fix_file(path, rel)
        except (UnicodeDecodeError, ValueError) as exc:  # not UTF-8, or not YAML: check says
            skipped = _("skipped ({reason})", reason=type(exc).__name__)
            stream.write(f"{plans.as_posix()}/{rel}: {skipped}\n")
            continue
        except Exception as exc:  # ruamel's parse errors: planc check reports them located
            if type(exc).__module__.startswith("ruamel"):
                skipped = _("skipped (YAML error; see planc check)")
                stream.write(f"{plans.as_posix()}/{rel}: {skipped}\n")
                continue
            raise
        for c in changes:
            stream.write(f"{plans.as_posix()}/{c.file}:{c.line}:{c.column}: {c.old} → {c.new}\n")
        changed += len(changes)
    fixed = report.plural(changed, "value")
    stream.write(_("fixed {values} in {plans}", values=fixed, plans=plans.as_posix()) + "\n")
    return 0
