"""Pins: what every command prints (stdout, stderr, exit code, in English and in Chinese) and
the bytes of every file it writes, on the shipped plans and on the test fixtures. A refactor
keeps them all; a change meant to change an output rewrites them, and the diff of
tests/pinned/ shows what changed:

    .venv/bin/python -m tests.pins --write

tests/test_pins.py compares. The PDFs depend on the faces installed (`planc fonts`): the pins
record the faces they were made with, and their PDF digests are compared only where the same
faces are found. Forms (xlsx) are pinned by their entries' bytes, without docProps/core.xml,
which holds the time they were written."""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Callable, Iterator, Sequence
from contextlib import chdir, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
PINNED = ROOT / "tests" / "pinned"
LANGS = {"en": "C.UTF-8", "zh": "zh_CN.UTF-8"}
# A fixed clock for git (the draft's commit id is printed) and for a draft edition's date.
GIT_DATE = "2020-05-01T10:00:00+08:00"
EPOCH = "1588298400"


def environment(lang: str, **extra: str | None) -> dict[str, str | None]:
    return {
        "LANG": LANGS[lang],
        "LC_ALL": None,
        "LC_MESSAGES": None,
        "COLUMNS": "100",
        "NO_COLOR": "1",
        "FORCE_COLOR": None,
        "TERM": "dumb",
        "SOURCE_DATE_EPOCH": None,
        **extra,
    }


@dataclass
class Pins:
    """Outputs by case, in the order they were made."""

    base: Path
    commands: dict[str, str] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)
    pdfs: dict[str, str] = field(default_factory=dict)

    def add(self, key: str, text: str) -> None:
        """Under a key of its own (a command run twice is pinned twice); the temporary folder
        the cases run in written as <tmp>."""
        for base in {str(self.base.resolve()), str(self.base)}:
            text = text.replace(base, "<tmp>")
        n = 1
        while (numbered := key if n == 1 else f"{key} #{n}") in self.commands:
            n += 1
        self.commands[numbered] = text


def run(args: Sequence[str], lang: str, **env: str | None) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from planc.cli import app

    result = CliRunner().invoke(app, list(args), env=environment(lang, **env))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def shown(code: int, out: str, err: str) -> str:
    return f"exit {code}\n--- stdout\n{out}--- stderr\n{err}"


def command(
    pins: Pins, where: str, args: str, langs: Sequence[str] = ("en", "zh"), **env: str
) -> None:
    said: dict[str, str] = {}
    for lang in langs:
        said[lang] = shown(*run(args.split(), lang, **env))
        same = lang != "en" and said[lang] == said.get("en")
        pins.add(
            f"[{where}] planc {args}  ({lang})", "(the same as in English)" if same else said[lang]
        )


def writes(pins: Pins, where: str, args: str, folder: Path) -> None:
    """A command that writes files: run in English, its files pinned, then run again in
    Chinese (which finds them there)."""
    command(pins, where, args, ("en",))
    tree(pins, f"{where}/{folder.name}", folder)
    command(pins, where, args, ("zh",))


def digest(data: bytes) -> str:
    return f"{hashlib.sha256(data).hexdigest()[:32]} {len(data)}"


def xlsx(data: bytes) -> str:
    """A form's entries, but its time of writing."""
    h = hashlib.sha256()
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(z.namelist()):
            if name != "docProps/core.xml":
                h.update(name.encode() + b"\0" + z.read(name) + b"\0")
    return f"xlsx {h.hexdigest()[:32]}"


