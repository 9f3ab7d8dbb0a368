"""A last reading for an error no rule reads: a word model of the labelled real errors.

When the rule walk ends in ``unknown`` (and only then), the error's words are weighed by a multinomial naive Bayes
model counted over every labelled real error of the corpus (``tests/corpus``), shipped as ``_word_model.json`` and
rebuilt by ``python -m bench.word_model --build``.

- Words: runs of letters and ``_`` (2-30 long) of the lower-cased text; URLs, key shapes and any run with a digit
  are dropped. The model keeps only words that at least two labelled errors hold (so no id, key or name that one
  report holds is stored), and per word how many errors of each reason hold it.
- Reading: each reason scores its share of the labelled errors times, for each word of the error the model knows,
  the chance that one of the reason's words is that word (counts smoothed by ``ALPHA``); the scores, normalised,
  give each reason's probability.
- Decision: the error has at least ``MIN_WORDS`` words the model knows, the likeliest reason is not ``unknown``, and
  its probability reaches ``THRESHOLD``; a reason whose recovery cools the key (``KEY_REASONS``: ``rate_limit``,
  ``billing``, ``auth``, ``auth_permanent``) needs ``KEY_THRESHOLD``, since a request's own error read as its key's
  would cool each key in turn; a reason whose recovery retries as unknown's does (``RETRY_REASONS``: a transport
  fault, a 5xx, load, an empty or cut answer) needs only ``RETRY_THRESHOLD``. Otherwise the error stays ``unknown``.

The constants were chosen on the errors the rules left unknown in blind samples, each read with a model counted
over the files mined before it (``python -m bench.word_model --as-of``); ``docs/classifier.md`` gives the figures.
Reading never raises: a fault reads as nothing.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from ._taxonomy import REASON_POLICY, Action, FailoverReason

__all__ = [
    "ALPHA",
    "KEY_REASONS",
    "KEY_THRESHOLD",
    "MIN_WORDS",
    "NO_MODEL",
    "RETRY_REASONS",
    "RETRY_THRESHOLD",
    "THRESHOLD",
    "WordModel",
    "bar",
    "dropped",
    "packaged_data",
    "shipped",
    "words",
]

KEY_REASONS: Final = frozenset(r for r, row in REASON_POLICY.items() if row.action is Action.rotate)
ALPHA: Final = 0.1  # added to every (word, reason) count
THRESHOLD: Final = 0.6  # probability the likeliest reason must reach
KEY_THRESHOLD: Final = 0.9  # the same for a reason of KEY_REASONS
# the reasons whose recovery retries, as unknown's does (a transport fault, a 5xx, load, an empty or cut answer)
RETRY_REASONS: Final = frozenset(r for r, row in REASON_POLICY.items()
                                 if row.action is Action.retry and r is not FailoverReason.unknown)
RETRY_THRESHOLD: Final = 0.5  # the same for a reason of RETRY_REASONS
MIN_WORDS: Final = 2  # words of the error the model must know
RULE_NAME: Final = "word_model"
_DATA: Final = "_word_model.json"

# What the words are read without: URLs, key shapes (lower-cased), authorization values and key parameters, each up to
# the next space: ``(?:https?|wss?)://\S+|www\.\S+|\b(?:sk|pk|rk|xai|gsk)[-_]\S+|\baiza\S+|\b(?:bearer|basic)\s+\S+
# |\b(?:key|api_key|apikey|token|access_token|secret)=\S+``. Written so that every alternative starts with its own
# letter and checks the word boundary after it (``s(?<=\bs)``): re then skips every position whose letter starts none
# of them, instead of trying six alternatives at each (31 us on a 780-character stack trace with a URL, now 9). At
# one position at most one alternative can match (their first two letters differ), so the matches are the same.
_DROPPED: Final = re.compile(
    r"https?://\S+|wss?://\S+|www\.\S+"  # URLs
    r"|s(?<=\bs)k[-_]\S+|p(?<=\bp)k[-_]\S+|r(?<=\br)k[-_]\S+|x(?<=\bx)ai[-_]\S+|g(?<=\bg)sk[-_]\S+"  # key shapes
    r"|a(?<=\ba)iza\S+"
    r"|b(?<=\bb)(?:earer|asic)\s+\S+"  # authorization values
    r"|k(?<=\bk)ey=\S+|a(?<=\ba)pi_?key=\S+|t(?<=\bt)oken=\S+|a(?<=\ba)ccess_token=\S+|s(?<=\bs)ecret=\S+")
# A word is a whole run of ``[a-z0-9_]`` 2-30 long with no digit in it. An ASCII text's runs are split out by a byte
# table (every other byte a space) and ``split``, in C; a text with other characters by a regex of the runs (a regex
# of the words themselves, ``(?<![a-z0-9_])[a-z_]{2,30}(?![a-z0-9_])``, cost 12 us on 780 characters).
_RUNS: Final = bytes(c if 97 <= c <= 122 or 48 <= c <= 57 or c == 95 else 32 for c in range(256))
_RUN: Final = re.compile(r"[a-z0-9_]+")


def bar(reason: FailoverReason) -> float:
    """The probability a reading of ``reason`` must reach: ``KEY_THRESHOLD`` for a reason that cools the key,
    ``RETRY_THRESHOLD`` for one whose recovery retries as unknown's does (a wrong reading changes the name more than
    the recovery), ``THRESHOLD`` for the rest (they stop, repair, compress or fall back at once)."""
    return KEY_THRESHOLD if reason in KEY_REASONS else RETRY_THRESHOLD if reason in RETRY_REASONS else THRESHOLD


# What each alternative of ``_DROPPED`` needs in the lower-cased text: without any of them nothing is dropped, and the
# substitution (an alternation tried at every position: most of the reading's cost on a plain sentence) is skipped.
_DROPPED_NEEDS: Final = ("://", "www.", "sk-", "sk_", "pk-", "pk_", "rk-", "rk_", "xai-", "xai_", "aiza", "bearer",
                         "basic", "key=", "token=", "secret=")


def dropped(low: str) -> str:
    """The lower-cased text ``low`` without its URLs and key shapes (``_DROPPED``), each left as a space."""
    for needed in _DROPPED_NEEDS:
        if needed in low:
            return _DROPPED.sub(" ", low)
    return low


def words(text: str) -> frozenset[str]:
    """The words an error is read by: lower-case runs of letters and ``_``, 2-30 long, outside URLs and key
    shapes; a run with a digit in it (an id, a number, a key) is dropped whole."""
    low = dropped(text.lower())
    runs = low.encode().translate(_RUNS).decode().split() if low.isascii() else _RUN.findall(low)
    # a run of letters and "_" only: letters alone, or letters once the "_" are gone (a run of "_" alone is no word)
    return frozenset(w for w in runs if 2 <= len(w) <= 30 and (w.isalpha() or w.replace("_", "").isalpha()))


def _boosts(at: Mapping[FailoverReason, int], by: Mapping[FailoverReason, int]) -> tuple[tuple[int, float], ...]:
    """What a word adds to each reason that holds it, over a known word's cost (``WordModel._score_reasons``):
    log((count + alpha) / alpha), keyed by the reason's place ``at``."""
    return tuple((at[r], math.log((c + ALPHA) / ALPHA)) for r, c in by.items())


