"""Property tests: random mutations of the valid plans never raise a traceback, and every
diagnostic they produce is well-formed (a known code, a location in a file that exists, a line
and column inside that file).

Each example works on a private copy of tests/fixtures/valid made with TemporaryDirectory
(Hypothesis refuses function-scoped fixtures such as tmp_path).

The bugs these properties found each have a reproducer at the end of this file.
"""

from __future__ import annotations

import json
import re
import shutil
import string
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from planc.cli import app
from planc.diagnostics import CODES, Diagnostic, Loc, Severity
from planc.load.formats import KINDS
from planc.load.spec import ListOf, MapOf, Obj, Type
from planc.paths import CACHE_DIR
from planc.pipeline import analyze
from tests.conftest import VALID

PROPERTY = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

ROUNDS = ("2018-2019", "2020-2021")
ROUND_PARTS = ("tasks", "cases", "indicators")
ALL_FILES = sorted(
    p.relative_to(VALID).as_posix()
    for p in VALID.rglob("*")
    if p.is_file() and CACHE_DIR not in p.parts  # planc's own cache is not a source
)
YAML_FILES = [f for f in ALL_FILES if f.endswith(".yaml")]
FIXTURE_TEXT = {f: (VALID / f).read_text(encoding="utf-8") for f in YAML_FILES}

# Line breaks as editors, GitHub annotations and YAML 1.2 count them.
LINE_BREAK = re.compile(r"\r\n|\r|\n")
# Files planc may name although they do not exist: it says they are missing.
MAY_BE_MISSING = re.compile(r"registry/(places|units)\.yaml|[0-9]{4}-[0-9]{4}/plan\.yaml")

# --------------------------------------------------------------------------------------------
# The invariants every example must keep
# --------------------------------------------------------------------------------------------


def _lines(path: Path) -> list[str]:
    data = path.read_bytes()
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return LINE_BREAK.split(data.decode("utf-8", "replace"))


def check_diagnostics(plans: Path, diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        shown = f"{d.loc} {d.code} {d.full_message!r}"
        assert d.code in CODES, shown
        file, line, column = d.loc.file, d.loc.line, d.loc.column
        assert file, shown
        assert not file.startswith("/"), shown
        assert not PurePosixPath(file).is_absolute(), shown
        assert ".." not in PurePosixPath(file).parts, shown
        assert line >= 1 and column >= 1, shown
        target = plans / file
        if file.endswith("/"):
            assert target.is_dir(), f"{shown}: no such folder"
        elif target.is_file():
            lines = _lines(target)
            assert line <= len(lines), f"{shown}: the file has {len(lines)} lines"
            width = len(lines[line - 1])
            assert column <= width + 1, f"{shown}: line {line} is {width} characters long"
        else:
            assert not target.exists(), f"{shown}: names a folder without a trailing '/'"
            assert MAY_BE_MISSING.fullmatch(file), f"{shown}: no such file"
            assert "missing" in d.message or "has no plan.yaml" in d.message, shown


def analyze_and_check(plans: Path) -> list[Diagnostic]:
    diagnostics = analyze(plans).diagnostics
    check_diagnostics(plans, diagnostics)
    return diagnostics


def write(path: Path, data: bytes) -> None:
    path.write_bytes(data)


BAD_DIAGNOSTICS = [
    ("unknown-code", Diagnostic("no-such-code", Loc("registry/units.yaml"), "m")),
    ("absolute", Diagnostic("schema", Loc(f"{VALID.as_posix()}/registry/units.yaml"), "m")),
    ("dot-dot", Diagnostic("schema", Loc("2018-2019/../registry/units.yaml"), "m")),
    ("line-0", Diagnostic("schema", Loc("registry/units.yaml", 0, 1), "m")),
    ("column-0", Diagnostic("schema", Loc("registry/units.yaml", 1, 0), "m")),
    ("line-past-end", Diagnostic("schema", Loc("registry/units.yaml", 6, 1), "m")),
    ("column-past-end", Diagnostic("schema", Loc("registry/units.yaml", 1, 8), "m")),
    ("no-such-file", Diagnostic("schema", Loc("2018-2019/tasks/nosuch.yaml"), "m")),
    ("missing-not-said", Diagnostic("schema", Loc("2030-2031/plan.yaml"), "m")),
    ("folder-no-slash", Diagnostic("schema", Loc("2018-2019/tasks"), "m")),
    ("no-such-folder", Diagnostic("schema", Loc("misc/"), "m")),
]


@pytest.mark.parametrize(
    "bad", [b for _, b in BAD_DIAGNOSTICS], ids=[n for n, _ in BAD_DIAGNOSTICS]
)
def test_the_invariants_can_fail(bad: Diagnostic) -> None:
    good = [
        Diagnostic("schema", Loc("registry/units.yaml", 5, 1), "m"),  # just past the end
        Diagnostic("schema", Loc("registry/units.yaml", 1, 7), "m"),  # `units:` + 1
        Diagnostic("schema", Loc("2018-2019/"), "m"),
        Diagnostic("schema", Loc("2030-2031/plan.yaml"), "round folder has no plan.yaml"),
    ]
    check_diagnostics(VALID, good)
    with pytest.raises(AssertionError):
        check_diagnostics(VALID, [bad])


@contextmanager
def plans_copy() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="planc-hyp-") as tmp:
        plans = Path(tmp) / "plans"
        shutil.copytree(VALID, plans)
        yield plans


