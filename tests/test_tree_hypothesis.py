"""Hypothesis over the file tree of a plans folder (names, kinds, modes), besides the text
mutations of test_hypothesis.py: whatever the tree holds, planc reads nothing outside the plans
folder, never raises, writes valid UTF-8 JSON, and reports what it cannot read at its path."""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planc.diagnostics import Severity
from planc.load.disk import shown_name
from planc.pipeline import analyze
from planc.report import as_json
from tests.conftest import VALID
from tests.privileges import as_a_user, open_folder

SECRET = "outside-secret-line"
FOLDERS = ["", "registry", "2020-2021", "2020-2021/tasks", "2020-2021/cases", "2018-2019/tasks"]
KINDS = ["file", "folder", "fifo", "link-out", "link-in", "dangling", "device", "chmod"]
SOURCE_FOLDERS = {"2020-2021/tasks", "2020-2021/cases", "2018-2019/tasks"}

# Names as bytes: UTF-8 Chinese, Latin-1 and GBK bytes that are not UTF-8, controls.
NAME = (
    st.one_of(
        st.binary(min_size=1, max_size=12),
        st.sampled_from([b"\xb9\xfa\xbc\xca", "国际".encode(), b"caf\xe9", b"a\x1bb", b"plan"]),
    )
    .map(lambda b: b.replace(b"/", b"_").replace(b"\0", b"_"))
    .filter(lambda b: not b.startswith(b"."))
)


@dataclass(frozen=True)
class Op:
    kind: str
    folder: str
    name: bytes
    yaml: bool
    mode: int

    def apply(self, plans: Path, outside: Path) -> bytes | None:
        """Make the entry; its path relative to `plans` (bytes), or None if it is taken."""
        rel = (self.folder.encode() + b"/" if self.folder else b"") + self.name
        rel += b".yaml" if self.yaml else b""
        path = os.fsencode(plans) + b"/" + rel
        if self.kind == "chmod":
            # Files only: a folder's mode would hide what else the example made in it.
            files = sorted(p for p in (plans / self.folder).iterdir() if p.is_file())
            if not files:
                return None
            files[0].chmod(self.mode)
            return os.fsencode(files[0].relative_to(plans))
        if os.path.lexists(path):
            return None
        if self.kind == "file":
            with open(path, "wb") as handle:
                handle.write((VALID / "2020-2021/tasks/market.yaml").read_bytes())
        elif self.kind == "folder":
            os.mkdir(path)
        elif self.kind == "fifo":
            os.mkfifo(path)
        elif self.kind == "link-out":
            os.symlink(outside, path)
        elif self.kind == "link-in":
            os.symlink(os.fsencode(plans / "registry/units.yaml"), path)
        elif self.kind == "dangling":
            os.symlink(b"nowhere-at-all", path)
        else:
            os.symlink(b"/dev/zero", path)
        return rel


OP = st.builds(
    Op,
    st.sampled_from(KINDS),
    st.sampled_from(FOLDERS),
    NAME,
    st.booleans(),
    st.sampled_from([0, 0o200, 0o444, 0o111]),
)


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(ops=st.lists(OP, min_size=1, max_size=5))
def test_any_file_tree_is_reported_never_followed_out(ops: list[Op]) -> None:
    with open_folder() as tmp:
        plans = tmp / "plans"
        shutil.copytree(VALID, plans)
        outside = tmp / "outside.yaml"
        outside.write_text(f"{SECRET}: 1\n", encoding="utf-8")
        made = [(op, op.apply(plans, outside)) for op in ops]
        with as_a_user():
            diagnostics = analyze(plans).diagnostics
        text = as_json(diagnostics)
        text.encode("utf-8")  # valid UTF-8: no name's stray bytes in it
        json.loads(text)
        assert SECRET not in text
        errors = {d.loc.file for d in diagnostics if d.severity is Severity.ERROR}
        for op, rel in made:
            if rel is None or op.folder not in SOURCE_FOLDERS:
                continue
            shown = shown_name(os.fsdecode(rel))
            # What planc would have read as a source but cannot: reported at its path.
            unusable = op.kind in ("folder", "fifo", "link-out", "dangling", "device")
            if op.yaml and unusable:
                assert shown in errors or shown + "/" in errors, (op, sorted(errors))
            if not os.fsdecode(rel).isprintable() or b"\\" in rel:
                continue
            if op.kind == "chmod" and rel.endswith(b".yaml"):
                # Readable to a user that is neither owner nor group: the "other" read bit.
                readable = os.stat(os.fsencode(plans) + b"/" + rel).st_mode & 0o004
                if not readable:
                    assert shown in errors, (op, sorted(errors))