def tree(pins: Pins, label: str, folder: Path) -> None:
    """Every file under `folder` (hidden ones too: the stamp, the owned list)."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        rel = path.relative_to(folder).as_posix()
        data = path.read_bytes()
        key = f"{label}/{rel}"
        if path.name == ".planc-build":
            # The digest of the inputs, planc's code among them: it changes with every
            # commit, so only its being there is pinned (tests/test_build.py: what it holds).
            pins.files[key] = "a stamp"
        elif path.suffix == ".pdf":
            pins.pdfs[key] = digest(data)
        elif path.suffix == ".xlsx":
            pins.files[key] = xlsx(data)
        else:
            pins.files[key] = digest(data)


def copy(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, ignore=shutil.ignore_patterns(".planc-cache"))
    return dst


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": GIT_DATE,
        "GIT_COMMITTER_DATE": GIT_DATE,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", "-c", "user.name=planc", "-c", "user.email=planc@planc.invalid", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return done.stdout.strip()


@contextmanager
def folder(base: Path, name: str) -> Iterator[Path]:
    here = base / name
    here.mkdir()
    with chdir(here):
        yield here


HELPS = (
    "",
    "check",
    "stats",
    "build",
    "diff",
    "schema",
    "fix",
    "fonts",
    "explain",
    "verify",
    "consult",
    "consult forms",
    "consult import",
    "consult report",
    "progress",
    "progress show",
    "progress forms",
    "progress import",
    "progress diff",
    "new",
    "solicit",
    "solicit forms",
    "solicit import",
    "solicit report",
    "sheet",
    "sheet export",
    "sheet import",
)
# What click itself says about a command line it cannot take.
CLICK_ERRORS = (
    "",
    "check --format xml",
    "check --foo",
    "build --jobs 0",
    "build --jobs x",
    "build -j",
    "consult forms",
    "progress forms 2020-2021",
    "nosuch",
    "diff a",
    "consult",
    "progress nosuch",
    "sheet",
    "sheet import 2020-2021",
)


def shipped(pins: Pins, base: Path) -> None:
    with folder(base, "shipped") as here:
        copy(ROOT / "plans", here / "plans")
        for args in (
            "check",
            "check --format json",
            "check --format github 2020-2021",
            "check 2020-2021 --strict",
            "check --no-cache 2016-2017",
            "check 2099-2100",
            "stats",
            "stats --format json",
            "stats 2022-2023",
            "diff 2020-2021 2022-2023",
            "diff 2020-2021 2022-2023 --format json",
            "diff 2020-2021 2022-2023 --format markdown",
            "diff 2018-2019 2020-2021 --format html",
            "diff 2016-2017 2018-2019 --only tasks",
            "diff 2018-2019 2020-2021 --only bogus",
            "diff 2020-2021 2099-2100",
            "diff 2020-2021@ 2022-2023",
            "explain",
            "explain declared-mismatch",
            "explain unused-cases",
            "schema",
            "schema progress",
            "schema bogus",
            "consult report 2020-2021",
            "progress 2020-2021",
            "fonts",
            "verify nowhere",
            "verify plans",
            "build --release --html",
            "build --archive --html",
        ):
            command(pins, "shipped", args)
        for args in HELPS:
            command(pins, "help", f"{args} --help".strip())
        for args in CLICK_ERRORS:
            command(pins, "click", args)


def consultation(pins: Pins, base: Path) -> None:
    with folder(base, "consultation") as here:
        plans = copy(FIXTURES / "valid", here / "plans")
        records = plans / "2020-2021" / "consultation"
        records.mkdir()
        for name in ("round-1.yaml", "round-2.yaml"):
            shutil.copy(FIXTURES / "consultation" / name, records / name)
        for args in (
            "check",
            "stats 2020-2021",
            "consult report 2020-2021",
            "consult report 2020-2021 --format json",
            "consult report 2020-2021 --format html",
            "diff 2018-2019 2020-2021 --only tasks",
        ):
            command(pins, "consultation", args)
        writes(pins, "consultation", "consult report 2020-2021 --out report", here / "report")


def forms_round_trip(pins: Pins, base: Path) -> None:
    """Forms out of a draft committed in git, one filled and imported, adopted, checked."""
    from tests.consult_forms import COMMERCE, comment_on, fill, general

    for lang in LANGS:
        with folder(base, f"forms-{lang}") as here:
            copy(FIXTURES / "valid", here / "plans")
            git(here, "init", "-q")
            git(here, "add", "plans")
            git(here, "commit", "-qm", "draft")
            command(pins, f"forms-{lang}", "consult forms 2020-2021 --out forms", (lang,))
            command(pins, f"forms-{lang}", "consult forms 2020-2021 --out forms", (lang,))
            command(pins, f"forms-{lang}", "consult forms 2020-2021 --unit nobody", (lang,))
            if lang == "en":
                tree(pins, "forms", here / "forms")
            edits = comment_on(
                "state-capital-reform", "建议写明“投资运营”", "投资、运营", "王工 0532"
            )
            fill(here / "forms" / COMMERCE, here / "back.xlsx", edits)
            fill(
                here / "forms" / COMMERCE, here / "general.xlsx", general(4, "整体意见", "计划整体")
            )
            args = "consult import 2020-2021 back.xlsx general.xlsx --received 2020-05-10"
            command(pins, f"forms-{lang}", args, (lang,))
            command(pins, f"forms-{lang}", args, (lang,))
            command(
                pins, f"forms-{lang}", "consult import 2020-2021 back.xlsx --received x", (lang,)
            )
            (here / "junk.xlsx").write_bytes(b"not a workbook")
            command(pins, f"forms-{lang}", "consult import 2020-2021 junk.xlsx", (lang,))
            record = here / "plans" / "2020-2021" / "consultation" / "round-1.yaml"
            pins.files[f"forms-{lang}/round-1.yaml"] = record.read_text(encoding="utf-8")
            lines = record.read_text(encoding="utf-8").splitlines(keepends=True)
            at = next(i for i, line in enumerate(lines) if line.startswith("    cell: "))
            lines.insert(at + 1, "    disposition: adopted\n")
            record.write_text("".join(lines), encoding="utf-8")
            command(pins, f"forms-{lang}", "check 2020-2021", (lang,))
            command(pins, f"forms-{lang}", "diff 2020-2021@HEAD 2020-2021 --only tasks", (lang,))
            command(pins, f"forms-{lang}", "diff 2020-2021@nonesuch 2020-2021", (lang,))
            command(pins, f"forms-{lang}", "diff 2020-2021@-x 2020-2021", (lang,))
            replace(record, "draft: ", "draft: 0000")
            command(pins, f"forms-{lang}", "check 2020-2021", (lang,))


def builds(pins: Pins, base: Path) -> None:
    with folder(base, "build") as here:
        plans = copy(FIXTURES / "valid", here / "plans")
        command(pins, "build", "build --release", ("en",))
        tree(pins, "build/dist", here / "dist")
        tree(pins, "build/release", here / "release")
        command(pins, "build", "build")
        command(pins, "build", "build --html --out html 2020-2021", ("en",))
        tree(pins, "build/html", here / "html")
        args = "build 2020-2021 --edition draft --html --out drafts"
        command(pins, "build", args, ("en",), SOURCE_DATE_EPOCH=EPOCH)  # refused: no date
        command(pins, "build", args + " --date 2020-05-01", ("en",))
        tree(pins, "build/drafts", here / "drafts")
        command(pins, "build", "verify release")
        command(pins, "build", "verify dist")
        archive = here / "release" / "planc-2020-2021.zip"
        data = bytearray(archive.read_bytes())
        data[-30] ^= 1
        archive.write_bytes(bytes(data))
        command(pins, "build", "verify release")
        (here / "file").write_text("x", encoding="utf-8")
        command(pins, "build", "build --out file")
        command(pins, "build", "build --release --html")
        replace(
            plans / "2020-2021" / "tasks" / "market.yaml", "[culture, ports]", "[culture, port]"
        )
        command(pins, "build", "build")
        command(pins, "build", "check")
        command(pins, "build", "consult forms 2020-2021")
        command(pins, "build", "progress 2020-2021")


def progress(pins: Pins, base: Path) -> None:
    with folder(base, "progress") as here:
        copy(FIXTURES / "progress", here / "plans")
        for args in (
            "check",
            "stats 2020-2021",
            "progress 2020-2021",
            "progress 2020-2021 --format json",
            "progress 2020-2021 --format github",
            "progress 2020-2021 --as-of 2021-Q1",
            "progress 2020-2021 --as-of 2019-Q1",
            "progress diff 2020-2021 2020-Q3 2021-Q2",
            "progress diff 2020-2021 2021-Q1 2021-Q2 --format json",
            "progress diff 2020-2021 2021-Q2 2021-Q1",
            "progress 2018-2019",
            "progress forms 2020-2021 --period 2030-Q1",
            "progress forms 2020-2021 --period soon",
        ):
            command(pins, "progress", args)
        command(pins, "progress", "build", ("en",))
        tree(pins, "progress/dist", here / "dist")
        writes(pins, "progress", "progress forms 2020-2021 --period 2021-Q3", here / "forms")
        form = here / "forms" / "2021-Q3-市商务局.xlsx"
        wb = openpyxl.load_workbook(form)
        ws = wb.worksheets[0]
        row = next(
            r for r in range(4, ws.max_row + 1) if ws.cell(r, 1).value == "state-capital-reform"
        )
        ws.cell(row, 7).value = "已完成"
        ws.cell(row, 8).value = "100"
        ws.cell(row, 9).value = "已完成改组"
        wb.save(form)
        command(pins, "progress", "progress import 2020-2021 forms/2021-Q3-市商务局.xlsx")
        period = here / "plans" / "2020-2021" / "progress" / "2021-Q3.yaml"
        pins.files["progress/2021-Q3.yaml"] = period.read_text(encoding="utf-8")
        ws.cell(row, 8).value = "lots"
        wb.save(form)
        command(pins, "progress", "progress import 2020-2021 forms/2021-Q3-市商务局.xlsx")
        args = "progress forms 2020-2021 --period 2021-Q4 --partners --out partners"
        writes(pins, "progress", args, here / "partners")
        writes(pins, "progress", "progress 2020-2021 --format xlsx --out up/汇总.xlsx", here / "up")
        command(pins, "progress", "progress 2020-2021 --format xlsx")


def workbook(pins: Pins, base: Path) -> None:
    """The whole round in one workbook: exported, edited as the office edits it, imported."""
    from tests.workbook import added, cell, deleted, edited

    for lang in LANGS:
        with folder(base, f"sheet-{lang}") as here:
            plans = copy(FIXTURES / "valid", here / "plans")
            records = plans / "2020-2021" / "consultation"
            records.mkdir()
            shutil.copy(FIXTURES / "consultation" / "round-1.yaml", records / "round-1.yaml")
            where = f"sheet-{lang}"
            command(pins, where, "sheet export 2020-2021 --out w.xlsx", (lang,))
            if lang == "en":
                pins.files["sheet/w.xlsx"] = xlsx((here / "w.xlsx").read_bytes())
            command(pins, where, "sheet export 2020-2021 --out w.xlsx", (lang,))
            command(pins, where, "sheet import 2020-2021 w.xlsx --apply", (lang,))
            edited(
                here / "w.xlsx",
                here / "e.xlsx",
                cell("tasks", "state-capital-reform", "工作任务", "深化国资国企改革"),
                cell("tasks", "trade-facilitation", "完成时限", "2021年6月"),
                added(
                    "tasks",
                    {"工作任务": "新任务", "部分": "推进企业国际化", "牵头单位": "市商务局"},
                ),
                deleted("tasks", "international-living-rooms"),
                cell("comments", "1:c-0000000004", "处理意见", "不采纳"),
                cell("comments", "1:c-0000000004", "理由", "与总体要求不符"),
            )
            edited(
                here / "w.xlsx",
                here / "bad.xlsx",
                cell("tasks", "state-capital-reform", "牵头单位", "市商务厅"),
                cell("tasks", "trade-facilitation", "完成时限", "明年"),
            )
            command(pins, where, "sheet import 2020-2021 bad.xlsx --apply", (lang,))
            command(pins, where, "sheet import 2020-2021 e.xlsx", (lang,))
            command(pins, where, "sheet import 2020-2021 e.xlsx --apply", (lang,))
            command(pins, where, "sheet import 2020-2021 e.xlsx --apply --confirm-drops", (lang,))
            for rel in ("tasks/enterprise.yaml", "tasks/market.yaml", "consultation/round-1.yaml"):
                text = (plans / "2020-2021" / rel).read_text(encoding="utf-8")
                pins.files[f"{where}/{rel}"] = text
            command(pins, where, "check 2020-2021", (lang,))


def solicitation(pins: Pins, base: Path) -> None:
    """A round begun from the fixture, its solicitation forms out, two filled and imported
    (Chinese unit names, full-width digits, a blank row), the same again, one corrected, the
    report; the refusals."""
    from tests.solicit_forms import (
        COMMERCE,
        PORTS,
        candidate,
        contact,
        fill,
        new_task,
    )

    with folder(base, "solicitation") as here:
        copy(FIXTURES / "valid", here / "plans")
        writes(pins, "solicitation", "new 2022-2023", here / "plans" / "2022-2023")
        command(pins, "solicitation", "check 2022-2023")
        writes(pins, "solicitation", "solicit forms 2022-2023 --out forms", here / "forms")
        back = here / "back"
        back.mkdir()
        fill(
            here / "forms" / COMMERCE,
            back / COMMERCE,
            contact("张三", "０５３２-８８８８６６６６"),
            candidate(
                "2020-2021:international-living-rooms",
                G="建设日本、韩国国际客厅",
                I="２０２３年６月",
            ),
            new_task(
                1,
                B="推进市场国际化",
                C="建设跨境电商综合试验区",
                F="市文化和旅游局",
                G="实际使用外资",
            ),
            new_task(3, B="推进企业国际化", C="培育本土跨国公司", E="2023年底"),
        )
        fill(
            here / "forms" / PORTS,
            back / PORTS,
            contact("李四 0532-66668888", ""),
            candidate("2020-2021:trade-facilitation", E="不再列入"),
        )
        args = f"solicit import 2022-2023 back/{COMMERCE} back/{PORTS} --date 2022-01-10"
        writes(pins, "solicitation", args, here / "plans" / "2022-2023")
        for more in ("solicit report 2022-2023", "solicit report 2022-2023 --format json"):
            command(pins, "solicitation", more)
        again = here / "again"
        again.mkdir()
        fill(back / COMMERCE, again / COMMERCE, new_task(3, B=None, C=None, E=None))
        args = f"solicit import 2022-2023 again/{COMMERCE} --date 2022-01-15"
        writes(pins, "solicitation", args, here / "plans" / "2022-2023")
        fill(
            back / COMMERCE, again / "bad.xlsx", new_task(2, C="建设自贸区", F="市商务厅", E="明年")
        )
        command(pins, "solicitation", "solicit import 2022-2023 again/bad.xlsx")
        command(pins, "solicitation", "solicit forms 2022-2023 --unit 市商务厅")
        command(pins, "solicitation", "solicit report 2099-2100")


def shipped_new(pins: Pins, base: Path) -> None:
    """The shipped plans' next round begun (the files planc new writes from the record)."""
    with folder(base, "shipped-new") as here:
        copy(ROOT / "plans", here / "plans")
        writes(pins, "shipped-new", "new 2024-2025", here / "plans" / "2024-2025")
        command(pins, "shipped-new", "check 2024-2025")
        command(pins, "shipped-new", "solicit forms 2024-2025 --unit 市商务局 --out forms")


