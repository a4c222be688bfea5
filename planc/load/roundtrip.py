"""The sources as the importers edit them: ruamel.yaml's round trip, which keeps what a person
wrote around the records an import adds (comments, quoting, order, layout)."""

from __future__ import annotations

from typing import Any


def round_trip_yaml() -> Any:
    """A YAML reader and writer that gives back what it read, edited in place."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.width = 4096  # a long Chinese text stays on one line, not folded at 80 columns
    yaml.allow_unicode = True
    yaml.preserve_quotes = True
    return yaml
