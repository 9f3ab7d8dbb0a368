"""A last reading for an error no rule reads: the reason of its nearest labelled neighbours.

When the rule walk ends in ``unknown`` (and only then), the error's words are compared with the words of
the labelled real errors the rules were fitted to (the corpus files, ``tests/corpus``, less the unseen
ones), shipped as ``_neighbours.json`` and rebuilt by ``python -m bench.neighbours --build``.

- Words: runs of letters and ``_`` (2-30 long) of the lower-cased text; URLs, key shapes and any run with a
  digit are dropped. The index keeps only words at least two entries share (so no id, key or name that one
  report holds is stored) and, per entry, how many other words it had.
- Similarity: the cosine of the two word sets, each word weighted by its inverse document frequency
  (``log(n / df)``, n entries); a word of the error that no entry shares weighs as much as the rarest word.
- Decision: the error has at least ``MIN_WORDS`` words the index knows, and the entries compared are those whose
  status agrees with the error's (equal, or none on either side). It reads the nearest entry's reason when

  - the ``AGREEING`` nearest all score at least ``THRESHOLD`` and carry that reason, any reason but ``unknown``;
    a reason whose recovery cools the key (``KEY_REASONS``: ``rate_limit``, ``billing``, ``auth``,
    ``auth_permanent``) needs them all at ``KEY_THRESHOLD``, since a request's own error read as its key's would
    cool each key in turn;
  - or the nearest alone scores at least ``LONE_THRESHOLD`` and its reason is one of ``FALLBACK_REASONS``: those
    whose recovery on a mistake is no more drastic than ``unknown``'s (wait and resend to the same endpoint: no
    key is cooled, no request stopped, repaired or shrunk), so a wrong lone reading still retries.

  Otherwise the error stays ``unknown``.

The constants were chosen by leave-one-file-out over the fitted files and on the errors the rules left unknown
in six blind samples when each was first scored (``python -m bench.neighbours``, ``--as-of``);
``docs/classifier.md`` gives the figures. Looking up never raises: a fault reads as no neighbour.
"""

from __future__ import annotations

import functools
import json
import math
import re
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from itertools import chain
from typing import Any, Final, NamedTuple

from ._rules import Rule
from ._taxonomy import REASON_POLICY, Action, FailoverReason

__all__ = [
    "AGREEING",
    "FALLBACK_REASONS",
    "KEY_REASONS",
    "KEY_THRESHOLD",
    "LONE_THRESHOLD",
    "MIN_WORDS",
    "NO_NEIGHBOURS",
    "THRESHOLD",
    "Labelled",
    "Neighbours",
    "Reading",
    "neighbour_rule",
    "shipped",
    "words",
]

_R = FailoverReason
# The retry family (overloaded, server_error, timeout, transient, stream_incomplete, empty_response,
# malformed_response) and the key-cooling reasons are read off the policy table, which owns what each reason does.
FALLBACK_REASONS: Final = frozenset(r for r, row in REASON_POLICY.items()
                                    if row.action is Action.retry and r is not _R.unknown)
KEY_REASONS: Final = frozenset(r for r, row in REASON_POLICY.items() if row.action is Action.rotate)
THRESHOLD: Final = 0.3  # cosine similarity each agreeing neighbour must reach
KEY_THRESHOLD: Final = 0.5  # the same for a reason of KEY_REASONS
LONE_THRESHOLD: Final = 0.7  # the nearest alone, for a reason of FALLBACK_REASONS
AGREEING: Final = 2  # nearest entries that must all carry the reason
MIN_WORDS: Final = 2  # words of the error the index must know
_DATA: Final = "_neighbours.json"

_DROPPED: Final = re.compile(
    r"(?:https?|wss?)://\S+|www\.\S+"  # URLs
    r"|\b(?:sk|pk|rk|xai|gsk)[-_]\S+|\baiza\S+"  # key shapes (lower-cased)
    r"|\b(?:bearer|basic)\s+\S+"  # authorization values
    r"|\b(?:key|api_key|apikey|token|access_token|secret)=\S+")
_WORD: Final = re.compile(r"(?<![a-z0-9_])[a-z_]{2,30}(?![a-z0-9_])")  # a whole run, no digit in it


def words(text: str) -> frozenset[str]:
    """The words an error is compared by: lower-case runs of letters and ``_``, 2-30 long, outside URLs and
    key shapes; a run with a digit in it (an id, a number, a key) is dropped whole."""
    return frozenset(w for w in _WORD.findall(_DROPPED.sub(" ", text.lower())) if w.strip("_"))


