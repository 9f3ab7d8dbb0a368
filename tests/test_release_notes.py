"""Behaviour of agent.release_notes and the AUTHOR_MAP contract."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from agent.release_notes import ReleaseNotesError, git_commits, load_author_map, missing_authors, render_release_notes

ROOT = Path(__file__).resolve().parent.parent


def _git(repo: Path, *args: str, email: str = "ada@example.com", name: str = "Ada") -> str:
    env = {"GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name,
           "GIT_COMMITTER_EMAIL": email, "HOME": str(repo), "PATH": "/usr/bin:/bin:/usr/local/bin"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def test_every_commit_author_is_in_author_map() -> None:
    """Every author and co-author in this checkout's git log has a line in AUTHOR_MAP."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout: no history to check AUTHOR_MAP against")
    mapping = load_author_map(ROOT / "AUTHOR_MAP")
    missing = missing_authors(git_commits(ROOT), mapping)
    assert not missing, f"add these e-mails to AUTHOR_MAP: {sorted(missing)}"


def test_notes_group_by_type_and_credit_co_authors(tmp_path: Path) -> None:
    """Commits are grouped by conventional type and credited via AUTHOR_MAP, trailers included."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "chore: start")
    _git(tmp_path, "tag", "v0")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m",
         "feat(pool): rotate keys\n\nCo-authored-by: Bo <bo@example.com>")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "fix!: stop retry storms", email="cy@example.com", name="Cy")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "Update readme")
    (tmp_path / "MAP").write_text("# map\nada@example.com @ada\nbo@example.com Bo B.\ncy@example.com @cy\n")
    notes = render_release_notes("v0", repo=str(tmp_path), author_map=str(tmp_path / "MAP"))
    assert notes.index("## Features") < notes.index("## Fixes") < notes.index("## Other")
    assert "rotate keys" in notes and "thanks @ada, Bo B.)" in notes
    assert "**breaking:** stop retry storms" in notes and "thanks @cy" in notes
    assert "start" not in notes


def test_missing_author_is_reported(tmp_path: Path) -> None:
    """An author missing from the map is reported by e-mail."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "feat: x\n\nCo-authored-by: Zed <zed@example.com>")
    assert missing_authors(git_commits(tmp_path), {"ada@example.com": "@ada"}) == {"zed@example.com"}


def test_malformed_author_map_line_names_the_line(tmp_path: Path) -> None:
    """A malformed AUTHOR_MAP line is an error that names the file and line."""
    (tmp_path / "MAP").write_text("# ok\nnot-an-email\n")
    with pytest.raises(ValueError, match=r"MAP:2"):
        load_author_map(tmp_path / "MAP")


def test_without_tags_the_notes_cover_the_whole_history_and_say_so(tmp_path: Path) -> None:
    """In a repository with no tags, release-notes without SINCE takes every commit and says why."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "feat: first")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "fix: second")
    (tmp_path / "MAP").write_text("ada@example.com @ada\n")
    notes = render_release_notes(repo=str(tmp_path), author_map=str(tmp_path / "MAP"))
    assert "no tags yet: the whole history" in notes and "- first" in notes and "- second" in notes


def test_without_since_the_newest_tag_is_the_start(tmp_path: Path) -> None:
    """With tags, release-notes without SINCE starts after the newest one."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "feat: old")
    _git(tmp_path, "tag", "v0.1.0")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "feat: new")
    (tmp_path / "MAP").write_text("ada@example.com @ada\n")
    notes = render_release_notes(repo=str(tmp_path), author_map=str(tmp_path / "MAP"))
    assert notes.startswith("# Release notes since v0.1.0") and "- new" in notes and "- old" not in notes


@pytest.mark.parametrize(("tag", "needle"), [(False, "this repository has no tags yet"), (True, "tags: v1")])
def test_an_unknown_since_is_a_clear_error(tmp_path: Path, tag: bool, needle: str) -> None:
    """A SINCE that is neither a tag nor a commit raises ReleaseNotesError listing the tags, no traceback."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "feat: first")
    if tag:
        _git(tmp_path, "tag", "v1")
    with pytest.raises(ReleaseNotesError, match=f"since 'v0.1.0': no such tag or commit \\({needle}"):
        render_release_notes("v0.1.0", repo=str(tmp_path))


def test_a_repository_without_author_map_credits_git_names(tmp_path: Path) -> None:
    """release-notes in a repository that has no AUTHOR_MAP (any project but this one) credits git's
    author names instead of failing on the missing file."""
    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "feat: first")
    notes = render_release_notes(repo=str(tmp_path))
    assert "- first (" in notes and "thanks Ada)" in notes


@pytest.mark.parametrize(("content", "needle"), [(None, "cannot read it"), ("not-an-email\n", "MAP:1")])
def test_an_unusable_author_map_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                 content: str | None, needle: str) -> None:
    """--author-map naming a missing or malformed file: one line naming it (exit 2), no traceback."""
    from agent.cli import main

    _git(tmp_path, "init", "-q", "-b", "main")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "feat: first")
    if content is not None:
        (tmp_path / "MAP").write_text(content)
    assert main(["release-notes", "--repo", str(tmp_path), "--author-map", str(tmp_path / "MAP")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("steadyloop: error: --author-map ") and needle in err and err.count("\n") == 1, err
