"""Behaviour of agent._rules' indexed walk: it decides exactly as walking the whole table in order would."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from agent._facts import ErrorFacts, ExcKind, facts_from_exception
from agent._phrases import TAGS
from agent._rules import _PLANS, RULES, first_match, rules_tried
from agent.error_classifier import _annotate
from agent.testing.corpus import all_entries, prepare

_CODES = [*sorted({c for r in RULES for c in r.codes}), "invalid_request_error", "something_else"]
_STATUSES = [None, 200, 400, 401, 402, 403, 404, 405, 408, 409, 413, 422, 424, 429, 451, 500, 502, 503, 504, 529, 599]


@settings(max_examples=600, deadline=None)
@given(status=st.sampled_from(_STATUSES), tags=st.frozensets(st.sampled_from(sorted(TAGS)), max_size=6),
       codes=st.frozensets(st.sampled_from(_CODES), max_size=3), kind=st.sampled_from(list(ExcKind)),
       server_retry=st.sampled_from([None, True, False]), wait=st.sampled_from([None, 5.0, 30_000.0]),
       tokens=st.sampled_from([0, 150_000]), message=st.sampled_from(["Error", "limit: 100, requested: 900 tokens",
                                                                        "x" * 40]))
def test_the_indexed_walk_picks_the_table_order_rule(status: int | None, tags: frozenset[str],
                                                     codes: frozenset[str], kind: ExcKind, server_retry: bool | None,
                                                     wait: float | None, tokens: int, message: str) -> None:
    """Whatever the status, tags and codes, the first rule that holds is the one the plain walk stops at."""
    facts = ErrorFacts(status, status, kind)
    facts.set_text([message])
    facts.tags, facts.codes, facts.server_retry = tags, codes, server_retry
    facts.wait, facts.approx_tokens = wait, tokens
    assert first_match(facts) is rules_tried(facts)[-1]


def test_the_indexed_walk_agrees_on_every_corpus_entry() -> None:
    """Every real error of the corpus (an exception of the real SDKs) is decided by the same rule both ways."""
    now = time.time()
    for entry in all_entries():
        is_error, outcome = prepare(entry)
        if not is_error:
            continue
        assert isinstance(outcome, BaseException)
        facts = facts_from_exception(outcome)
        _annotate(facts, entry.provider, "", entry.approx_tokens, 200_000, entry.num_messages, now)
        assert first_match(facts) is rules_tried(facts)[-1], entry.id


def test_a_rule_that_needs_a_code_is_looked_at_only_under_its_codes() -> None:
    """The walk's plain part holds no rule that needs a code or a tag; every rule that needs a code (and no tag) is
    indexed under each code it names, so facts with none of them never try it (issue 9: half the failed tries were
    code rules tried against facts whose codes no rule names)."""
    for status, (plain, by_tag, by_code) in _PLANS.items():
        assert not any(RULES[at].codes or RULES[at].tags for at in plain), status
        for at, r in enumerate(RULES[:plain[-1]]):
            if r.codes and not r.tags and (r.statuses is None or status in r.statuses):
                assert all(at in by_code[code] for code in r.codes), (status, r.name)
        assert all(RULES[at].codes and not RULES[at].tags for ats in by_code.values() for at in ats)
        assert all(RULES[at].tags for ats in by_tag.values() for at in ats)
