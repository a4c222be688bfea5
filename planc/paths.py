"""Names of places planc reads and writes, in a module of their own so that the up-to-date test
of a build and an unchanged `planc check` can use them without importing the loader or Jinja."""

import re
from pathlib import Path

ROUND_DIR = re.compile(r"[0-9]{4}-[0-9]{4}")
REGISTRY = "registry"
PROGRAMME = "programme.yaml"  # optional: the strategy the rounds serve
CACHE_DIR = ".planc-cache"  # planc's parse cache inside a plans folder (planc/load/cache.py)
TEMPLATES = Path(__file__).resolve().parent / "templates"  # package data: HTML, CSS, JS


def round_names(plans: Path) -> list[str]:
    """The rounds of a plans folder, oldest first (a round folder linked from outside the
    plans folder is not one: the loader reports it)."""
    root = plans.resolve()
    names = []
    for path in plans.iterdir():
        if not (ROUND_DIR.fullmatch(path.name) and path.is_dir()):
            continue
        if path.resolve().is_relative_to(root):
            names.append(path.name)
    return sorted(names)
