"""A last reading for an error no rule reads: a linear model of the labelled real errors' character grams.

When the rule walk ends in ``unknown`` (and only then), the error's text is read by a linear classifier trained on
every labelled real error of the corpus (``tests/corpus``), shipped as ``_gram_model.json`` and rebuilt by
``python -m bench.gram_model --build`` (which trains it with scikit-learn's ``LinearSVC``; reading it needs nothing
but this module).

- Grams: the lower-cased text's first ``LIMIT`` characters, URLs and key shapes dropped (as ``_word_model`` drops
  them), split on white space; each word padded with a space on either side gives its runs of 3, 4 and 5 characters
  (a word shorter than a run gives none of that length but its whole padded self). So "quota" and "quota_exceeded"
  share " qu", "quo", "quot", ...; a status in the text ("429") is a gram as any other.
- Weights: per gram its inverse document frequency and, per reason, its weight; per reason an intercept. A text's
  vector is each known gram's ``(1 + log(count)) * idf``, scaled to unit length over the grams the model knows; each
  reason scores its intercept plus the vector's dot product with its weights. Only grams at least two labelled
  errors hold are counted, and only those with a weight the training kept are shipped, so no key, id or name that one
  report holds is in the file.
- Decision: the best-scoring reason is read when it is not ``unknown`` and leads the second by its margin:
  ``KEY_MARGIN`` for a reason whose recovery cools the key (``rate_limit``, ``billing``, ``auth``,
  ``auth_permanent``: a request's own error read as its key's would cool each key in turn), ``RETRY_MARGIN`` for one
  whose recovery retries as ``unknown``'s does, ``MARGIN`` for the rest. Otherwise the error stays ``unknown``.

The margins were chosen on the errors the rules left unknown in blind samples, each read with a model trained on the
files mined before it (``python -m bench.gram_model --blind``); ``docs/classifier.md`` gives the figures. Reading
never raises: a fault reads as nothing.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any, Final, Protocol

from ._rules import Rule
from ._taxonomy import FailoverReason
from ._word_model import KEY_REASONS, RETRY_REASONS, dropped, packaged_data, words

__all__ = ["KEY_MARGIN", "LIMIT", "MARGIN", "NO_GRAMS", "RETRY_MARGIN", "GramModel", "TextReader", "decide", "grams",
           "margin", "reader_rule", "shipped"]

LIMIT: Final = 300  # characters of the text read: where an error says what it is (read blind, 300 read as many
# rule-unknowns right as 1,000 and 500 did, or more; 200 and 150 fewer; and a long text costs a third as much)
KEY_MARGIN: Final = 0.4  # the lead over the second reason a key-cooling reason needs
RETRY_MARGIN: Final = 0.1  # the same for a reason whose recovery retries as unknown's does (blind, 0.1 read as many
# right as 0 did, 518 against 517 of 947 rule-unknowns, and 273 wrongly against 316: a close call is left unknown)
MARGIN: Final = 0.1  # the same for the rest (they stop, repair, compress or fall back at once)
_ROUNDING: Final = 1e-6  # more than a score's rounding in fixed point (a lead this short of a margin meets it)
SIZES: Final = (3, 4, 5)
RULE_NAME: Final = "gram_model"
_DATA: Final = "_gram_model.json"


class TextReader(Protocol):
    """What reads an error no rule reads: this module's ``GramModel`` (the default), or ``_word_model.WordModel``."""

    @property
    def rule_name(self) -> str: ...

    def reading(self, text: str) -> FailoverReason | None: ...


def margin(reason: FailoverReason, margins: tuple[float, float, float] | None = None) -> float:
    """The lead a reading of ``reason`` needs over the second reason's score (the module docstring's decision);
    ``margins``: (key, retry, other) in place of ``KEY_MARGIN``, ``RETRY_MARGIN`` and ``MARGIN`` (``bench.gram_model
    --sweep`` tries others)."""
    key, retry, other = (KEY_MARGIN, RETRY_MARGIN, MARGIN) if margins is None else margins
    return key if reason in KEY_REASONS else retry if reason in RETRY_REASONS else other


def decide(scores: Sequence[float], reasons: Sequence[FailoverReason],
           margins: tuple[float, float, float] | None = None) -> FailoverReason | None:
    """The best-scoring of ``reasons`` when it is not ``unknown`` and leads the second by its ``margin`` (less
    ``_ROUNDING``: the scores are summed in fixed point); else None (also for fewer than two scores)."""
    if len(scores) < 2:
        return None
    best = max(range(len(scores)), key=scores.__getitem__)
    reason = reasons[best]
    if reason is FailoverReason.unknown:
        return None
    second = max(s for at, s in enumerate(scores) if at != best)
    return reason if scores[best] - second >= margin(reason, margins) - _ROUNDING else None


