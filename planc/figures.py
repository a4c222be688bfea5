"""The figures the office publishes about a round ("139条工作任务"), described once: their
order, names in English and Chinese, the label the documents use, and the counting unit.
planc stats, the checks' messages, the pages, plan.json and planc diff all read this table."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class FigureKind:
    name: str  # as in plan.yaml's `declared:` and the JSON outputs
    en: str
    zh: str  # the short Chinese name, as in the office's sentences
    label: str  # what the documents call it (the qualified name)
    unit: str  # the counting word: 139 项, 114 宗

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


# In the order the office publishes them.
FIGURES: dict[str, FigureKind] = {
    f.name: f
    for f in (
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
}
