"""One fixture per diagnostic code: edits of the valid plans, and the exact diagnostic they must
produce (code, severity, file, line, column). A code without a fixture fails the suite."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from planc.codes import CODES, Code
from tests.conftest import FIXTURES, VALID, diagnostics, edit
from tests.test_progress_codes import BREAKS as PROGRESS_BREAKS
from tests.test_progress_codes import CODES as PROGRESS_CODES
from tests.test_progress_forms import CODES as FORM_CODES

T18 = "2018-2019/tasks/enterprise.yaml"
P20 = "2020-2021/plan.yaml"
T20 = "2020-2021/tasks/enterprise.yaml"
M20 = "2020-2021/tasks/market.yaml"
I20 = "2020-2021/indicators/five-internationalizations.yaml"
PUBLIC = (P20, "edition: official", "edition: public-record")
C20 = "2020-2021/consultation/round-1.yaml"  # written for the breaks named consult-*
CONSULTATION = """\
consultation: 1
responses:
  - {unit: commerce, form: 0123456789ab, file: 市商务局.xlsx, received: 2020-05-10}
comments:
  - id: c-0000000001
    unit: commerce
    task: state-capital-reform
    text: 建议明确时间表
    disposition: adopted
  - id: c-0000000002
    unit: commerce
    chapter: market
    text: 本部分任务偏少
    disposition: not-adopted
    reason: 已在其他部分体现
"""
# Codes found in spreadsheets or against git history, tested where those are made.
ELSEWHERE = {
    "form-unreadable": "tests/test_consult_import.py",
    "form-foreign": "tests/test_consult_import.py",
    "form-tampered": "tests/test_consult_import.py",
    "form-cell": "tests/test_consult_import.py",
    "form-empty": "tests/test_consult_import.py",
    "adopted-unchanged": "tests/test_consult_history.py",
}
# The fixture's 2020-2021 gives no source for 7 items; as a public record each is reported.
UNSOURCED = ("missing-source",) * 7
PROGRAMME = """planc: 1
title: 实施纲要
phases:
  - {id: launch, title: 基准启动期, from: 2016, to: 2016}
  - {id: implementation, title: 实施开展期, from: 2017, to: 2021}