def fixes(pins: Pins, base: Path) -> None:
    for lang in LANGS:
        with folder(base, f"fix-{lang}") as here:
            plans = copy(FIXTURES / "valid", here / "plans")
            market = plans / "2020-2021" / "tasks" / "market.yaml"
            replace(market, "日本、韩国", "日本,韩国")
            replace(market, "五个“国际客厅”", '五个"国际客厅"')
            command(pins, f"fix-{lang}", "fix", (lang,))
            pins.files[f"fix-{lang}/market.yaml"] = digest(market.read_bytes())
            command(pins, f"fix-{lang}", "fix", (lang,))
            (plans / "2020-2021" / "tasks" / "gbk.yaml").write_bytes(
                "title: 任务\n".encode("gb18030")
            )
            command(pins, f"fix-{lang}", "fix 2020-2021", (lang,))
            command(pins, f"fix-{lang}", "check 2020-2021", (lang,))


def shipped_build(pins: Pins, dist: Path) -> None:
    """The shipped plans as `planc build` writes them (tests: the session's build)."""
    tree(pins, "shipped/dist", dist)


SCENARIOS: tuple[Callable[[Pins, Path], None], ...] = (
    shipped,
    consultation,
    forms_round_trip,
    builds,
    progress,
    fixes,
    solicitation,
    shipped_new,
    workbook,
)