# --------------------------------------------------------------------------------------------
# Characters and fragments
# --------------------------------------------------------------------------------------------

ANY_CHAR = st.characters(codec="utf-8")
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
CONTROL = st.characters(max_codepoint=0x1F) | st.sampled_from("\x7f\ufeff\ufffe\uffff")
CHAR = st.one_of(ANY_CHAR, CJK, CONTROL, st.sampled_from(string.printable))

YAML_TOKENS = (
    "&a ",
    "*a",
    "&b [*a, *a, *a]",
    "*nosuch",
    "<<: ",
    "<<: *a",
    "---\n",
    "...\n",
    "--- !!python/object:os.system\n",
    "!!python/object/apply:os.system ['true'] ",
    "!!python/name:os.system ",
    "!!binary ",
    "!!int ",
    "!!str ",
    "!!map ",
    "!foo ",
    "%YAML 1.2\n---\n",
    "%YAML 1.1\n",
    "%TAG ! tag:example.com,2000:\n",
    "\t",
    "  ",
    "\n",
    "\r\n",
    "\r",
    "? ",
    ": ",
    "- ",
    "-",
    "[",
    "]",
    "{",
    "}",
    ",",
    "#",
    "|\n",
    ">-\n",
    "'",
    '"',
    "\\",
    "\\u",
    "~",
    "null",
    "@",
    "`",
    "%",
    "\x00",
    "\ufeff",
    "青岛",
    "国际化+",
)
FRAGMENT = st.one_of(st.sampled_from(YAML_TOKENS), st.text(CHAR, min_size=1, max_size=12))


# --------------------------------------------------------------------------------------------
# a) text-level mutations of one file
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextEdit:
    """One edit of a file's text. Positions are taken modulo the current length, so every
    drawn edit applies to whatever the earlier edits left."""

    op: str
    at: int
    size: int = 0
    text: str = ""
    other: int = 0

    def apply(self, text: str) -> str:
        if self.op in ("delete", "insert", "replace", "truncate"):
            at = self.at % (len(text) + 1)
            if self.op == "delete":
                return text[:at] + text[at + self.size :]
            if self.op == "insert":
                return text[:at] + self.text + text[at:]
            if self.op == "replace":
                return text[:at] + self.text + text[at + self.size :]
            return text[:at]
        lines = text.split("\n")
        i, j = self.at % len(lines), self.other % len(lines)
        if self.op == "dup-line":
            lines.insert(i, lines[i])
        elif self.op == "drop-line":
            del lines[i]
        else:  # swap-lines
            lines[i], lines[j] = lines[j], lines[i]
        return "\n".join(lines)


