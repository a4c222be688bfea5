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


def sheets_as_csv(workbook: Path, scratch: Path) -> dict[str, list[list[str]]]:
    """Each sheet of `workbook` as LibreOffice reads it, by sheet name."""
    assert shutil.which("soffice"), "LibreOffice is missing: apt-get install libreoffice-calc"
    out = scratch / "csv"
    profile = scratch / "lo-profile"  # private: parallel runs do not share a profile
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            CSV_FILTER,
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
    sheets = {}
    for path in sorted(out.glob(f"{workbook.stem}-*.csv")):
        with path.open(encoding="utf-8") as fh:
            sheets[path.stem.removeprefix(f"{workbook.stem}-")] = list(csv.reader(fh))
    return sheets


def resaved(workbooks: list[Path], scratch: Path) -> list[Path]:
    """Each workbook opened in LibreOffice and saved again as .xlsx (as an office that edits in
    LibreOffice or WPS sends it back), in one run of LibreOffice."""
    assert shutil.which("soffice"), "LibreOffice is missing: apt-get install libreoffice-calc"
    out = scratch / "resaved"
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={(scratch / 'lo-profile').as_uri()}",
            "--headless",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
            str(out),
            *map(str, workbooks),
        ],
        capture_output=True,
        text=True,
        timeout=180,
        env={**os.environ, "HOME": str(scratch)},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return [out / w.name for w in workbooks]
