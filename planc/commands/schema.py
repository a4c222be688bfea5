"""planc schema: JSON Schema of the source files, for editors (planc/load/schema.py)."""

from __future__ import annotations

from pathlib import Path
from typing import IO

from planc.atomic import write_file
from planc.errors import UsageError
from planc.i18n import _
from planc.load.formats import KINDS
from planc.load.schema import combined, dump, schema_for


def schema(kind: str | None, out: Path | None, stream: IO[str]) -> int:
    if kind is not None and kind not in KINDS:
        raise UsageError(
            _("no file kind '{kind}' (kinds: {kinds})", kind=kind, kinds=", ".join(KINDS))
        )
    if out is None:
        stream.write(dump(schema_for(kind) if kind else combined()))
        return 0
    out.mkdir(parents=True, exist_ok=True)
    for name in [kind] if kind else list(KINDS):
        path = out / f"{name}.schema.json"
        write_file(path, dump(schema_for(name)))
        stream.write(_("wrote {path}", path=path.as_posix()) + "\n")
    return 0
