"""The schema's words in messages ("expected a whole number", "unknown field 'x' in task"),
in the user's language. Spelled out so the catalogue's test finds each one; called only when
a file has a problem, so reading good files never looks anything up."""

from __future__ import annotations

from planc.diagnostics import kind_name
from planc.i18n import _, chinese

# The fields' names as the office says them: a message about a missing or empty field names
# it in Chinese too (任务缺少必填字段“标题（title）”), since a clerk knows 标题, not title.
FIELDS = {
    "aliases": "别名",
    "as_of": "截至期",
    "baseline": "基期值",
    "benchmarks": "对标城市",
    "candidates": "延续任务候选",
    "cases": "对标案例",
    "cell": "单元格",
    "changed": "修改的任务",
    "chapter": "部分",
    "chapters": "部分",
    "contact": "联系人及电话",
    "continues": "延续的任务",
    "country": "所属国家或地区",
    "date": "日期",
    "decision": "处理",
    "declared": "公布数字",
    "dimensions": "维度",
    "disposition": "处理意见",
    "due": "完成时限",
    "edition": "版本",
    "file": "文件",
    "form": "表格编号",
    "from": "来源轮次",
    "id": "编号",
    "indicators": "指标",
    "issued": "印发日期",
    "issuer": "印发单位",
    "kind": "类别",
    "lead": "牵头单位",
    "name": "名称",
    "note": "进展情况",
    "number": "序号",
    "part": "手册部分",
    "partners": "参与单位",
    "parts": "手册部分",
    "percent": "完成进度",
    "phase": "阶段",
    "places": "城市",
    "planc": "格式版本",
    "proposal": "修改建议",
    "reason": "理由",
    "received": "收到日期",
    "reports": "进展报告",
    "round": "轮次",
    "row": "行",
    "rows": "各行",
    "sections": "方面",
    "source": "来源",
    "status": "状态",
    "summary": "概述",
    "targets": "目标值",
    "task": "任务",
    "tasks": "任务",
    "text": "具体内容",
    "title": "标题",
    "unit": "单位",
    "units": "单位",
    "value": "数值",
    "year": "年份",
}


def field(name: str) -> str:
    """A field as a message names it: `title` in English, 标题（title） in Chinese."""
    label = FIELDS.get(name)
    return f"{label}（{name}）" if label and chinese() else name


def thing(name: str) -> str:
    """What a mapping in a source file is ('task', 'tasks file'…)."""
    names = {
        "area": _("area"),
        "baseline": _("baseline"),
        "cases file": _("cases file"),
        "comment": _("comment"),
        "consultation file": _("consultation file"),
        "declared": _("declared"),
        "figure over rounds": _("figure over rounds"),
        "handbook": _("handbook"),
        "phase": _("phase"),
        "places file": _("places file"),
        "provenance note": _("provenance note"),
        "qualified figure": _("qualified figure"),
        "reference": _("reference"),
        "response": _("response"),
        "section": _("section"),
        "target": _("target"),
        "tasks file": _("tasks file"),
        "units file": _("units file"),
        "round": _("round"),
        "object": _("object"),
        "progress report": _("progress report"),
        "imported form": _("imported form"),
        "progress file": _("progress file"),
        "candidates file": _("candidates file"),
        "candidate": _("candidate"),
        "submission file": _("submission file"),
        "submitted row": _("submitted row"),
        "earlier submission": _("earlier submission"),
    }
    return names.get(name) or kind_name(name)


def what(text: str) -> str:
    """What a field should hold ('a whole number'…)."""
    words = {
        "a value": _("a value"),
        "text": _("text"),
        "a whole number": _("a whole number"),
        "a whole number, or {value: N, qualifier: 余 or 多}": _(
            "a whole number, or {value: N, qualifier: 余 or 多}"
        ),
        "a number or text": _("a number or text"),
        "a lower-case id": _("a lower-case id"),
        "a lower-case id ([a-z0-9][a-z0-9-]*)": _("a lower-case id ([a-z0-9][a-z0-9-]*)"),
        "a round name like 2020-2021": _("a round name like 2020-2021"),
        "a date YYYY-MM-DD": _("a date YYYY-MM-DD"),
        "a date YYYY-MM or YYYY-MM-DD": _("a date YYYY-MM or YYYY-MM-DD"),
        "a year or stage": _("a year or stage"),
        "a form id (12 hex digits)": _("a form id (12 hex digits)"),
        "a mapping": _("a mapping"),
        "a list": _("a list"),
    }
    return words.get(text, text)
