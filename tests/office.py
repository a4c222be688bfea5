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


def _convert(workbook: Path, scratch: Path, to: str, out: Path) -> None:
    """LibreOffice headless converting `workbook` into the folder `out`."""
    assert shutil.which("soffice"), "LibreOffice is missing: apt-get install libreoffice-calc"
    profile = scratch / "lo-profile"  # private: parallel runs do not share a profile
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(out),
            str(workbook),
        ],
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
    _convert(workbook, scratch, CSV_FILTER, out)
    sheets = {}
    for path in sorted(out.glob(f"{workbook.stem}-*.csv")):
        with path.open(encoding="utf-8") as fh:
            sheets[path.stem.removeprefix(f"{workbook.stem}-")] = list(csv.reader(fh))
    return sheets


def resave(workbook: Path, scratch: Path) -> Path:
    """`workbook` opened and saved again as .xlsx by LibreOffice (as a unit using it would);
    the copy, under the same name in a folder of its own."""
    out = scratch / "resaved"
    _convert(workbook, scratch, "xlsx:Calc MS Excel 2007 XML", out)
    return out / workbook.name
