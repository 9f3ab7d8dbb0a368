"""Benchmark: how long the command line takes to start, and which SDKs each command loads.

Each figure is the wall time of a fresh process, median (and fastest) of N runs, and the median
CPU time (user + system) of the process, which a shared machine's other load disturbs less:

- ``python -c pass``: the interpreter alone, for reference;
- ``import agent``;
- ``steadyloop --help``;
- ``steadyloop pool list`` on a SQLite state file: of a file it validated before (remembered, see
  ``agent._validated``: what every listing after the first pays), and validating (the first listing
  after an edit, with the models; its state directory cannot be written, so it never remembers);
- ``steadyloop run`` to its first upstream byte: from spawning the process until the emulator
  (in this process) logs the request; the chain has one OpenAI-protocol entry.

Then one ``python -X importtime`` run per command: the time spent importing modules (the sum of
its top-level cumulative entries) and which SDKs (``openai``, ``anthropic``) were imported.
Commands run as ``python -m agent.cli``; ``--root DIR`` measures another checkout (its
``agent`` package comes first on PYTHONPATH), and ``--against DIR`` measures this checkout and
DIR alternately, run by run, so both see the same machine (the fair before/after on a shared one);
``run``'s CPU figure is the whole process's, the answer included.
Goals: import agent < 0.2 s, --help and pool list < 0.3 s, run to first byte < 1 s.

The measured package is compiled to bytecode first, as ``pip install`` does: with
PYTHONDONTWRITEBYTECODE set (as on many CI machines and containers) an editable checkout would
otherwise compile its own source anew in every process, which no installed steadyloop pays.

Run: python -m bench.startup [--runs N] [--root DIR] [--against DIR]
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from agent.testing.emulator import Emulator

_CONFIG = """\
[state]
backend = "sqlite"
path = "{state}"

[pools.main]
[[pools.main.credentials]]
id = "work"
key = "sk-bench-key"

[[chain]]
api = "openai-chat"
model = "gpt-4o"
pool = "main"
base_url = "{base_url}"
"""


def _bytecode(root: Path | None) -> str:
    """Compile the measured checkout's package to .pyc, as ``pip install`` does for every package it installs.

    Without it a machine with PYTHONDONTWRITEBYTECODE set (this one, and many containers) compiles
    steadyloop's source anew in every process, which is not what an installed steadyloop pays."""
    package = (root or Path(__file__).resolve().parent.parent) / "agent"
    compileall.compile_dir(package, quiet=1)
    return f"bytecode of {package} compiled, as pip install does"


def _env(root: Path | None) -> dict[str, str]:
    env = dict(os.environ)
    if root is not None:
        env["PYTHONPATH"] = str(root)
    return env