POSITION = st.integers(min_value=0, max_value=5000)
TEXT_EDIT = st.one_of(
    st.builds(TextEdit, st.just("delete"), POSITION, st.integers(1, 200)),
    st.builds(TextEdit, st.just("insert"), POSITION, st.just(0), FRAGMENT),
    st.builds(TextEdit, st.just("replace"), POSITION, st.integers(1, 20), FRAGMENT),
    st.builds(TextEdit, st.just("truncate"), POSITION),
    st.builds(TextEdit, st.just("dup-line"), POSITION),
    st.builds(TextEdit, st.just("drop-line"), POSITION),
    st.builds(TextEdit, st.just("swap-lines"), POSITION, other=POSITION),
)


def billion_laughs(levels: int, width: int) -> bytes:
    lines = ["lol0: &l0 [lol]"]
    for n in range(1, levels + 1):
        aliases = ", ".join([f"*l{n - 1}"] * width)
        lines.append(f"lol{n}: &l{n} [{aliases}]")
    return ("\n".join(lines) + "\n").encode()


@dataclass(frozen=True)
class ByteChange:
    """A change of the file's bytes that may leave it empty, binary or not UTF-8."""

    op: str
    data: bytes = b""
    at: int = 0
    size: int = 0
    encoding: str = ""

    def apply(self, data: bytes) -> bytes:
        if self.op == "replace-file":
            return self.data
        if self.op == "splice":  # may cut a multi-byte character in two
            at = self.at % (len(data) + 1)
            return data[:at] + self.data + data[at + self.size :]
        if self.op == "bom":
            return b"\xef\xbb\xbf" + data
        # re-encode: what a Windows editor saves
        return data.decode("utf-8").encode(self.encoding, "replace")


BYTE_CHANGE = st.one_of(
    st.builds(ByteChange, st.just("replace-file"), st.binary(max_size=600)),
    st.builds(ByteChange, st.just("replace-file"), st.just(b"")),
    st.builds(ByteChange, st.just("replace-file"), st.sampled_from([b"\n", b"~\n", b"---\n"])),
    st.builds(
        ByteChange,
        st.just("replace-file"),
        st.builds(billion_laughs, st.integers(3, 12), st.integers(2, 12)),
    ),
    st.builds(
        ByteChange,
        st.just("splice"),
        st.binary(min_size=1, max_size=8),
        POSITION,
        st.integers(0, 4),
    ),
    st.builds(ByteChange, st.just("bom")),
    st.builds(
        ByteChange,
        st.just("re-encode"),
        encoding=st.sampled_from(["gb18030", "big5", "utf-16", "utf-16-le", "utf-32", "cp1252"]),
    ),
)


@dataclass(frozen=True)
class FileMutation:
    file: str
    edits: tuple[TextEdit, ...] = ()
    change: ByteChange | None = None

    def apply(self, plans: Path) -> None:
        path = plans / self.file
        text = path.read_text(encoding="utf-8")
        for edit in self.edits:
            text = edit.apply(text)
        data = text.encode("utf-8")
        if self.change is not None:
            data = self.change.apply(data)
        write(path, data)


FILE_MUTATION = st.builds(
    FileMutation,
    st.sampled_from(YAML_FILES),
    st.lists(TEXT_EDIT, min_size=0, max_size=4).map(tuple),
    st.none() | BYTE_CHANGE,
).filter(lambda m: bool(m.edits) or m.change is not None)


@PROPERTY
@given(mutation=FILE_MUTATION)
def test_text_mutations_never_raise(mutation: FileMutation) -> None:
    with plans_copy() as plans:
        mutation.apply(plans)
        analyze_and_check(plans)


# --------------------------------------------------------------------------------------------
# b) structure-level mutations: known `key: value` sites edited as text
# --------------------------------------------------------------------------------------------

# `key: value` on its own line (block mapping, possibly the first key of a list item) ...
BLOCK_PAIR = re.compile(
    r"^(?P<indent>[ ]*(?:- )?)(?P<key>\w[\w-]*):(?:[ ]+(?P<value>.*?))?[ ]*$", re.MULTILINE
)
# ... and `key: value` inside a one-line flow mapping `{id: x, title: y}`.
FLOW_PAIR = re.compile(r"(?:(?<=\{)|(?<=, ))(?P<key>\w[\w-]*): (?P<value>[^,{}\[\]\n]*)")


