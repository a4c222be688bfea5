"""`planc check` without redoing what has not changed: each round's diagnostics are kept in the
parse cache's folder, keyed by everything they can depend on, and a round whose inputs are the
same is not loaded, indexed or checked again.

What a round's diagnostics depend on (planc/pipeline.py reads the same for one round):
- the round's own folder, whole (every name, kind and byte under it);
- what every round shares: the registry folder, every round's plan.yaml, the entries at the top
  of the plans folder (the round names, stray folders, and the bytes of its files, such as
  programme.yaml), planc's code and version;
- the rounds its tasks continue and its `previous:` round, whole. Which rounds those are is
  known only after reading the round, so an entry lists them with the digest they had, and is
  used only while each still has it.
The diagnostics about the registry and the folder itself depend on what every round shares (and,
with a programme.yaml, on every round). A round with a draft consultation is compared with the
draft in git: its verdict is never kept.

Digests are over bytes (SHA-256), never times. A round folder holding a symbolic link or
anything but files and folders is always checked afresh: its bytes are not planc's to follow.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from planc.diagnostics import Diagnostic, sorted_diagnostics
from planc.load.cache import SourceCache, pack_diagnostics, unpack_diagnostics
from planc.paths import CACHE_DIR, PROGRAMME, REGISTRY, ROUND_DIR, round_names
from planc.pipeline import analyze, select_rounds

_GLOBAL = "\0global"  # the entry of the diagnostics about the registry and the folder


class _Unsafe(Exception):
    """A tree holds a link or a special file: do not cache what depends on it."""


def _tree(folder: Path, digest: hashlib._Hash, top: Path) -> None:
    """Names, kinds and bytes of everything under `folder`, in a fixed order."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        digest.update(b"absent\0")
        return
    for entry in entries:
        mode = entry.stat(follow_symlinks=False).st_mode
        rel = Path(entry.path).relative_to(top).as_posix()
        if stat.S_ISDIR(mode):
            digest.update(f"d {rel}\0".encode("utf-8", "surrogateescape"))
            _tree(Path(entry.path), digest, top)
        elif stat.S_ISREG(mode):
            data = Path(entry.path).read_bytes()
            digest.update(f"f {rel} {len(data)}\0".encode("utf-8", "surrogateescape"))
            digest.update(data)
        else:
            raise _Unsafe


class _Inputs:
    def __init__(self, plans: Path, store: SourceCache) -> None:
        self.plans = plans
        self.trees: dict[str, bytes] = {}
        shared = hashlib.sha256(store.salt.encode() + b"round verdicts 1\0")
        top = sorted(os.scandir(plans), key=lambda e: e.name)
        for entry in top:
            if entry.name == CACHE_DIR:
                continue
            mode = entry.stat(follow_symlinks=False).st_mode
            kind = "d" if stat.S_ISDIR(mode) else "f" if stat.S_ISREG(mode) else "?"
            shared.update(f"{kind} {entry.name}\0".encode("utf-8", "surrogateescape"))
            if kind == "?":
                raise _Unsafe
            if kind == "f":  # programme.yaml, and whatever else lies at the top: its bytes
                data = Path(entry.path).read_bytes()
                shared.update(f"{len(data)}\0".encode() + data)
        shared.update(self.tree(REGISTRY))
        for name in round_names(plans):
            plan = plans / name / "plan.yaml"
            mode = plan.lstat().st_mode if plan.exists() or plan.is_symlink() else 0
            if mode and not stat.S_ISREG(mode):
                raise _Unsafe
            shared.update(f"{name}\0".encode() + (plan.read_bytes() if mode else b"-") + b"\0")
        self.shared = shared.digest()

    def tree(self, name: str) -> bytes:
        if name not in self.trees:
            digest = hashlib.sha256(f"{name}\0".encode("utf-8", "surrogateescape"))
            _tree(self.plans / name, digest, self.plans)
            self.trees[name] = digest.digest()
        return self.trees[name]

    def key(self, name: str) -> bytes:
        body = self.tree(name) if name != _GLOBAL else b""
        return hashlib.sha256(self.shared + name.encode("utf-8", "surrogateescape") + body).digest()