def faces() -> str:
    from planc.render import fonts

    return json.dumps(fonts.manifest_entry(fonts.policy()), sort_keys=True, ensure_ascii=False)


def make(base: Path, dist: Path) -> Pins:
    pins = Pins(base)
    for scenario in SCENARIOS:
        scenario(pins, base)
    shipped_build(pins, dist)
    return pins


def as_text(entries: dict[str, str]) -> str:
    return "".join(f"=== {key}\n{value.rstrip(chr(10))}\n" for key, value in entries.items())


FILES = {"commands": "commands.txt", "files": "files.txt", "pdfs": "pdfs.txt"}


def texts(pins: Pins) -> dict[str, str]:
    return {
        "commands": as_text(pins.commands),
        "files": as_text(pins.files),
        "pdfs": f"faces {faces()}\n" + as_text(pins.pdfs),
    }


def write(pins: Pins) -> None:
    PINNED.mkdir(exist_ok=True)
    for key, text in texts(pins).items():
        (PINNED / FILES[key]).write_text(text, encoding="utf-8")


def main(argv: list[str]) -> int:
    import tempfile

    if argv != ["--write"]:
        print(__doc__)
        return 2
    with tempfile.TemporaryDirectory(prefix="planc-pins-") as tmp:
        base = Path(tmp)
        dist = base / "shipped-build"
        dist.mkdir()
        with chdir(dist):
            shutil.copytree(ROOT / "plans", "plans", ignore=shutil.ignore_patterns(".planc-cache"))
            code, _out, err = run(["build"], "en")
            assert code == 0, err
        write(make(base, dist / "dist"))
        from tests.test_whole_cycle import write_pinned

        write_pinned(base)
    print(f"wrote {PINNED.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
