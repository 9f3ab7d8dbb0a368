"""Cron truth: a status file that says what the last run did on every exit path, and a bounded history.

``CronStatus(path)`` is what ``steadyloop run --status-file PATH`` uses (and any job may):

- ``started()`` writes ``{"status": "running", ...}`` first, so a run killed where no handler can
  act (SIGKILL, the OOM killer, a power cut) never leaves the previous run's "ok" behind;
- ``finished(result, exit_code)`` writes the turn's record: ``result.last_status()`` plus
  ``exit_code``, ``provider``, ``elapsed`` (seconds), ``started_at`` and ``streak``;
- ``failed(status, message, exit_code)`` writes a run that ended without a turn result: a
  configuration error (``config_error``, exit 78), a bad command line (``usage_error``, exit 2),
  an unexpected exception (``crashed``, exit 70) or a signal before the turn (``interrupted``).

Every record is written atomically (a temp file, then rename) and appended as one JSON line to
the history beside it (``last_status.json`` -> ``last_status.history.jsonl``): append-only, and
bounded to the last ``keep`` runs (compacted in place, under an exclusive lock, once it holds
twice that). ``streak`` counts the runs in a row, this one included, that ended with this status,
so a dashboard can say "failed 3 times in a row". Messages pass through the redaction registry:
no record ever holds a key.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Final, Literal

from ._redact import redact
from .results import TurnResult, now_utc, write_json_atomic

__all__ = ["EXIT_CONFIG", "EXIT_CRASHED", "EXIT_USAGE", "CronStatus", "RunStatus", "history_path", "read_history"]

EXIT_USAGE: Final = 2
"""A bad command line (an option's value, a missing prompt)."""
EXIT_CONFIG: Final = 78
"""A configuration error: the file is missing, invalid, or names something that is not there (EX_CONFIG)."""
EXIT_CRASHED: Final = 70
"""An unexpected exception: a bug or an environment fault steadyloop did not foresee (EX_SOFTWARE)."""

RunStatus = Literal["running", "config_error", "usage_error", "crashed", "interrupted"]
"""Statuses of runs that ended without a turn result (a turn's own are ``TurnStatus`` values)."""

_MESSAGE_CHARS: Final = 500


def history_path(path: str | Path) -> Path:
    """Where the history of ``path`` lives: beside it, ``NAME.history.jsonl``."""
    target = Path(path).expanduser()
    return target.with_name(f"{target.stem}.history.jsonl")


def read_history(path: str | Path) -> list[dict[str, Any]]:
    """The records of the history beside status file ``path``, oldest first (unreadable lines skipped)."""
    try:
        lines = history_path(path).read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        return []
    records = []
    for line in lines:
        with contextlib.suppress(json.JSONDecodeError):
            record = json.loads(line)
            if isinstance(record, dict):
                records.append(record)
    return records


class CronStatus:
    """The status file of one run, and its history (see the module docstring)."""

    def __init__(self, path: str | Path, *, keep: int = 50, clock: Callable[[], float] = time.monotonic,
                 now: Callable[[], datetime] = now_utc) -> None:
        if keep < 0:
            raise ValueError(f"keep={keep}: give the number of runs to keep in the history (0 keeps none)")
        self.path, self.keep, self._clock, self._now = Path(path).expanduser(), keep, clock, now
        self._start, self._started_at = clock(), now()

    def started(self) -> None:
        """Say the run is under way (replacing the previous run's record; not added to the history)."""
        self._replace({"status": "running", "at": self._started_at.isoformat(), "pid": os.getpid()})

    def finished(self, result: TurnResult, exit_code: int) -> dict[str, Any]:
        """Record a turn's result with the process's exit code; returns the record."""
        record = {**result.last_status(), "exit_code": exit_code}
        record["message"] = redact(str(record["message"]))[:_MESSAGE_CHARS]
        return self._record(record)

    def failed(self, status: RunStatus, message: str, exit_code: int, *, provider: str | None = None,
               model: str | None = None, attempts: int = 0) -> dict[str, Any]:
        """Record a run that ended without a turn result; returns the record."""
        return self._record({"status": status, "reason": None, "message": redact(message)[:_MESSAGE_CHARS],
                             "at": self._now().isoformat(), "model": model, "provider": provider,
                             "attempts": attempts, "truncated": False, "retry_at": None, "exit_code": exit_code})

    def _record(self, record: dict[str, Any]) -> dict[str, Any]:
        record = {**record, "elapsed": round(self._clock() - self._start, 3),  # the run's, not only the turn's
                  "started_at": self._started_at.isoformat()}
        if self.keep:
            record = self._append(record)
        self._replace(record)
        return record

    def _replace(self, record: dict[str, Any]) -> None:
        write_json_atomic(record, self.path)  # a reader never sees half a file

    def _append(self, record: dict[str, Any]) -> dict[str, Any]:
        """Add ``record`` (with its streak) to the history; compact it to ``keep`` lines past twice that."""
        with _locked(history_path(self.path)) as log:
            log.seek(0)
            lines = log.read().splitlines()
            last = _last_record(lines)
            same = last is not None and last.get("status") == record["status"]
            record = {**record, "streak": int(last.get("streak", 1)) + 1 if same and last else 1}
            lines.append(json.dumps(record, separators=(",", ":")))
            if len(lines) > 2 * self.keep:  # rewrite in place, under the lock: appends stay O(1) in between
                log.seek(0)
                log.truncate()
                log.write("\n".join(lines[-self.keep:]) + "\n")
            else:
                log.seek(0, os.SEEK_END)
                log.write(lines[-1] + "\n")
        return record


def _last_record(lines: list[str]) -> dict[str, Any] | None:
    for line in reversed(lines):
        with contextlib.suppress(json.JSONDecodeError):
            record = json.loads(line)
            if isinstance(record, dict):
                return record
    return None


@contextlib.contextmanager
def _locked(path: Path) -> Iterator[IO[str]]:
    """``path`` open for reading and appending, under an exclusive lock (runs that overlap take turns)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+", encoding="utf-8") as log:
        fcntl.flock(log.fileno(), fcntl.LOCK_EX)
        try:
            yield log
            log.flush()
        finally:
            fcntl.flock(log.fileno(), fcntl.LOCK_UN)
