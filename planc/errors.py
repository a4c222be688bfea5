"""Every error planc raises on purpose, in one hierarchy. Stages raise them; the command line's
one handler (planc/cli.py) turns them into a message on stderr and an exit code. Nothing else
prints an error."""

from __future__ import annotations

import errno
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from planc.i18n import _

if TYPE_CHECKING:
    from planc.diagnostics import Diagnostic


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised like Ctrl-C so that what is under way is undone the same way (exit
    143)."""


class PlancError(Exception):
    """A problem planc explains in one line; `exit_code` is what the process ends with."""

    exit_code = 1


class UsageError(PlancError):
    """The command line asks for something that is not there (exit 2)."""

    exit_code = 2


class PlansFolderError(UsageError):
    """The plans folder itself is unusable: a usage problem, not a source problem."""


class OutputError(UsageError):
    """The output folder cannot be used as asked (a usage problem: one message, exit 2)."""


class FontMissing(PlancError):
    """A CJK font the PDFs need is not installed (fontconfig would substitute empty boxes)."""


class ArchiveFailed(PlancError):
    """A PDF planc wrote could not be made into its archival editions (PDF/A, OFD)."""


class TemplatesMissing(PlancError):
    """planc's own templates are not beside its code: a broken installation."""


@dataclass(frozen=True, slots=True)
class Failing:
    """One set of sources that does not check: its error diagnostics, where they are, and an
    optional line said before them (which side of a diff)."""

    diagnostics: Sequence[Diagnostic]
    plans: Path
    rounds: int
    heading: str | None = None


class SourcesHaveErrors(PlancError):
    """The sources have errors, so nothing was made. The handler prints the diagnostics, then
    `closing` if there is one."""

    def __init__(self, failing: Sequence[Failing], closing: str | None = None) -> None:
        super().__init__(closing or "the sources have errors")
        self.failing = list(failing)
        self.closing = closing


class FormsHaveErrors(PlancError):
    """Returned forms (consult or progress import) have errors, so nothing was imported. The
    handler prints every problem found in them, located at FILE:SHEET!CELL, then says so."""

    def __init__(self, diagnostics: Sequence[Diagnostic]) -> None:
        super().__init__("the forms have errors; nothing was imported")
        self.diagnostics = list(diagnostics)


def reason(exc: OSError) -> str:
    """Why the system refused, in the user's language (the system says it in English)."""
    said = {
        errno.ENOENT: _("No such file or directory"),
        errno.EACCES: _("Permission denied"),
        errno.EPERM: _("Operation not permitted"),
        errno.ENOTDIR: _("Not a directory"),
        errno.EISDIR: _("Is a directory"),
        errno.EEXIST: _("File exists"),
        errno.ENOTEMPTY: _("Directory not empty"),
        errno.ENOSPC: _("No space left on device"),
        errno.EROFS: _("Read-only file system"),
        errno.ENAMETOOLONG: _("File name too long"),
        errno.ELOOP: _("Too many levels of symbolic links"),
        errno.EBUSY: _("Device or resource busy"),
        errno.EIO: _("Input/output error"),
        errno.EXDEV: _("Invalid cross-device link"),
    }.get(exc.errno or 0)
    return said or exc.strerror or str(exc)
