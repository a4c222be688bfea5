"""A plans folder as it was at a git revision: read from git into a scratch folder (`git
archive`), never touching the work tree. planc diff compares a round with such a version, and
the `adopted-unchanged` check compares a round with the draft its forms were made from; the
pipeline loads either like any plans folder."""

from __future__ import annotations

import io
import subprocess
import tarfile
from pathlib import Path

from planc.errors import UsageError
from planc.i18n import _


def _git(cwd: Path, *args: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise UsageError(_("reading a revision needs git, which is not installed")) from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()
        said = message[-1] if message else _("failed")
        raise UsageError(f"git {' '.join(args[:2])}: {said}")
    return done.stdout


def plans_at(plans: Path, rev: str, into: Path) -> Path:
    """The plans folder as it was at `rev`, written under `into`."""
    if rev.startswith("-"):
        # git would read it as an option (--output=FILE writes a file): refuse it by name.
        raise UsageError(
            _(
                "'{rev}' is not a revision: it starts with '-', which git reads as an option "
                "(name a commit, a tag or a branch, e.g. HEAD~1 or v1)",
                rev=rev,
            )
        )
    folder = plans.resolve()
    try:
        top = Path(_git(folder, "rev-parse", "--show-toplevel").decode().strip())
    except UsageError:
        raise UsageError(
            _("{plans} is not in a git repository: no revision of it can be read", plans=plans)
        ) from None
    prefix = folder.relative_to(top).as_posix()
    try:
        _git(top, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}")
    except UsageError:
        raise UsageError(
            _(
                "'{rev}' is not a commit, tag or branch of the git repository at {top}",
                rev=rev,
                top=top,
            )
        ) from None
    archive = _git(top, "archive", "--format=tar", rev, "--", prefix)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        links = _extract(tar, into)
    # Links are made last, once every file is written, so that nothing is written through
    # one; the loader then reports those leaving the plans folder as it does in the work tree.
    for name, target in links:
        (into / name).symlink_to(target)
    return into / prefix


def round_at(plans: Path, name: str, rev: str, into: Path) -> Path:
    """The plans folder at `rev` (under `into`), which must hold round `name`."""
    folder = plans_at(plans, rev, into)
    if not (folder / name).is_dir():
        raise UsageError(
            _("no round '{round}' in {plans} at {rev}", round=name, plans=plans, rev=rev)
        )
    return folder


def _extract(tar: tarfile.TarFile, into: Path) -> list[tuple[str, str]]:
    """Extract the regular members; return the symbolic links (name, target) instead of
    making them (the 'data' filter refuses links that leave the folder: that is the loader's
    to report, not a reason to fail)."""
    links = []
    members = []
    for member in tar.getmembers():
        if member.issym():
            links.append((member.name, member.linkname))
        elif not member.islnk():  # git archive writes no hard links
            members.append(member)
    tar.extractall(into, members=members, filter="data")
    return [(name, target) for name, target in links if _inside(into, name)]


def _inside(into: Path, name: str) -> bool:
    return (into / name).resolve().is_relative_to(into.resolve())