@dataclass(frozen=True)
class Site:
    key: tuple[int, int]
    value: tuple[int, int]
    whole: tuple[int, int]  # what removing the key takes away
    spaced: bool = False  # the value is empty: a new one needs a space after the colon


def sites(text: str) -> list[Site]:
    found = []
    for m in BLOCK_PAIR.finditer(text):
        key = m.span("key")
        if m.group("value") is None:
            value, spaced = (key[1] + 1, m.end()), True
        else:
            value, spaced = m.span("value"), False
        if m.group("indent").endswith("- "):
            whole = (key[0], m.end())  # keep `- `: the item's other keys follow on later lines
        else:
            whole = (m.start(), m.end() + 1 if text[m.end() : m.end() + 1] == "\n" else m.end())
        found.append(Site(key, value, whole, spaced))
    for m in FLOW_PAIR.finditer(text):
        end = m.end() + 2 if text[m.end() : m.end() + 2] == ", " else m.end()
        found.append(Site(m.span("key"), m.span("value"), (m.start(), end)))
    return sorted(found, key=lambda s: s.key)


def field_names(spec: Type) -> set[str]:
    if isinstance(spec, Obj):
        names = set(spec.fields)
        for f in spec.fields.values():
            names |= field_names(f.type)
        return names
    if isinstance(spec, ListOf):
        return field_names(spec.item)
    if isinstance(spec, MapOf):
        return field_names(spec.value)
    return set()


FIELD_NAMES = sorted(set().union(*(field_names(spec) for spec in KINDS.values())))
FIXTURE_WORDS = sorted(
    {w for text in FIXTURE_TEXT.values() for w in re.findall(r"[a-z0-9][a-z0-9:-]*", text)}
)
SPECIAL_SCALARS = (
    "",
    "~",
    "null",
    "true",
    "false",
    "yes",
    "no",
    "on",
    "0",
    "-1",
    "1.0",
    "1e3",
    "1_000",
    "0x1F",
    "0o17",
    ".inf",
    "-.inf",
    ".nan",
    "2020-06-22",
    "2020-02-30",
    "2021-13",
    "0000-00-00",
    "2021-12",
    "2020-06-22T10:00:00Z",
    "2018-2019",
    "2016-2017",
    "9999-9999",
    "2018-2019:temasek-reform",
    "2018-2019:nosuch",
    "2020-2021:state-capital-reform",
    "Commerce",
    "commerce",
    "'commerce'",
    '"1"',
    "'1'",
    "''",
    '""',
    "[]",
    "{}",
    "[[]]",
    "{a: {b: {c: d}}}",
    "&x value",
    "*x",
    "|\n  block text",
    "- item",
)
LONG_STRING = st.builds(
    lambda piece, n: piece * n,
    st.sampled_from(["x", "青", "a-", "9", "9 ", "1.", "\\", "'", "国际化+ "]),
    st.integers(500, 6000),
)
SCALAR = st.one_of(
    st.integers(-(10**12), 10**12).map(str),
    st.floats().map(str),
    st.sampled_from(SPECIAL_SCALARS),
    st.sampled_from(FIXTURE_WORDS),
    st.text(CHAR, max_size=20).map(lambda s: json.dumps(s, ensure_ascii=False)),
    st.text(CHAR, max_size=20).map(lambda s: "'" + s.replace("'", "''") + "'"),
    st.text(CHAR, max_size=20),
)
VALUE = st.one_of(
    SCALAR,
    st.lists(SCALAR, max_size=4).map(lambda items: "[" + ", ".join(items) + "]"),
    st.dictionaries(st.sampled_from(FIELD_NAMES), SCALAR, max_size=3).map(
        lambda d: "{" + ", ".join(f"{k}: {v}" for k, v in d.items()) + "}"
    ),
    st.sampled_from(["", "~", "null"]),
    LONG_STRING,
    LONG_STRING.map(json.dumps),
)
KEY = st.one_of(
    st.sampled_from(FIELD_NAMES),
    st.sampled_from(FIXTURE_WORDS),
    st.text(CHAR, min_size=1, max_size=15),
)


