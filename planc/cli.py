"""The command line: options in, plain functions from planc.commands called, exit code out.
Nothing else lives here; commands import their heavy parts themselves."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import IO, Annotated, Any

import typer

from planc import __version__, clitext
from planc.i18n import _

app = clitext.Typer(
    name="planc",
    help=_(
        "planc: the plan compiler for Qingdao's 国际化+ action plans.\n\n"
        "Checks the YAML plan sources, cross-links tasks, indicators and benchmark cases, and "
        "reports the published figures beside what the sources hold."
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class CheckFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"


class DiffFormat(StrEnum):
    text = "text"
    json = "json"
    markdown = "markdown"
    html = "html"


class Edition(StrEnum):
    official = "official"
    draft = "draft"
    public_record = "public-record"


class StatsFormat(StrEnum):
    text = "text"
    json = "json"


PlansOption = Annotated[
    Path,
    typer.Option("--plans", metavar="DIR", help=_("The plans folder."), show_default=True),
]
NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache", help=_("Parse every file afresh; do not read or write PLANS/.planc-cache.")
    ),
]
RoundsArgument = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="ROUND",
        help=_("Rounds to report on, e.g. 2020-2021 (default: all)."),
        show_default=False,
    ),
]


def _run(command: Callable[[], int]) -> None:
    # SystemExit, not typer.Exit: typer turns a Ctrl-C outside `handle` into a silent Exit(130),
    # which clitext then words (only that one comes back as 130).
    raise SystemExit(handle(command, sys.stderr))


def handle(command: Callable[[], int], err: IO[str]) -> int:
    """The one place errors become messages (on stderr) and exit codes."""
    from planc.errors import FormsHaveErrors, PlancError, SourcesHaveErrors, Terminated, reason

    writes = sys.modules.get("planc.load.write")
    before = len(writes.WRITTEN) if writes is not None else 0
    try:
        return command()
    except SourcesHaveErrors as exc:
        from planc import report

        for failing in exc.failing:
            if failing.heading:
                err.write(_("planc: {message}", message=failing.heading) + "\n")
            report.write_text(failing.diagnostics, failing.plans, failing.rounds, err)
        if exc.closing:
            err.write(_("planc: {message}", message=exc.closing) + "\n")
        return exc.exit_code
    except FormsHaveErrors as exc:
        from planc import report
        from planc.diagnostics import Severity, count

        report.write_cells(exc.diagnostics, err)
        errors = report.plural(count(exc.diagnostics, Severity.ERROR), "error")
        err.write(_("planc: {errors} in the forms; nothing was imported", errors=errors) + "\n")
        return exc.exit_code
    except PlancError as exc:
        err.write(_("planc: error: {message}", message=exc) + "\n")
        return exc.exit_code
    except OSError as exc:  # a folder planc cannot read or write: say which, no traceback
        where = f": {exc.filename}" if exc.filename else ""
        err.write(_("planc: error: {message}", message=f"{reason(exc)}{where}") + "\n")
        return 1
    except KeyboardInterrupt as exc:
        writes = sys.modules.get("planc.load.write")
        written = writes.WRITTEN[before:] if writes is not None else []
        if written:  # the signal waited for the files being renamed: they are written
            names = ", ".join(path.as_posix() for path in written)
            err.write(_("planc: interrupted after writing {files}", files=names) + "\n")
        else:
            err.write(_("planc: interrupted; nothing was replaced") + "\n")
        return 143 if isinstance(exc, Terminated) else 130


def _version(value: bool) -> None:
    if value:
        typer.echo(f"planc {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help=_("Show the version.")),
    ] = False,
) -> None:
    """planc: the plan compiler for Qingdao's 国际化+ action plans."""


