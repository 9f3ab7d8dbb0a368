"""Quick start: a cron job. One turn, an exit code per outcome, a truthful status file for monitoring.

    STEADYLOOP_CONFIG=steadyloop.toml python examples/cron_job.py "Summarise today's alerts" last_status.json
    echo $?   # 0 ok; 10 content_policy_blocked, 11 quota_exhausted, 12 rate_limited, ... 78 config error

The same without Python, in a crontab (identical records, the CLI handles every exit path too):

    0 7 * * *  steadyloop run --config /etc/steadyloop.toml --status-file /var/lib/daily/last_status.json "..."

Whatever happens, the job prints a message fit for a human and records the truth in the status
file: "running" while it runs (a killed job never leaves the last "ok" behind), then the turn's
status, reason, model, provider, attempts, elapsed seconds and exit code, or "config_error" /
"interrupted". Each run is also one line of last_status.history.jsonl beside it, with a
"streak" ("rate_limited 3 times in a row"), bounded to the last 50 runs.
"""

from __future__ import annotations

import os
import sys

from agent.config import build_loop, load_config
from agent.cron import EXIT_CONFIG, CronStatus
from agent.interrupt import on_signals


def main(argv: list[str]) -> int:
    prompt = argv[1] if len(argv) > 1 else "Summarise today's alerts."
    job = CronStatus(argv[2] if len(argv) > 2 else "last_status.json")
    job.started()
    try:
        loop = build_loop(load_config(os.environ.get("STEADYLOOP_CONFIG", "steadyloop.toml")))
    except ValueError as err:  # ConfigError, and the checks the loop makes when it is built
        print(f"configuration error: {err}", file=sys.stderr)
        job.failed("config_error", str(err), EXIT_CONFIG)
        return EXIT_CONFIG
    with on_signals():  # SIGTERM from cron or systemd ends the turn cleanly: key released, status "interrupted"
        result = loop.run(prompt, session="cron-daily-summary")  # the same key while it stays healthy
    print(result.final_response)
    job.finished(result, result.exit_code)  # atomic: a monitor never reads half a file
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