@dataclass(frozen=True)
class FieldEdit:
    op: str  # set-value, rename-key, remove-key
    site: int
    text: str = ""

    def apply(self, text: str) -> str:
        found = sites(text)
        if not found:
            return text
        site = found[self.site % len(found)]
        if self.op == "set-value":
            start, end = site.value
            return text[:start] + (" " if site.spaced else "") + self.text + text[end:]
        if self.op == "rename-key":
            start, end = site.key
            return text[:start] + self.text + text[end:]
        start, end = site.whole
        return text[:start] + text[end:]


SITE = st.integers(min_value=0, max_value=500)
FIELD_EDIT = st.one_of(
    st.builds(FieldEdit, st.just("set-value"), SITE, VALUE),
    st.builds(FieldEdit, st.just("rename-key"), SITE, KEY),
    st.builds(FieldEdit, st.just("remove-key"), SITE),
)


@dataclass(frozen=True)
class FieldMutation:
    file: str
    edits: tuple[FieldEdit, ...]

    def apply(self, plans: Path) -> None:
        path = plans / self.file
        text = path.read_text(encoding="utf-8")
        for edit in self.edits:
            text = edit.apply(text)
        write(path, text.encode("utf-8"))


FIELD_MUTATION = st.builds(
    FieldMutation,
    st.sampled_from(YAML_FILES),
    st.lists(FIELD_EDIT, min_size=1, max_size=3).map(tuple),
)


def test_field_sites_cover_the_fixture() -> None:
    # The structure strategy is only as good as the sites it finds: block keys, keys of list
    # items, flow-mapping keys, registry ids and indicator targets.
    keys: set[str] = set()
    for file, text in FIXTURE_TEXT.items():
        found = {text[s.key[0] : s.key[1]] for s in sites(text)}
        assert found, file
        keys |= found
    expected = {"planc", "round", "chapter", "id", "title", "lead", "number", "targets", "2021"}
    assert (
        expected | {"高阶", "places", "singapore", "kind", "units", "year", "declared_tasks"}
        <= keys
    )


def test_field_edits_do_what_they_say() -> None:
    text = "tasks:\n  - id: a\n    lead: [x]\n    t: {id: b, k: c}\n"
    set_lead = FieldEdit("set-value", 2, "~")
    assert set_lead.apply(text) == "tasks:\n  - id: a\n    lead: ~\n    t: {id: b, k: c}\n"
    assert FieldEdit("set-value", 0, "[]").apply(text).startswith("tasks: []\n")
    assert FieldEdit("rename-key", 1, "ID").apply(text) == text.replace("id: a", "ID: a")
    assert FieldEdit("remove-key", 1).apply(text) == text.replace("id: a", "")
    assert FieldEdit("remove-key", 2).apply(text) == text.replace("    lead: [x]\n", "")
    assert FieldEdit("remove-key", 4).apply(text) == text.replace("id: b, ", "")
    assert FieldEdit("set-value", 5, "{}").apply(text) == text.replace("k: c", "k: {}")


@PROPERTY
@given(mutation=FIELD_MUTATION)
def test_field_mutations_never_raise(mutation: FieldMutation) -> None:
    with plans_copy() as plans:
        mutation.apply(plans)
        analyze_and_check(plans)


# --------------------------------------------------------------------------------------------
# c) filesystem mutations
# --------------------------------------------------------------------------------------------

NAME_START = st.sampled_from(string.ascii_letters + string.digits + "_青岛计划备份")
NAME_CHAR = st.characters(codec="utf-8", exclude_characters="/\x00")
NAME = st.builds(lambda a, b: a + b, NAME_START, st.text(NAME_CHAR, max_size=30))
# Not starting with ".": hidden files are skipped on purpose (editors and git keep theirs).
FILE_NAME = st.text(NAME_CHAR, min_size=1, max_size=30).filter(lambda n: not n.startswith("."))
TASKS_FILES = {r: [f for f in YAML_FILES if f.startswith(f"{r}/tasks/")] for r in ROUNDS}
NEW_CONTENT = st.one_of(
    st.sampled_from(YAML_FILES).map(lambda f: FIXTURE_TEXT[f]),
    st.just(""),
    st.text(CHAR, max_size=200),
    st.builds(
        lambda chapter, tid: f"chapter: {chapter}\ntasks:\n  - id: {tid}\n    title: 新任务\n",
        st.sampled_from(["enterprise", "market", "nosuch", "Market"]),
        st.sampled_from(["new-task", "temasek-reform", "trade-facilitation", "Bad_Id"]),
    ),
)


