"""The gram model (``agent._gram_model``): train it from the corpus files, measure it honestly.

Training (scikit-learn, a dev dependency; reading the model needs only ``agent._gram_model``):

1. every labelled entry of every ``tests/corpus/*.jsonl`` file gives the text the classifier reads
   (``agent.testing.corpus.read_text``) and its label;
2. each text's grams (``agent._gram_model.grams``) are weighed as the reader weighs them (sublinear term frequency
   times smoothed inverse document frequency, scaled to unit length), over the grams two errors or more hold;
3. a linear support vector machine (one reason against the rest, ``C``) is fitted; the grams whose largest weight
   reaches ``KEEP`` are kept, and the machine is fitted again over those alone (so the reader's scaling over the
   grams it knows is the training's); weights under ``EPS`` are dropped, the rest rounded to thousandths.

``--build`` writes ``agent/_gram_model.json`` (every file) and the ``FOLDS`` fold models of
``tests/corpus/gram_folds/`` (each trained without the files of its fold, ``agent.testing.corpus.fold_of``): the
corpus tests and ``bench.corpus`` read each file's rule-unknown errors with the model of its fold, which never saw
that file.

``--blind`` reads each blind sample of ``bench/first_unknown.txt`` (the errors the rules left unknown when each sample
was first scored) with a model trained on the files mined before it, and the word model the same way, side by side.

``--sweep GROUPS`` reads every blind sample with one gram model per group of consecutive samples (trained on the files
mined before the group's first sample, so none saw the texts it reads) and prints how many end right and how many are
read wrongly at the shipped margins and at a grid of others (``agent._gram_model.decide``); ``--c`` trains with
another regularisation than ``C``. On 7 December 2026, over 1,208 blind rule-unknowns with 12 groups: the shipped
margins (0.4, 0.1, 0.1) and C 0.5 end 671 right and read 334 wrongly; C 1.0 679 and 330; C 0.25 650 and 354; the
margins (0.2, 0.1, 0.0) 709 and 393 (more right, many more wrong: a key cooled for another's fault, a request stopped
that a retry would have passed).

Run: python -m bench.gram_model --build      (about a minute)
     python -m bench.gram_model --blind      (one model per sample: about half an hour)
     python -m bench.gram_model --sweep 12   (one model per group: about five minutes)
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Final

from agent._gram_model import GramModel, decide, grams, names_no_cause, reader_rule
from agent._taxonomy import FailoverReason
from agent.testing.corpus import (
    FOLDS,
    CorpusEntry,
    default_dir,
    file_of,
    fold_of,
    labelled_texts,
    load,
    prepare,
    read_text,
)

DATA = Path(__file__).resolve().parent.parent / "agent" / "_gram_model.json"

C = 0.5
KEEP = 0.2
EPS = 0.1


def fold_dir(corpus: Path | None = None) -> Path:
    return (default_dir() if corpus is None else corpus) / "gram_folds"


def _analyzer(text: str) -> list[str]:
    return [gram for gram, count in grams(text).items() for _ in range(count)]


def fit(labelled: Sequence[tuple[str, FailoverReason]], c: float = C) -> tuple[Any, Any]:
    """The fitted weighting and machine of these (text, reason) pairs (steps 2 and 3 of the module docstring, before
    the weights are dropped and rounded)."""
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC
    except ImportError as exc:  # pragma: no cover - the dev extra installs it
        raise SystemExit("bench.gram_model needs scikit-learn: pip install -e '.[dev]'") from exc
    texts = [t for t, _ in labelled]
    labels = [r.value for _, r in labelled]
    first = TfidfVectorizer(analyzer=_analyzer, min_df=2, sublinear_tf=True)
    machine = LinearSVC(C=c).fit(first.fit_transform(texts), labels)
    names = first.get_feature_names_out()
    kept = [str(names[i]) for i in range(len(names)) if abs(machine.coef_[:, i]).max() >= KEEP]
    second = TfidfVectorizer(analyzer=_analyzer, vocabulary=kept, sublinear_tf=True)
    return second, LinearSVC(C=c).fit(second.fit_transform(texts), labels)


def model_of(weighting: Any, machine: Any, *, eps: float = EPS) -> GramModel:
    """The reader's model of a fitted weighting and machine, weights under ``eps`` dropped."""
    reasons = [FailoverReason(str(c)) for c in machine.classes_]
    weights: dict[str, tuple[float, tuple[tuple[int, float], ...]]] = {}
    for gram, column in weighting.vocabulary_.items():
        pairs = tuple((at, float(w)) for at, w in enumerate(machine.coef_[:, column]) if abs(w) >= eps)
        weights[str(gram)] = (float(weighting.idf_[column]), pairs)
    return GramModel(reasons, [float(b) for b in machine.intercept_], weights)


