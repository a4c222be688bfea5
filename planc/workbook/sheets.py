"""The whole-round workbook's sheets, described once: the export writes them and the import
reads them back through planc/sheets (one machinery for every form)."""

from __future__ import annotations

from planc.model import DISPOSITION_WORDS as WORDS
from planc.model import DISPOSITIONS as LABELS
from planc.sheets import Column, Sheet

KIND = "workbook"
TASKS, CASES, INDICATORS, UNITS, COMMENTS = "tasks", "cases", "indicators", "units", "comments"
SPARE = 30  # empty rows under each table for new items (more can be inserted)
YES = "是"
CARRIED = "沿用自"
# What a unit is, as the office says it (registry/units.yaml `kind:`).
UNIT_KINDS = {"department": "市直部门", "body": "议事协调机构", "organisation": "其他单位"}
# Dispositions as the office writes them; the other words clerks use, and the sources' own.
DISPOSITIONS = dict(LABELS)
DISPOSITION_WORDS = WORDS | {key: key for key in DISPOSITIONS}
NOTE = (
    "黄色单元格可以修改。新增：在表末空行（或插入的行）填写；删除：删除整行或清空该行。"
    "多个单位用顿号“、”分隔，多个指标、案例每行一个。A列隐藏的编号请勿改动。"
    "改好后运行 planc sheet import 导入，planc 先列出全部修改，确认后才写入。"
)


# The indicator sheet's 沿用自: the round planc new copied the row's system from (`carried_from:`).
CARRIED_NOTE = (
    "“沿用自”列写有轮次的，是 planc new 原样沿用上一轮的指标体系：按本轮审核其基期值、目标值后，"
    "清空该体系各行的“沿用自”，即表示已审核（只清空部分行的，不视为已审核）。"
)


def _sheet(
    key: str,
    title: str,
    heading: str,
    columns: tuple[Column, ...],
    spare: bool,
    note: str = NOTE,
) -> Sheet:
    return Sheet(key, title, heading, note, columns, table=True, spare=SPARE if spare else 0)


def task_sheet(
    plan: str,
    chapters: tuple[str, ...],
    sections: tuple[str, ...],
    units: tuple[str, ...],
    indicators: tuple[str, ...],
    cases: tuple[str, ...],
) -> Sheet:
    return _sheet(
        TASKS,
        "工作任务",
        f"{plan}工作任务",
        (
            Column("number", "编号", 6, editable=True, number=True),
            Column("chapter", "部分", 14, editable=True, choices=chapters),
            Column("section", "方面", 14, editable=True, choices=sections),
            Column("title", "工作任务", 32, editable=True),
            Column("text", "具体内容", 40, editable=True),
            Column("lead", "牵头单位", 16, editable=True, choices=units, strict=False),
            Column("partners", "参与单位", 20, editable=True, choices=units, strict=False),
            Column("indicators", "服务指标", 20, editable=True, choices=indicators, strict=False),
            Column("cases", "对标案例", 20, editable=True, choices=cases, strict=False),
            Column("due", "完成时限", 10, editable=True),
        ),
        True,
    )


def case_sheet(handbook: str, parts: tuple[str, ...], places: tuple[str, ...]) -> Sheet:
    return _sheet(
        CASES,
        "对标案例",
        f"{handbook}对标案例",
        (
            Column("part", "部分", 14, editable=True, choices=parts),
            Column("title", "案例", 28, editable=True),
            Column("places", "城市或地区", 16, editable=True, choices=places, strict=False),
            Column("summary", "概述", 44, editable=True),
            Column("practices", "经验做法（每行一条）", 44, editable=True),
        ),
        True,
    )


def indicator_sheet(plan: str, systems: tuple[str, ...], dimensions: tuple[str, ...]) -> Sheet:
    return _sheet(
        INDICATORS,
        "指标体系",
        f"{plan}指标体系",
        (
            Column("system", "指标体系", 18, editable=True, choices=systems),
            Column("dimension", "维度", 14, editable=True, choices=dimensions),
            Column("title", "指标", 28, editable=True),
            Column("unit", "计量单位", 8, editable=True),
            Column("baseline_year", "基期年份", 8, editable=True, number=True),
            Column("baseline", "基期值", 10, editable=True),
            Column("targets", "目标值（每行一个，如 2021：100）", 22, editable=True),
            Column("carried", CARRIED, 10, editable=True),
        ),
        True,
        NOTE + CARRIED_NOTE,
    )


def unit_sheet() -> Sheet:
    return _sheet(
        UNITS,
        "责任单位",
        "责任单位（各轮共用）",
        (
            Column("name", "单位名称", 30, editable=True),
            Column("kind", "类别", 14, editable=True, choices=tuple(UNIT_KINDS.values())),
            Column("en", "英文名称", 40, editable=True),
            # plan.yaml's `consulted:`: asked in the consultation though it has no task
            Column("consulted", "另行征求意见", 12, editable=True, choices=(YES,)),
        ),
        True,
    )


def comment_sheet(plan: str) -> Sheet:
    return _sheet(
        COMMENTS,
        "征求意见处理",
        f"{plan}征求意见处理情况",
        (
            Column("consultation", "轮次", 6),
            Column("unit", "提出单位", 16, wrap=True),
            Column("about", "涉及", 22, wrap=True),
            Column("text", "意见", 36, wrap=True),
            Column("proposal", "修改建议", 30, wrap=True),
            Column(
                "disposition", "处理意见", 11, editable=True, choices=tuple(DISPOSITIONS.values())
            ),
            Column("reason", "理由", 28, editable=True),
            Column("changed", "修改的任务（编号）", 12, editable=True),
        ),
        False,
    )


# What the reader needs of each sheet: its key and its columns.
READ_SHEETS = (
    task_sheet("", (), (), (), (), ()),
    case_sheet("", (), ()),
    indicator_sheet("", (), ()),
    unit_sheet(),
    comment_sheet(""),
)
