"""Behaviour of agent._phrases: the one-pass tag scan finds exactly the tags each tag's own search finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from agent._phrases import _TAG_LIST, _WIDE, _WIDE_PUNCTUATION, TAGS, normalize, scan, tags_in, with_derived

# every word and phrase the tags know, plus separators, case changes and non-ASCII text
_PHRASES = sorted({p.strip() for tag in _TAG_LIST for groups in tag.by_anchor.values() for g in groups for p in g}
                  | {p for tag in _TAG_LIST for g in tag.unanchored for p in g})
_WORDS = sorted({w for p in _PHRASES for w in p.split()})
_PIECES = st.one_of(st.sampled_from(_PHRASES), st.sampled_from(_WORDS),
                    st.sampled_from(["Model", "RATE", "x9", "无", "余额不足", "\u2019"]))
_SEPARATORS = st.sampled_from([" ", "  ", ", ", ": ", ".", "'", "-", "_", "\n", " \u2019 ", "é", "(", ") "])
_TEXTS = st.lists(st.tuples(_PIECES, _SEPARATORS), max_size=12).map(lambda parts: "".join(a + b for a, b in parts))


@settings(max_examples=400, deadline=None)
@given(_TEXTS)
def test_the_scan_finds_the_tags_each_tag_finds_alone(text: str) -> None:
    """``scan``/``tags_in`` (one pass over the anchor index) and each tag's own ``search`` find exactly the tags
    with a group whose phrases are all in the normalised text (anchors only skip work)."""
    norm, words = normalize(text)
    groups = {tag.name: (*(g for gs in tag.by_anchor.values() for g in gs), *tag.unanchored) for tag in _TAG_LIST}
    expected = {name for name, tag_groups in groups.items() if any(all(p in norm for p in g) for g in tag_groups)}
    assert tags_in(norm, words) == expected
    assert scan(text) == (norm, expected)
    assert {name for name, tag in TAGS.items() if tag.search(norm, words)} == expected


def test_a_tag_needs_its_whole_phrase_as_words() -> None:
    """A phrase matches as whole words in order, never inside a longer word."""
    assert "rate_limit" in scan("429: Rate limit reached, please slow down")[1]
    assert "rate_limit" not in scan("the moderate limit of 5")[1]


def test_full_width_punctuation_separates_words() -> None:
    """A Chinese UI's wrapper (full-width brackets and colon) leaves the English words after it whole."""
    text = "\u8bf7\u6c42\u9519\u8bef\uff08DeepSeek 400\uff09\uff1aFailed to parse the request body as JSON"
    assert "failed" in normalize(text)[1]
    assert "request_defect" in scan(text)[1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(["a", "B", " ", ",", "\u4e2d", "\u00e9", "\u00b7", "\u2192", "\ud800",
                                         *_WIDE_PUNCTUATION]), max_size=40))
def test_full_width_punctuation_is_a_space_and_nothing_else_is(text: str) -> None:
    """Each full-width mark becomes one space and every other character stays (what ``str.translate`` with a table of
    the marks did, before it was found to cost 50 us on a 1 kB non-ASCII message)."""
    assert _WIDE.sub(" ", text) == text.translate(dict.fromkeys(map(ord, _WIDE_PUNCTUATION), " "))


@settings(max_examples=300, deadline=None)
@given(_TEXTS, st.sampled_from([*_WORDS[:50], "maximum", "x9", "无"]))
def test_a_word_stands_between_single_spaces_in_the_normalised_text(text: str, word: str) -> None:
    """A word is one of the text's words exactly when ``" word "`` is in the normalised text (rules test a word
    that way instead of building the word set)."""
    norm, words = normalize(text)
    assert (f" {word} " in norm) == (word in words)


def test_derived_tags_come_after_the_scan() -> None:
    """``scan`` holds phrase tags only; ``with_derived`` adds ``key_unset`` for a key's variable said to be unset, and
    nothing for a key's variable named in passing."""
    norm, tags = scan("Error: 503: NVIDIA_NIM_API_KEY is not set. Add it to your .env file.")
    assert "key_unset" not in tags
    assert "key_unset" in with_derived(norm, tags)
    norm, tags = scan("Did you correctly set you OPENAI_API_KEY? Response: 429 Too Many Requests")
    assert with_derived(norm, tags) == tags