def gram_list(text: str) -> list[str]:
    """Each character gram of ``text`` (the module docstring's grams), as often as it occurs, word by word."""
    padded = [f" {word} " for word in dropped(text[:LIMIT].lower()).split()]
    return [word[at:at + size] for word in padded for size in SIZES if size <= len(word)
            for at in range(len(word) - size + 1)]


def grams(text: str) -> dict[str, int]:
    """Each character gram of ``text`` and how often it occurs."""
    return dict(Counter(gram_list(text)))


_FIXED: Final = 1 << 24  # a packed weight's unit: each gram's weighted term is rounded by under 3e-8


class GramModel:
    """Immutable weights: per reason an intercept, per gram its idf and its weight for each reason that has one.
    ``scores`` gives each reason's score, ``reading`` the reason the module's decision lets it read.

    For speed, each gram's weighted terms (idf times weight, one per reason, in fixed point, raised by a bias that
    makes them non-negative) are packed into one integer, a field of ``_width`` bits per reason: the grams a text
    holds once (nearly all) are summed with one integer addition each instead of one per weight, and the fields
    are unpacked once. No field overflows: a text holds fewer than ``_CAPACITY`` grams."""

    __slots__ = ("_bias", "_grams", "_intercepts", "_packed", "_reasons", "_width")
    rule_name: Final = RULE_NAME  # the rule a reading is decided by
    _CAPACITY: Final = 16 * LIMIT  # more grams than a LIMIT-character text holds (3 runs per padded character)

    def __init__(self, reasons: Sequence[FailoverReason], intercepts: Sequence[float],
                 weights: Mapping[str, tuple[float, tuple[tuple[int, float], ...]]]) -> None:
        if len(reasons) != len(intercepts):
            raise ValueError("gram model: one intercept per reason")
        self._reasons = tuple(reasons)
        self._intercepts = tuple(float(b) for b in intercepts)
        self._grams = dict(weights)
        fixed = {g: (idf, tuple((at, round(idf * w * _FIXED)) for at, w in pairs))
                 for g, (idf, pairs) in self._grams.items()}
        bias = max((abs(q) for _, terms in fixed.values() for _, q in terms), default=0)
        width = (2 * bias * self._CAPACITY).bit_length() + 1
        biases = sum(bias << (width * at) for at in range(len(self._reasons)))
        self._bias, self._width = bias, width
        # per gram: its idf squared (its share of the norm when it occurs once) and its packed terms
        self._packed = {g: (idf * idf, biases + sum(q << (width * at) for at, q in terms))
                        for g, (idf, terms) in fixed.items()}

    @property
    def reasons(self) -> tuple[FailoverReason, ...]:
        return self._reasons

    @property
    def size(self) -> int:
        """How many grams the model knows."""
        return len(self._grams)

    def scores(self, text: str) -> list[float]:
        """Each reason's score for ``text``, in ``reasons`` order; empty when the text holds no gram the model
        knows (or the model is empty)."""
        if not self._reasons:
            return []
        known = self._packed
        packed = once = 0  # the packed sum of the known grams the text holds once, and how many they are
        norm = 0.0
        repeated: list[tuple[float, str]] = []  # a known gram the text holds more than once, and its tf-idf
        for gram, count in Counter(gram_list(text)).items():
            entry = known.get(gram)
            if entry is None:
                continue
            if count == 1:
                packed += entry[1]
                norm += entry[0]
                once += 1
            else:
                value = (1.0 + math.log(count)) * self._grams[gram][0]
                norm += value * value
                repeated.append((value, gram))
        if not once and not repeated:
            return []
        scale = 1.0 / math.sqrt(norm)
        width, mask, bias = self._width, (1 << self._width) - 1, once * self._bias
        unit = scale / _FIXED
        scores = [b + (((packed >> (width * at)) & mask) - bias) * unit for at, b in enumerate(self._intercepts)]
        for value, gram in repeated:  # weighted on its own, by its sublinear count
            scaled = value * scale
            for at, weight in self._grams[gram][1]:
                scores[at] += scaled * weight
        return scores

    def reading(self, text: str) -> FailoverReason | None:
        """The reason ``decide`` reads from this text's scores, or None."""
        return decide(self.scores(text), self._reasons)

    def to_data(self, about: str = "") -> dict[str, Any]:
        """A JSON-ready form: the reasons, their intercepts, and per gram [idf, reason index, weight, reason index,
        weight, ...], weights in thousandths (integers: a third of the text of floats)."""
        return {"about": about, "reasons": [r.value for r in self._reasons],
                "intercepts": [round(b, 4) for b in self._intercepts],
                "grams": {g: [round(idf, 4), *(x for at, w in pairs for x in (at, round(w * 1000)))]
                          for g, (idf, pairs) in sorted(self._grams.items())}}

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> GramModel:
        """The model ``to_data`` wrote."""
        reasons = [FailoverReason(r) for r in data["reasons"]]
        weights = {str(g): (float(row[0]), tuple((int(row[i]), int(row[i + 1]) / 1000) for i in range(1, len(row), 2)))
                   for g, row in data["grams"].items()}
        return cls(reasons, [float(b) for b in data["intercepts"]], weights)