def train(labelled: Sequence[tuple[str, FailoverReason]], c: float = C) -> GramModel:
    """The model of these (text, reason) pairs, as shipped (weights under ``EPS`` dropped, the rest rounded to
    thousandths, each idf and intercept to four places: what ``GramModel.to_data`` stores)."""
    model = model_of(*fit(labelled, c))
    return GramModel.from_data(json.loads(json.dumps(model.to_data())))


def write(model: GramModel, path: Path, about: str) -> None:
    """The model as JSON, one gram a line (a rebuild's diff shows which grams changed)."""
    data: dict[str, Any] = model.to_data(about)
    lines = ",\n".join(f"{json.dumps(g, ensure_ascii=False)}: {json.dumps(v)}" for g, v in data.pop("grams").items())
    head = json.dumps(data, ensure_ascii=False)[:-1]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f'{head}, "grams": {{\n{lines}\n}}}}\n', encoding="utf-8")


_ABOUT = ("steadyloop's gram model (agent/_gram_model.py), trained by `python -m bench.gram_model --build` from the "
          "tests/corpus files{which}: the reasons, their intercepts, and per character gram its idf and its weights "
          "[idf, reason index, weight in thousandths, ...]")


def build() -> list[str]:
    entries = load(default_dir())
    by_fold: dict[int, list[CorpusEntry]] = {k: [] for k in range(FOLDS)}
    for entry in entries:
        by_fold[fold_of(file_of(entry))].append(entry)
    lines = []
    model = train(labelled_texts(entries))
    write(model, DATA, _ABOUT.format(which=""))
    lines.append(f"wrote {DATA} ({DATA.stat().st_size} bytes, {model.size} grams)")
    for k in range(FOLDS):
        others = [e for j, some in by_fold.items() if j != k for e in some]
        path = fold_dir() / f"fold{k}.json"
        fold = train(labelled_texts(others))
        write(fold, path, _ABOUT.format(which=f" outside fold {k} of {FOLDS} (agent.testing.corpus.fold_of)"))
        lines.append(f"wrote {path} ({path.stat().st_size} bytes, {fold.size} grams)")
    return lines


def blind(only: Sequence[str] = ()) -> list[str]:
    """Each blind sample (or those named in ``only``) read with the gram model and the word model trained on the files
    mined before it."""
    from agent._word_model import WordModel, words
    from bench.word_model import mined_at, samples

    entries = {e.id: e for e in load()}
    texts: dict[str, str | None] = {}  # each entry's once, on the first sample read: replaying them all takes a minute
    total: Counter[str] = Counter()
    lines = []
    for name, ids in samples().items():
        if only and name not in only:
            continue
        chosen = [entries[i] for i in ids if i in entries]
        if not chosen:
            continue
        first = min(mined_at(file_of(e)) for e in chosen)
        before = [e for e in entries.values() if mined_at(file_of(e)) < first]
        if not texts:
            texts.update((e.id, read_text(prepare(e), e)) for e in entries.values())
        labelled = [(t, e.expect) for e in before if e.expect is not None and (t := texts[e.id]) is not None]
        gram_model, word_model = train(labelled), WordModel.counted((r, words(t)) for t, r in labelled)
        row = Counter[str]()
        for entry in chosen:
            text = texts[entry.id]
            for label, model in (("gram", gram_model), ("word", word_model)):
                # through ``reader_rule``, as the classifier reads: a text that names no cause is not read
                rule = None if text is None else reader_rule(text, model)
                read = None if rule is None else rule.reason
                row[label] += read is entry.expect or (read is None and entry.expect is FailoverReason.unknown)
                row[label + "_wrong"] += read is not None and read is not entry.expect
        row["n"] = len(chosen)
        total.update(row)
        lines.append(f"sample {name}: {len(chosen)} left unknown by the rules; gram model {row['gram']} end with their "
                     f"label ({row['gram_wrong']} read wrongly), word model {row['word']} ({row['word_wrong']})")
    lines.append(f"all samples: {total['n']}; gram model {total['gram']} end with their label "
                 f"({100 * total['gram'] / max(1, total['n']):.1f} %), {total['gram_wrong']} read wrongly; word model "
                 f"{total['word']} ({100 * total['word'] / max(1, total['n']):.1f} %), {total['word_wrong']} wrongly")
    return lines


