"""planc schema: JSON Schema of the source files, for editors (yaml-language-server)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from planc import __version__
from planc.errors import UsageError
from planc.i18n import _
from planc.load.formats import KINDS

BASE_ID = "https://planc.invalid/schema"  # a name, not an address: nothing is fetched


def schema_for(kind: str) -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_ID}/{kind}.json",
        "title": f"planc {kind} file (format 1, planc {__version__})",
        **KINDS[kind].json(),
    }


def combined() -> dict[str, Any]:
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE_ID}/planc.json",
        "title": "planc source file (any kind)",
        "$defs": {kind: KINDS[kind].json() for kind in KINDS},
        "anyOf": [{"$ref": f"#/$defs/{kind}"} for kind in KINDS],
    }


def dump(schema: dict[str, Any]) -> str:
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


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
        path.write_text(dump(schema_for(name)), encoding="utf-8")
        stream.write(_("wrote {path}", path=path.as_posix()) + "\n")
    return 0
