"""Names of places planc reads and writes, in a module of their own so that the up-to-date test
of a build can use them without importing the loader or Jinja."""

from pathlib import Path

CACHE_DIR = ".planc-cache"  # planc's parse cache inside a plans folder (planc/load/cache.py)
TEMPLATES = Path(__file__).resolve().parent / "templates"  # package data: HTML, CSS, JS
