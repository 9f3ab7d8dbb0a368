#!/usr/bin/env python3
"""Bootstrap for the README's two commands; needs nothing but Python 3.11+.

    python3 scripts/dev.py demo    # every outage scenario through the real loop, no keys needed
    python3 scripts/dev.py test    # ruff, mypy --strict, and the whole pytest suite (one worker a core)
    python3 scripts/dev.py bench   # the benchmarks that print figures

Creates (or reuses) .venv next to this repository, installs steadyloop with its dev extras
when pyproject.toml changed since the last install, then runs the job inside it.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
STAMP = VENV / ".steadyloop-installed"


def _run(*cmd: str | Path) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.call([str(c) for c in cmd], cwd=ROOT)


def ensure_venv() -> None:
    if sys.version_info < (3, 11):  # noqa: UP036 - this script runs before any venv exists
        sys.exit(f"steadyloop needs Python 3.11 or newer; this is {sys.version.split()[0]}")
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if STAMP.exists() and STAMP.read_text() == wanted and (BIN / "python").exists():
        return
    if not (BIN / "python").exists() and _run(sys.executable, "-m", "venv", VENV) != 0:
        sys.exit("could not create .venv: install your system's venv package (Debian: apt-get install python3-venv)")
    pip = (BIN / "python", "-m", "pip", "install", "-q", "--disable-pip-version-check")
    if _run(*pip, "--upgrade", "pip") != 0 or _run(*pip, "-e", ".[dev]") != 0:
        sys.exit("installing steadyloop into .venv failed (see pip's output above)")
    STAMP.write_text(wanted)


def main(argv: list[str]) -> int:
    job = argv[0] if argv else "test"
    ensure_venv()
    if job == "demo":
        return _run(BIN / "steadyloop", "drill", "--all", *argv[1:])
    if job == "test":
        # bytecode for the package once (as pip install writes it): the suite starts many steadyloop
        # processes, and with PYTHONDONTWRITEBYTECODE set each would compile the source again
        subprocess.call([str(BIN / "python"), "-m", "compileall", "-q", "agent"], cwd=ROOT, stdout=subprocess.DEVNULL)
        results = [
            _run(BIN / "ruff", "check", "agent", "tests", "bench", "scripts", "examples"),
            _run(BIN / "mypy", "--strict", "agent"),
            # no arguments: the whole suite, one worker per core (tests start their own servers on free ports);
            # with arguments it is plain pytest, in one process
            _run(BIN / "python", "-m", "pytest", *(argv[1:] or ("-n", "auto"))),
        ]
        failed = [name for name, rc in zip(("ruff", "mypy", "pytest"), results, strict=True) if rc != 0]
        print(f"steadyloop checks: {'FAILED: ' + ', '.join(failed) if failed else 'all passed'}")
        return 1 if failed else 0
    if job == "bench":
        benches = ("classifier", "emulator", "pool", "loop", "stream", "startup")
        return max(_run(BIN / "python", "-m", "bench." + name) for name in benches)
    sys.exit(f"unknown job {job!r}: use demo, test or bench")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
