"""Release notes from git history: commits grouped by conventional type, credited via AUTHOR_MAP."""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Final

__all__ = [
    "Commit", "ReleaseNotesError", "git_commits", "latest_tag", "load_author_map", "missing_authors",
    "render_release_notes",
]

_SECTIONS: Final = (
    ("feat", "Features"), ("fix", "Fixes"), ("perf", "Performance"), ("refactor", "Refactoring"),
    ("docs", "Documentation"), ("test", "Tests"), ("build", "Build"), ("ci", "CI"), ("chore", "Chores"),
)
_SUBJECT_RE: Final = re.compile(r"^(?P<type>[a-z]+)(?:\((?P<scope>[^)]*)\))?(?P<bang>!)?:\s*(?P<text>.+)$")
_TRAILER_RE: Final = re.compile(r"^co-authored-by:\s*(?P<name>.*?)\s*<(?P<email>[^>]+)>\s*$", re.I | re.M)
_FIELD, _RECORD = "\x1f", "\x1e"


class ReleaseNotesError(ValueError):
    """The starting point or the repository is unusable; the message says what to pass instead."""


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)


def latest_tag(repo: Path) -> str | None:
    """The newest tag reachable from HEAD, or None when the repository has no tags yet."""
    done = _git(repo, "describe", "--tags", "--abbrev=0")
    return done.stdout.strip() or None if done.returncode == 0 else None


def _check_since(repo: Path, since: str) -> None:
    if _git(repo, "rev-parse", "--verify", "-q", f"{since}^{{commit}}").returncode == 0:
        return
    tags = _git(repo, "tag", "--list").stdout.split()
    known = f"tags: {', '.join(tags[-5:])}" if tags else "this repository has no tags yet"
    raise ReleaseNotesError(f"since {since!r}: no such tag or commit ({known}); pass a tag or commit, or omit it "
                            "for the notes since the newest tag (the whole history when there is none)")


@dataclass(frozen=True, slots=True)
class Commit:
    """One commit as the notes need it."""

    sha: str
    email: str
    name: str
    subject: str
    body: str

    @property
    def co_authors(self) -> tuple[tuple[str, str], ...]:
        """(name, e-mail) of each Co-authored-by trailer."""
        return tuple((m["name"], m["email"].lower()) for m in _TRAILER_RE.finditer(self.body))


def load_author_map(path: Path) -> dict[str, str]:
    """Parse AUTHOR_MAP: ``email  credit`` per line, '#' comments."""
    mapping: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        email, _, credit = stripped.partition(" ")
        if "@" not in email or not credit.strip():
            raise ValueError(f"{path}:{number}: expected '<e-mail> <name to credit>', got {line!r}")
        mapping[email.lower()] = credit.strip()
    return mapping


def git_commits(repo: Path, since: str | None = None) -> list[Commit]:
    """Commits reachable from HEAD (after ``since`` when given), newest first."""
    revision = f"{since}..HEAD" if since else "HEAD"
    has_head = subprocess.run(["git", "-C", str(repo), "rev-parse", "--verify", "-q", "HEAD"],
                              capture_output=True, check=False).returncode == 0
    if not has_head:
        return []  # a fresh repository has no history yet
    fmt = _FIELD.join(("%H", "%ae", "%an", "%s", "%b")) + _RECORD
    output = subprocess.run(
        ["git", "-C", str(repo), "log", f"--format={fmt}", revision],
        check=True, capture_output=True, text=True,
    ).stdout
    commits = []
    for record in output.split(_RECORD):
        parts = record.strip("\n").split(_FIELD)
        if len(parts) == 5:
            commits.append(Commit(parts[0], parts[1].lower(), parts[2], parts[3], parts[4]))
    return commits


def missing_authors(commits: list[Commit], mapping: dict[str, str]) -> set[str]:
    """E-mails of authors and co-authors that AUTHOR_MAP does not credit."""
    emails = {c.email for c in commits} | {email for c in commits for _, email in c.co_authors}
    return {email for email in emails if email not in mapping}


def _credit(email: str, fallback: str, mapping: dict[str, str]) -> str:
    return mapping.get(email.lower(), fallback)


def _line(commit: Commit, text: str, mapping: dict[str, str]) -> str:
    people = [_credit(commit.email, commit.name, mapping)]
    people += [_credit(email, name, mapping) for name, email in commit.co_authors]
    unique = list(dict.fromkeys(people))
    return f"- {text} ({commit.sha[:7]}; thanks {', '.join(unique)})"


def _author_map(root: Path, given: str | None) -> dict[str, str]:
    """The credits of ``--author-map``, else of REPO/AUTHOR_MAP if the repository has one (else none:
    the notes credit git's author names); a file that cannot be read or parsed is a ReleaseNotesError."""
    path = Path(given) if given else root / "AUTHOR_MAP"
    if given is None and not path.exists():
        return {}
    try:
        return load_author_map(path)
    except OSError as err:
        raise ReleaseNotesError(f"--author-map {path}: cannot read it ({err.strerror}); pass an existing "
                                "file of '<e-mail> <name to credit>' lines, or omit it") from err
    except ValueError as err:
        raise ReleaseNotesError(f"--author-map {err}") from err


def render_release_notes(since: str | None = None, *, repo: str = ".", author_map: str | None = None) -> str:
    """Markdown release notes for the commits after ``since`` (default: the newest tag, else all history)."""
    root = Path(repo)
    if _git(root, "rev-parse", "--git-dir").returncode != 0:
        raise ReleaseNotesError(f"--repo {repo}: not a git checkout")
    if since is not None:
        _check_since(root, since)
    else:
        since = latest_tag(root)
    mapping = _author_map(root, author_map)
    groups: dict[str, list[str]] = {}
    for commit in git_commits(root, since):
        match = _SUBJECT_RE.match(commit.subject)
        kind = match["type"] if match else "other"
        text = match["text"] if match else commit.subject
        if match and match["bang"]:
            text = f"**breaking:** {text}"
        groups.setdefault(kind, []).append(_line(commit, text, mapping))
    titles = dict(_SECTIONS)
    order = [k for k, _ in _SECTIONS if k in groups] + sorted(k for k in groups if k not in titles)
    title = f"since {since}" if since else "(no tags yet: the whole history; tag a release with git tag v0.2.0)"
    out = [f"# Release notes {title}", ""]
    for kind in order:
        out += [f"## {titles.get(kind, kind.capitalize())}", *groups[kind], ""]
    return "\n".join(out) + ("" if groups else "No changes.\n")