@app.command()
def check(
    rounds: RoundsArgument = None,
    plans: PlansOption = Path("plans"),
    fmt: Annotated[
        CheckFormat, typer.Option("--format", help=_("text, json, or github (annotations)."))
    ] = CheckFormat.text,
    strict: Annotated[
        bool, typer.Option("--strict", help=_("Warnings fail the check too."))
    ] = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Validate the plan sources and report every problem, located at FILE:LINE:COL.

    Exit 0 when clean, 1 when there are errors (or warnings with --strict), 2 on usage errors.

    Examples:

      planc check

      planc check 2020-2021 --strict

      planc check --format github --plans plans
    """
    from planc.commands.check import check as run

    _run(lambda: run(plans, rounds or [], fmt.value, strict, sys.stdout, not no_cache))


@app.command()
def stats(
    rounds: RoundsArgument = None,
    plans: PlansOption = Path("plans"),
    fmt: Annotated[
        StatsFormat, typer.Option("--format", help=_("text (tables) or json."))
    ] = StatsFormat.text,
    no_cache: NoCacheOption = False,
) -> None:
    """Show each round's figures: declared (published), computed from the sources, and status.

    Examples:

      planc stats

      planc stats 2020-2021 --format json
    """
    from planc.commands.stats import stats as run

    _run(lambda: run(plans, rounds or [], fmt.value, sys.stdout, not no_cache))


@app.command()
def build(
    rounds: RoundsArgument = None,
    plans: PlansOption = Path("plans"),
    out: Annotated[
        Path, typer.Option("--out", metavar="DIR", help=_("Where the documents go."))
    ] = Path("dist"),
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            metavar="N",
            help=_("PDFs rendered at once (default: the cores not busy elsewhere)."),
        ),
    ] = None,
    release: Annotated[
        bool,
        typer.Option(
            "--release",
            help=_(
                "Also write release/ beside the output: a zip per round, the site, "
                "manifest.json, SHA256SUMS."
            ),
        ),
    ] = False,
    edition: Annotated[
        Edition | None,
        typer.Option(
            "--edition",
            help=_(
                "Build as this edition, whatever plan.yaml says: draft marks the documents "
                "征求意见稿 (cover, running header, date) and numbers every task."
            ),
        ),
    ] = None,
    html: Annotated[
        bool,
        typer.Option(
            "--html", help=_("Only the HTML pages, plan.json and index.html: no PDF (a preview).")
        ),
    ] = False,
    docx: Annotated[
        bool,
        typer.Option(
            "--docx",
            help=_(
                "The HTML pages, plan.json and the Word edition (.docx), no PDF (but with "
                "--release or --archive, which are made from the PDFs): quicker when the Word "
                "files are what is wanted. A full build writes both."
            ),
        ),
    ] = False,
    line_numbers: Annotated[
        bool,
        typer.Option(
            "--line-numbers",
            help=_("Number the lines of the Word edition, for those commenting on a draft."),
        ),
    ] = False,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="YYYY-MM-DD",
            help=_("A draft's date, on its cover and page heads (else drafted: in plan.yaml)."),
        ),
    ] = None,
    archive: Annotated[
        bool,
        typer.Option(
            "--archive",
            help=_(
                "Also the archival editions of each plan and handbook: PDF/A-3 with the "
                "round's sources inside, and OFD (GB/T 33190). A release always has them."
            ),
        ),
    ] = False,
    no_cache: NoCacheOption = False,
) -> None:
    """Write each round's plan and handbook as HTML, PDF and Word, plan.json, and dist/index.html.

    Nothing is written when the sources have errors; an unchanged build is skipped.

    Examples:

      planc build

      planc build 2022-2023 --out /tmp/preview

      planc build --release

      planc build --archive

      planc build 2024-2025 --edition draft --out drafts

      planc build --html

      planc build 2024-2025 --edition draft --docx --line-numbers
    """
    from planc.commands.build import build as run

    chosen = edition.value if edition else None
    _run(
        lambda: run(
            plans,
            rounds or [],
            out,
            sys.stdout,
            sys.stderr,
            jobs,
            release,
            html,
            not no_cache,
            edition=chosen,
            docx_only=docx,
            line_numbers=line_numbers,
            date=date,
            archive=archive,
        )
    )


@app.command()
def diff(
    old: Annotated[
        str,
        typer.Argument(
            metavar="A",
            help=_("A round (2020-2021) or a round at a git revision (2022-2023@v1)."),
            show_default=False,
        ),
    ],
    new: Annotated[
        str,
        typer.Argument(
            metavar="B", help=_("The round or revision to compare A with."), show_default=False
        ),
    ],
    plans: PlansOption = Path("plans"),
    fmt: Annotated[
        DiffFormat, typer.Option("--format", help=_("text, json, markdown, or html."))
    ] = DiffFormat.text,
    only: Annotated[
        list[str] | None,
        typer.Option(
            "--only", metavar="KIND", help=_("tasks, indicators, cases or chapters (repeatable).")
        ),
    ] = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Compare two rounds, or two versions of one round, task by task.

    Items match by lineage (continues:), then equal id, then title similarity; each is
    continued, revised (with the changed fields), new or dropped.

    Examples:

      planc diff 2020-2021 2022-2023

      planc diff 2022-2023@v1 2022-2023 --format markdown

      planc diff 2018-2019 2020-2021 --only tasks --format json
    """
    from planc.commands.diff import diff as run

    _run(lambda: run(plans, old, new, fmt.value, only or [], sys.stdout, not no_cache))


@app.command()
def schema(
    kind: Annotated[
        str | None,
        typer.Argument(
            metavar="[KIND]",
            help=_(
                "plan, tasks, indicators, cases, places, units, programme, consultation, "
                "progress, candidates or submission (default: all in one)."
            ),
            show_default=False,
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="DIR", help=_("Write KIND.schema.json files into DIR.")),
    ] = None,
) -> None:
    """Print the JSON Schema of the source files, for editor completion and hover.

    Examples:

      planc schema tasks > tasks.schema.json

      planc schema --out schema
    """
    from planc.commands.schema import schema as run

    _run(lambda: run(kind, out, sys.stdout))


@app.command()
def fix(
    rounds: RoundsArgument = None,
    plans: PlansOption = Path("plans"),
) -> None:
    """Rewrite half-width punctuation in the Chinese text of the sources as GB/T 15834 has it
    (，；：？！（）and nested quotes): the `punctuation` infos of planc check. Only those
    characters change; comments, quoting and layout stay.

    Examples:

      planc fix

      planc fix 2022-2023 --plans plans
    """
    from planc.commands.fix import fix as run

    _run(lambda: run(plans, rounds or [], sys.stdout))


@app.command("fonts")
def fonts_command() -> None:
    """Show which face sets each role of the PDFs (GB/T 9704: title 小标宋, headings
    黑体 楷体 仿宋, body 仿宋, page numbers 宋体), and why: a licensed face, a free one, or
    the fallback.

    Example:

      planc fonts
    """
    from planc.commands.fonts import run

    _run(lambda: run(sys.stdout))


@app.command()
def explain(
    code: Annotated[
        str | None,
        typer.Argument(
            metavar="[CODE]",
            help=_("A diagnostic code, e.g. unknown-reference (default: list them all)."),
            show_default=False,
        ),
    ] = None,
) -> None:
    """Explain a diagnostic code: what it means, an example, and the fix.

    Examples:

      planc explain

      planc explain declared-mismatch
    """
    from planc.commands.explain import explain as run

    _run(lambda: run(code, sys.stdout))


@app.command("new")
def new_command(
    round_name: Annotated[
        str,
        typer.Argument(
            metavar="ROUND", help=_("The new round, e.g. 2024-2025."), show_default=False
        ),
    ],
    plans: PlansOption = Path("plans"),
    source: Annotated[
        str | None,
        typer.Option(
            "--from",
            metavar="ROUND",
            help=_("The round to begin it from (default: the last one before it)."),
        ),
    ] = None,
) -> None:
    """Begin a new round from the last one: its plan.yaml (title, years, phase, the chapters
    to revise, edition draft), the indicator systems carried over to review, and the last
    round's tasks not done as candidates for continuation. No tasks yet: they come from the
    solicitation (planc solicit). Writes over nothing.

    Examples:

      planc new 2024-2025

      planc new 2024-2025 --from 2020-2021
    """
    from planc.commands.new import new as run

    _run(lambda: run(plans, round_name, source, sys.stdout))


consult_app = clitext.Typer(
    name="consult",
    help=_(
        "The consultation round (征求意见): forms out to the units, comments back in, the "
        "采纳情况说明.\n\nExamples:\n\n  planc consult forms 2022-2023 --out forms\n\n"
        "  planc consult import 2022-2023 returned/*.xlsx\n\n  planc consult report 2022-2023"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(consult_app)
DateOption = Annotated[
    str | None,
    typer.Option(
        "--date",
        "--received",
        metavar="DATE",
        help=_("Day the forms came back, e.g. 2024-01-10 (default: today)."),
    ),
]
RoundArgument = Annotated[
    str, typer.Argument(metavar="ROUND", help=_("The round, e.g. 2022-2023."), show_default=False)
]


class ReportFormat(StrEnum):
    text = "text"
    json = "json"
    html = "html"


@consult_app.command("forms")
def consult_forms(
    round_name: RoundArgument,
    plans: PlansOption = Path("plans"),
    number: Annotated[
        int,
        typer.Option(
            "--round-no",
            min=1,
            max=99,
            metavar="N",
            help=_("Which consultation: 1 for the first."),
        ),
    ] = 1,
    out: Annotated[
        Path, typer.Option("--out", metavar="DIR", help=_("Where the forms go."))
    ] = Path("forms"),
    units: Annotated[
        list[str] | None,
        typer.Option("--unit", metavar="UNIT", help=_("Only this unit's form (repeatable).")),
    ] = None,
    everyone: Annotated[
        bool, typer.Option("--all", help=_("A form for every unit of the registry."))
    ] = False,
) -> None:
    """Write one .xlsx form per unit consulted on ROUND: every unit that leads or partners a
    task, and those plan.yaml's consulted: names (--all: every unit of the registry).

    Examples:

      planc consult forms 2022-2023 --out forms/round-1

      planc consult forms 2022-2023 --round-no 2 --unit commerce

      planc consult forms 2022-2023 --all --out forms/all
    """
    from planc.commands.consult import forms as run

    _run(lambda: run(plans, round_name, number, out, units or [], sys.stdout, everyone))


@consult_app.command("import")
def consult_import(
    round_name: RoundArgument,
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", help=_("Filled forms (.xlsx)."), show_default=False),
    ],
    plans: PlansOption = Path("plans"),
    received: DateOption = None,
) -> None:
    """Read filled forms into plans/ROUND/consultation/round-N.yaml.

    Every form is checked first; one bad form and nothing is written. The same form twice
    adds nothing.

    Examples:

      planc consult import 2022-2023 returned/*.xlsx --date 2022-05-20
    """
    from planc.commands.consult import import_ as run

    _run(lambda: run(plans, round_name, files, received, sys.stdout))


@consult_app.command("report")
def consult_report(
    round_name: RoundArgument,
    plans: PlansOption = Path("plans"),
    fmt: Annotated[
        ReportFormat, typer.Option("--format", help=_("text, json or html (printed)."))
    ] = ReportFormat.text,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            metavar="DIR",
            help=_(
                "Write consultation.html, .pdf, .docx and .json here (not inside the build's "
                "output: the next build replaces it)."
            ),
        ),
    ] = None,
) -> None:
    """The 征求意见采纳情况说明: comments by consultation, unit, disposition and chapter, and
    every comment not adopted with its reason.

    Examples:

      planc consult report 2022-2023

      planc consult report 2022-2023 --out reports/2022-2023
    """
    from planc.commands.consult import report_ as run

    _run(lambda: run(plans, round_name, fmt.value, out, sys.stdout))


