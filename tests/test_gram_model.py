"""agent._gram_model: the reason a linear model of the labelled real errors' character grams reads, only for an error
no rule reads; bench.gram_model trains it (scikit-learn) and the reader must score as the trained machine does."""

from __future__ import annotations

import json
import math
import time
from pathlib import Path

import pytest

from agent import FailoverReason, classify_api_error
from agent._gram_model import (
    KEY_MARGIN,
    LIMIT,
    MARGIN,
    NO_GRAMS,
    RETRY_MARGIN,
    GramModel,
    decide,
    grams,
    margin,
    names_no_cause,
    reader_rule,
    shipped,
)
from agent._rules import Rule
from agent._word_model import KEY_REASONS, NO_MODEL, RETRY_REASONS
from agent.error_classifier import explain_api_error
from agent.testing.corpus import (
    FOLDS,
    classify_prepared,
    default_dir,
    file_of,
    fold_of,
    labelled_texts,
    load,
    model_without,
    prepare,
    read_text,
    unknown_readings,
)
from agent.testing.sdk_errors import exception_from_message
from bench.gram_model import fit, model_of, train

R = FailoverReason
NOW = time.time()
ROOT = Path(__file__).resolve().parent.parent


# ------------------------------------------------------------------ grams


def test_grams_are_the_padded_runs_of_three_to_five_characters_of_each_word() -> None:
    assert grams("Quota 429") == {
        " qu": 1, "quo": 1, "uot": 1, "ota": 1, "ta ": 1, " quo": 1, "quot": 1, "uota": 1, "ota ": 1, " quot": 1,
        "quota": 1, "uota ": 1, " 42": 1, "429": 1, "29 ": 1, " 429": 1, "429 ": 1, " 429 ": 1}
    assert grams("a a") == {" a ": 2}  # a word shorter than a run gives only its padded self
    assert grams("quota quota")["quota"] == 2


def test_grams_never_hold_a_url_or_a_key_shape() -> None:
    """URLs and key shapes are dropped before the grams are cut (as the word model drops them), so no gram of a key
    reaches the weights, the shipped file or a reading."""
    key = "sk-proj-Zq81XwVbNm4Lk2Jh7Gf3Ds9Pa5"
    found = grams(f"Incorrect API key provided: {key}. See https://platform.example.com/account/Zq81XwVb")
    assert "key" in found and not any(part in g for g in found for part in ("zq81", "xwvb", "proj", "platf"))
    assert not any("bm4l" in g for g in grams(f"Authorization: Bearer {key[3:]}"))


def test_only_the_first_characters_of_a_long_text_are_read() -> None:
    tail = "zzzqx " * 400
    assert "zzzqx" not in grams("rate limit " + "x" * (LIMIT - 11) + " " + tail)
    assert "zzzqx" in grams("rate limit " + tail)


# ------------------------------------------------------------------ the reader against the trained machine


@pytest.fixture(scope="module")
def small_fit() -> tuple[object, object, list[tuple[str, FailoverReason]]]:
    """A weighting and machine fitted by the bench on 1,500 real corpus errors (a few seconds)."""
    labelled = labelled_texts(load()[:1500])
    weighting, machine = fit(labelled)
    return weighting, machine, labelled


def test_the_reader_scores_as_the_trained_machine_decides(
        small_fit: tuple[object, object, list[tuple[str, FailoverReason]]]) -> None:
    """With every weight kept, the pure-Python reader's scores are scikit-learn's decision function (same grams,
    same sublinear tf-idf scaled over the known grams, same intercepts), on real texts and on one it never saw."""
    weighting, machine, labelled = small_fit
    model = model_of(weighting, machine, eps=0.0)
    texts = [t for t, _ in labelled[::50]] + ["the upstream gateway said: quota exhausted for project 12"]
    expected = machine.decision_function(weighting.transform(texts))  # type: ignore[attr-defined]
    for text, row in zip(texts, expected, strict=True):
        scores = model.scores(text)
        assert len(scores) == len(row) == len(model.reasons)
        assert max(abs(a - float(b)) for a, b in zip(scores, row, strict=True)) < 1e-6, text