def _spawn(argv: list[str], env: dict[str, str]) -> float:
    """Run the command; the CPU seconds (user + system) the process used, which other processes on a
    shared machine disturb far less than its wall time."""
    child = subprocess.Popen(argv, env=env, cwd=env["BENCH_CWD"], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode:
        raise subprocess.CalledProcessError(child.returncode, argv)
    return usage.ru_utime + usage.ru_stime


def _wall(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU seconds of one fresh process."""
    start = time.perf_counter()
    cpu = _spawn(argv, env)
    return time.perf_counter() - start, cpu


def _first_byte(argv: list[str], env: dict[str, str], emu: Emulator) -> tuple[float, float]:
    """Seconds from spawning to the emulator's first request, and the CPU seconds of the whole process."""
    emu.reset()
    start = time.time()
    cpu = _spawn(argv, env)
    return emu.log[0].started - start, cpu


def _imports(argv: list[str], env: dict[str, str]) -> tuple[float, list[str]]:
    """Seconds spent importing (top-level cumulative entries) and the SDKs loaded, from -X importtime."""
    done = subprocess.run([argv[0], "-X", "importtime", *argv[1:]], env=env, cwd=env["BENCH_CWD"],
                          capture_output=True, text=True,
                          check=True)
    total, sdks = 0, set()
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].rstrip().removeprefix(" ")
        if not name.startswith(" "):  # a top-level import: its figure includes everything it pulled in
            total += int(parts[1])
        package = name.strip().split(".")[0]
        if package in ("openai", "anthropic"):  # any of its modules: the package line may come first or late
            sdks.add(package)
    return total / 1e6, sorted(sdks)


def _report(label: str, samples: list[tuple[float, float]], imports: tuple[float, list[str]] | None) -> None:
    walls, cpus = [w for w, _ in samples], [c for _, c in samples]
    extra = ""
    if imports is not None:
        extra = f"   importtime {imports[0]:5.3f} s, SDKs loaded: {', '.join(imports[1]) or 'none'}"
    print(f"  {label:30} median {statistics.median(walls):5.3f} s  fastest {min(walls):5.3f} s  "
          f"cpu {statistics.median(cpus):5.3f} s{extra}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--root", type=Path, default=None, help="another checkout to measure (its agent/ first)")
    parser.add_argument("--against", type=Path, default=None,
                        help="a second checkout, measured alternately with the first (before/after)")
    args = parser.parse_args()
    if args.against is not None:
        _compare(args.root, args.against, args.runs)
        return
    env, py = _env(args.root), sys.executable
    cli = [py, "-m", "agent.cli"]
    with tempfile.TemporaryDirectory() as tmp, Emulator("healthy") as emu:
        env["BENCH_CWD"] = tmp  # not a checkout: python -c puts the working directory first on sys.path
        env["STEADYLOOP_STATE_DIR"] = str(Path(tmp) / "state")  # validated configurations: not the user's own
        config = Path(tmp) / "steadyloop.toml"
        config.write_text(_CONFIG.format(state=Path(tmp) / "state.db", base_url=emu.base_url("openai")))
        commands = {
            "python -c pass": [py, "-c", "pass"],
            "import agent": [py, "-c", "import agent"],
            "steadyloop --help": [*cli, "--help"],
            "steadyloop pool list": [*cli, "pool", "list", "--config", str(config)],
            "steadyloop pool list, validating": [*cli, "pool", "list", "--config", str(config)],
        }
        validating = {**env, "STEADYLOOP_STATE_DIR": str(config / "state")}  # under a file: nothing remembered
        run = [*cli, "run", "Say hello.", "--config", str(config)]
        print(f"start-up: {args.runs} fresh processes each, code from {args.root or 'this checkout'}; "
              f"{_bytecode(args.root)}")
        for label, argv in commands.items():
            its = validating if label.endswith("validating") else env
            _wall(argv, its)  # warm the page cache (and remember a validated configuration)
            samples = [_wall(argv, its) for _ in range(args.runs)]
            _report(label, samples, None if label == "python -c pass" else _imports(argv, its))
        _first_byte(run, env, emu)
        samples = [_first_byte(run, env, emu) for _ in range(args.runs)]
        _report("steadyloop run to first byte", samples, _imports(run, env))
    print("  goals: import agent < 0.2 s, --help and pool list < 0.3 s, run to first upstream byte < 1 s")


def _compare(root: Path | None, against: Path, runs: int) -> None:
    """Each command from both checkouts, alternating run by run; medians side by side."""
    py = sys.executable
    envs = {"this": _env(root), "against": _env(against)}
    with tempfile.TemporaryDirectory() as tmp, Emulator("healthy") as emu:
        config = Path(tmp) / "steadyloop.toml"
        config.write_text(_CONFIG.format(state=Path(tmp) / "state.db", base_url=emu.base_url("openai")))
        for env in envs.values():
            env["BENCH_CWD"] = tmp
            env["STEADYLOOP_STATE_DIR"] = str(Path(tmp) / "state")
        cli = [py, "-m", "agent.cli"]
        commands = {"import agent": [py, "-c", "import agent"], "steadyloop --help": [*cli, "--help"],
                    **{f"steadyloop pool list {flag}".rstrip(): [*cli, "pool", "list", "--config", str(config),
                                                                 *([flag] if flag else [])]
                       for flag in ("", "--json", "--prometheus")},
                    "steadyloop run to first byte": [*cli, "run", "Say hello.", "--config", str(config)]}
        print(f"start-up, alternating run by run: {root or 'this checkout'} versus {against}, {runs} runs each; "
              f"{_bytecode(root)}; {_bytecode(against)}")
        for label, argv in commands.items():
            def measure(env: dict[str, str], argv: list[str] = argv, label: str = label) -> tuple[float, float]:
                return _first_byte(argv, env, emu) if label.startswith("steadyloop run") else _wall(argv, env)

            samples: dict[str, list[tuple[float, float]]] = {"this": [], "against": []}
            for env in envs.values():
                measure(env)  # warm the page cache
            for i in range(runs):
                for name in (("this", "against") if i % 2 else ("against", "this")):
                    samples[name].append(measure(envs[name]))
            wall, cpu = ({n: [x[k] for x in samples[n]] for n in samples} for k in (0, 1))
            print(f"  {label:32} median {statistics.median(wall['this']):5.3f} s  versus "
                  f"{statistics.median(wall['against']):5.3f} s   (fastest {min(wall['this']):5.3f} versus "
                  f"{min(wall['against']):5.3f}; cpu {statistics.median(cpu['this']):5.3f} versus "
                  f"{statistics.median(cpu['against']):5.3f})")
    print("  goals: import agent < 0.2 s, --help and pool list < 0.3 s, run to first upstream byte < 1 s")


if __name__ == "__main__":
    main()
