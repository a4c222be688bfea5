"""The figures the office publishes ("139条工作任务"), each described once: its name, in English
and Chinese, the label the documents use, the counting unit, and how it is qualified (shown only
where declared, not countable from the sources, a part of the figure above it). planc stats, the
checks' messages, the pages, plan.json and planc diff all read these tables."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FigureKind:
    name: str  # as in plan.yaml's `declared:` and the JSON outputs
    en: str
    zh: str  # the short Chinese name, as in the office's sentences
    label: str  # what the documents call it (the qualified name)
    unit: str  # the counting word: 139 项, 114 宗
    counted: bool = True  # False: a fact of the drafting the sources cannot count (yet)
    part_of_above: bool = False  # "其中…": a part of the figure listed before it
    derived: bool = False  # worked out from two declared figures, never declared itself

    @property
    def title(self) -> str:
        """For the terminal and the checks' messages: "cases (对标案例)", or in Chinese
        "对标案例"."""
        from planc.i18n import chinese

        return self.zh if chinese() else f"{self.en} ({self.zh})"

    @property
    def name_here(self) -> str:
        """The short name in the user's language."""
        from planc.i18n import chinese

        return self.zh if chinese() else self.en

    @property
    def row_label(self) -> str:
        """A table row: a part of the figure above is indented under it."""
        return ("  " if self.part_of_above else "") + self.title


# A published figure may be approximate: "2500余篇", "100多项". Either qualifier makes the
# figure a lower bound ("at least N") when planc reconciles it.
QUALIFIERS = ("余", "多")


def _table(*kinds: FigureKind) -> dict[str, FigureKind]:
    return {k.name: k for k in kinds}


# Every round has these, in the order the office publishes them.
FIGURES = _table(
    FigureKind("tasks", "tasks", "工作任务", "工作任务", "项"),
    FigureKind("benchmarked_tasks", "benchmarked tasks", "涉及对标", "涉及对标的任务", "项"),
    FigureKind("cases", "cases", "对标案例", "对标案例", "宗"),
    FigureKind(
        "case_countries", "countries and regions", "国家和地区", "案例涉及的国家和地区", "个"
    ),
    FigureKind("case_cities", "cities", "城市", "案例涉及的城市", "个"),
    FigureKind("indicators", "indicators", "指标", "指标", "项"),
    FigureKind("dimensions", "dimensions", "维度", "指标维度", "个"),
    FigureKind("references", "references", "参考文献", "参阅文献", "篇"),
)
# Shown only where a round declares them: a count the plan is split by, the consultation, and
# facts of the drafting that the sources cannot count, shown as published.
EXTRA_FIGURES = _table(
    FigureKind(
        "tasks_in_chapters", "tasks in the chapters", "部分内任务", "属于各部分的工作任务", "项"
    ),
    FigureKind(
        "tasks_outside_chapters",
        "tasks outside the chapters",
        "部分外任务",
        "不属于各部分的工作任务",
        "项",
        derived=True,  # tasks less tasks_in_chapters
    ),
    FigureKind(
        "indicators_total", "indicators, both levels", "指标合计", "指标（一、二级合计）", "项"
    ),
    # counted from the consultation records (plans/ROUND/consultation/)
    FigureKind("comments_adopted", "comments adopted", "吸纳意见", "吸纳修改意见", "条"),
    FigureKind(
        "consultation_rounds",
        "consultation rounds",
        "征求意见轮次",
        "征求意见轮次",
        "次",
    ),
    FigureKind(
        "units_consulted",
        "units consulted",
        "征求意见单位",
        "征求意见的单位和部门",
        "个",
    ),
    FigureKind("cities_studied", "cities studied", "调研城市", "调研国际城市", "个", counted=False),
    FigureKind(
        "ocean_cities_studied",
        "of which ocean cities",
        "其中海洋城市",
        "其中海洋城市",
        "个",
        counted=False,
        part_of_above=True,
    ),
    # done as of the latest progress period: shown where declared or progress is reported
    FigureKind("tasks_done", "tasks done", "完成任务", "已完成任务", "项"),
)
ALL_FIGURES = FIGURES | EXTRA_FIGURES
UNCOUNTED = tuple(name for name, kind in ALL_FIGURES.items() if not kind.counted)
# What a round's plan.yaml may declare under `declared:`, in the order above.
DECLARABLE = tuple(name for name, kind in ALL_FIGURES.items() if not kind.derived)
# Declared on an indicator system (a round can hold several).
SYSTEM_FIGURES = ("dimensions", "indicators")
# Figures published for the programme itself (4大领域, 26项任务), and facts of its work the
# sources cannot count: the office's work meetings (四次工作会议) and the expert committee's
# candidates (候选人共59人), shown as published.
PROGRAMME_FIGURES = _table(
    FigureKind("areas", "areas", "领域", "领域", "个"),
    FIGURES["tasks"],
    FigureKind("office_meetings", "meetings", "工作会议", "推进办工作会议", "次", counted=False),
    FigureKind(
        "expert_candidates",
        "candidates",
        "专家候选人",
        "专家咨询委员会候选人",
        "人",
        counted=False,
    ),
)
# What the record says of another document whose targets a round is read beside (`role:
# targets`): "《实施意见》共8大部分33条", and the task forces that carry it ("6个专班"). Shown
# as published.
DOCUMENT_FIGURES = _table(
    FigureKind("document_parts", "parts", "大部分", "文件部分", "个", counted=False),
    FigureKind("document_articles", "articles", "条", "文件条目", "条", counted=False),
    FigureKind("task_forces", "task forces", "专班", "工作专班", "个", counted=False),
)