def test_the_stored_model_reads_as_the_fitted_one_within_its_rounding(
        small_fit: tuple[object, object, list[tuple[str, FailoverReason]]]) -> None:
    """The JSON form keeps weights to thousandths: scores move by little, and the readings of real texts agree."""
    weighting, machine, labelled = small_fit
    exact = model_of(weighting, machine)
    stored = GramModel.from_data(json.loads(json.dumps(exact.to_data())))
    texts = [t for t, _ in labelled[::10]]
    for text in texts:
        assert max(abs(a - b) for a, b in zip(exact.scores(text), stored.scores(text), strict=True)) < 0.01
    assert sum(exact.reading(t) is stored.reading(t) for t in texts) >= 0.97 * len(texts)


def _float_scores(model: GramModel, text: str) -> list[float]:
    """The scores summed in plain floats, weight by weight (what the packed sums must equal)."""
    weights = model._grams
    found = [((1.0 + math.log(c)) * weights[g][0], weights[g][1]) for g, c in grams(text).items() if g in weights]
    scale = 1.0 / math.sqrt(sum(v * v for v, _ in found))
    scores = [0.0] * len(model.reasons)
    for value, pairs in found:
        for at, w in pairs:
            scores[at] += value * scale * w
    return scores


def test_packed_sums_neither_overflow_nor_drift_on_the_longest_text() -> None:
    """Every gram of a text of LIMIT characters known, each with large weights on every reason (each reason's
    field summing one sign: the packed fields' worst case), some grams held many times: the scores are the float
    sums."""
    text = "qqq qqq qqq qqq " + " ".join(f"q{n:04d}z" for n in range(LIMIT // 7))
    reasons = tuple(FailoverReason)
    weights = {g: (9.0, tuple((at, 5.0 if at % 2 else -5.0) for at in range(len(reasons))))
               for g in grams(text)}
    model = GramModel(reasons, [0.0] * len(reasons), weights)
    assert len(weights) > LIMIT and grams(text)[" qqq "] == 4
    assert max(abs(a - b) for a, b in zip(model.scores(text), _float_scores(model, text), strict=True)) < 1e-6


# ------------------------------------------------------------------ the decision


def _model(scores: dict[FailoverReason, float]) -> GramModel:
    """A one-gram model whose scores for a text holding the gram " zq" are ``scores`` (intercepts zero)."""
    reasons = tuple(scores)
    return GramModel(reasons, [0.0] * len(reasons), {" zq": (1.0, tuple(enumerate(scores.values())))})


@pytest.mark.parametrize(("scores", "expected"), [
    ({R.billing: 0.5, R.auth: 0.5 - KEY_MARGIN, R.unknown: -1.0}, R.billing),  # a key reason at its margin
    ({R.billing: 0.5, R.auth: 0.5 - KEY_MARGIN + 0.01, R.unknown: -1.0}, None),  # just under it
    ({R.server_error: 0.2, R.timeout: 0.2 - RETRY_MARGIN, R.unknown: -1.0}, R.server_error),
    ({R.server_error: 0.2, R.timeout: 0.2 - RETRY_MARGIN + 0.01, R.unknown: -1.0}, None),  # a close retry reason
    ({R.context_overflow: 0.1, R.billing: 0.1 - MARGIN, R.unknown: -1.0}, R.context_overflow),
    ({R.context_overflow: 0.1, R.billing: 0.1 - MARGIN + 0.01, R.unknown: -1.0}, None),
    ({R.unknown: 1.0, R.billing: -1.0, R.auth: -1.0}, None),  # unknown is never read
])
def test_the_best_reason_is_read_only_when_it_leads_by_its_margin(
        scores: dict[FailoverReason, float], expected: FailoverReason | None) -> None:
    model = _model(scores)
    assert model.reading("zq") is expected
    assert model.reading("nothing known here") is None  # no known gram: no scores


def test_a_key_cooling_reason_needs_the_widest_margin() -> None:
    assert all(margin(r) == KEY_MARGIN for r in KEY_REASONS)
    assert all(margin(r) == RETRY_MARGIN for r in RETRY_REASONS)
    assert KEY_MARGIN > MARGIN >= RETRY_MARGIN
    assert margin(R.context_overflow) == margin(R.model_not_found) == MARGIN


def test_other_margins_change_only_the_decision_and_the_sweep_counts_right_and_wrong() -> None:
    """``decide`` at the shipped margins is the model's reading; ``bench.gram_model.tally`` counts a label read, an
    unknown label left unread (right), and another reason read (wrong), at any margins."""
    from bench.gram_model import tally

    reasons = (R.billing, R.server_error, R.unknown)
    close = [0.5, 0.3, -1.0]  # billing leads by 0.2: under the key margin, over 0.1
    assert decide(close, reasons) is None and decide(close, reasons, (0.1, 0.1, 0.1)) is R.billing
    assert decide([0.2, 0.3, -1.0], reasons) is R.server_error
    assert decide([0.0, 0.0, 1.0], reasons) is None  # unknown is never read
    scored = [(R.billing, close, reasons, False), (R.unknown, close, reasons, False),
              (R.server_error, [0.2, 0.3, -1.0], reasons, False), (R.server_error, [0.2, 0.3, -1.0], reasons, True)]
    # shipped: billing unread (neither), unknown left unread (right), server error read (right), no cause unread
    assert tally(scored) == (2, 0)
    # a key margin of 0.1: billing read, right for the billing label and wrong for the unknown one
    assert tally(scored, (0.1, 0.1, 0.1)) == (2, 1)


def test_a_reader_that_fails_reads_nothing_and_an_empty_model_reads_nothing() -> None:
    class Broken:
        rule_name = "broken"

        def reading(self, text: str) -> FailoverReason | None:
            raise RuntimeError("boom")

    assert reader_rule("rate limited", Broken()) is None
    assert NO_GRAMS.reading("rate limited") is None and NO_GRAMS.scores("rate limited") == []


# ------------------------------------------------------------------ the shipped model


def test_the_shipped_model_loads_and_stores_only_short_grams_two_errors_hold() -> None:
    data = json.loads((ROOT / "agent" / "_gram_model.json").read_text(encoding="utf-8"))
    model = shipped()
    assert model.size == len(data["grams"]) > 5000
    assert set(model.reasons) == {FailoverReason(r) for r in data["reasons"]} and R.unknown in model.reasons
    assert all(3 <= len(g) <= 5 for g in data["grams"])  # a gram is at most five characters: no key fits in one
    assert all(len(row) % 2 == 1 and all(isinstance(x, int) for x in row[2::2]) for row in data["grams"].values())


def test_a_damaged_data_file_reads_as_no_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The package's data file unreadable: the shipped model is empty and classification goes on (to unknown)."""
    import agent._gram_model as gm

    broken = tmp_path / "agent"
    broken.mkdir()
    (broken / "_gram_model.json").write_text('{"reasons": ["auth"], "grams": {', encoding="utf-8")
    monkeypatch.setattr("importlib.resources.files", lambda _package: broken)
    gm.shipped.cache_clear()
    gm.clear_readings()
    try:
        assert gm.shipped() is NO_GRAMS
        error = exception_from_message("RuntimeError", "The frobnicator relay gave up on the upstream widget")
        c = classify_api_error(error, now=NOW)
        assert (c.reason, c.rule) == (R.unknown, "unknown")
    finally:
        gm.shipped.cache_clear()
        gm.clear_readings()


def test_the_shipped_models_readings_are_remembered_per_text_and_forgotten_with_the_texts(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A retry storm repeats one error: its reading is made once; another text gets its own reading whatever came
    before; ``clear_text_cache`` (what the cold benchmark calls) forgets the readings too."""
    import agent._gram_model as gm
    from agent._facts import clear_text_cache

    calls: list[str] = []
    model = _model({R.billing: 0.9, R.auth: -0.9, R.unknown: -1.0})

    class Counting:
        rule_name = "gram_model"

        def reading(self, text: str) -> FailoverReason | None:
            calls.append(text)
            return model.reading(text)

    monkeypatch.setattr(gm, "shipped", Counting)
    clear_text_cache()
    try:
        first = gm.reader_rule("zq quota", None)
        again = gm.reader_rule("zq quota", None)
        other = gm.reader_rule("nothing known", None)
        assert first == again == Rule("gram_model", R.billing) and other is None
        assert calls == ["zq quota", "nothing known"]
        clear_text_cache()
        assert gm.reader_rule("zq quota", None) == first and calls[-1] == "zq quota" and len(calls) == 3
    finally:
        clear_text_cache()


@pytest.mark.parametrize(("text", "expected"), [
    # real wordings no rule reads, read by the shipped model (corpus texts, so the model saw them): ONNX Runtime
    # GenAI's prompt over its length (https://github.com/microsoft/onnxruntime-genai/issues/1558), text-generation-
    # webui with no model loaded (https://github.com/oobabooga/textgen/pull/2525)
    ("input_ids size (3216) + current sequence length (0) exceeds max length (2048)", R.context_overflow),
    ("No model has been loaded", R.model_not_found),
])
def test_the_shipped_model_reads_an_error_no_rule_reads(text: str, expected: FailoverReason) -> None:
    error = exception_from_message("RuntimeError", text)
    alone = classify_api_error(error, now=NOW, word_model=NO_MODEL)
    if alone.rule != "unknown":
        pytest.fail(f"a rule reads this text now ({alone.rule}): pick another")
    c = classify_api_error(error, now=NOW)
    assert (c.reason, c.rule) == (expected, "gram_model")
    explained = explain_api_error(error, now=NOW)
    assert explained.tried[-2:] == ("unknown", "gram_model")


# ------------------------------------------------------------------ honest readings of the corpus


def test_each_corpus_file_is_read_by_a_fold_model_that_never_saw_it() -> None:
    """The fold models are trained without their fold's files (``fold_of``): every file falls in one fold, and a
    text of a file read by its fold's model is read by a model that holds fewer grams than the shipped one."""
    files = sorted({file_of(e) for e in load()})
    assert {fold_of(f) for f in files} == set(range(FOLDS))
    sizes = [model_without(f).size for f in (next(f for f in files if fold_of(f) == k) for k in range(FOLDS))]
    assert all(0 < size < shipped().size for size in sizes)
    assert model_without("error_shapes.py") is shipped()
    about = [json.loads((default_dir() / "gram_folds" / f"fold{k}.json").read_text(encoding="utf-8"))["about"]
             for k in range(FOLDS)]
    assert all(f"outside fold {k} of {FOLDS}" in text for k, text in enumerate(about))


def test_fold_readings_change_only_unknowns_and_are_mostly_right() -> None:
    """Over every corpus file, each read with its fold's model: the model changes only verdicts the rules left
    unknown, and more than half of what it reads is the label."""
    found = unknown_readings(model_without, NOW)
    assert found.moved == ()
    unknown, read, right, ends = found.unknown, found.read, found.right, found.ends
    assert unknown > 500 and read > 300
    assert right / read > 0.5 and ends / unknown >= 0.45, (right, read, ends, unknown)


def test_training_keeps_the_reasons_of_its_errors_and_reads_them_back() -> None:
    """A model trained (as shipped: pruned, rounded) on two corpus files reads most of their own texts back."""
    entries = [e for e in load() if file_of(e) in ("holdout.jsonl", "hosted.jsonl")]
    labelled = labelled_texts(entries)
    model = train(labelled)
    assert set(model.reasons) == {r for _, r in labelled}
    right = sum(model.reading(t) is r for t, r in labelled)
    assert right >= 0.8 * len(labelled), (right, len(labelled))
    assert all(math.isfinite(s) for t, _ in labelled[:20] for s in model.scores(t))


def test_the_reader_is_handed_the_text_the_model_was_trained_on() -> None:
    """The bench trains on ``read_text`` of each entry; the classifier must hand the reader that same text when no
    rule reads an error (a real corpus error the rules leave unknown, replayed through the real SDK client)."""
    handed: list[str] = []

    class Recorder:
        rule_name = "recorder"

        def reading(self, text: str) -> FailoverReason | None:
            handed.append(text)
            return None

    entry = next(e for e in load() if e.id == "si-q07-copilot-off-topic")
    prepared = prepare(entry)
    assert classify_prepared(entry, prepared, now=NOW, word_model=NO_MODEL).rule == "unknown"  # type: ignore[union-attr]
    classify_prepared(entry, prepared, now=NOW, word_model=Recorder())
    assert handed == [read_text(prepared, entry)] and handed[0]


@pytest.mark.parametrize(("text", "no_cause"), [
    # catch-all sentences of apps, all labelled unknown in the corpus
    ("Something went wrong. Please try again later.", True),
    ("Error: [object Object]", True),
    ("Generate failed", True),
    ("Error.", True),
    ("An unexpected error has occurred. Please try again. (8e059dba42a7b8fd)", True),  # a hex id says nothing
    ("An error occurred. See https://platform.openai.com/docs/guides/error-codes for details.", True),  # nor a URL
    # a status, a word of another kind, a non-ASCII word, or many words keep a text readable
    ("unknown error, 520 (1000)", False),
    ("An internal error occurred.", False),
    ("Network request failed", False),
    ("openai\u8bf7\u6c42\u9519\u8bef", False),
    ("error " * 26, False),
    ("", False),
])
def test_a_text_that_names_no_cause_is_told_apart(text: str, no_cause: bool) -> None:
    """Only words of failure in general (``_NO_CAUSE``), a status and any other word aside."""
    assert names_no_cause(text) is no_cause


def test_the_model_does_not_read_a_sentence_that_names_no_cause() -> None:
    """The shipped model reads "Something went wrong. Please try again later." as a server error by its words; the
    corpus labels every app's such sentence unknown (corpus entry bk-q60-telegram-bot-oops-something-went-wrong-...),
    so it is left unknown, and retried as unknown is; a sentence with a cause in it is still read."""
    catch_all = "Something went wrong. Please try again later."
    assert shipped().reading(catch_all) is FailoverReason.server_error  # what the fit stops
    assert reader_rule(catch_all, None) is None
    assert classify_api_error(exception_from_message("Error", catch_all)).reason is FailoverReason.unknown
    named = reader_rule("Something went wrong: the upstream connection timed out", None)
    assert named is not None and named.reason is FailoverReason.timeout


def test_the_blind_bench_reads_only_the_samples_it_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m bench.gram_model --blind --samples NAME` trains models for the named samples alone (each sample
    trains two, and all of them outlast half an hour): a sample not named is not read, and naming none reads none."""
    import bench.gram_model
    import bench.word_model

    def refuse(*_: object) -> None:
        raise AssertionError("a sample not named was read")

    monkeypatch.setattr(bench.word_model, "samples",
                        lambda: {"wave1": ["nk-run-gemini-cli-pr-review-error-object-object"], "wave2": ["no-such-id"]})
    monkeypatch.setattr(bench.gram_model, "train", refuse)
    monkeypatch.setattr(bench.gram_model, "read_text", refuse)
    report = bench.gram_model.blind(("wave3",))
    assert report == ["all samples: 0; gram model 0 end with their label (0.0 %), 0 read wrongly; word model 0 "
                      "(0.0 %), 0 wrongly"]
