"""The consultation form: what its two sheets hold. Forms out and forms in read this one
description (planc.sheets does the spreadsheet work)."""

from __future__ import annotations

from planc.sheets import Column, Sheet

KIND = "consultation"
TASKS, GENERAL = "tasks", "general"
WHOLE_PLAN = "计划整体"
GENERAL_ROWS = 20  # blank rows for comments on the plan as a whole, a chapter or any task
ROLE = {"lead": "牵头", "partner": "参与"}

COMMENT = Column("comment", "意见", 34, editable=True)
PROPOSAL = Column("proposal", "修改建议", 34, editable=True)
CONTACT = Column("contact", "联系人及电话", 16, editable=True, halfwidth=True)

TASK_COLUMNS = (
    Column("number", "编号", 6),
    Column("chapter", "部分", 14, wrap=True),
    Column("title", "工作任务", 30, wrap=True),
    Column("text", "具体内容", 36, wrap=True),
    Column("due", "完成时限", 10),
    Column("role", "职责", 6),
    COMMENT,
    PROPOSAL,
    CONTACT,
)


def general_columns(chapters: tuple[str, ...] = ()) -> tuple[Column, ...]:
    return (
        Column("part", "涉及部分", 18, editable=True, choices=(WHOLE_PLAN, *chapters)),
        Column("number", "任务编号", 10, editable=True, number=True),
        Column("comment", "意见", 44, editable=True),
        Column("proposal", "修改建议", 44, editable=True),
        CONTACT,
    )


def task_sheet(plan_title: str, unit_name: str) -> Sheet:
    return Sheet(
        TASKS,
        "任务意见",
        f"{plan_title}（征求意见稿）意见反馈表",
        f"反馈单位：{unit_name}。下列为本单位牵头或参与的任务。请在黄色的“意见”“修改建议”两列"
        "填写意见，无意见的任务请留空；“联系人及电话”填写一次即可。对计划整体、某一部分或其他任务"
        "的意见，请填写在“总体意见”工作表。请勿改动其他列，勿增删行列，勿改文件格式（.xlsx）。",
        TASK_COLUMNS,
    )


def general_sheet(plan_title: str, unit_name: str, chapters: tuple[str, ...]) -> Sheet:
    return Sheet(
        GENERAL,
        "总体意见",
        f"{plan_title}（征求意见稿）总体意见",
        f"反馈单位：{unit_name}。对计划整体或某一部分的意见：在“涉及部分”中选择；对某项任务的意见："
        "填写其“任务编号”。每行一条意见。",
        general_columns(chapters),
    )


# What the reader needs of each sheet: its key and its columns (headings, kinds).
READ_SHEETS = (task_sheet("", ""), general_sheet("", "", ()))