class Labelled(NamedTuple):
    """One labelled entry of the index: its corpus id and file, its label and status, its shared words (a
    ``NamedTuple``: as immutable as a frozen dataclass, and several times cheaper to build, thousands at a load)."""

    id: str
    file: str
    reason: FailoverReason
    status: int | None
    words: frozenset[str]
    rare: int = 0  # words of the entry that no other entry shares (counted, not stored)


class Reading(NamedTuple):
    """What the index read: the nearest entry (its reason decides) and the branch that let it decide, ``agreeing``
    (the ``AGREEING`` nearest carry its reason) or ``alone`` (the nearest alone, a reason of ``FALLBACK_REASONS``)."""

    entry: Labelled
    branch: str


class Neighbours:
    """An immutable index of labelled entries; ``reading`` gives the reason the nearest ones agree on."""

    __slots__ = ("_by_norm", "_norms", "_rare", "_statuses", "_weight", "entries")

    def __init__(self, entries: Iterable[Labelled]) -> None:
        self.entries: tuple[Labelled, ...] = tuple(entries)
        n = len(self.entries)
        df = Counter(chain.from_iterable(e.words for e in self.entries))
        self._rare = math.log(n) ** 2 if n > 1 else 1.0  # squared weight of a word no other entry holds
        self._weight = {w: math.log(n / c) ** 2 for w, c in df.items()}  # squared inverse document frequency
        postings: dict[str, list[int]] = {w: [] for w in df}
        for at, e in enumerate(self.entries):
            for w in e.words:
                postings[w].append(at)
        weight = self._weight.__getitem__
        self._norms = tuple(math.sqrt(sum(map(weight, e.words)) + e.rare * self._rare) or 1.0 for e in self.entries)
        self._statuses = tuple(e.status for e in self.entries)  # read per candidate: a tuple, not a named field
        norms = self._norms
        # each word's postings by entry norm (then position), the norms beside them: _found bisects a window of norms
        by_norm = {w: sorted(ats, key=norms.__getitem__) for w, ats in postings.items()}  # stable: ties by position
        self._by_norm = {w: (tuple(ats), tuple(norms[at] for at in ats)) for w, ats in by_norm.items()}

    def without(self, file: str) -> Neighbours:
        """The index built without one corpus file's entries (leave-one-file-out)."""
        return Neighbours(e for e in self.entries if e.file != file)

    def ranked(self, text: str, status: int | None, limit: int = AGREEING,
               floor: float = 0.0) -> list[tuple[float, Labelled]]:
        """The ``limit`` entries most similar to ``text`` whose status agrees, best first (ties: index order);
        none when the text has fewer than ``MIN_WORDS`` words the index knows. Entries whose similarity is
        under ``floor`` may be left out: the higher ``floor``, the fewer entries are looked at."""
        query = words(text)
        known = [w for w in query if w in self._weight]
        if len(known) < MIN_WORDS:
            return []
        weight, entries, norms, statuses = self._weight, self.entries, self._norms, self._statuses
        query_norm = math.sqrt(sum(weight[w] for w in known) + (len(query) - len(known)) * self._rare) or 1.0
        least = floor * query_norm
        dots, past = self._found(known, least)
        # An entry's dot product lacks at most the words whose windows it is past, which weigh under least * |entry|
        # (see _found): dot / |entry| + least bounds it.
        bounds = sorted((-(dot / norms[at] + least), at) for at, dot in dots.items()
                        if status is None or statuses[at] is None or statuses[at] == status)
        best: list[tuple[float, int]] = []  # (-cosine, position), the ``limit`` best so far
        for bound, at in bounds:
            if len(best) >= limit and -bound / query_norm < -best[-1][0]:
                break  # no entry left can pass the ones kept
            dot, shared = dots[at], entries[at].words
            for w in known[bisect_right(past, -norms[at]):]:  # the words it lacks, added in the same order
                if w in shared:
                    dot += weight[w]
            item = (-dot / (query_norm * norms[at]), at)
            if len(best) < limit or item < best[-1]:
                insort(best, item)
                del best[limit:]
        return [(-score, entries[at]) for score, at in best]

    def _found(self, known: list[str], least: float) -> tuple[dict[int, float], list[float]]:
        """The entries that may reach a dot product of ``least * |entry|``, their dot products with the words whose
        windows hold them, and per word the negated largest ``|entry|`` its window holds (ascending).

        Words are read rarest first. An entry reaching ``least * |entry|`` has ``|entry| >= least`` (its dot
        product is at most ``|entry|**2``), and the first word it shares, with ``rest`` the weight of that word and
        every commoner one, bounds its dot product by ``rest``: so ``|entry| <= rest / least``. Each word adds its
        weight only to the entries of its posting list in that window of norms (lists sorted by norm: two bisects),
        so a common word (``the``, ``error``: postings of hundreds) touches the few short entries it could still
        lift. An entry past a word's window lacks that word, and every commoner one it is past, whose weight is under
        ``least * |entry|``; ``ranked`` adds them for the entries it completes. ``least`` 0 reads every posting.
        """
        weight, by_norm = self._weight, self._by_norm
        known.sort(key=lambda w: (len(by_norm[w][0]), w))
        rest = sum(weight[w] for w in known)
        dots: dict[int, float] = {}
        get = dots.get
        past: list[float] = []
        for w in known:
            ats, norms = by_norm[w]
            wt = weight[w]
            if least > 0:
                cut = rest / least
                ats = ats[bisect_left(norms, least):bisect_right(norms, cut)]
                past.append(-cut)
            else:
                past.append(-math.inf)
            for at in ats:
                dots[at] = get(at, 0.0) + wt
            rest -= wt
        return dots, past

    def reading(self, text: str, status: int | None) -> Labelled | None:
        """The nearest entry when its reason may be read (the module's decision); else None."""
        decided = self.decision(text, status)
        return None if decided is None else decided.entry

    def decision(self, text: str, status: int | None) -> Reading | None:
        """The nearest entry and the branch of the decision that lets its reason be read; None when none does:
        the ``AGREEING`` nearest carry one reason (not ``unknown``) and all reach ``THRESHOLD``, or
        ``KEY_THRESHOLD`` for a reason of ``KEY_REASONS``; else the nearest alone reaches ``LONE_THRESHOLD`` with
        a reason of ``FALLBACK_REASONS``."""
        near = self.ranked(text, status, floor=THRESHOLD)
        if not near:
            return None
        best, nearest = near[0]
        reason = nearest.reason
        if (len(near) >= AGREEING and reason is not FailoverReason.unknown
                and near[-1][0] >= (KEY_THRESHOLD if reason in KEY_REASONS else THRESHOLD)
                and all(e.reason is reason for _, e in near)):
            return Reading(nearest, "agreeing")
        if best >= LONE_THRESHOLD and reason in FALLBACK_REASONS:
            return Reading(nearest, "alone")
        return None

    def to_data(self, about: str = "") -> dict[str, Any]:
        """A JSON-ready form: the files once, and per entry its id, file, reason, status, words and rare count."""
        files = sorted({e.file for e in self.entries})
        return {"about": about, "files": files, "entries": [
            [e.id, files.index(e.file), e.reason.value, e.status, " ".join(sorted(e.words)), e.rare]
            for e in self.entries]}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Neighbours:
        """The index ``to_data`` wrote."""
        files: Sequence[str] = data["files"]
        return cls(Labelled(id=str(entry_id), file=files[file_at], reason=FailoverReason(reason), status=status,
                            words=frozenset(shared.split()), rare=int(rare))
                   for entry_id, file_at, reason, status, shared, rare in data["entries"])


NO_NEIGHBOURS: Final = Neighbours(())
"""An empty index: the fallback reads nothing (rule-only classification)."""


@functools.cache
def shipped() -> Neighbours:
    """The index shipped with the package, read on first use; empty when it cannot be read."""
    from importlib import resources  # here: the import costs milliseconds and most processes never need it

    try:
        text = resources.files(__package__ or "agent").joinpath(_DATA).read_text(encoding="utf-8")
        return Neighbours.from_data(json.loads(text))
    except Exception:  # a missing or damaged data file must not break classification
        return NO_NEIGHBOURS


def neighbour_rule(text: str, status: int | None, index: Neighbours | None) -> Rule | None:
    """A rule named ``neighbour:<entry id>`` deciding the nearest entries' reason, or None (never raises)."""
    try:
        hit = (shipped() if index is None else index).reading(text, status)
    except Exception:
        return None
    return None if hit is None else Rule(f"neighbour:{hit.id}", hit.reason)