@dataclass(frozen=True)
class FsChange:
    op: str  # delete, stray-folder, yml, tasks-file, tasks-copy
    path: str
    content: str = ""

    def apply(self, plans: Path) -> bool:
        """Make the change; False when it does not apply (the path is taken)."""
        target = plans / self.path
        if self.op == "delete":
            if not target.is_file():
                return False
            target.unlink()
            return True
        if target.exists() or (target.parent.exists() and not target.parent.is_dir()):
            return False
        if self.op == "stray-folder":
            target.mkdir(parents=True)
            write(target / "notes.yaml", self.content.encode("utf-8"))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            write(target, self.content.encode("utf-8"))
        return True


ROUND_PART = st.builds(
    lambda r, p: f"{r}/{p}", st.sampled_from(ROUNDS), st.sampled_from(ROUND_PARTS)
)
FS_CHANGE = st.one_of(
    st.builds(FsChange, st.just("delete"), st.sampled_from(ALL_FILES)),
    st.builds(FsChange, st.just("stray-folder"), NAME, NEW_CONTENT),
    st.builds(
        FsChange,
        st.just("yml"),
        st.builds(lambda d, n: f"{d}/{n}.yml", ROUND_PART, FILE_NAME),
        NEW_CONTENT,
    ),
    st.builds(
        FsChange,
        st.just("tasks-file"),
        st.builds(lambda r, n: f"{r}/tasks/{n}.yaml", st.sampled_from(ROUNDS), FILE_NAME),
        NEW_CONTENT,
    ),
    st.sampled_from(ROUNDS).flatmap(
        lambda r: st.builds(
            lambda f, n: FsChange("tasks-copy", f"{r}/tasks/{n}.yaml", FIXTURE_TEXT[f]),
            st.sampled_from(TASKS_FILES[r]),
            FILE_NAME,
        )
    ),
)


@PROPERTY
@given(changes=st.lists(FS_CHANGE, min_size=1, max_size=4))
def test_filesystem_mutations_never_raise(changes: list[FsChange]) -> None:
    with plans_copy() as plans:
        applied = [change for change in changes if change.apply(plans)]
        assume(applied)
        diagnostics = analyze_and_check(plans)
        if any(change.op == "delete" for change in applied):
            return
        # Only additions: each one must be noticed.
        at = {(d.code, d.loc.file) for d in diagnostics}
        for change in applied:
            if change.op == "stray-folder":
                folder = change.path.split("/", 1)[0]
                assert ("schema", f"{folder}/") in at, (change, diagnostics)
            elif change.op == "yml":
                assert ("schema", change.path) in at, (change, diagnostics)
            elif change.op == "tasks-copy":
                assert "duplicate-id" in {code for code, _ in at}, (change, diagnostics)


# --------------------------------------------------------------------------------------------
# The command line: the JSON contract holds whatever the sources hold
# --------------------------------------------------------------------------------------------

CONTRACT_KEYS = {"code", "severity", "file", "line", "column", "message"}
ANY_MUTATION: st.SearchStrategy[FileMutation | FieldMutation | FsChange] = st.one_of(
    FILE_MUTATION, FIELD_MUTATION, FS_CHANGE
)


