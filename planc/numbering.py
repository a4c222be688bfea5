"""Task numbers as a reader sees them: the published ones, or for a draft that has none yet,
the position of each task in chapter order (the consultation forms and the draft edition show
these, so a unit can say "第12项")."""

from __future__ import annotations

from planc.model import Round


def task_numbers(rnd: Round, every: bool = False) -> dict[str, int]:
    """Task id -> number. When no task of the round carries a published number, every task is
    numbered 1, 2, ... in chapter order; otherwise the published numbers stand and a task
    without one has none (counting around published numbers would repeat some of them).
    `every`: number every task in chapter order whatever was published (a draft: nothing is
    published yet, and people cite every task by its number)."""
    tasks = rnd.tasks()
    if every or not any(t.number is not None for t in tasks):
        return {t.id: n for n, t in enumerate(tasks, start=1) if t.id}
    return {t.id: t.number for t in tasks if t.id and t.number is not None}