solicit_app = clitext.Typer(
    name="solicit",
    help=_(
        "The solicitation (征集): one form per member unit, its unfinished tasks to keep, "
        "revise or drop and rows for new ones; the forms back in as the round's tasks.\n\n"
        "Examples:\n\n  planc new 2024-2025\n\n  planc solicit forms 2024-2025 --out forms\n\n"
        "  planc solicit import 2024-2025 returned/*.xlsx\n\n  planc solicit report 2024-2025"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(solicit_app)


@solicit_app.command("forms")
def solicit_forms(
    round_name: RoundArgument,
    plans: PlansOption = Path("plans"),
    out: Annotated[
        Path, typer.Option("--out", metavar="DIR", help=_("Where the forms go."))
    ] = Path("forms"),
    units: Annotated[
        list[str] | None,
        typer.Option(
            "--unit",
            metavar="UNIT",
            help=_("Only this unit's form: its id or Chinese name (repeatable)."),
        ),
    ] = None,
) -> None:
    """Write one .xlsx form per member unit: its candidate tasks to keep, revise or drop, and
    rows for new tasks, with drop-downs of the chapters, units and indicators.

    Examples:

      planc solicit forms 2024-2025 --out forms

      planc solicit forms 2024-2025 --unit 市商务局
    """
    from planc.commands.solicit import forms as run

    _run(lambda: run(plans, round_name, out, units or [], sys.stdout))


@solicit_app.command("import")
def solicit_import(
    round_name: RoundArgument,
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", help=_("Returned forms (.xlsx)."), show_default=False),
    ],
    plans: PlansOption = Path("plans"),
    date: DateOption = None,
) -> None:
    """Read returned forms into plans/ROUND/tasks/ and plans/ROUND/solicitation/.

    Every form is checked first; one problem and nothing is written. A unit's corrected form
    replaces its earlier one and says what changed; the same form twice changes nothing.

    Examples:

      planc solicit import 2024-2025 returned/*.xlsx --date 2024-01-10
    """
    from planc.commands.solicit import import_ as run

    _run(lambda: run(plans, round_name, files, date, sys.stdout))


class SolicitFormat(StrEnum):
    text = "text"
    json = "json"


@solicit_app.command("report")
def solicit_report(
    round_name: RoundArgument,
    plans: PlansOption = Path("plans"),
    fmt: Annotated[SolicitFormat, typer.Option("--format", help=_("text or json."))] = (
        SolicitFormat.text
    ),
) -> None:
    """Where the solicitation stands: the units asked, who answered and what, who has not.

    Examples:

      planc solicit report 2024-2025

      planc solicit report 2024-2025 --format json
    """
    from planc.commands.solicit import report_ as run

    _run(lambda: run(plans, round_name, fmt.value, sys.stdout))


class ProgressFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    xlsx = "xlsx"


class _DefaultShow(clitext.Group):
    """`planc progress ROUND` means `planc progress show ROUND`."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # Round names never look like a subcommand; options may come first (--plans DIR).
        named = any(a in self.commands for a in args)
        if not named and any(not a.startswith("-") for a in args):
            args = ["show", *args]
        return super().parse_args(ctx, args)


progress_app = clitext.Typer(
    cls=_DefaultShow,
    no_args_is_help=True,
    help=_(
        "Supervision (督查): where every task stands, from plans/ROUND/progress/PERIOD.yaml.\n\n"
        "planc progress ROUND shows the table; the subcommands make and read the forms, and "
        "compare two periods.\n\n"
        "Examples:\n\n"
        "  planc progress 2020-2021 --as-of 2021-Q1\n\n"
        "  planc progress forms 2020-2021 --period 2021-Q2 --out forms\n\n"
        "  planc progress import 2020-2021 returned/*.xlsx"
    ),
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(progress_app, name="progress")


@progress_app.command("show")
def progress_show(
    round_name: RoundArgument,
    plans: PlansOption = Path("plans"),
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", metavar="PERIOD", help=_("A reported period (default: the latest).")
        ),
    ] = None,
    fmt: Annotated[
        ProgressFormat,
        typer.Option(
            "--format", help=_("text, json, github (annotations), or xlsx (the summary, --out).")
        ),
    ] = ProgressFormat.text,
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="FILE.xlsx", help=_("Where --format xlsx writes.")),
    ] = None,
) -> None:
    """Every task's state as of a period, by chapter and by lead unit: done, on track, not
    started, delayed, overdue (past its due and not done), not reported, dropped. --format
    xlsx writes it as the printable summary the office sends upward.

    Examples:

      planc progress 2020-2021

      planc progress 2020-2021 --as-of 2021-Q1 --format json

      planc progress 2020-2021 --format xlsx --out 推进情况汇总.xlsx
    """
    from planc.commands.progress import show as run

    _run(lambda: run(plans, round_name, as_of, fmt.value, sys.stdout, out))


@progress_app.command("forms")
def progress_forms(
    round_name: RoundArgument,
    period: Annotated[
        str, typer.Option("--period", metavar="PERIOD", help=_("The period to report: 2021-Q2."))
    ],
    plans: PlansOption = Path("plans"),
    out: Annotated[
        Path, typer.Option("--out", metavar="DIR", help=_("Where the forms go."))
    ] = Path("forms"),
    partners: Annotated[
        bool,
        typer.Option("--partners", help=_("Forms to the partner units too, for their part.")),
    ] = False,
) -> None:
    """Write one .xlsx progress form per lead unit for a period, listing the tasks it leads,
    prefilled with the last period's answers (--partners: per partner unit too, listing the
    tasks it partners). Existing files are never overwritten.

    Examples:

      planc progress forms 2020-2021 --period 2021-Q2 --out forms/2021-Q2

      planc progress forms 2020-2021 --period 2021-Q2 --partners
    """
    from planc.commands.progress import forms as run

    _run(lambda: run(plans, round_name, period, out, sys.stdout, partners))


@progress_app.command("import")
def progress_import(
    round_name: RoundArgument,
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE...", help=_("Returned .xlsx forms."), show_default=False),
    ],
    plans: PlansOption = Path("plans"),
) -> None:
    """Read returned progress forms into plans/ROUND/progress/PERIOD.yaml.

    All or nothing: a problem in any form (located at FILE:SHEET!CELL) writes nothing.
    Importing the same form again changes nothing.

    Examples:

      planc progress import 2020-2021 returned/*.xlsx
    """
    from planc.commands.progress import import_forms as run

    _run(lambda: run(plans, round_name, files, sys.stdout, sys.stderr))


@progress_app.command("diff")
def progress_diff(
    round_name: RoundArgument,
    old: Annotated[str, typer.Argument(metavar="P1", help=_("The earlier period, e.g. 2021-Q1."))],
    new: Annotated[str, typer.Argument(metavar="P2", help=_("The later period, e.g. 2021-Q2."))],
    plans: PlansOption = Path("plans"),
    fmt: Annotated[
        StatsFormat, typer.Option("--format", help=_("text or json."))
    ] = StatsFormat.text,
) -> None:
    """What moved between two periods: tasks whose state changed, and tasks whose percent went
    up or down.

    Examples:

      planc progress diff 2020-2021 2021-Q1 2021-Q2

      planc progress diff 2020-2021 2020-Q3 2021-Q2 --format json
    """
    from planc.commands.progress import diff as run

    _run(lambda: run(plans, round_name, old, new, fmt.value, sys.stdout))


@app.command()
def verify(
    release: Annotated[
        Path,
        typer.Argument(metavar="RELEASE_DIR", help=_("A folder written by planc build --release.")),
    ],
) -> None:
    """Rebuild a release from the sources it carries and compare every byte.

    Exit 0 when every file is the same, 1 at the first difference (named, with the component
    versions that differ from the release's manifest), 2 when the folder is not a release.

    Examples:

      planc verify release
    """
    from planc.commands.verify import verify as run

    _run(lambda: run(release, sys.stdout))


sheet_app = clitext.Typer(
    name="sheet",
    help=_(
        "The office's whole-round workbook: tasks, cases, indicators, units and the "
        "consultation's dispositions in one .xlsx, edited in Excel and imported back.\n\n"
        "Examples:\n\n  planc sheet export 2022-2023 --out 2022-2023.xlsx\n\n"
        "  planc sheet import 2022-2023 2022-2023.xlsx --apply"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(sheet_app)


@sheet_app.command("export")
def sheet_export(
    round_name: RoundArgument,
    out: Annotated[
        Path, typer.Option("--out", metavar="FILE.xlsx", help=_("The workbook to write."))
    ],
    plans: PlansOption = Path("plans"),
) -> None:
    """Write the round as one workbook: a sheet each for tasks, cases, indicators, units and
    the consultation's comments, with drop-downs for units, chapters, indicators and
    dispositions.

    Example:

      planc sheet export 2022-2023 --out 2022-2023.xlsx
    """
    from planc.commands.sheet import export as run

    _run(lambda: run(plans, round_name, out, sys.stdout))


@sheet_app.command("import")
def sheet_import(
    round_name: RoundArgument,
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE.xlsx", help=_("The edited workbook."), show_default=False),
    ],
    plans: PlansOption = Path("plans"),
    apply: Annotated[
        bool, typer.Option("--apply", help=_("Write the changes (default: only show them)."))
    ] = False,
    drops: Annotated[
        bool,
        typer.Option("--confirm-drops", help=_("Also drop the items whose rows were deleted.")),
    ] = False,
) -> None:
    """Show what an edited workbook changes, as planc diff does, and write it into the
    sources with --apply (or after a yes at the terminal). A deleted row drops its item only
    when confirmed. Comments, order and quoting of the YAML stay where nothing changed.

    Examples:

      planc sheet import 2022-2023 2022-2023.xlsx

      planc sheet import 2022-2023 2022-2023.xlsx --apply --confirm-drops
    """
    from planc.commands.sheet import import_ as run

    ask = None
    if sys.stdin.isatty() and sys.stdout.isatty():

        def ask(question: str) -> bool:
            return bool(typer.confirm(question, default=False))

    _run(lambda: run(plans, round_name, file, apply, drops, ask, sys.stdout))


def _translate_help() -> None:
    """Command help in the user's language: the docstrings are the catalogue's keys."""
    for typer_app in (app, consult_app, progress_app, solicit_app, sheet_app):
        for info in typer_app.registered_commands:
            if info.callback is not None and info.callback.__doc__:
                info.help = _(inspect.cleandoc(info.callback.__doc__))


_translate_help()


def main() -> None:
    app()
