#!/usr/bin/env python3
"""`pip install .` into a fresh venv, offline, and use what it installed.

    pip_install_check.py SOURCE_DIR WORK_DIR [BUILD_DIR]

Copies the source tree (without build folders) to WORK_DIR/src, makes a venv
with --system-site-packages (numpy, setuptools and wheel come from the system),
runs `pip install --no-build-isolation --no-index .` there, then imports myoref
from another folder and checks that it is the installed copy, with its stub
and py.typed, and that it works. With BUILD_DIR (the test suite's own build),
setup.py takes the compiled module from there (MYOREF_CMAKE_BUILD_DIR) instead
of compiling the library once more: what is checked is the packaging. Exits 77 (skipped) only when this Python has
no venv or pip; any other failure fails.
"""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys

# Skipped, unless MYOREF_NO_SKIP=1 (.ci/run) makes a test that cannot run fail.
SKIP = 1 if os.environ.get("MYOREF_NO_SKIP") == "1" else 77

SMOKE = r"""
import json, pathlib, sys
import numpy as np
import myoref

here = pathlib.Path(myoref.__file__).resolve().parent
assert str(here).startswith(sys.prefix), (here, sys.prefix)
assert (here / "_core.pyi").is_file() and (here / "py.typed").is_file()
kb = myoref.KnowledgeBase.default()
intake = {"pain": [{"region": "buttock_upper", "side": "left", "intensity": 6}]}
# The red-flag questions first: a plan waits for the answers (here, all no).
intake["red_flags_denied"] = [q["id"] for q in kb.questions(intake)]
a = kb.assess(intake)
assert a.to_dict()["kb"]["id"] == "myoref-default"
x = np.zeros((2, len(kb.region_keys())), dtype=np.uint8)
x[0, kb.region_keys().index("buttock_upper:left")] = 6
scores = kb.score_batch(x)
assert np.allclose(scores[0], a.scores, atol=1e-5)
plan = myoref.Plan.start(kb, a)
assert plan.next_step().steps
assert myoref.render_muscle(kb, "gluteus_medius").startswith("<svg")
print("installed myoref", myoref.__version__, "at", here)
"""


def run(cmd, **kwargs):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def main() -> int:
    source, work = (pathlib.Path(a).resolve() for a in sys.argv[1:3])
    reuse = pathlib.Path(sys.argv[3]).resolve() if len(sys.argv) > 3 else None
    try:
        import ensurepip  # noqa: F401  (venv needs it to seed pip)
        import venv  # noqa: F401
    except ImportError as e:
        print(f"skipped: this Python has no venv/pip ({e})")
        return SKIP
    if subprocess.run([sys.executable, "-m", "pip", "--version"],
                      capture_output=True).returncode != 0:
        print("skipped: this Python has no pip")
        return SKIP

    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    copy = work / "src"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns(
        ".git", "build", "build-*", "__pycache__", "*.egg-info", ".pytest_cache", ".venv*"))

    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # only what the venv has
    env["PIP_NO_INPUT"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    if reuse is not None:
        env["MYOREF_CMAKE_BUILD_DIR"] = str(reuse)
    venv_dir = work / "venv"
    run([sys.executable, "-m", "venv", "--system-site-packages", venv_dir], env=env)
    python = venv_dir / "bin" / "python"
    run([python, "-m", "pip", "install", "--no-build-isolation", "--no-index", "."],
        cwd=copy, env=env)
    # Import from elsewhere, so the source folder cannot be picked up instead.
    run([python, "-c", SMOKE], cwd=work, env=env)
    run([python, "-m", "pip", "show", "myoref"], cwd=work, env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