def _pack(deps: list[tuple[str, bytes]], diagnostics: list[Diagnostic]) -> bytes:
    return marshal.dumps((deps, pack_diagnostics(diagnostics)), 4)


def _unpack(payload: bytes) -> tuple[list[tuple[str, bytes]], list[Diagnostic]]:
    deps, rows = marshal.loads(payload)
    found = unpack_diagnostics(rows)
    checked = [(str(name), bytes(digest)) for name, digest in deps]
    return checked, found


def _still(inputs: _Inputs, deps: list[tuple[str, bytes]], names: Sequence[str]) -> bool:
    return all(name in names and inputs.tree(name) == digest for name, digest in deps)


def check_diagnostics(
    plans: Path, rounds: Sequence[str] = (), cache: bool = True
) -> tuple[list[str], list[Diagnostic]]:
    """The rounds checked and the diagnostics a full analysis gives about them, the registry
    and the folder; the rounds whose inputs did not change come from the cache."""
    chosen = select_rounds(plans, rounds)
    if not cache:
        analysis = analyze(plans, chosen, cache=False)
        return analysis.rounds, analysis.diagnostics
    store = SourceCache(plans)
    names = round_names(plans)
    try:
        inputs = _Inputs(plans, store)
    except (_Unsafe, OSError):
        analysis = analyze(plans, chosen, cache=store)
        return analysis.rounds, analysis.diagnostics
    found: dict[str, list[Diagnostic]] = {}
    for name in [_GLOBAL, *chosen]:
        try:
            payload = store.load(inputs.key(name))
            if payload is not None:
                deps, diagnostics = _unpack(payload)
                if _still(inputs, deps, names):
                    found[name] = diagnostics
        except Exception:  # an odd entry is a miss, never a crash
            continue
    missing = [name for name in chosen if name not in found]
    if missing or _GLOBAL not in found:
        analysis = analyze(plans, missing or chosen[:1], cache=store)
        fresh: dict[str, list[Diagnostic]] = {name: [] for name in [_GLOBAL, *missing]}
        for d in analysis.diagnostics:
            top = d.loc.file.split("/", 1)[0]
            fresh.setdefault(top if ROUND_DIR.fullmatch(top) else _GLOBAL, []).append(d)
        for name, diagnostics in fresh.items():
            if name not in missing and name != _GLOBAL:
                continue  # pragma: no cover - analyze keeps only the rounds asked for
            found[name] = diagnostics
            if _reads_git(analysis, name):
                continue  # what it says depends on the git history too: never kept
            with contextlib.suppress(_Unsafe, OSError):
                store.store(inputs.key(name), _pack(_deps(analysis, name, inputs), diagnostics))
    everything = [d for name in [_GLOBAL, *chosen] for d in found[name]]
    return chosen, sorted_diagnostics(everything)


def _reads_git(analysis: object, name: str) -> bool:
    """A round with a draft consultation is compared with the draft in git (planc/consult)."""
    from planc.pipeline import Analysis

    assert isinstance(analysis, Analysis)
    ri = analysis.index.rounds.get(name)
    return ri is not None and any(c.draft for c in ri.round.consultations)


def _deps(analysis: object, name: str, inputs: _Inputs) -> list[tuple[str, bytes]]:
    """The rounds whose contents `name`'s diagnostics depend on: those it continues or names as
    previous (read whole for it), with their digests now. The folder's own diagnostics depend
    on every round when there is a programme (its figures over rounds are reconciled only
    where every one of them loads cleanly)."""
    from planc.pipeline import Analysis

    assert isinstance(analysis, Analysis)
    present = set(round_names(analysis.plans))
    if name == _GLOBAL:
        if not (analysis.plans / PROGRAMME).is_file():
            return []
        return [(t, inputs.tree(t)) for t in sorted(present)]
    ri = analysis.index.rounds.get(name)
    if ri is None:
        return []
    rnd = ri.round
    targets = {t.continues.id.partition(":")[0] for t in rnd.all_tasks() if t.continues}
    if rnd.previous is not None:
        targets.add(rnd.previous.id)
    return [(t, inputs.tree(t)) for t in sorted(targets & present - {name})]