# One read of a blind rule-unknown: its label, the model's scores and reasons, and whether it names no cause.
Scored = tuple[FailoverReason | None, list[float], tuple[FailoverReason, ...], bool]
SWEEP_GRID: Final = tuple((key, retry, other) for key in (0.2, 0.3, 0.4, 0.5) for retry in (0.0, 0.05, 0.1, 0.2)
                          for other in (0.0, 0.05, 0.1, 0.2))


def tally(scored: Sequence[Scored], margins: tuple[float, float, float] | None = None) -> tuple[int, int]:
    """How many of ``scored`` end with their label (an unknown label left unread counts) and how many are read as
    another reason, when read at ``margins`` (None: the shipped ones)."""
    right = wrong = 0
    for label, scores, reasons, no_cause in scored:
        read = None if no_cause else decide(scores, reasons, margins)
        right += read is label or (read is None and label is FailoverReason.unknown)
        wrong += read is not None and read is not label
    return right, wrong


def group_scores(groups: int, c: float = C) -> list[Scored]:
    """Every blind sample's rule-unknowns scored by one model per group of ``groups`` consecutive samples (module
    docstring, ``--sweep``)."""
    from bench.word_model import mined_at, samples

    entries = {e.id: e for e in load()}
    texts = {e.id: read_text(prepare(e), e) for e in entries.values()}
    named = list(samples().items())
    size = -(-len(named) // max(1, groups))
    scored: list[Scored] = []
    for start in range(0, len(named), size):
        chosen = [entries[i] for _, ids in named[start:start + size] for i in ids if i in entries]
        if not chosen:
            continue
        first = min(mined_at(file_of(e)) for e in chosen)
        labelled = [(t, e.expect) for e in entries.values() if mined_at(file_of(e)) < first and e.expect is not None
                    and (t := texts[e.id]) is not None]
        model = train(labelled, c=c)
        for entry in chosen:
            text = texts[entry.id]
            scores = [] if text is None else model.scores(text)
            scored.append((entry.expect, scores, model.reasons, text is not None and names_no_cause(text)))
    return scored


def sweep(groups: int, c: float = C) -> list[str]:
    """The ``--sweep`` report: the shipped margins, then the grid's ten best by right readings (fewer wrong first)."""
    scored = group_scores(groups, c)
    right, wrong = tally(scored)
    lines = [f"{len(scored)} blind rule-unknowns, {groups} groups, C {c}: shipped margins {right} right, {wrong} wrong"]
    ranked = sorted(((tally(scored, m), m) for m in SWEEP_GRID), key=lambda row: (-row[0][0], row[0][1]))
    lines += [f"  margins {m}: {r} right, {w} wrong" for (r, w), m in ranked[:10]]
    return lines


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--build", action="store_true", help="rewrite the shipped model and the fold models")
    parser.add_argument("--blind", action="store_true", help="read the blind samples of bench/first_unknown.txt")
    parser.add_argument("--samples", default="",
                        help="with --blind, only these samples, comma-separated (wave109,wave110): each sample trains "
                             "two models, and all of them take over half an hour")
    parser.add_argument("--sweep", type=int, default=0, metavar="GROUPS",
                        help="read every blind sample with one model per group of samples, at a grid of margins")
    parser.add_argument("--c", type=float, default=C, help="with --sweep, the regularisation to train with")
    args = parser.parse_args(argv)
    if args.build:
        print("\n".join(build()))
    if args.blind:
        print("\n".join(blind(tuple(name for name in args.samples.split(",") if name))))
    if args.sweep:
        print("\n".join(sweep(args.sweep, args.c)))


if __name__ == "__main__":
    main()