"""

Edit = tuple[str, str, str]  # file, old text, new text


@dataclass(frozen=True)
class Break:
    name: str
    edits: tuple[Edit, ...]
    code: str
    severity: str
    at: tuple[str, int, int]  # file, line, column of the diagnostic
    says: str = ""  # a fragment its message must hold
    also: tuple[str, ...] = ()  # codes of further diagnostics that follow from the edit


def one(file: str, old: str, new: str) -> tuple[Edit, ...]:
    return ((file, old, new),)


BREAKS = [
    Break(
        "yaml-syntax",
        one(T18, "    lead: [commerce]\n", "    lead: [commerce\n"),
        "yaml-syntax",
        "error",
        (T18, 7, 10),
        "expected ',' or ']'",
    ),
    Break("encoding-gbk", (), "encoding", "error", (T18, 2, 8), "GB18030"),
    Break(
        "duplicate-key",
        one(T18, "    number: 2\n", "    number: 2\n    number: 3\n"),
        "duplicate-key",
        "error",
        (T18, 11, 5),
        "key 'number' repeats (first at line 10)",
    ),
    Break(
        "schema-unknown-field",
        one(T18, "    benchmarks: [london]", "    benchmark: [london]"),
        "schema",
        "error",
        (T18, 13, 5),
        "did you mean 'benchmarks'?",
    ),
    Break(
        "schema-missing-field",
        one(T18, "    title: 发展夜间经济\n", ""),
        "schema",
        "error",
        (T18, 9, 5),
        "missing required field 'title'",
    ),
    Break(
        "schema-wrong-type",
        one(T18, "    number: 2", "    number: two"),
        "schema",
        "error",
        (T18, 10, 13),
        "expected a whole number, found 'two'",
    ),
    Break(
        "schema-malformed-id",
        one(T18, "  - id: night-economy", "  - id: Night_Economy"),
        "schema",
        "error",
        (T18, 9, 9),
        "try 'night-economy'",
    ),
    Break(
        "schema-malformed-date",
        one(P20, "issued: 2020-06-22", "issued: 2020-02-30"),
        "schema",
        "error",
        (P20, 5, 9),
        "no such date",
    ),
    Break(
        "schema-not-a-list",
        one(T18, "    lead: [culture]", "    lead: culture"),
        "schema",
        "error",
        (T18, 12, 11),
        "expected a list of unit ids, found 'culture'",
    ),
    Break(
        "schema-top-level-list",
        one(T18, "chapter: enterprise\ntasks:\n", "tasks:\n"),
        "schema",
        "error",
        (T18, 1, 1),
        "missing required field 'chapter'",
    ),
    Break(
        "duplicate-id",
        one(M20, "      - id: trade-facilitation", "      - id: international-living-rooms"),
        "duplicate-id",
        "error",
        (M20, 16, 13),
        "already used at 2020-2021/tasks/market.yaml:5:13",
    ),
    Break(
        "unknown-reference-unit",
        one(M20, "[culture, ports]", "[culture, port]"),
        "unknown-reference",
        "error",
        (M20, 9, 29),
        "did you mean 'ports'?",
    ),
    Break(
        "unknown-reference-kind",
        one(T18, "benchmarks: [london]", "benchmarks: [temasek]"),
        "unknown-reference",
        "error",
        (T18, 13, 18),
        "'temasek' is a case",
    ),
    Break(
        "unknown-reference-continues",
        one(T20, "2018-2019:temasek-reform", "2018-2019:temasek-reforms"),
        "unknown-reference",
        "error",
        (T20, 9, 16),
        "did you mean 'temasek-reform'?",
    ),
    Break(
        "unknown-reference-previous",
        one(P20, "previous: 2018-2019", "previous: 2016-2017"),
        "unknown-reference",
        "error",
        (P20, 8, 11),
        "not in the plans",
    ),
    Break(
        "unknown-reference-chapter",
        one(M20, "chapter: market", "chapter: markets"),
        "unknown-reference",
        "error",
        (M20, 1, 10),
        "did you mean 'market'?",
    ),
    Break(
        "round-mismatch",
        one(P20, "round: 2020-2021", "round: 2020-2022"),
        "round-mismatch",
        "error",
        (P20, 2, 8),
        "folder is 2020-2021",
    ),
    Break(
        "number-conflict",
        one(M20, "number: 30", "number: 20"),
        "number-conflict",
        "error",
        (M20, 17, 17),
        "numbered 20 but follows task",
    ),
    Break(
        "declared-mismatch",
        one(P20, "  cases: 2\n", "  cases: 5\n"),
        "declared-mismatch",
        "warning",
        (P20, 15, 10),
        "5 published, but the sources hold 2",
    ),
    Break(
        "declared-inconsistent",
        (
            PUBLIC,
            (
                P20,
                "declared_tasks: 2}",
                "declared_tasks: 2}\n  - {id: park, title: 园区, declared_tasks: 1}",
            ),
        ),
        "declared-inconsistent",
        "warning",
        (P20, 13, 10),
        "1+2+1 = 4 tasks",
        also=("incomplete", *UNSOURCED, "missing-source"),
    ),
    Break(
        "unused-case",
        one(M20, "cases: [hk-airport-city]", "benchmarks: [hk]"),
        "unused-case",
        "warning",
        ("2020-2021/cases/market.yaml", 3, 9),
        "hk-airport-city",
    ),
    Break(
        "uncovered-indicator",
        one(T20, "    indicators: [listed-companies]\n", ""),
        "uncovered-indicator",
        "warning",
        (I20, 9, 13),
        "listed-companies",
    ),
    Break(
        "incomplete",
        (PUBLIC, (P20, "  tasks: 3\n", "  tasks: 139\n")),
        "incomplete",
        "info",
        (P20, 13, 10),
        "收录 3 / 139",
        also=("declared-inconsistent", *UNSOURCED),
    ),
    Break(
        "missing-source",
        (PUBLIC,),
        "missing-source",
        "warning",
        ("2020-2021/tasks/market.yaml", 16, 13),
        "task 'trade-facilitation' has no `source:`",
        also=UNSOURCED[1:],
    ),
    Break(
        "phase-mismatch",
        one(P20, "phase: 实施开展期\n", "phase: 中远规划期\n"),
        "phase-mismatch",
        "warning",
        (P20, 6, 8),
        "its years fall in 实施开展期(2017—2021)",
    ),
    Break(
        "consult-comment-undisposed",
        one(C20, "    disposition: adopted\n", ""),
        "comment-undisposed",
        "warning",
        (C20, 5, 9),
        "comment 'c-0000000001' has no disposition",
    ),
    Break(
        "consult-disposition-without-reason",
        one(C20, "    reason: 已在其他部分体现\n", ""),
        "disposition-incomplete",
        "warning",
        (C20, 14, 18),
        "not-adopted without a reason",
    ),
    Break(
        "consult-disposition-names-nothing",
        one(
            C20,
            "    chapter: market\n    text: 本部分任务偏少\n    disposition: not-adopted",
            "    text: 本部分任务偏少\n    disposition: adopted",
        ),
        "disposition-incomplete",
        "warning",
        (C20, 13, 18),
        "names no task it changed",
    ),
    Break(
        "consult-unknown-task",
        one(C20, "task: state-capital-reform", "task: state-capital-reforms"),
        "unknown-reference",
        "error",
        (C20, 7, 11),
        "did you mean 'state-capital-reform'?",
    ),
    Break(
        "consult-duplicate-comment",
        one(C20, "id: c-0000000002", "id: c-0000000001"),
        "duplicate-id",
        "error",
        (C20, 10, 9),
        "already used at 2020-2021/consultation/round-1.yaml:5:9",
    ),
    Break(
        "consult-number-mismatch",
        one(C20, "consultation: 1", "consultation: 2"),
        "round-mismatch",
        "error",
        (C20, 1, 15),
        "consultation: 2, but the file is round-1.yaml",
    ),
    Break(
        "milestone-order",
        one(
            P20,
            "edition: official\n",
            "edition: official\nmilestones:\n  - {kind: issued, date: 2020-06-22}\n"
            "  - {kind: consultation, date: 2020-05}\n",
        ),
        "milestone-order",
        "warning",
        (P20, 12, 12),
        "listed after issued (2020-06-22), which comes later",
    ),
    Break(
        "milestone-ends-before-it-starts",
        one(
            P20,
            "edition: official\n",
            "edition: official\nmilestones:\n"
            "  - {kind: press-conference, date: 2020-09-23, until: 2020-09-21}\n",
        ),
        "milestone-order",
        "warning",
        (P20, 11, 12),
        "ends (2020-09-21) before it starts (2020-09-23)",
    ),
    Break(
        "milestone-outside-round",
        one(
            P20,
            "edition: official\n",
            "edition: official\nmilestones:\n  - {kind: press-conference, date: 2022-H1}\n",
        ),
        "milestone-outside-round",
        "warning",
        (P20, 11, 12),
        "milestone press-conference (2022-H1) is after round 2020-2021",
    ),
    Break(
        "issued-mismatch",
        one(
            P20,
            "edition: official\n",
            "edition: official\nmilestones:\n  - {kind: issued, date: 2020-06-30}\n",
        ),
        "issued-mismatch",
        "error",
        (P20, 5, 9),
        "`issued: 2020-06-22`, but the issued milestone says 2020-06-30",
    ),
    Break(
        "punctuation",
        one(M20, "title: 在建平台集聚资源方面", "title: 在建平台集聚资源方面(港口),提速"),
        "punctuation",
        "info",
        (M20, 3, 12),
        "write '平台集聚资源方面（港口），提速'",
    ),
]


def apply(plans: Path, brk: Break) -> None:
    if brk.name.startswith("consult-"):
        (plans / C20).parent.mkdir()
        (plans / C20).write_text(CONSULTATION, encoding="utf-8")
    if brk.name == "phase-mismatch":
        (plans / "programme.yaml").write_text(PROGRAMME, encoding="utf-8")
    if brk.name == "encoding-gbk":
        (plans / T18).write_bytes("chapter: enterprise\ntitle: 发展夜间经济\n".encode("gbk"))
    for file, old, new in brk.edits:
        edit(plans, file, old, new)


@pytest.mark.parametrize("brk", BREAKS, ids=lambda b: b.name)
def test_each_break_gives_exactly_its_diagnostic(plans: Path, brk: Break) -> None:
    apply(plans, brk)
    found = diagnostics(plans)
    shown = [f"{d.loc} {d.code} {d.full_message}" for d in found]
    main = [d for d in found if d.code == brk.code and d.loc.line == brk.at[1]]
    assert len(main) == 1, shown
    d = main[0]
    assert (d.severity.value, (d.loc.file, d.loc.line, d.loc.column)) == (brk.severity, brk.at)
    assert brk.says in d.full_message
    assert sorted(x.code for x in found if x is not d) == sorted(brk.also), shown


def test_valid_fixture_is_clean(plans: Path) -> None:
    assert diagnostics(plans) == []


def test_consultation_fixture_is_clean(plans: Path) -> None:
    (plans / C20).parent.mkdir()
    (plans / C20).write_text(CONSULTATION, encoding="utf-8")
    assert diagnostics(plans) == []


def test_every_code_has_a_fixture() -> None:
    assert {b.code for b in BREAKS} | set(ELSEWHERE) | PROGRESS_CODES | FORM_CODES == set(CODES)
    root = Path(__file__).resolve().parent.parent
    for code, test_file in ELSEWHERE.items():
        assert code in (root / test_file).read_text(encoding="utf-8"), (code, test_file)


def test_all_problems_in_one_run(plans: Path) -> None:
    for brk in BREAKS:
        if brk.name in ("unknown-reference-unit", "number-conflict", "schema-wrong-type"):
            apply(plans, brk)
    codes = sorted(d.code for d in diagnostics(plans))
    assert codes == ["number-conflict", "schema", "unknown-reference"]


def test_a_broken_file_does_not_cascade(plans: Path) -> None:
    # The cases file cannot be read: its cases are not "unknown" to the tasks naming them, and
    # the round's figures are not reconciled against a file that was never read.
    edit(plans, "2020-2021/cases/market.yaml", "cases:\n", "cases: [\n")
    assert [d.code for d in diagnostics(plans)] == ["yaml-syntax"]


def _printed(plans: Path, code: str) -> list[str]:
    return [
        f"plans/{d.loc}: {d.severity.value}[{d.code}] {d.message}"
        for d in diagnostics(plans)
        if d.code == code
    ]


@pytest.mark.parametrize(
    "code",
    [c for c in CODES.values() if c.name not in FORM_CODES | set(ELSEWHERE)],
    ids=lambda c: c.name,
)
def test_each_codes_example_is_what_planc_prints(tmp_path: Path, code: Code) -> None:
    """`planc explain` and docs/codes.md show an example: it must be a line planc really prints
    for one of the fixtures (here and in tests/test_progress_codes.py), and the code's severity
    the one reported. The form-* examples are pinned in tests/test_progress_forms.py, that of
    adopted-unchanged in tests/test_consult_history.py."""
    printed, severities = [], set()
    for n, brk in enumerate(b for b in BREAKS if b.code == code.name):
        plans = tmp_path / f"v{n}" / "plans"
        shutil.copytree(VALID, plans)
        apply(plans, brk)
        printed += _printed(plans, code.name)
        severities.add(brk.severity)
    for n, pbrk in enumerate(b for b in PROGRESS_BREAKS if b.code == code.name):
        plans = tmp_path / f"p{n}" / "plans"
        shutil.copytree(FIXTURES / "progress", plans)
        pbrk.apply(plans)
        printed += _printed(plans, code.name)
        severities.add(pbrk.severity)
    assert code.example in printed
    assert severities == {code.severity.value}
