"""An installed planc builds: the wheel carries its templates. Built from a copy of the package
(nothing else of the checkout), installed into a fresh virtual environment outside it, run on a
copy of the fixture plans. Offline: the dependencies are this environment's, seen through a
path entry, never downloaded."""

from __future__ import annotations

import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VALID = ROOT / "tests" / "fixtures" / "valid"


def run(*args: str | Path, cwd: Path | None = None) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    done = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, f"{args}\n{done.stdout}\n{done.stderr}"
    return done.stdout


def test_the_wheel_installed_elsewhere_builds(tmp_path: Path) -> None:
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source / name)
    shutil.copytree(ROOT / "planc", source / "planc", ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "-q"]
    run(*pip, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", tmp_path, source)
    wheel = next(tmp_path.glob("planc-*.whl"))

    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = venv / "bin" / "python"
    run(*pip, "--python", python, "install", "--no-deps", "--no-index", wheel)
    # The dependencies: this environment's site-packages as a plain path entry (its .pth
    # files, among them the editable install pointing at the checkout, are not read).
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    ours = [sysconfig.get_paths()["purelib"], *site.getsitepackages()]
    (Path(purelib.strip()) / "planc-test-deps.pth").write_text("\n".join(dict.fromkeys(ours)))

    where = run(python, "-c", "import planc, sys; print(planc.__file__)", cwd=tmp_path).strip()
    assert Path(where).is_relative_to(venv), where
    work = tmp_path / "office"
    shutil.copytree(VALID, work / "plans")
    out = run(venv / "bin" / "planc", "build", "2018-2019", "--jobs", "1", cwd=work)
    assert out.startswith("built 1 round into dist/"), out
    for name in ("plan.html", "plan-2018-2019.pdf", "handbook-2018-2019.pdf", "plan.json"):
        assert (work / "dist" / "2018-2019" / name).stat().st_size > 1000, name
    assert "借鉴淡马锡模式推进国资改革" in (work / "dist/2018-2019/plan.html").read_text("utf-8")
