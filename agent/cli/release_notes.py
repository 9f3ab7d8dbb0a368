"""``steadyloop release-notes``: notes since a tag or commit, credited through AUTHOR_MAP."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

__all__ = ["add"]


def _cmd_release_notes(args: argparse.Namespace, out: TextIO) -> int:
    from ..release_notes import render_release_notes

    out.write(render_release_notes(args.since, repo=args.repo, author_map=args.author_map))
    return 0


def add(sub: Any) -> None:
    """Register ``release-notes``."""
    p = sub.add_parser("release-notes", help="release notes since a tag or commit, credited via AUTHOR_MAP")
    p.add_argument("since", help="tag or commit to start after (exclusive)")
    p.add_argument("--repo", default=".", help="git checkout (default: .)")
    p.add_argument("--author-map", default=None, help="AUTHOR_MAP path (default: REPO/AUTHOR_MAP)")
    p.set_defaults(func=_cmd_release_notes)
