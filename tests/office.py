"""A real spreadsheet program reading planc's forms: LibreOffice headless converts every sheet
of a workbook to CSV. (libreoffice-calc is among the test packages scripts/setup.sh installs.)"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
from pathlib import Path

# UTF-8 (76), comma-separated, every sheet to its own file (the trailing -1).
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _soffice(args: list[str], scratch: Path) -> None:
    """LibreOffice headless with a private profile (parallel runs do not share one)."""
    assert shutil.which("soffice"), "LibreOffice is missing: apt-get install libreoffice-calc"
    profile = scratch / "lo-profile"
    done = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", *args],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(scratch)},
        check=False,
    )
    assert done.returncode == 0, done.stderr


def sheets_as_csv(workbook: Path, scratch: Path) -> dict[str, list[list[str]]]:
    """Each sheet of `workbook` as LibreOffice reads it, by sheet name."""
    out = scratch / "csv"
    _soffice(["--convert-to", CSV_FILTER, "--outdir", str(out), str(workbook)], scratch)
    sheets = {}
    for path in sorted(out.glob(f"{workbook.stem}-*.csv")):
        with path.open(encoding="utf-8") as fh:
            sheets[path.stem.removeprefix(f"{workbook.stem}-")] = list(csv.reader(fh))
    return sheets


def resaved(workbooks: list[Path], scratch: Path) -> list[Path]:
    """Each workbook opened in LibreOffice and saved again as .xlsx (as an office that edits in
    LibreOffice or WPS sends it back), in one run of LibreOffice."""
    out = scratch / "resaved"
    xlsx = "xlsx:Calc MS Excel 2007 XML"
    _soffice(["--convert-to", xlsx, "--outdir", str(out), *map(str, workbooks)], scratch)
    return [out / w.name for w in workbooks]


def resave(workbook: Path, scratch: Path) -> Path:
    """`workbook` opened and saved again as .xlsx by LibreOffice (as a unit using it would);
    the copy, under the same name in a folder of its own."""
    return resaved([workbook], scratch)[0]
