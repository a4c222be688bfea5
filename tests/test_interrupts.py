"""Ctrl-C at any moment once planc's first line runs (issue 24, item 13): one line and exit 130,
never a KeyboardInterrupt traceback from the middle of an import or of typer's set-up.

Python's own start-up, and finding planc's first module, come before any line of planc: a
Ctrl-C there is Python's to report. From the first line of planc/entry.py on, the signal is
planc's: the wrapper below says when that line has run, and the signal comes at delays spread
over the next 0.4 s (imports, typer's set-up, the command)."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.conftest import VALID

WRAPPER = """
import sys
from planc.entry import main
sys.stdout.write("up\\n")
sys.stdout.flush()
main(sys.argv[1:])
"""
EARLY = """
import os, signal, sys
from planc.entry import main
os.kill(os.getpid(), signal.SIGINT)  # as if it came while planc.entry's imports ran
main(["--version"])
"""


def test_ctrl_c_while_planc_starts_is_one_line(tmp_path: Path) -> None:
    said = []
    for i in range(16):
        run = subprocess.Popen(
            [
                sys.executable,
                "-c",
                WRAPPER,
                "consult",
                "forms",
                "2020-2021",
                "--plans",
                str(VALID),
                "--out",
                str(tmp_path / f"forms-{i}"),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert run.stdout is not None and run.stdout.readline() == "up\n"
        time.sleep(i * 0.025)
        run.send_signal(signal.SIGINT)
        _out, err = run.communicate(timeout=60)
        said.append((i * 0.025, run.returncode, err))
    tracebacks = [(at, err) for at, _code, err in said if "Traceback" in err]
    assert tracebacks == []
    interrupted = [(at, code, err) for at, code, err in said if code != 0]
    assert interrupted, said  # the signal came before the forms were written, mostly
    assert all(
        code == 130 and err == "planc: interrupted; nothing was replaced\n"
        for _at, code, err in interrupted
    ), interrupted


def test_ctrl_c_while_planc_entry_loads_is_said_when_main_starts() -> None:
    run = subprocess.run(
        [sys.executable, "-c", EARLY], capture_output=True, text=True, check=False, timeout=60
    )
    assert (run.returncode, run.stdout, run.stderr) == (
        130,
        "",
        "planc: interrupted; nothing was replaced\n",
    )
