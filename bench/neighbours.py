"""Nearest neighbours against the word model, on the blind rule-unknowns (a measured alternative, not shipped).

Each sample of ``bench/first_unknown.txt`` (the errors the rules alone left unknown in a blind sample) is read two
ways, both from the files mined before it (``bench.word_model.mined_at``), so no error is read by what saw it:

- the word model of those files (``agent._word_model``, as ``python -m bench.word_model --blind`` reads it);
- the nearest labelled errors of those files: the cosine of inverse-document-frequency weights over the model's own
  words (``agent._word_model.words``), counting only words two errors hold.

It prints, for each way of taking the neighbours (the nearest alone, or a vote of the nearest 3 or 5 weighted by
their cosine, at each bar the nearest must reach) and for the nearest at a bar else the word model, how many errors
end with their label (read rightly, or labelled ``unknown`` and left so) and how many are read wrongly.

Run: python -m bench.neighbours        (about five minutes on one core)
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

from agent._taxonomy import FailoverReason
from agent._word_model import words
from agent.testing.corpus import CorpusEntry, file_of, load, prepare, read_text
from bench.word_model import count, mined_at, samples

Neighbours = list[tuple[float, FailoverReason]]


def readings() -> list[tuple[FailoverReason, FailoverReason | None, Neighbours]]:
    """Per blind rule-unknown: its label, the word model's reading, its 10 nearest (cosine, label)."""
    entries = {e.id: e for e in load()}
    held: dict[str, frozenset[str]] = {}
    for e in entries.values():
        if e.expect is not None and (text := read_text(prepare(e), e)) is not None:
            held[e.id] = words(text)
    out: list[tuple[FailoverReason, FailoverReason | None, Neighbours]] = []
    for ids in samples().values():
        chosen: list[CorpusEntry] = [entries[i] for i in ids if i in held]
        if not chosen:
            continue
        first = min(mined_at(file_of(e)) for e in chosen)
        train = [i for i in held if mined_at(file_of(entries[i])) < first]
        df = Counter(w for i in train for w in held[i])
        idf = {w: math.log(len(train) / c) for w, c in df.items() if c >= 2}
        postings: dict[str, list[str]] = defaultdict(list)
        norms: dict[str, float] = {}
        for i in train:
            known = [w for w in held[i] if w in idf]
            norms[i] = math.sqrt(sum(idf[w] ** 2 for w in known)) or 1.0
            for w in known:
                postings[w].append(i)
        model = count([entries[i] for i in train])
        for e in chosen:
            query = [w for w in held[e.id] if w in idf]
            qnorm = math.sqrt(sum(idf[w] ** 2 for w in query)) or 1.0
            dots: Counter[str] = Counter()
            for w in query:
                for i in postings[w]:
                    dots[i] += idf[w] ** 2
            nearest = sorted(((d / (qnorm * norms[i]), i) for i, d in dots.items()), reverse=True)[:10]
            text = read_text(prepare(e), e)
            assert e.expect is not None and text is not None
            out.append((e.expect, model.reading(text), [(s, entries[i].expect or FailoverReason.unknown)
                                                         for s, i in nearest]))
    return out


def _score(picks: Sequence[tuple[FailoverReason, FailoverReason | None]]) -> tuple[int, int]:
    right = wrong = 0
    for label, read in picks:
        pick = None if read is FailoverReason.unknown else read
        if pick is None:
            right += label is FailoverReason.unknown
        elif pick is label:
            right += 1
        else:
            wrong += 1
    return right, wrong


def _vote(nearest: Neighbours, k: int, bar: float) -> FailoverReason | None:
    votes: dict[FailoverReason, float] = {}
    for cosine, label in nearest[:k]:
        if cosine >= bar:
            votes[label] = votes.get(label, 0.0) + cosine
    return max(votes, key=votes.__getitem__) if votes else None


def main() -> None:
    rows = readings()
    right, wrong = _score([(label, model) for label, model, _ in rows])
    print(f"{len(rows)} blind rule-unknowns; the word model ends {right} with their label, reads {wrong} wrongly")
    for k in (1, 3, 5):
        for bar in (0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9):
            right, wrong = _score([(label, _vote(near, k, bar)) for label, _, near in rows])
            print(f"  nearest {k}, cosine >= {bar:.1f}: ends {right} with their label, reads {wrong} wrongly")
    for bar in (0.6, 0.7, 0.8, 0.9):
        right, wrong = _score([(label, near[0][1] if near and near[0][0] >= bar else model)
                               for label, model, near in rows])
        print(f"  the nearest at cosine >= {bar:.1f}, else the word model: ends {right}, reads {wrong} wrongly")


if __name__ == "__main__":
    main()
