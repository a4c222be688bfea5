"""Units as people name them: by id, Chinese name or alias (planc/model.py `Registry.unit_id`),
with the hint when a name names no unit, or two. The checks, the loader's readers and every
`--unit` option share these."""

from __future__ import annotations

from collections.abc import Iterable

from planc.diagnostics import did_you_mean
from planc.errors import UsageError
from planc.i18n import _
from planc.model import Registry


def unit_hint(registry: Registry, text: str) -> str | None:
    """The hint for a unit that names none: the closest id or name, or, for a name two units
    share, both ids (a name that is not unique names neither)."""
    shared = registry.unit_names().get(text, [])
    if len(shared) > 1:
        return _(
            "'{name}' is the name of {ids}: write the id of the one meant",
            name=text,
            ids=", ".join(shared),
        )
    return did_you_mean(text, registry.unit_words())


def chosen_units(registry: Registry, texts: Iterable[str]) -> list[str]:
    """The ids of the units an option names (`--unit 市商务局`), or a UsageError naming the
    first that names none, with the closest id or name."""
    chosen = []
    for text in texts:
        uid = registry.unit_id(text.strip())
        if uid is None:
            hint = unit_hint(registry, text.strip())
            message = _("no unit '{unit}' in registry/units.yaml", unit=text)
            raise UsageError(
                _("{message}; {hint}", message=message, hint=hint) if hint else message
            )
        chosen.append(uid)
    return list(dict.fromkeys(chosen))
