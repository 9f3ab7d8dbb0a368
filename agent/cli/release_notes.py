"""``steadyloop release-notes``: notes since a tag or commit, credited through AUTHOR_MAP."""

from __future__ import annotations

import argparse
from typing import Any, TextIO

from ._common import UsageError

__all__ = ["add"]


def _cmd_release_notes(args: argparse.Namespace, out: TextIO) -> int:
    from ..release_notes import ReleaseNotesError, render_release_notes

    try:
        out.write(render_release_notes(args.since, repo=args.repo, author_map=args.author_map))
    except ReleaseNotesError as err:
        raise UsageError(str(err)) from err
    return 0


def add(sub: Any) -> None:
    """Register ``release-notes``."""
    p = sub.add_parser("release-notes", help="release notes since a tag or commit, credited via AUTHOR_MAP")
    p.add_argument("since", nargs="?", default=None,
                   help="tag or commit to start after (default: the newest tag; with no tags, the whole history)")
    p.add_argument("--repo", default=".", help="git checkout (default: .)")
    p.add_argument("--author-map", default=None, help="AUTHOR_MAP path (default: REPO/AUTHOR_MAP when it exists, "
                   "else git's author names are credited)")
    p.set_defaults(func=_cmd_release_notes)
