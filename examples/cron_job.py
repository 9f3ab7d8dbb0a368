"""Quick start: a cron job. One turn, an exit code per outcome, last_status written for monitoring.

    STEADYLOOP_CONFIG=steadyloop.toml python examples/cron_job.py "Summarise today's alerts" last_status.json
    echo $?   # 0 ok; 10 content_policy_blocked, 11 quota_exhausted, 12 rate_limited, ... (see README)

Whatever happens, the job prints a message fit for a human and records the real reason in the
status file ({"status", "reason", "message", "at", "model", "attempts", "retry_at"}), so a
monitor can tell "the provider refused" from "every key is out of quota until 14:00".
"""

from __future__ import annotations

import os
import sys

from agent.config import build_loop, load_config
from agent.results import write_status_file


def main(argv: list[str]) -> int:
    prompt = argv[1] if len(argv) > 1 else "Summarise today's alerts."
    status_path = argv[2] if len(argv) > 2 else "last_status.json"
    loop = build_loop(load_config(os.environ.get("STEADYLOOP_CONFIG", "steadyloop.toml")))
    result = loop.run(prompt, session="cron-daily-summary")  # the same key while it stays healthy
    write_status_file(result, status_path)  # atomic: a monitor never reads half a file
    print(result.final_response)
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main(sys.argv))
