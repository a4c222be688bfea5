"""The name of planc's parse cache inside a plans folder (planc/load/cache.py). A module of its
own so that the up-to-date test of a build can skip it without importing the loader."""

CACHE_DIR = ".planc-cache"
