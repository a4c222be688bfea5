"""The parse cache (planc/load/cache.py) and reading only what a round needs: a cached check says
exactly what an uncached one says, any change to a file, to planc's version or to the source
format is a miss, and a broken or foreign entry is ignored."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

import planc.load as load_module
import planc.load.cache as cache_module
from planc.cli import app
from planc.diagnostics import Diagnostic
from planc.load import disk, read_source, round_names
from planc.load.cache import SourceCache, decode, encode
from planc.load.spec import Rec
from planc.model import Ref
from planc.paths import CACHE_DIR
from planc.pipeline import _concerns, analyze
from planc.recheck import check_diagnostics
from tests.conftest import SHIPPED, VALID, edit, set_language
from tests.test_hypothesis import (
    ANY_MUTATION,
    PROPERTY,
    ROUNDS,
    YAML_FILES,
    FieldMutation,
    FileMutation,
    FsChange,
    plans_copy,
)

KIND_OF = {"tasks": "tasks", "cases": "cases", "indicators": "indicators", "progress": "progress"}


def kind_of(file: str) -> str:
    if file.startswith("registry/"):
        return file.removeprefix("registry/").removesuffix(".yaml")
    if file.endswith("/plan.yaml"):
        return "plan"
    return KIND_OF[file.split("/")[1]]


def plain(value: Any) -> Any:
    """A record as plain data, locations included, to compare two of them."""
    if isinstance(value, Rec):
        return (
            "rec",
            tuple(value.loc),
            {k: plain(v) for k, v in value.values.items()},
            {k: tuple(value.locs[k]) for k in value.locs},
        )
    if isinstance(value, Ref):
        return ("ref", value.id, tuple(value.loc))
    if isinstance(value, list):
        return [plain(v) for v in value]
    return (type(value).__name__, value)


def entries(plans: Path) -> list[Path]:
    folder = plans / CACHE_DIR
    return sorted(p for p in folder.iterdir() if len(p.name) == 64) if folder.is_dir() else []


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[SourceCache]]:
    """Every SourceCache made while the test runs, to count its hits and misses."""
    made: list[SourceCache] = []
    original = cache_module.SourceCache

    def make(plans: Path) -> SourceCache:
        made.append(original(plans))
        return made[-1]

    monkeypatch.setattr(load_module, "SourceCache", make)
    yield made


# --------------------------------------------------------------------------------------------
# Entries
# --------------------------------------------------------------------------------------------


SHIPPED_FILES = sorted(
    p.relative_to(SHIPPED).as_posix()
    for p in SHIPPED.rglob("*.yaml")
    if CACHE_DIR not in p.parts and p.name != "programme.yaml"
)


@pytest.mark.parametrize(
    ("plans", "file"),
    [(VALID, f) for f in YAML_FILES] + [(SHIPPED, f) for f in SHIPPED_FILES],
)
def test_an_entry_gives_back_what_was_read(plans: Path, file: str) -> None:
    """Every source file of the fixtures and the shipped plans can be cached (a value the
    encoder does not know would silently never be cached), and comes back the same."""
    rec, problems = read_source(disk.scan(plans), file, kind_of(file))
    payload = encode((rec, problems), file)
    assert payload is not None
    again, again_problems = decode(payload, file)
    assert plain(again) == plain(rec)
    assert again_problems == problems


def test_the_programme_can_be_cached() -> None:
    rec, problems = read_source(disk.scan(SHIPPED), "programme.yaml", "programme")
    assert rec is not None
    payload = encode((rec, problems), "programme.yaml")
    assert payload is not None
    assert plain(decode(payload, "programme.yaml")[0]) == plain(rec)


def test_a_second_check_reads_every_file_from_the_cache(
    plans: Path, counted: list[SourceCache]
) -> None:
    cold = analyze(plans).diagnostics
    assert counted[-1].hits == 0 and counted[-1].misses > 0
    assert len(entries(plans)) == counted[-1].misses
    warm = analyze(plans).diagnostics
    assert counted[-1].misses == 0 and counted[-1].hits == counted[0].misses
    assert warm == cold


def test_the_cache_ignores_itself_in_git(plans: Path) -> None:
    analyze(plans)
    assert (plans / CACHE_DIR / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    assert (plans / CACHE_DIR / "CACHEDIR.TAG").read_text().startswith("Signature: 8a477f59")


def test_no_cache_reads_and_writes_none(plans: Path, counted: list[SourceCache]) -> None:
    result = CliRunner().invoke(app, ["check", "--plans", str(plans), "--no-cache"])
    assert result.exit_code == 0, result.output
    assert not (plans / CACHE_DIR).exists()
    assert counted == []
    for command in (["stats"], ["build", "--html", "--out", str(plans.parent / "dist")]):
        result = CliRunner().invoke(app, [*command, "--plans", str(plans), "--no-cache"])
        assert result.exit_code == 0, result.output
        assert not (plans / CACHE_DIR).exists(), command
    result = CliRunner().invoke(
        app, ["diff", "2018-2019", "2020-2021", "--plans", str(plans), "--no-cache"]
    )
    assert result.exit_code == 0, result.output
    assert not (plans / CACHE_DIR).exists()


# --------------------------------------------------------------------------------------------
# Invalidation
# --------------------------------------------------------------------------------------------

T20 = "2020-2021/tasks/market.yaml"


@given(at=st.integers(min_value=0), byte=st.integers(min_value=0, max_value=255))
def test_any_byte_change_is_another_key(at: int, byte: int) -> None:
    data = (VALID / T20).read_bytes()
    at %= len(data)
    changed = data[:at] + bytes([byte]) + data[at + 1 :]
    cache = SourceCache(VALID)
    same = changed == data
    assert (cache.key(T20, "tasks", changed) == cache.key(T20, "tasks", data)) is same
    assert cache.key(T20, "tasks", data + b"\n") != cache.key(T20, "tasks", data)


def test_an_edited_file_is_read_afresh(plans: Path, counted: list[SourceCache]) -> None:
    analyze(plans)
    edit(plans, T20, "lead: [ports]", "lead: [port]")  # only the changed file is parsed again
    edited = analyze(plans).diagnostics
    assert counted[-1].misses == 1
    assert edited == analyze(plans, cache=False).diagnostics


def test_another_planc_version_misses(
    plans: Path, counted: list[SourceCache], monkeypatch: pytest.MonkeyPatch
) -> None:
    analyze(plans)
    monkeypatch.setattr(cache_module, "__version__", "99.0.0")
    analyze(plans)
    assert counted[-1].hits == 0 and counted[-1].misses == counted[0].misses


def test_another_source_format_misses(
    plans: Path, counted: list[SourceCache], monkeypatch: pytest.MonkeyPatch
) -> None:
    analyze(plans)
    monkeypatch.setattr(cache_module, "SOURCE_FORMAT", "2")
    analyze(plans)
    assert counted[-1].hits == 0


def test_a_changed_schema_misses(tmp_path: Path) -> None:
    """The schema is code (planc/load/formats.py): the fingerprint of planc's code, part of
    every key, changes with it."""
    package = Path(cache_module.__file__).resolve().parent.parent
    copy = tmp_path / "planc"
    shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__", "templates"))
    before = cache_module.fingerprint(copy)
    assert before == cache_module.fingerprint(package)
    formats = copy / "load" / "formats.py"
    formats.write_text(formats.read_text(encoding="utf-8") + "\n# a new field\n", "utf-8")
    assert cache_module.fingerprint(copy) != before


# --------------------------------------------------------------------------------------------
# Broken, foreign and concurrent entries
# --------------------------------------------------------------------------------------------


def _flip(data: bytes) -> bytes:
    return data[:-5] + bytes([data[-5] ^ 0x40]) + data[-4:]


BREAKAGES: dict[str, Callable[[bytes], bytes]] = {
    "truncated": lambda data: data[: len(data) // 2],
    "empty": lambda data: b"",
    "a flipped byte": _flip,
    "a flipped header byte": lambda data: bytes([data[0] ^ 1]) + data[1:],
    "foreign bytes": lambda data: os.urandom(len(data)),
    "a pickle": lambda data: b"\x80\x04\x95" + data[3:],
}


@pytest.mark.parametrize("how", list(BREAKAGES))
def test_a_broken_entry_is_a_miss(plans: Path, how: str, counted: list[SourceCache]) -> None:
    expected = analyze(plans).diagnostics
    for path in entries(plans):
        path.write_bytes(BREAKAGES[how](path.read_bytes()))
    assert analyze(plans).diagnostics == expected
    assert counted[-1].hits == 0
    assert analyze(plans).diagnostics == expected  # and the entries were written anew
    assert counted[-1].misses == 0


def test_an_entry_under_another_name_is_a_miss(plans: Path, counted: list[SourceCache]) -> None:
    expected = analyze(plans).diagnostics
    found = entries(plans)
    data = [p.read_bytes() for p in found]
    for path, other in zip(found, data[1:] + data[:1], strict=True):
        path.write_bytes(other)  # a valid entry, of another file
    assert analyze(plans).diagnostics == expected
    assert counted[-1].hits == 0


def test_odd_things_in_the_cache_folder_are_misses(plans: Path, counted: list[SourceCache]) -> None:
    expected = analyze(plans).diagnostics
    for path in entries(plans):
        path.unlink()
        path.mkdir()  # a folder where an entry should be
    assert analyze(plans).diagnostics == expected
    assert counted[-1].hits == 0


def test_a_cache_that_cannot_be_written_only_costs_time(plans: Path) -> None:
    (plans / CACHE_DIR).write_text("not a folder", encoding="utf-8")
    expected = analyze(plans, cache=False).diagnostics
    assert analyze(plans).diagnostics == expected
    assert (plans / CACHE_DIR).read_text(encoding="utf-8") == "not a folder"


def test_a_cache_folder_linked_elsewhere_is_not_used(plans: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (plans / CACHE_DIR).symlink_to(outside)
    expected = analyze(plans, cache=False).diagnostics
    assert analyze(plans).diagnostics == expected
    assert list(outside.iterdir()) == []  # nothing written outside the plans folder


def test_stale_entries_are_pruned_after_a_whole_check(plans: Path) -> None:
    analyze(plans)
    before = set(entries(plans))
    edit(plans, T20, "lead: [ports]", "lead: [port]")
    analyze(plans, ["2018-2019"])  # a partial read keeps every entry
    assert before <= set(entries(plans))
    analyze(plans)
    after = set(entries(plans))
    assert len(after) == len(before) and len(after - before) == 1


def test_two_processes_share_the_cache(plans: Path) -> None:
    command = [sys.executable, "-m", "planc", "check", "--plans", str(plans), "--format", "json"]
    runs = [subprocess.Popen(command, stdout=subprocess.PIPE) for _ in range(3)]
    outputs = [run.communicate()[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0]
    assert len(set(outputs)) == 1
    assert not [p for p in (plans / CACHE_DIR).iterdir() if p.name.startswith(".tmp-")]
    warm = subprocess.run(command, capture_output=True, check=False)
    assert warm.stdout == outputs[0]


# --------------------------------------------------------------------------------------------
# Cached and uncached checks agree, whatever the sources hold
# --------------------------------------------------------------------------------------------


@PROPERTY
@given(mutation=ANY_MUTATION)
def test_cached_and_uncached_checks_agree(
    mutation: FileMutation | FieldMutation | FsChange,
) -> None:
    with plans_copy() as plans:
        analyze(plans)  # the cache holds the unchanged files
        mutation.apply(plans)
        uncached = analyze(plans, cache=False).diagnostics
        assert analyze(plans).diagnostics == uncached  # a mix of hits and misses
        assert analyze(plans).diagnostics == uncached  # every file from the cache


# --------------------------------------------------------------------------------------------
# One round reads what it needs, and says what a whole check says about it
# --------------------------------------------------------------------------------------------


def read_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    original = load_module.read_source

    def spy(tree: disk.Tree, file: str, kind: str, cache: SourceCache | None = None) -> Any:
        seen.append(file)
        return original(tree, file, kind, cache)

    monkeypatch.setattr(load_module, "read_source", spy)
    return seen


def test_one_round_reads_its_files_and_every_plan(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = read_files(monkeypatch)
    analyze(plans, ["2018-2019"])
    assert "2020-2021/plan.yaml" in seen
    assert not [f for f in seen if f.startswith("2020-2021/") and f != "2020-2021/plan.yaml"]
    assert any(f.startswith("2018-2019/tasks/") for f in seen)
    assert {"registry/places.yaml", "registry/units.yaml"} <= set(seen)


def test_one_round_reads_the_round_it_continues(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = read_files(monkeypatch)
    analysis = analyze(plans, ["2020-2021"])
    assert any(f.startswith("2018-2019/tasks/") for f in seen)  # its tasks are continued
    assert analysis.index.rounds["2018-2019"].tasks


def test_a_build_reads_every_round(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    seen = read_files(monkeypatch)
    analyze(plans, ["2018-2019"], everything=True)
    assert any(f.startswith("2020-2021/tasks/") for f in seen)  # the tasks continuing it


def whole_check_about(plans: Path, name: str) -> list[Diagnostic]:
    others = set(round_names(plans)) - {name}
    return [d for d in analyze(plans, cache=False).diagnostics if _concerns(d, [name], others)]


@PROPERTY
@given(mutation=ANY_MUTATION, name=st.sampled_from(ROUNDS))
def test_one_round_says_what_a_whole_check_says_about_it(
    mutation: FileMutation | FieldMutation | FsChange, name: str
) -> None:
    with plans_copy() as plans:
        mutation.apply(plans)
        assert analyze(plans, [name], cache=False).diagnostics == whole_check_about(plans, name)


# --------------------------------------------------------------------------------------------
# planc check keeps each round's verdict (planc/recheck.py)
# --------------------------------------------------------------------------------------------


def test_an_unchanged_check_loads_nothing(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planc import recheck

    first = check_diagnostics(plans)
    calls: list[object] = []
    monkeypatch.setattr(recheck, "analyze", lambda *a, **k: calls.append(a))
    assert check_diagnostics(plans) == first
    assert calls == []


def test_an_edit_rechecks_its_round_and_those_continuing_it(
    plans: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from planc import recheck

    check_diagnostics(plans)
    asked: list[list[str]] = []
    original = analyze

    def spy(plans: Path, rounds: list[str], **options: Any) -> Any:
        asked.append(list(rounds))
        return original(plans, rounds, **options)

    monkeypatch.setattr(recheck, "analyze", spy)
    edit(plans, T20, "lead: [ports]", "lead: [port]")
    check_diagnostics(plans)
    assert asked == [["2020-2021"]]
    edit(
        plans,
        "2018-2019/tasks/enterprise.yaml",
        "chapter: enterprise\n",
        "chapter: enterprise # ok\n",
    )
    check_diagnostics(plans)
    assert asked[-1] == ["2018-2019", "2020-2021"]  # 2020-2021 continues 2018-2019


@PROPERTY
@given(mutation=ANY_MUTATION, name=st.sampled_from(["", *ROUNDS]))
def test_a_recheck_says_what_a_fresh_check_says(
    mutation: FileMutation | FieldMutation | FsChange, name: str
) -> None:
    rounds = [name] if name else []
    with plans_copy() as plans:
        check_diagnostics(plans, rounds)  # every verdict of the unchanged plans kept
        mutation.apply(plans)
        fresh = analyze(plans, rounds, cache=False)
        assert check_diagnostics(plans, rounds) == (fresh.rounds, fresh.diagnostics)
        assert check_diagnostics(plans, rounds) == (fresh.rounds, fresh.diagnostics)


def test_with_a_programme_every_round_counts(tmp_path: Path) -> None:
    """The programme reconciles figures over rounds only where each loads cleanly: breaking one
    round's file changes what is said about the programme, even when another round is asked
    for, and a recheck says the same as a fresh check."""
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED, plans, ignore=shutil.ignore_patterns(CACHE_DIR))
    assert (plans / "programme.yaml").is_file()
    for rounds in ([], ["2022-2023"]):
        check_diagnostics(plans, rounds)
    # 2018-2019 is not a round 2022-2023 continues: only the programme makes it count
    broken = sorted((plans / "2018-2019" / "tasks").glob("*.yaml"))[0]
    broken.write_text("chapter: [unclosed\n", encoding="utf-8")
    for rounds in ([], ["2022-2023"]):
        fresh = analyze(plans, rounds, cache=False)
        assert check_diagnostics(plans, rounds) == (fresh.rounds, fresh.diagnostics)
        others = set(round_names(plans)) - set(fresh.rounds)
        whole = [
            d for d in analyze(plans, cache=False).diagnostics if _concerns(d, fresh.rounds, others)
        ]
        assert fresh.diagnostics == whole


def test_the_language_is_part_of_the_key(plans: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Diagnostics are worded when they are made: a check in Chinese after one in English (and
    back) says what a fresh check in that language says."""
    edit(plans, T20, "lead: [ports]", "lead: [port]")
    set_language(monkeypatch, "en_US.UTF-8")
    english = check_diagnostics(plans)
    set_language(monkeypatch, "zh_CN.UTF-8")
    chinese = check_diagnostics(plans)
    assert chinese == (english[0], analyze(plans, cache=False).diagnostics)
    assert chinese != english
    set_language(monkeypatch, "en_US.UTF-8")
    assert check_diagnostics(plans) == english
