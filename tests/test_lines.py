"""The fast line reader (planc/load/lines.py) and libyaml's event path (planc/load/events.py)
read every text alike: where the line reader reads a text at all, it makes the same nodes
(kind, value, plain or quoted, line and column of every node and key) and the same problems
(repeated keys, punctuation) as libyaml; where libyaml refuses a text, the line reader leaves it
to libyaml (so an error is always libyaml's, in its words, at its place). Hypothesis writes the
texts: random block YAML of the kind plan files hold, and the same broken at random.

And what planc ships and generates never needs libyaml: the fast path is the one taken."""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from planc.load import events, lines
from planc.load.nodes import Map, Node, Scalar, Seq, YamlFailure
from planc.load.parse import parse_text
from tests.conftest import FIXTURES, SHIPPED

GENERATOR = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


def shape(node: Node | None) -> Any:
    """A node tree as plain data: everything a reader decides, nothing else."""
    if node is None:
        return None
    if isinstance(node, Scalar):
        return ("scalar", node.file, node.line, node.column, node.value, node.plain)
    if isinstance(node, Seq):
        return ("seq", node.file, node.line, node.column, [shape(i) for i in node.items])
    assert isinstance(node, Map)
    return (
        "map",
        node.file,
        node.line,
        node.column,
        [(name, shape(k), shape(v)) for name, (k, v) in node.entries.items()],
    )


def libyaml(text: str) -> Any:
    try:
        root, problems = events.parse_text(text, "f.yaml")
    except YamlFailure as failure:
        return ("refused", failure.diagnostic)
    return shape(root), problems


def same_or_left(text: str) -> bool:
    """True when the line reader read `text` (the same as libyaml), False when it left it."""
    try:
        root, problems = lines.read(text, "f.yaml")
    except lines.Unsupported:
        return False
    assert (shape(root), problems) == libyaml(text), text
    return True


# --------------------------------------------------------------------------------------------
# Random YAML of the plans' kind
# --------------------------------------------------------------------------------------------

# Characters values are made of: letters, CJK, and everything that means something to YAML.
CHARS = st.sampled_from(
    list("abcxyz019 -_.") + list("国际客厅，：（）") + list(":#,[]{}'\"&*!|>%@`?\\/~") + ["  "]
)
TEXT = st.lists(CHARS, min_size=0, max_size=12).map("".join)
KEYS = st.sampled_from(["id", "title", "lead", "a", "b", "2026", "高阶", "x-y", "a_b", "null"])


def scalar_text() -> st.SearchStrategy[str]:
    plain = TEXT.filter(lambda t: t.strip() != "")
    double = TEXT.map(lambda t: '"' + t.replace("\\", "\\\\").replace('"', '\\"') + '"')
    raw_double = TEXT.map(lambda t: '"' + t + '"')
    single = TEXT.map(lambda t: "'" + t.replace("'", "''") + "'")
    return st.one_of(plain, double, raw_double, single)


def flow_text(depth: int = 0) -> st.SearchStrategy[str]:
    item = scalar_text() if depth >= 2 else st.one_of(scalar_text(), flow_text(depth + 1))
    space = st.sampled_from(["", " ", "  "])
    seq = st.lists(st.tuples(space, item, space), max_size=4).map(
        lambda xs: "[" + ",".join(a + b + c for a, b, c in xs) + "]"
    )
    mapping = st.lists(st.tuples(KEYS, item), max_size=3).map(
        lambda xs: "{" + ", ".join(f"{k}: {v}" for k, v in xs) + "}"
    )
    return st.one_of(seq, mapping)


COMMENT = st.sampled_from(["", "", "", "  # note", " #x", "#x", " # a: b"])


@st.composite
def block(
    draw: st.DrawFn, indent: int = 0, depth: int = 0, as_map: bool | None = None
) -> list[str]:
    """A block mapping or sequence as lines, at `indent`."""
    pad = " " * indent
    out: list[str] = []
    if as_map is None:
        as_map = draw(st.booleans())
    kinds = ["scalar", "flow", "empty", "block"] if depth < 3 else ["scalar", "flow", "empty"]
    for _ in range(draw(st.integers(1, 4))):
        head = f"{draw(KEYS)}:" if as_map else "-"
        kind = draw(st.sampled_from(kinds))
        if kind == "scalar":
            out.append(f"{pad}{head} {draw(scalar_text())}{draw(COMMENT)}")
        elif kind == "flow":
            out.append(f"{pad}{head} {draw(flow_text())}{draw(COMMENT)}")
        elif kind == "empty":
            out.append(f"{pad}{head}{draw(st.sampled_from(['', ' ', '  # c']))}")
        elif not as_map and draw(st.booleans()):
            # `- key: value`: a mapping whose first entry is on the dash's line
            inner = draw(block(indent + 2, depth + 1, as_map=True))
            out.append(f"{pad}- {inner[0].lstrip(' ')}")
            out.extend(inner[1:])
        else:
            step = draw(st.sampled_from([2, 4, 1] + ([0] if as_map else [])))
            out.append(f"{pad}{head}")
            out.extend(draw(block(indent + step, depth + 1)))
        if draw(st.integers(0, 6)) == 0:
            out.append(draw(st.sampled_from(["", "# c", "   # c", "  "])))
    return out


