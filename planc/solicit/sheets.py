"""The solicitation form (任务征集表): what its three sheets hold. Forms out and forms in read
this one description (planc/sheets does the spreadsheet work)."""

from __future__ import annotations

from planc.sheets import Column, Sheet

KIND = "solicitation"
CONTACT, CANDIDATES, NEW = "contact", "candidates", "new"
NEW_ROWS = 20  # blank rows for new tasks (n01…n20)
KEEP, DROP = "继续", "不再列入"  # what the unit answers for a candidate
SEPARATORS = "、，,；;\n"  # between several units or indicators in one cell

# The contact sheet: two rows, the item and what the unit writes.
CONTACT_COLUMNS = (
    Column("item", "项目", 16),
    Column("value", "填写内容", 80, editable=True, halfwidth=True),
)
CONTACT_ROWS = (("name", "联系人"), ("phone", "联系电话"))


def task_columns(
    chapters: tuple[str, ...] = (), units: tuple[str, ...] = (), indicators: tuple[str, ...] = ()
) -> tuple[Column, ...]:
    """The columns a unit fills for a task, new or continued."""
    return (
        Column("chapter", "部分", 16, editable=True, choices=chapters),
        Column("title", "工作任务", 30, editable=True),
        Column("text", "具体内容", 40, editable=True),
        Column("due", "完成时限", 11, editable=True),
        Column("partners", "参与单位", 22, editable=True, choices=units, strict=False),
        Column("indicators", "服务指标", 22, editable=True, choices=indicators, strict=False),
    )


def candidate_columns(
    chapters: tuple[str, ...] = (), units: tuple[str, ...] = (), indicators: tuple[str, ...] = ()
) -> tuple[Column, ...]:
    return (
        Column("number", "原编号", 7),
        Column("last_due", "原完成时限", 10),
        Column("progress", "上轮进展", 14, wrap=True),
        Column("decision", "是否继续", 10, editable=True, choices=(KEEP, DROP)),
        *task_columns(chapters, units, indicators),
    )


def contact_sheet(plan_title: str, unit_name: str, source: str) -> Sheet:
    return Sheet(
        CONTACT,
        "填报说明",
        f"{plan_title}重点工作任务征集表",
        f"填报单位：{unit_name}。本表征集本单位今明两年的重点工作任务：“延续任务”工作表列出本单位"
        f"牵头的{source}年度未完成任务，请逐项确定是否继续，继续的可直接修改任务名称和内容；"
        "“新增任务”工作表填写新提出的任务，每行一项。“部分”“参与单位”“服务指标”可从下拉列表"
        "选择，多个单位或指标用顿号“、”分隔；完成时限写作2025年6月或2025-06。请在下方填写"
        "联系人及电话。请勿增删行列，勿改文件格式（.xlsx）。",
        CONTACT_COLUMNS,
    )


def candidate_sheet(
    plan_title: str,
    unit_name: str,
    source: str,
    lists: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ()),
) -> Sheet:
    return Sheet(
        CANDIDATES,
        "延续任务",
        f"{plan_title}延续任务（{unit_name}）",
        f"下列为本单位牵头的{source}年度未完成任务，已按原任务预填。“是否继续”选择“继续”或"
        "“不再列入”；继续的，黄色单元格可直接修改，并填写新的完成时限。",
        candidate_columns(*lists),
    )


def new_sheet(
    plan_title: str,
    unit_name: str,
    lists: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ()),
) -> Sheet:
    return Sheet(
        NEW,
        "新增任务",
        f"{plan_title}新增任务（{unit_name}）",
        "每行填写一项本单位拟牵头的新任务：选择“部分”，填写任务名称（必填）、具体内容和完成时限，"
        "选择参与单位和服务的指标。未用的行留空即可。",
        task_columns(*lists),
    )


# What the reader needs of each sheet: its key and its columns (headings, kinds).
READ_SHEETS = (contact_sheet("", "", ""), candidate_sheet("", "", ""), new_sheet("", ""))
