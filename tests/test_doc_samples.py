"""Every shell command and Python sample of README.md and docs/ runs against the emulator without error.

Fenced ``sh`` and ``python`` blocks run in document order, each in a fresh process, in one
working directory per document. A ``toml`` block whose first line is ``# NAME.toml`` is written
there as that file (blocks without a name are fragments of a configuration, validated with
``load_config`` once the pools their chain names exist); before the first
block, a ``steadyloop.toml`` pointing at the emulator is written, so samples that only say
``--config steadyloop.toml`` have one. Keys come from the environment the samples name
(``ANTHROPIC_API_KEY``, ...) set to emulator keys; ``OPENAI_BASE_URL``/``ANTHROPIC_BASE_URL``
send the real SDKs to the emulator; ``127.0.0.1:8900`` in a sample means the emulator.

A block that cannot run against the emulator is preceded by ``<!-- doc-test: skip (why) -->``;
SKIPPED below must list each one, so the list stays honest and small.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from agent.config import load_config
from agent.testing.emulator import Emulator

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
SKIPPED = {  # (document, reason): every block marked not runnable against the emulator
    ("README.md", "the demo runs in tests/test_drill.py and the test command is this suite"),
    ("README.md", "installs packages"),
    ("docs/emulator.md", "serves until Ctrl-C; the test runs its own emulator on the port below"),
    ("docs/quickstart.md", "starts the emulator, which the test runs itself on this port"),
    ("docs/releasing.md", "commits, tags and pushes a release of this repository"),
    ("docs/serve.md", "serves until Ctrl-C; the test below runs the gateway in-process"),
    ("docs/serve.md", "needs Claude Code, Codex or an app to point at the gateway"),
    ("README.md", "serves until Ctrl-C; docs/serve.md runs the gateway in-process"),
}
_FENCE = re.compile(r"^```(\w*)\s*$")
_SKIP = re.compile(r"^<!-- doc-test: skip \((?P<why>.+)\) -->$")
_BASELINE = """\
[state]
backend = "sqlite"

[pools.main]
[[pools.main.credentials]]
id = "work"
key_env = "OPENAI_API_KEY"

[[chain]]
api = "openai-chat"
model = "gpt-4o"
pool = "main"
"""


@dataclass(frozen=True)
class Block:
    doc: str
    line: int
    lang: str
    text: str
    skip: str | None

    @property
    def where(self) -> str:
        return f"{self.doc}:{self.line}"


def blocks(path: Path) -> list[Block]:
    """The fenced blocks of a markdown file with their language and skip marker."""
    lines, found, i = path.read_text(encoding="utf-8").splitlines(), [], 0
    doc = str(path.relative_to(ROOT))
    while i < len(lines):
        match = _FENCE.match(lines[i])
        if match is None:
            i += 1
            continue
        end = next(j for j in range(i + 1, len(lines)) if lines[j].startswith("```"))
        marker = _SKIP.match(lines[i - 1]) if i else None
        found.append(Block(doc, i + 1, match[1], "\n".join(lines[i + 1:end]), marker["why"] if marker else None))
        i = end + 1
    return found


def test_skip_markers_are_the_listed_few() -> None:
    """The blocks marked not runnable are exactly SKIPPED: adding one means saying so here."""
    marked = {(b.doc, b.skip) for path in DOCS for b in blocks(path) if b.skip}
    assert marked == SKIPPED


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator("healthy") as emu:
        yield emu


def _env(emu: Emulator, workdir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENAI_", "ANTHROPIC_", "STEADYLOOP_"))}
    return {**env, "HOME": str(workdir), "STEADYLOOP_STATE_DIR": str(workdir / "state"),
            "PATH": f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
            "OPENAI_API_KEY": "sk-emu-one", "ANTHROPIC_API_KEY": "sk-ant-emu-one",
            "ANTHROPIC_API_KEY_PERSONAL": "sk-ant-emu-two", "OPENAI_BASE_URL": emu.base_url("openai"),
            "ANTHROPIC_BASE_URL": emu.base_url("anthropic")}


def _validate_fragment(data: dict[str, object]) -> None:
    """A name-less TOML block is a fragment of a configuration: valid once the pools its chain names exist."""
    chain = data.get("chain", [])
    pools = dict(data.get("pools", {}))  # type: ignore[call-overload]
    for entry in chain if isinstance(chain, list) else []:
        pools.setdefault(entry.get("pool"), {"credentials": [{"key": "placeholder"}]})
    load_config({**data, "pools": pools} if pools else data)


def _run(block: Block, emu: Emulator, workdir: Path) -> None:
    text = block.text.replace("127.0.0.1:8900", f"127.0.0.1:{emu.port}")
    if block.lang == "toml":
        name = text.splitlines()[0].removeprefix("#").strip() if text.startswith("# ") else ""
        if name.endswith(".toml"):
            (workdir / name).write_text(text, encoding="utf-8")
        else:
            _validate_fragment(tomllib.loads(text))
        return
    argv = ["bash", "-e", "-o", "pipefail", "-c", text] if block.lang == "sh" else [sys.executable, "-c", text]
    done = subprocess.run(argv, cwd=workdir, env=_env(emu, workdir), capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, check=False)
    assert done.returncode == 0, f"{block.where} ({block.lang}) failed:\n{text}\n--- stdout\n{done.stdout[-2000:]}" \
                                 f"\n--- stderr\n{done.stderr[-2000:]}"


@pytest.mark.parametrize("doc", DOCS, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_sample_runs(doc: Path, emulator: Emulator, tmp_path: Path) -> None:
    """Each sh and python block of the document exits 0 against the emulator; each toml block is valid."""
    (tmp_path / "steadyloop.toml").write_text(_BASELINE + f'base_url = "{emulator.base_url("openai")}"\n')
    for link in ("examples", ".venv"):
        (tmp_path / link).symlink_to(ROOT / link)
    for block in blocks(doc):
        if block.lang in ("sh", "python", "toml") and block.skip is None:
            _run(block, emulator, tmp_path)


@pytest.mark.parametrize(("lang", "text"), [("sh", "steadyloop pool list --config missing.toml"),
                                            ("python", "loop.run('hi')"),
                                            ("toml", "[lop]\nmax_attempts = 3")])
def test_a_sample_that_errors_fails_the_test(lang: str, text: str, emulator: Emulator, tmp_path: Path) -> None:
    """A failing command, an undefined name or an invalid configuration fragment is reported with its place."""
    with pytest.raises((AssertionError, ValueError), match=r"x\.md:3 \(|unknown section"):
        _run(Block("x.md", 3, lang, text, None), emulator, tmp_path)
