"""Under a Chinese locale, no English word is left in what planc says: every command's help and
every error of the command line (click's own words among them), in Chinese. Ids, codes,
paths, option names, file formats and the values a user typed stay as they are: tools match on
them, and a clerk types them."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from planc.cli import app
from planc.codes import CODES
from planc.load.formats import KINDS
from planc.load.spec import Field, ListOf, MapOf, Obj, OneOf
from tests.conftest import FIXTURES, SHIPPED, VALID
from tests.pins import CLICK_ERRORS, HELPS

ZH = {"LANG": "zh_CN.UTF-8", "LC_ALL": None, "LC_MESSAGES": None, "COLUMNS": "80"}
# Names that are no English to translate: formats, programs, standards, encodings.
NAMES = {
    "planc", "YAML", "JSON", "HTML", "PDF", "PDFs", "CSV", "UTF", "GB", "GBK", "GB18030",
    "xlsx", "yaml", "json", "html", "pdf", "zip", "md", "Excel", "WPS", "LibreOffice", "git",
    "Word", "docx",
    "HEAD", "SHA256SUMS", "WeasyPrint", "fontconfig", "iconv", "Schema", "CJK", "SC", "Noto",
    "Serif", "Sans", "fonts", "noto", "cjk", "Fandol", "GitHub", "id", "ids", "ROUND", "PLANS",
    "dist", "plans", "forms", "release", "registry", "progress", "consultation", "manifest",
}  # fmt: skip
QUOTED = re.compile(r"'[^']*'|`[^`]*`|“[^”]*”")
CODE = re.compile(r"\b(?:error|warning|info)\[[a-z-]+\]")
PATH = re.compile(r"\S*(?:/|\.yaml|\.xlsx|\.json|\.html|\.pdf|\.docx|\.zip)\S*")
OPTION = re.compile(r"(?<![\w])--?[a-zA-Z][\w-]*")
WORD = re.compile(r"\b[A-Za-z][A-Za-z-]*[A-Za-z]\b")


def _values(t: Any) -> Iterator[str]:
    """The field names and the choices of the source formats: ids a clerk writes."""
    if isinstance(t, Field):
        yield from _values(t.type)
    elif isinstance(t, Obj):
        for name, f in t.fields.items():
            yield name
            yield from _values(f)
    elif isinstance(t, (ListOf, MapOf)):
        for inner in vars(t).values():
            yield from _values(inner)
    elif isinstance(t, OneOf):
        yield from t.choices


IDS = set(CODES) | set(KINDS) | {v for kind in KINDS.values() for v in _values(kind)}


def words_left(line: str, known: set[str]) -> list[str]:
    for pattern in (QUOTED, CODE, PATH, OPTION):
        line = pattern.sub(" ", line)
    return [
        w
        for w in WORD.findall(line)
        if w not in known and not w.isupper() and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", w)
    ]


def english(output: str, known: set[str]) -> list[str]:
    """The lines with a word left in English (an example command line is all names)."""
    return [
        line
        for line in output.splitlines()
        if not re.match(r"\s*planc [a-z]", line) and words_left(line, known)
    ]


def commands_and_choices() -> set[str]:
    """The words of the command line itself: commands, and the values options take."""
    found = set()
    for line in CliRunner().invoke(app, ["--help"]).stdout.splitlines():
        found.add(line.split()[0] if line.startswith("  ") and line.split() else "")
    found |= {"show", "forms", "import", "export", "report", "diff", "text", "json", "github"}
    found |= {"markdown"}
    found |= {"official", "draft", "public-record", "tasks", "indicators", "cases", "chapters"}
    return found - {""}


@pytest.fixture(scope="module")
def known() -> set[str]:
    return NAMES | IDS | commands_and_choices()


@pytest.mark.parametrize("command", HELPS)
def test_every_help_is_chinese(command: str, known: set[str]) -> None:
    result = CliRunner().invoke(app, [*command.split(), "--help"], env=ZH)
    assert result.exit_code == 0
    assert english(result.stdout, known) == []


def test_help_fits_an_80_column_terminal(known: set[str]) -> None:
    from planc.cjk import width

    for command in HELPS:
        result = CliRunner().invoke(app, [*command.split(), "--help"], env=ZH)
        wide = [line for line in result.stdout.splitlines() if width(line) > 80]
        assert wide == [], command


def git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
        cwd=cwd,
        capture_output=True,
        check=True,
    )


# Every way the command line's tests end in an error: click's, planc's usage errors, sources
# with errors, refused forms, a release that does not verify.
ERRORS = (
    *CLICK_ERRORS,
    "check 2099-2100",
    "stats --plans ./nowhere",
    "diff 2018-2019 2020-2021 --only people",
    "diff 2020-2021 2099-2100",
    "diff 2020-2021@ 2020-2021",
    "diff 2020-2021@nosuch 2020-2021",
    "diff 2020-2021@-x 2020-2021",
    "diff 2020-2021@HEAD 2020-2021 --plans ./elsewhere/plans",
    "explain unused-cases",
    "schema nosuchkind",
    "schema --out ./file/schema",
    "consult forms 2030-2031",
    "consult forms 2020-2021 --unit comerce",
    "consult import 2020-2021 junk.xlsx",
    "consult import 2020-2021 junk.xlsx --received x",
    "consult report 2020-2021 --out ./file",
    "progress 2018-2019",
    "progress 2020-2021 --as-of 2021-Q3",
    "progress diff 2020-2021 2021-Q2 2021-Q1",
    "progress forms 2020-2021 --period 2021-Q9",
    "progress forms 2020-2021 --period 2030-Q1",
    "progress import 2020-2021 junk.xlsx",
    "verify ../nowhere",
    "verify ./plans",
    "build --out ./file",
    "build --release --html",
    "build --archive --html",
    "fix 2018-2019",
    "check 2018-2019",
    "build 2018-2019 --html",
    "consult forms 2018-2019",
    "consult import 2020-2021 junk.xlsx --date 2020-13-01",
    "new 2020-2021",
    "new 2022",
    "new 2022-2023 --from 2030-2031",
    "solicit forms 2020-2021 --unit 市商务厅",
    "solicit forms 2018-2019",
    "solicit import 2020-2021 junk.xlsx",
    "solicit import 2020-2021 junk.xlsx --date x",
    "solicit report 2030-2031",
)


def test_every_error_of_the_command_line_is_chinese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, known: set[str]
) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(FIXTURES / "progress", plans)
    # 2018-2019 with a misspelt unit, a file that is not UTF-8 and one that is not YAML.
    market = next((plans / "2018-2019" / "tasks").glob("*.yaml"))
    market.write_text(market.read_text(encoding="utf-8") + "  - oops\n", encoding="utf-8")
    (plans / "2018-2019" / "tasks" / "gbk.yaml").write_bytes("title: 任务\n".encode("gb18030"))
    (tmp_path / "junk.xlsx").write_bytes(b"not a workbook")
    (tmp_path / "file").write_text("x", encoding="utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"  # outside the git repository
    shutil.copytree(VALID, elsewhere / "plans")
    (tmp_path / "elsewhere").symlink_to(elsewhere)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", "plans")
    git(tmp_path, "commit", "-qm", "plans")
    monkeypatch.chdir(tmp_path)
    left = {}
    for args in ERRORS:
        result = CliRunner().invoke(app, args.split(), env=ZH)
        assert result.exit_code != 0, args
        assert result.exception is None or isinstance(result.exception, SystemExit), args
        found = english(result.stdout + result.stderr, known)
        if found:
            left[args] = found
    assert left == {}, "\n".join(f"{k}: {v}" for k, v in left.items())


def test_the_shipped_plans_check_in_chinese(known: set[str], tmp_path: Path) -> None:
    shutil.copytree(SHIPPED, tmp_path / "plans", ignore=shutil.ignore_patterns(".planc-cache"))
    for args in (["check", "--plans", str(tmp_path / "plans")], ["check", "--plans", str(VALID)]):
        result = CliRunner().invoke(app, args, env=ZH)
        assert english(result.stdout, known) == []
