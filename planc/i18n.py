"""The clerks' language: planc speaks Chinese when the locale is Chinese (LC_ALL, LC_MESSAGES,
LANG, in POSIX order: zh_CN.UTF-8, zh_CN, zh_TW…), English otherwise. Every message goes
through `_()`, which looks it up in the one catalogue (planc/zh_cn.py) by its English text, as
gettext does; a message missing there stays English (tests/test_i18n.py finds none missing).

The locale is read once per process: reading three environment variables on every message cost
117 µs per item when messages were built for every task (tests/test_speed_guards.py counts). A
process that changes its locale (a test) calls `reset()`; so does each run of the command line
(planc/clitext.py), which a test may make with an environment of its own."""

from __future__ import annotations

import os

_chinese: bool | None = None  # the locale's answer, once read


def _read_locale() -> bool:
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name)
        if value:
            return value.lower().startswith("zh")
    return False


def chinese() -> bool:
    global _chinese
    if _chinese is None:
        _chinese = _read_locale()
    return _chinese


def reset() -> None:
    """Read the locale again at the next message (after the environment changed)."""
    global _chinese
    _chinese = None


def _(text: str, **values: object) -> str:
    """`text` in the user's language, with `{name}` fields filled from `values`."""
    template = text
    if chinese():  # the catalogue is read only when it is needed
        from planc.zh_cn import ZH

        template = ZH.get(text, text)
    return template.format(**values) if values else template


def count(n: int, noun: str) -> str:
    """ "3 errors" / "3 个错误": a number with its noun."""
    if chinese():
        from planc.zh_cn import NOUNS

        return f"{n} {NOUNS.get(noun, noun)}"
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"
