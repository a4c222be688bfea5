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
        "A field is unknown, missing, of the wrong type, or a file or folder is misplaced.",
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
        "A reference names a unit, place, indicator, case, source, chapter or task that does "
        "not exist.",
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
        "Published figures contradict each other (chapters adding up to more than the total).",
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
        "refers to case 'hk-airport-city' (香港\"机场城市\")",
        "Name the case in a task's `cases:`, or remove it.",
    ),
    Code(
        "uncovered-indicator",
        WARNING,
        "check",
        "No task serves an indicator.",
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
]
CODES: dict[str, Code] = {code.name: code for code in _ALL}