NO_GRAMS: Final = GramModel((), (), {})
"""An empty model: it reads nothing."""


@functools.cache
def shipped() -> GramModel:
    """The model shipped with the package, read on first use; empty when it cannot be read."""
    try:
        return GramModel.from_data(packaged_data(_DATA))
    except Exception:  # a missing or damaged data file must not break classification
        return NO_GRAMS


# The shipped model's last readings by text: a retry storm repeats the same error, and a reading costs tens of
# microseconds (a pure function of the text for the one shipped model, so reusing it changes no verdict).
_READINGS: dict[str, FailoverReason | None] = {}
_READINGS_MAX: Final = 1024


def clear_readings() -> None:
    """Forget remembered readings (``_facts.clear_text_cache`` calls this: benchmarks measure cold readings)."""
    _READINGS.clear()


def _shipped_reading(text: str) -> FailoverReason | None:
    if text in _READINGS:
        return _READINGS[text]
    reason = shipped().reading(text)
    if len(_READINGS) >= _READINGS_MAX:
        _READINGS.pop(next(iter(_READINGS)), None)  # oldest first
    _READINGS[text] = reason
    return reason


# Words that say only that something failed, in no particular way ("Something went wrong. Please try again later.",
# "Error: [object Object]", "An unexpected error occurred.", "Generate failed"): an app's catch-all sentence names no
# cause, and the corpus labels such sentences unknown. The model reads any words it knows, so it read these as the
# reason whose errors most often hold them (server_error, timeout, format_error): a text made only of these words is
# not read. A status (three digits), a word of any other kind, or any non-ASCII letter keeps a text readable.
_NO_CAUSE: Final = frozenset((
    "again", "ai", "an", "and", "api", "at", "be", "call", "calling", "chat", "check", "could", "couldn",
    "details", "during", "error", "errors", "exception", "fail", "failed", "failure", "for", "from", "generate",
    "generating", "get", "got", "has", "have", "in", "info", "information", "is", "issue", "it", "later", "llm",
    "log", "logs", "message", "more", "my", "not", "null", "object", "occurred", "oops", "openai", "or", "our",
    "please", "problem", "process", "processing", "reason", "rejection", "request", "requests", "result", "see",
    "something", "sorry", "the", "there", "this", "to", "try", "unable", "uncaught", "undefined", "unexpected",
    "unhandled", "unknown", "was", "we", "went", "while", "with", "wrong", "you", "your",
))
_NO_CAUSE_WORDS: Final = 25  # a longer text says more than that it failed
# Three digits standing alone beside those words (a status, or an app's own "999") keep a text readable ("unknown
# error, 520 (1000)").
_STATUS_RUN: Final = re.compile(r"(?<![0-9a-z])[0-9]{3}(?![0-9a-z])", re.IGNORECASE)


def names_no_cause(text: str) -> bool:
    """Whether ``text`` says only that something failed: every word of its first ``LIMIT`` characters, read as the word
    model reads words (URLs, key shapes and runs with digits aside), is in ``_NO_CAUSE``, there are at most
    ``_NO_CAUSE_WORDS`` of them, and no status or non-ASCII letter stands beside them."""
    head = text[:LIMIT]
    found = words(head)
    return (bool(found) and found <= _NO_CAUSE and len(head.split()) <= _NO_CAUSE_WORDS
            and _STATUS_RUN.search(head) is None
            and (head.isascii() or not any(c.isalpha() and not c.isascii() for c in head)))


def reader_rule(text: str, model: TextReader | None) -> Rule | None:
    """A rule named after ``model`` (None: the shipped gram model) deciding the reason it reads, or None (never
    raises); None for a text that names no cause (``names_no_cause``)."""
    try:
        if names_no_cause(text):
            return None
        if model is None:
            reason, name = _shipped_reading(text), RULE_NAME
        else:
            reason, name = model.reading(text), model.rule_name
        return None if reason is None else Rule(name, reason)
    except Exception:
        return None
