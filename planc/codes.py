"""Every diagnostic code as an object: its severity, what it means, an example and the fix.
Names are stable: tools and CI rules match on them, so they never change meaning. `planc
explain` prints these, and the README's list is generated from them (tests/test_docs.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Code:
    name: str
    severity: Severity
    stage: str  # who reports it: "load" (one file on its own) or "check" (files together)
    summary: str
    example: str  # as `planc check` prints it, on the test fixture plans
    fix: str


ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
_ALL = [
    Code(
        "yaml-syntax",
        ERROR,
        "load",
        "The file is not valid YAML; nothing in it can be read.",
        "plans/2018-2019/tasks/enterprise.yaml:7:10: error[yaml-syntax] did not find expected "
        "',' or ']' (while parsing a flow sequence)",
        "Fix the YAML at the position shown: a bracket or quote left open, a tab for "
        "indentation, a colon without a space after it.",
    ),
    Code(
        "encoding",
        ERROR,
        "load",
        "The file is not UTF-8; planc names the encoding it looks like.",
        "plans/2018-2019/tasks/enterprise.yaml:2:8: error[encoding] the file is not UTF-8 "
        "(byte 0xB7 here); it looks like GB18030/GBK (Simplified Chinese)",
        "Save the file as UTF-8, e.g. iconv -f GB18030 -t UTF-8 FILE > NEW.",
    ),
    Code(
        "duplicate-key",
        ERROR,
        "load",
        "A key repeats in one mapping; planc keeps the first.",
        "plans/2018-2019/tasks/enterprise.yaml:11:5: error[duplicate-key] key 'number' repeats "
        "(first at line 10); planc keeps the first",
        "Remove or rename one of the two keys.",
    ),
    Code(
        "schema",
        ERROR,
        "load",
        "A field is missing, unknown or of the wrong type (a "
        "malformed id or date, a qualifier other than 余/多, an "
        "inferred provenance note without `reason:`), or a file or "
        "folder is misplaced.",
        "plans/2018-2019/tasks/enterprise.yaml:13:5: error[schema] unknown field 'benchmark' in "
        "task",
        "Follow the hint; docs/source-format.md lists every field (planc schema for editors).",
    ),
    Code(
        "duplicate-id",
        ERROR,
        "check",
        "Two things of one kind share an id within a round (or two files fill one chapter).",
        "plans/2020-2021/tasks/market.yaml:16:13: error[duplicate-id] task id "
        "'international-living-rooms' is already used at 2020-2021/tasks/market.yaml:5:13",
        "Rename one of them; ids are unique per kind within a round.",
    ),
    Code(
        "unknown-reference",
        ERROR,
        "check",
        "A reference names a unit, place, indicator, case, source, "
        "chapter or task that does not exist (also a programme "
        "figure's rounds, a consultation comment's unit or task).",
        "plans/2020-2021/tasks/market.yaml:9:29: error[unknown-reference] task "
        "'international-living-rooms' names unit 'port', which is not in registry/units.yaml",
        "Correct the id (the hint names the closest one), or add the item where the message says.",
    ),
    Code(
        "round-mismatch",
        ERROR,
        "check",
        "plan.yaml's `round:` differs from its folder's name.",
        "plans/2020-2021/plan.yaml:2:8: error[round-mismatch] plan.yaml says round 2020-2022, "
        "but its folder is 2020-2021",
        "Write the folder's name in `round:`, or rename the folder.",
    ),
    Code(
        "number-conflict",
        ERROR,
        "check",
        "Published task numbers repeat or run backwards within a round.",
        "plans/2020-2021/tasks/market.yaml:17:17: error[number-conflict] task "
        "'trade-facilitation' is numbered 20 but follows task 'international-living-rooms' "
        "numbered 24",
        "Numbers run upwards in chapter order (plan.yaml) and file order: fix the number or the "
        "order.",
    ),
    Code(
        "declared-mismatch",
        WARNING,
        "check",
        "A published figure differs from what the sources hold.",
        "plans/2020-2021/plan.yaml:15:10: warning[declared-mismatch] cases (对标案例): 5 "
        "published, but the sources hold 2",
        "Add what is missing to the sources, or correct the figure under `declared:`.",
    ),
    Code(
        "declared-inconsistent",
        WARNING,
        "check",
        "Published figures contradict each other: chapter counts "
        "against the total (or `tasks_in_chapters`), a part above "
        "its whole, or a programme figure the rounds' own figures "
        "cannot add up to.",
        "plans/2020-2021/plan.yaml:13:10: warning[declared-inconsistent] the chapters declare "
        "1+2+1 = 4 tasks, but 3 tasks are published in all",
        "Check the published figures against the source document; one of them is wrong.",
    ),
    Code(
        "unused-case",
        WARNING,
        "check",
        "No task refers to a benchmark case.",
        "plans/2020-2021/cases/market.yaml:3:9: warning[unused-case] no task of 2020-2021 "
        "refers to case 'hk-airport-city' (香港“机场城市”)",
        "Name the case in a task's `cases:`, or remove it.",
    ),
    Code(
        "uncovered-indicator",
        WARNING,
        "check",
        "No task serves an indicator (a `role: targets` system is exempt).",
        "plans/2020-2021/indicators/five-internationalizations.yaml:9:13: "
        "warning[uncovered-indicator] no task of 2020-2021 serves indicator 'listed-companies' "
        "(境内外上市公司数量)",
        "Name the indicator in a task's `indicators:`.",
    ),
    Code(
        "incomplete",
        INFO,
        "check",
        "A public-record round holds less than was published: a gap in the record, not an error.",
        "plans/2020-2021/plan.yaml:13:10: info[incomplete] tasks (工作任务): 139 published, the "
        "sources hold 3 (收录 3 / 139); the public record is partial here",
        "Nothing to fix; add what a new public source shows, with its `source:`.",
    ),
    Code(
        "punctuation",
        INFO,
        "load",
        "Chinese text of the sources has half-width punctuation (, ; : ? ! ( ) or straight "
        "quotes) where GB/T 15834 writes full-width ones; the documents print the full-width "
        "forms either way.",
        "plans/2020-2021/tasks/market.yaml:3:12: info[punctuation] half-width punctuation in "
        "Chinese text: '平台集聚资源方面(港口),提速'",
        "Run `planc fix`: it rewrites exactly those characters of the values (，；：？！（）, "
        "quotes “‘’” nested), keeping comments, quoting and layout.",
    ),
    Code(
        "missing-source",
        WARNING,
        "check",
        "In a public-record round, a chapter, part, task, case or "
        "indicator system (or an indicator without one up its "
        "system) names no `source:`.",
        "plans/2020-2021/cases/market.yaml:3:9: "
        "warning[missing-source] case 'hk-airport-city' has no "
        "`source:` in a public-record round",
        "Name the source the item comes from in `source:` (a source id of plan.yaml).",
    ),
    Code(
        "phase-mismatch",
        WARNING,
        "check",
        "A round's `phase:` is not a phase of programme.yaml its "
        "years fall in, or its years fall in none.",
        "plans/2020-2021/plan.yaml:6:8: warning[phase-mismatch] "
        "round 2020-2021 says phase '中远规划期', but by programme.yaml "
        "its years fall in 实施开展期(2017—2021)",
        "Write the phase programme.yaml gives for the round's years, or correct the phases there.",
    ),
    Code(
        "form-unreadable",
        ERROR,
        "load",
        "A returned file (consult or progress import) is not an "
        ".xlsx workbook; planc says what it is (.xls, CSV, PDF, "
        "empty).",
        "notes.xlsx: error[form-unreadable] this is a text file (CSV?), not an .xlsx workbook",
        "Send back the .xlsx planc progress forms wrote, saved as Excel (not CSV).",
    ),
    Code(
        "form-foreign",
        ERROR,
        "load",
        "A workbook that is not a planc form, or a form of another kind, round or unit.",
        "old.xlsx: error[form-foreign] this is a form of round 2018-2019, not 2020-2021",
        "Import it with the round it was made for, or make the form "
        "anew with planc progress forms.",
    ),
    Code(
        "form-tampered",
        ERROR,
        "load",
        "A form's hidden id column or metadata was edited, a sheet deleted, or columns moved.",
        "forms/2021-Q3-市商务局.xlsx:任务进展!A4: error[form-tampered] the "
        "hidden id 'other-task' in column A is not one this form was "
        "sent with",
        "Fill in only the open cells; make the form anew with planc "
        "progress forms if it was changed.",
    ),
    Code(
        "form-cell",
        ERROR,
        "load",
        "A cell planc will not guess about (at FILE:SHEET!CELL): a "
        "value not allowed, a formula, merged cells, text beside the "
        "form.",
        "forms/2021-Q3-市商务局.xlsx:任务进展!G4: error[form-cell] 本期状态 "
        "'差不多' is not one of 未启动、正常推进、滞后、已完成、已终止",
        "Correct the cell as the message says: a status from the list, a whole percent, a date.",
    ),
    Code(
        "form-empty",
        INFO,
        "load",
        "A returned form has nothing filled in (无意见, or no status): "
        "recorded as a response, nothing imported.",
        "forms/2021-Q3-市科技局.xlsx: info[form-empty] the form has no "
        "status filled in; nothing to import",
        "Nothing to fix, unless the unit meant to report: ask it to fill in the form.",
    ),
    Code(
        "form-replaced",
        WARNING,
        "load",
        "A unit sent a corrected form: the comments of its earlier form in that consultation "
        "are replaced (the office's dispositions of them go too).",
        "back/市商务局-2020-2021征求意见表（第1次）.xlsx: warning[form-replaced] 市商务局 sent a "
        "corrected form for consultation 1: it replaces the 1 comments of its earlier form "
        "(c-4c3aaacaeb)",
        "Nothing to fix if the unit meant to correct its form; record again the dispositions "
        "the hint names.",
    ),
    Code(
        "unknown-task",
        ERROR,
        "check",
        "A progress report names a task the round does not have.",
        "plans/2020-2021/progress/2021-Q2.yaml:15:11: "
        "error[unknown-task] a report on task 'talent-visas', which "
        "round 2020-2021 does not have",
        "Correct the task id (the hint names the closest one).",
    ),
    Code(
        "period-outside-round",
        ERROR,
        "check",
        "A progress period lies outside the round's years.",
        "plans/2020-2021/progress/2022-Q1.yaml:1:1: "
        "error[period-outside-round] period 2022-Q1 is outside round "
        "2020-2021 (2020-2021)",
        "Move the report to the round the period belongs to, or correct the period.",
    ),
    Code(
        "periods-overlap",
        ERROR,
        "check",
        "Two progress periods share days (2021-Q2 and 2021-05).",
        "plans/2020-2021/progress/2021-Q2.yaml:1:1: "
        "error[periods-overlap] period 2021-Q2 overlaps 2021-05 "
        "(2020-2021/progress/2021-05.yaml); a task would have two "
        "statuses for the same days",
        "Report a round in periods of one kind, or merge the two files.",
    ),
    Code(
        "unit-not-responsible",
        WARNING,
        "check",
        "The reporting unit neither leads nor partners the task.",
        "plans/2020-2021/progress/2021-Q2.yaml:9:11: "
        "warning[unit-not-responsible] 市文化和旅游局 (culture) reports on "
        "task 'overseas-listing', which it neither leads nor partners",
        "Correct the unit, or add it to the task's `lead:` or `partners:`.",
    ),
    Code(
        "reopened-without-note",
        WARNING,
        "check",
        "A task done in one period is not done in a later one, with no note saying why.",
        "plans/2020-2021/progress/2021-Q2.yaml:21:13: "
        "warning[reopened-without-note] task "
        "'international-living-rooms' was done in 2021-Q1 and is "
        "on-track (正常推进) in 2021-Q2, with no note why",
        "Add a `note:` to the later report saying why the task is open again.",
    ),
    Code(
        "percent-fell",
        WARNING,
        "check",
        "A task's percent is lower than in its previous report.",
        "plans/2020-2021/progress/2021-Q2.yaml:5:14: "
        "warning[percent-fell] task 'state-capital-reform' is at 45% "
        "in 2021-Q2, down from 50% in 2021-Q1",
        "Correct the percent, or add a `note:` saying why it fell.",
    ),
    Code(
        "task-overdue",
        WARNING,
        "check",
        "A task is past its `due` and not done as of the latest period's end.",
        "plans/2020-2021/tasks/enterprise.yaml:21:10: "
        "warning[task-overdue] task 'talent-visa' was due 2021-03 "
        "and is not done as of 2021-Q2 (last reported not-started in "
        "2021-Q2)",
        "Report its state, or move `due:` if the plan moved it.",
    ),
    Code(
        "report-missing",
        WARNING,
        "check",
        "A task has no report in the latest period (done and dropped tasks need none).",
        "plans/2020-2021/tasks/enterprise.yaml:16:9: "
        "warning[report-missing] task 'talent-visa' has no report in "
        "2021-Q2, the latest period",
        "Add the task's report to the latest period's file.",
    ),
    Code(
        "comment-undisposed",
        WARNING,
        "check",
        "A comment of the consultation has no `disposition:`.",
        "plans/2020-2021/consultation/round-1.yaml:5:9: "
        "warning[comment-undisposed] comment 'c-0000000001' has no "
        "disposition",
        "Record the office's decision: adopted, partly-adopted, not-adopted or noted.",
    ),
    Code(
        "disposition-incomplete",
        WARNING,
        "check",
        "A disposition says too little: not or partly adopted "
        "without `reason:`, or adopted on no task (a general "
        "comment) without `changed:`.",
        "plans/2020-2021/consultation/round-1.yaml:14:18: "
        "warning[disposition-incomplete] comment 'c-0000000002' is "
        "not-adopted without a reason",
        "Give the `reason:`, or name in `changed:` the tasks the comment changed.",
    ),
    Code(
        "adopted-unchanged",
        WARNING,
        "check",
        "An adopted comment's task is the same in the revised plan "
        "as in the draft the forms were made from (`draft:`, a git "
        "commit).",
        "plans/2020-2021/consultation/round-1.yaml:19:18: "
        "warning[adopted-unchanged] comment 'c-bf95f415ee' is "
        "adopted, but task 'state-capital-reform' is as it was in "
        "the draft (9501c875172c)",
        "Revise the task as adopted, or correct the disposition.",
    ),
    Code(
        "milestone-order",
        WARNING,
        "check",
        "A step of a round's timeline (`milestones:`) or of the programme's events is listed "
        "after one it must have come before, or ends before it starts. Dates are compared as "
        "precisely as they are written (2019-H2 and 2019-12 may be either way round).",
        "plans/2020-2021/plan.yaml:12:12: warning[milestone-order] milestone consultation "
        "(2020-05) is listed after issued (2020-06-22), which comes later",
        "List the steps in the order they happened, or correct a date.",
    ),
    Code(
        "milestone-outside-round",
        WARNING,
        "check",
        "A step of a round's timeline is dated after the round's years (preparation may come "
        "before them; nothing of a round comes after it).",
        "plans/2020-2021/plan.yaml:11:12: warning[milestone-outside-round] milestone "
        "press-conference (2022-H1) is after round 2020-2021",
        "Correct the date, or move the step to the round it belongs to.",
    ),
    Code(
        "resubmission-conflict",
        ERROR,
        "load",
        "A unit's corrected solicitation form would change or remove a task the office has "
        "edited since the unit's earlier form was imported; nothing is imported.",
        "市商务局-2022-2023任务征集表.xlsx:新增任务!C4: error[resubmission-conflict] task "
        "'commerce-3', made from 市商务局's earlier form, was changed since in "
        "2022-2023/tasks/market.yaml; planc does not write over the office's edit",
        "Make the unit's correction to the task by hand, or undo the office's edit and import "
        "the form again.",
    ),
    Code(
        "carried-over",
        INFO,
        "check",
        "An indicator system planc new copied from the last round (`carried_from:`): its "
        "targets and baselines await the office's review.",
        "plans/2020-2021/indicators/five-internationalizations.yaml:3:15: info[carried-over] "
        "indicator system 'five-internationalizations' is carried over from 2018-2019 as it "
        "was; its targets and baselines are not reviewed for 2020-2021 yet",
        "Review the targets and baselines for the new round, then empty 沿用自 on every row of the "
        "system on the 指标体系 sheet of the round's workbook (planc sheet export/import), or "
        "remove `carried_from:`.",
    ),
    Code(
        "issued-mismatch",
        ERROR,
        "check",
        "plan.yaml's `issued:` and the day of its `issued` milestone differ (or programme.yaml's "
        "and its `issued` event).",
        "plans/2020-2021/plan.yaml:5:9: error[issued-mismatch] `issued: 2020-06-22`, but the "
        "issued milestone says 2020-06-30",
        "Leave `issued:` out (the milestone gives it), or correct one of the two dates.",
    ),
]
ORDER = [
    *("yaml-syntax", "encoding", "duplicate-key", "schema", "duplicate-id", "unknown-reference"),
    *("round-mismatch", "number-conflict", "declared-mismatch", "declared-inconsistent"),
    *("unused-case", "uncovered-indicator", "missing-source", "phase-mismatch", "incomplete"),
    *("milestone-order", "milestone-outside-round", "issued-mismatch", "carried-over"),
    "punctuation",
    # spreadsheet forms coming back (consult and progress import): located at FILE:SHEET!CELL
    *("form-unreadable", "form-foreign", "form-tampered", "form-cell", "form-empty"),
    "resubmission-conflict",
    "form-replaced",
    # the consultation record (plans/ROUND/consultation/round-N.yaml)
    *("comment-undisposed", "disposition-incomplete", "adopted-unchanged"),
    # progress (plans/ROUND/progress/PERIOD.yaml), judged as of the latest period's last day
    *("unknown-task", "period-outside-round", "periods-overlap", "unit-not-responsible"),
    *("reopened-without-note", "percent-fell", "task-overdue", "report-missing"),
]
CODES: dict[str, Code] = {c.name: c for c in sorted(_ALL, key=lambda c: ORDER.index(c.name))}
