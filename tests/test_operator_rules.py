"""Operator rules files (issue 9 section 4): validated with line and field, checked before the built-in table."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from agent import FailoverReason, Scope, classify_api_error
from agent._operator_rules import RulesFileError, parse_rules
from agent.cli import main
from agent.testing.sdk_errors import exception_from_http

R = FailoverReason
_BUSY = '''
# an in-house gateway says "busy" with a 500
[[rule]]
name = "acme-busy"
reason = "overloaded"
statuses = [500]
phrases = ["gateway is busy"]
scope = "endpoint"

[[rule]]
name = "acme-quota"
reason = "billing"
codes = ["ACME_QUOTA"]
provider = "acme"
'''
_GATEWAY = {"error": {"message": "The gateway is busy, come back soon", "type": "server_error"}}


def test_operator_rule_is_checked_before_the_built_in_table() -> None:
    """A matching operator rule decides (reason, scope, rule name); without it the built-in table does."""
    rules = parse_rules(_BUSY)
    error = exception_from_http("openai", 500, _GATEWAY)
    assert classify_api_error(error).reason is R.server_error
    c = classify_api_error(error, rules=rules)
    assert (c.reason, c.scope, c.rule) == (R.overloaded, Scope.endpoint, "operator:acme-busy")


def test_operator_rule_codes_and_provider_must_all_hold() -> None:
    """Codes match case-insensitively, and only for the named provider."""
    rules = parse_rules(_BUSY)
    error = exception_from_http("openai", 429, {"error": {"message": "no", "code": "acme_quota"}})
    assert classify_api_error(error, provider="acme", rules=rules).reason is R.billing
    assert classify_api_error(error, provider="other", rules=rules).reason is R.rate_limit


@pytest.mark.parametrize(("text", "where"), [
    ('[[rule]]\nname = "a"\nreason = "overloadd"\nstatuses = [500]\n', ":3: field 'reason'"),
    ('[[rule]]\nname = "a"\nreason = "billing"\n', ":2: field 'name'"),  # no condition
    ('[[rule]]\nname = "a"\nreason = "billing"\n\nstatuses = [42]\n', ":5: field 'statuses'"),
    ('[[rule]]\nname = "a"\nreason = "billing"\ncodes = []\n', ":4: field 'codes'"),
    ('[[rule]]\nname = "a"\nreason = "billing"\ncodes = ["x"]\nscope = "planet"\n', ":5: field 'scope'"),
    ('[[rule]]\nname = "a"\nreason = "billing"\ncodes = ["x"]\nwhen = 1\n', ":5: field 'when'"),
    ('[[rule]]\nname = "a"\nreason = "billing"\ncodes = ["x"]\n[[rule]]\nreason = "auth"\ncodes = ["y"]\n',
     ":5: field 'name'"),
    ('[rule]\nname = "a"\n', "[[rule]]"),
    ('[[rule]\n', "not valid TOML"),
])
def test_rules_file_errors_name_the_line_and_field(text: str, where: str) -> None:
    """Each mistake is refused with the file, line and field (or the TOML error) in the message."""
    with pytest.raises(RulesFileError) as info:
        parse_rules(text, "ops.toml")
    assert str(info.value).startswith("ops.toml") and where in str(info.value)


def test_duplicate_rule_names_are_refused() -> None:
    """Two rules with the same name are an error."""
    with pytest.raises(RulesFileError, match="used twice"):
        parse_rules('[[rule]]\nname = "a"\nreason = "auth"\ncodes = ["x"]\n' * 2)


def test_cli_classify_uses_rules_from_flag_and_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """steadyloop classify --rules FILE (or $STEADYLOOP_RULES) applies the operator rules; a bad file exits 2."""
    path = tmp_path / "ops.toml"
    path.write_text(_BUSY)
    body = '{"error":{"message":"The gateway is busy, come back soon","type":"server_error"}}'
    out = io.StringIO()
    assert main(["classify", "--status", "500", "--body", body, "--rules", str(path)], out=out) == 0
    assert "rule:      operator:acme-busy" in out.getvalue()
    monkeypatch.setenv("STEADYLOOP_RULES", str(path))
    out = io.StringIO()
    assert main(["classify", "--status", "500", "--body", body, "--explain"], out=out) == 0
    assert "  YES  operator:acme-busy -> overloaded" in out.getvalue()
    path.write_text('[[rule]]\nname = "x"\nreason = "nope"\ncodes = ["a"]\n')
    assert main(["classify", "--status", "500", "--body", body], out=io.StringIO()) == 2


def test_config_rules_file_and_environment_reach_the_loop(tmp_path: Path) -> None:
    """[classifier] rules_file (else $STEADYLOOP_RULES) is loaded for the loop; a bad file is a ConfigError."""
    from agent.config import ClassifierConfig, ConfigError, classifier_rules

    path = tmp_path / "ops.toml"
    path.write_text(_BUSY)
    assert [r.name for r in classifier_rules(ClassifierConfig(rules_file=path), {})] == [
        "operator:acme-busy", "operator:acme-quota"]
    assert len(classifier_rules(ClassifierConfig(), {"STEADYLOOP_RULES": str(path)})) == 2
    assert classifier_rules(ClassifierConfig(), {}) == ()
    path.write_text('[[rule]]\nname = "x"\nreason = "nope"\ncodes = ["a"]\n')
    with pytest.raises(ConfigError, match=r"\[classifier\] rules_file: .*ops\.toml:3: field 'reason'"):
        classifier_rules(ClassifierConfig(rules_file=path), {})