@PROPERTY
@given(mutation=ANY_MUTATION, other_format=st.sampled_from(["text", "github"]))
def test_cli_check_json_contract(
    mutation: FileMutation | FieldMutation | FsChange, other_format: str
) -> None:
    runner = CliRunner()
    with plans_copy() as plans:
        mutation.apply(plans)
        result = runner.invoke(app, ["check", "--plans", str(plans), "--format", "json"])
        assert result.exception is None or isinstance(result.exception, SystemExit), result.exc_info
        assert result.exit_code in (0, 1), result.output
        payload = json.loads(result.stdout)
        assert isinstance(payload, dict)
        assert {"diagnostics", "errors", "warnings"} <= set(payload)
        diagnostics = payload["diagnostics"]
        assert isinstance(diagnostics, list)
        for d in diagnostics:
            assert set(d) == CONTRACT_KEYS, d
            assert d["code"] in CODES and d["severity"] == CODES[d["code"]].severity.value, d
            assert isinstance(d["line"], int) and d["line"] >= 1, d
            assert isinstance(d["column"], int) and d["column"] >= 1, d
            assert isinstance(d["file"], str) and not d["file"].startswith("/"), d
        severities = [d["severity"] for d in diagnostics]
        assert payload["errors"] == severities.count(Severity.ERROR.value)
        assert payload["warnings"] == severities.count(Severity.WARNING.value)
        assert result.exit_code == (1 if payload["errors"] else 0), payload
        # The exit code does not depend on how the diagnostics are shown.
        other = runner.invoke(app, ["check", "--plans", str(plans), "--format", other_format])
        assert other.exception is None or isinstance(other.exception, SystemExit), other.exc_info
        assert other.exit_code == result.exit_code, other.output


# --------------------------------------------------------------------------------------------
# Regressions: each bug these tests found, one reproducer each
# --------------------------------------------------------------------------------------------

T18 = "2018-2019/tasks/enterprise.yaml"


def _replace(plans: Path, file: str, old: str, new: str) -> None:
    path = plans / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.mark.parametrize("opening,closing", [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_is_a_diagnostic(opening: str, closing: str) -> None:
    with plans_copy() as plans:
        deep = opening * 3000 + "x" + closing * 3000
        (plans / T18).write_text(f"chapter: enterprise\ntasks: {deep}\n", encoding="utf-8")
        diagnostics = analyze_and_check(plans)
        assert any(d.loc.file == T18 for d in diagnostics)


@pytest.mark.parametrize(
    "file,old",
    [
        (T18, "number: 2"),
        ("2020-2021/plan.yaml", "  tasks: 3"),
        ("2020-2021/indicators/five-internationalizations.yaml", "2021: 60"),
    ],
    ids=["task-number", "declared-figure", "indicator-target"],
)
def test_huge_integer_is_a_diagnostic(file: str, old: str) -> None:
    with plans_copy() as plans:
        key = old.split(":")[0]
        _replace(plans, file, old, f"{key}: {'9' * 5000}")
        diagnostics = analyze_and_check(plans)
        assert any(d.loc.file == file for d in diagnostics)


@pytest.mark.parametrize("name", ["2024_2025", "2024-25", "2024"])
def test_stray_folder_starting_with_a_digit_is_reported(name: str) -> None:
    with plans_copy() as plans:
        (plans / name).mkdir()
        diagnostics = analyze_and_check(plans)
        assert [(d.code, d.loc.file) for d in diagnostics] == [("schema", f"{name}/")]


def test_control_character_is_located() -> None:
    with plans_copy() as plans:
        _replace(plans, T18, "    title: 发展夜间经济", "    title: 发展\x00夜间经济")
        diagnostics = analyze_and_check(plans)
        assert [(d.code, d.loc.line, d.loc.column) for d in diagnostics] == [
            ("yaml-syntax", 11, 14)
        ]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separator_keeps_line_numbers(separator: str) -> None:
    with plans_copy() as plans:
        _replace(plans, T18, "    title: 借鉴淡马锡模式", f"    title: 借鉴{separator}淡马锡模式")
        _replace(plans, T18, "    number: 2\n", "    number: 2\n    number: 3\n")
        diagnostics = analyze_and_check(plans)
        assert [(d.code, d.loc.line, d.loc.column) for d in diagnostics] == [
            ("duplicate-key", 11, 5)
        ]


def test_syntax_error_after_a_lone_cr_is_located() -> None:
    with plans_copy() as plans:
        text = (plans / T18).read_text(encoding="utf-8")
        text = text.replace("    lead: [commerce]\n", "    lead: [commerce\n")
        (plans / T18).write_bytes(text.replace("\n", "\r").encode("utf-8"))
        diagnostics = analyze_and_check(plans)
        assert [(d.code, d.loc.line, d.loc.column) for d in diagnostics] == [("yaml-syntax", 7, 10)]
