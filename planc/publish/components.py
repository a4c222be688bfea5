"""The versions a release's bytes depend on besides the sources and planc: the Python packages
planc runs on and the Debian packages that lay out and draw the text. A release records them;
`planc verify` names those that differ from the machine it runs on."""

from __future__ import annotations

import re
import subprocess
from importlib import metadata

from planc.i18n import _

# Text layout, shaping, font lookup and rasterising: a different version can move a glyph.
DEBIAN_PACKAGES = (
    "libpango-1.0-0",
    "libpangoft2-1.0-0",
    "libharfbuzz0b",
    "libharfbuzz-subset0",
    "libfontconfig1",
    "fontconfig",
    "libfreetype6",
    "fonts-noto-cjk",
    "fonts-noto-cjk-extra",
)


def _key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _installed() -> dict[str, tuple[str, list[str]]]:
    """Every installed distribution: its name as a key, version and requirements. Read from
    the metadata's header lines only: the email parser importlib uses reads each package's
    whole description too (half a second for planc's forty)."""
    found: dict[str, tuple[str, list[str]]] = {}
    for dist in metadata.distributions():
        text = dist.read_text("METADATA") or dist.read_text("PKG-INFO") or ""
        fields: dict[str, list[str]] = {"Name": [], "Version": [], "Requires-Dist": []}
        for line in text.split("\n"):
            if not line.strip():
                break  # the header ends at the first blank line
            field, _, value = line.partition(":")
            if field in fields:
                fields[field].append(value.strip())
        requires = fields["Requires-Dist"] or list(dist.requires or [])  # egg-info: requires.txt
        if fields["Name"] and fields["Version"]:
            found.setdefault(_key(fields["Name"][0]), (fields["Version"][0], requires))
    return found


def python_packages(root: str = "planc") -> dict[str, str]:
    """planc's runtime dependencies, all the way down, by name and version."""
    installed = _installed()
    found: dict[str, str] = {}
    todo = [root]
    while todo:
        key = _key(todo.pop())
        if key in found or key not in installed:
            continue
        version, requires = installed[key]
        found[key] = version
        for requirement in requires:
            if "extra ==" in requirement:  # test tools do not make the documents
                continue
            todo.append(re.split(r"[ ;<>=!~\[(]", requirement, maxsplit=1)[0])
    found.pop("planc", None)
    return dict(sorted(found.items()))


def debian_packages() -> dict[str, str]:
    """The versions of DEBIAN_PACKAGES installed here ({} where dpkg is not)."""
    try:
        done = subprocess.run(
            ["dpkg-query", "-W", "-f=${Package}\t${Version}\t${db:Status-Abbrev}\n"],
            capture_output=True,
            text=True,
            check=False,
        )
    except FileNotFoundError:
        return {}
    found = {}
    for line in done.stdout.splitlines():
        name, _, rest = line.partition("\t")
        version, _, status = rest.partition("\t")
        name = name.split(":")[0]
        if name in DEBIAN_PACKAGES and status.startswith("ii"):
            found[name] = version
    return {name: found.get(name, "not installed") for name in DEBIAN_PACKAGES}


def differences(recorded: dict[str, dict[str, str]], here: dict[str, dict[str, str]]) -> list[str]:
    """'kind name: recorded → here' for every component whose version differs."""
    out = []
    for kind in sorted(set(recorded) | set(here)):
        old, new = recorded.get(kind, {}), here.get(kind, {})
        for name in sorted(set(old) | set(new)):
            if old.get(name) != new.get(name):
                was, now = old.get(name, _("absent")), new.get(name, _("absent"))
                out.append(f"{kind} {name}: {was} → {now}")
    return out