@st.composite
def document(draw: st.DrawFn) -> str:
    return "\n".join(draw(block())) + draw(st.sampled_from(["\n", "", "\n\n"]))


EDITS = [*":#-[]{},'\" \n\t\r&*!|>?%", "\r\n", "---\n", "\x85", "\u2028", "\x07", "\ufeff"]


@st.composite
def broken(draw: st.DrawFn) -> str:
    """A document with a few random edits: characters in, out, lines shifted."""
    text = draw(document())
    for _ in range(draw(st.integers(1, 3))):
        at = draw(st.integers(0, len(text)))
        edit = draw(st.sampled_from(["insert", "delete", "indent", "dedent"]))
        start = text.rfind("\n", 0, at) + 1
        if edit == "insert":
            text = text[:at] + draw(st.sampled_from(EDITS)) + text[at:]
        elif edit == "delete":
            text = text[:at] + text[at + 1 :]
        elif edit == "indent":
            text = text[:start] + "  " + text[start:]
        elif text[start : start + 1] == " ":
            text = text[:start] + text[start + 1 :]
    return text


# PLANC_LINES_EXAMPLES=20000 for a longer search (the default keeps the suite quick).
EXAMPLES = int(os.environ.get("PLANC_LINES_EXAMPLES", "250"))
PROPERTY = settings(
    max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)


@PROPERTY
@given(document())
@example("a: 1\nb:\n  - 国际客厅\n  - {c: 'x'}\n")
@example("k:\n- a\n- b\nz: 1\n")
@example("- a:\n  b:\n")
def test_random_yaml_reads_alike(text: str) -> None:
    same_or_left(text)


@PROPERTY
@given(broken())
def test_broken_yaml_reads_alike_or_goes_to_libyaml(text: str) -> None:
    same_or_left(text)


@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(document(), min_size=40, max_size=40))
def test_random_documents_mostly_take_the_fast_path(texts: list[str]) -> None:
    """Not a vacuous property: many random documents are read by the line reader."""
    assert sum(same_or_left(text) for text in texts) > 10


@pytest.mark.parametrize(
    "text",
    [
        "a: |\n  x\n",  # a block scalar
        "a: &x 1\nb: *x\n",  # an anchor and an alias
        "a: b\n  c\n",  # a plain scalar over two lines
        "a: 'b\n  c'\n",  # a quoted scalar over two lines
        "a: [b,\n  c]\n",  # a flow list over two lines
        "a: 1\n---\nb: 2\n",  # a second document
        "a:\tb\n",  # a tab
        'a: "\\t"\n',  # an escape other than \" \\ \/
        "a: b: c\n",  # a syntax error
        "a: [b, c\n",  # an unclosed list
        "a: 1\r b: 2\n",  # a lone CR
        "? a\n: b\n",  # a complex key
        "!!str a: b\n",  # a tag
        "plain text\n",  # a scalar document
    ],
)
def test_what_the_line_reader_leaves_to_libyaml(text: str) -> None:
    with pytest.raises(lines.Unsupported):
        lines.read(text, "f.yaml")
    # and the loader still reads it, through libyaml, as before
    with contextlib.suppress(YamlFailure):
        parse_text(text, "f.yaml")


def yaml_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml") if ".planc-cache" not in p.parts)


def test_shipped_and_fixture_plans_take_the_fast_path() -> None:
    files = yaml_files(SHIPPED) + yaml_files(FIXTURES)
    left = [str(p) for p in files if not same_or_left(p.read_text(encoding="utf-8"))]
    # Fixtures written to be broken are libyaml's to refuse; every other file is read fast.
    assert all("/broken" in f or "/bad" in f for f in left), left


def test_generated_plans_take_the_fast_path(tmp_path: Path) -> None:
    out = tmp_path / "plans"
    subprocess.run(
        [sys.executable, str(GENERATOR), "--tasks", "300", "--seed", "3", str(out)],
        check=True,
        capture_output=True,
    )
    files = yaml_files(out)
    assert len(files) > 20
    assert all(same_or_left(p.read_text(encoding="utf-8")) for p in files)


def test_crlf_files_read_alike() -> None:
    text = (SHIPPED / "2020-2021" / "plan.yaml").read_text(encoding="utf-8")
    assert same_or_left(text.replace("\n", "\r\n"))
    assert json.dumps(shape(lines.read(text, "f")[0])) == json.dumps(
        shape(lines.read(text.replace("\n", "\r\n"), "f")[0])
    )
