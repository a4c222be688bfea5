"""planc verify RELEASE_DIR: rebuild a release from the sources it carries and compare every
byte (planc/publish/release.py). Exit 0 when all are equal, 1 at the first difference (named,
with the component versions that differ between the release and this machine), 2 when the
folder is not a release."""

from __future__ import annotations

from pathlib import Path
from typing import IO


def verify(release: Path, stream: IO[str]) -> int:
    from planc.i18n import _
    from planc.publish.release import verify as rebuild

    result = rebuild(release)
    for line in result.unsummed:
        stream.write(_("planc verify: note: {note}", note=line) + "\n")
    if result.difference is None:
        said = _(
            "verified: {count} files of {release} rebuild byte for byte",
            count=result.files,
            release=release,
        )
        stream.write(said + "\n")
        return 0
    stream.write(_("planc verify: differs: {problem}", problem=result.difference) + "\n")
    if result.versions:
        stream.write(_("versions that differ (release → here):") + "\n")
        stream.writelines(f"  {line}\n" for line in result.versions)
    else:
        stream.write(_("every recorded component version is the same here") + "\n")
    return 1