class WordModel:
    """Immutable counts of labelled errors: per reason how many errors carry it, per word how many errors of each
    reason hold it. ``reading`` gives the reason the model may decide, ``posterior`` its probability."""

    __slots__ = ("_boost", "_counts", "_docs", "_per_word", "_prior", "_reasons", "_tokens")
    rule_name: Final = RULE_NAME  # the rule a reading is decided by

    def __init__(self, docs: Mapping[FailoverReason, int], counts: Mapping[str, Mapping[FailoverReason, int]]) -> None:
        self._reasons: tuple[FailoverReason, ...] = tuple(r for r in FailoverReason if docs.get(r, 0) > 0)
        self._docs = {r: docs[r] for r in self._reasons}
        at = {r: i for i, r in enumerate(self._reasons)}
        self._counts: dict[str, dict[FailoverReason, int]] = {
            w: {r: c for r, c in by.items() if c > 0 and r in at} for w, by in counts.items()}
        tokens = Counter[FailoverReason]()
        for by in self._counts.values():
            tokens.update(by)
        self._tokens = tokens
        self._score_reasons()
        self._boost: dict[str, tuple[tuple[int, float], ...]] = {
            w: _boosts(at, by) for w, by in self._counts.items()}

    def _score_reasons(self) -> None:
        """Each reason's prior and the cost of a known word it never holds, from ``_docs``, ``_tokens`` and the
        vocabulary (the one place these formulas stand: ``__init__`` and ``without`` both call it)."""
        vocabulary = len(self._counts)
        total = sum(self._docs.values())
        self._prior = tuple(math.log(self._docs[r] / total) for r in self._reasons)
        # what each known word costs a reason that never holds it, log(alpha / (tokens + alpha * vocabulary))
        self._per_word = tuple(math.log(ALPHA / (self._tokens[r] + ALPHA * vocabulary)) for r in self._reasons)

    @classmethod
    def counted(cls, labelled: Iterable[tuple[FailoverReason, frozenset[str]]], min_errors: int = 2) -> WordModel:
        """The model of these labelled errors (reason, words), keeping the words ``min_errors`` of them hold."""
        items = list(labelled)
        held = Counter(w for _, ws in items for w in ws)
        counts: dict[str, Counter[FailoverReason]] = {}
        for reason, ws in items:
            for w in ws:
                if held[w] >= min_errors:
                    counts.setdefault(w, Counter())[reason] += 1
        return cls(Counter(reason for reason, _ in items), counts)

    def without(self, labelled: Iterable[tuple[FailoverReason, frozenset[str]]]) -> WordModel:
        """The model less these labelled errors' counts (leave-one-file-out); words keep their place even when no
        error is left to hold them, as the model counted without those errors would not know them either way.

        Only the words the errors hold are counted again (a few hundred of thousands), so leaving a file out costs
        about 4 ms instead of 41; the result is the model ``__init__`` would build from the lessened counts."""
        docs = dict(self._docs)
        touched: dict[str, dict[FailoverReason, int]] = {}
        for reason, ws in labelled:
            docs[reason] = docs.get(reason, 0) - 1
            for w in ws:
                by = touched.get(w)
                if by is None:
                    if w not in self._counts:
                        continue
                    by = touched[w] = dict(self._counts[w])
                if by.get(reason, 0) > 0:
                    by[reason] -= 1
        reasons = tuple(r for r in FailoverReason if docs.get(r, 0) > 0)
        if reasons != self._reasons:  # a reason left with no error: every word's place changes, count all again
            return WordModel(docs, {**self._counts, **touched})
        new = object.__new__(WordModel)
        new._reasons = reasons
        new._docs = {r: docs[r] for r in reasons}
        new._counts = {**self._counts, **{w: {r: c for r, c in by.items() if c > 0} for w, by in touched.items()}}
        tokens = Counter[FailoverReason](self._tokens)
        for w in touched:
            for r in reasons:
                tokens[r] += new._counts[w].get(r, 0) - self._counts[w].get(r, 0)
        new._tokens = tokens
        new._score_reasons()
        at = {r: i for i, r in enumerate(reasons)}
        new._boost = {**self._boost, **{w: _boosts(at, new._counts[w]) for w in touched}}
        return new

    @property
    def vocabulary(self) -> int:
        """How many words the model knows."""
        return len(self._counts)

    def posterior(self, text: str) -> list[tuple[float, FailoverReason]]:
        """Each reason's probability for this text, likeliest first; empty when the text has fewer than
        ``MIN_WORDS`` words the model knows (or the model is empty)."""
        scores = self._scores(text)
        if not scores:
            return []
        top = max(scores)
        odds = [math.exp(s - top) for s in scores]
        total = sum(odds)
        return sorted(((o / total, r) for o, r in zip(odds, self._reasons, strict=True)),
                      key=lambda pr: -pr[0])

    def _scores(self, text: str) -> list[float]:
        """Each reason's log score for this text, in ``_reasons`` order; empty as ``posterior`` is."""
        boost = self._boost
        known = [boost[w] for w in words(text) if w in boost]
        if len(known) < MIN_WORDS or not self._reasons:
            return []
        n = len(known)
        scores = [p + n * c for p, c in zip(self._prior, self._per_word, strict=True)]
        for pairs in known:
            for at, b in pairs:
                scores[at] += b
        return scores

    def reading(self, text: str) -> FailoverReason | None:
        """The likeliest reason when the module's decision lets it be read; else None. The same decision as the
        first of ``posterior`` (the first reason of the highest score, its probability ``1 / sum(exp(s - top))``),
        without ranking the rest."""
        scores = self._scores(text)
        if not scores:
            return None
        top = max(scores)
        reason = self._reasons[scores.index(top)]
        if reason is FailoverReason.unknown:
            return None
        return reason if 1.0 / sum([math.exp(s - top) for s in scores]) >= bar(reason) else None

    def to_data(self, about: str = "") -> dict[str, Any]:
        """A JSON-ready form: the reasons, how many errors carry each, and per word its counts by reason."""
        reasons = [r.value for r in self._reasons]
        return {"about": about, "reasons": reasons, "errors": [self._docs[r] for r in self._reasons],
                "words": {w: [[reasons.index(r.value), c] for r, c in sorted(by.items(), key=lambda rc: rc[0].value)]
                          for w, by in sorted(self._counts.items())}}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> WordModel:
        """The model ``to_data`` wrote."""
        reasons: Sequence[FailoverReason] = [FailoverReason(r) for r in data["reasons"]]
        docs = {r: int(n) for r, n in zip(reasons, data["errors"], strict=True)}
        counts = {str(w): {reasons[at]: int(c) for at, c in pairs} for w, pairs in data["words"].items()}
        return cls(docs, counts)


NO_MODEL: Final = WordModel({}, {})
"""An empty model: the fallback reads nothing (rule-only classification)."""


def packaged_data(name: str) -> Any:
    """The JSON data file ``name`` shipped with the package, or None when it cannot be read or parsed (a missing or
    damaged data file must not break classification)."""
    from importlib import resources  # here: the import costs milliseconds and most processes never need it

    try:
        return json.loads(resources.files(__package__ or "agent").joinpath(name).read_text(encoding="utf-8"))
    except Exception:
        return None


@functools.cache
def shipped() -> WordModel:
    """The model shipped with the package, read on first use; empty when it cannot be read."""
    try:
        return WordModel.from_data(packaged_data(_DATA))
    except Exception:
        return NO_MODEL
