"""The ordered rule table that turns facts into a reason.

The first rule that holds decides; table order is priority. Structured signals come first
(codes, then ``x-should-retry``), then statuses refined by narrow phrases, then phrases alone
for status-less errors, then transport kinds, and finally ``unknown``.

A rule holds when all of its conditions do: the status is one of ``statuses`` (any status
when None), one of ``codes`` is among the structured codes, every tag of ``tags`` is present,
no tag of ``unless`` is, and ``test`` (if any) passes. Rules are data; ``first_match`` only
walks the rules that admit the facts' status, precomputed per status at import.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from ._embedded import embedded_status
from ._facts import ErrorFacts, ExcKind
from ._phrases import TAGS, has
from ._taxonomy import FailoverReason, Scope
from ._wait_hints import clock_reset, date_reset

__all__ = ["RULES", "Rule", "first_match", "rules_tried"]

R = FailoverReason
Status = int | None


@dataclass(frozen=True, slots=True)
class Rule:
    """One line of the table: a name, when it applies, and what it decides."""

    name: str
    reason: FailoverReason
    statuses: frozenset[Status] | None = None
    codes: frozenset[str] = frozenset()
    tags: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    test: Callable[[ErrorFacts], bool] | None = None
    scope: Scope | None = None  # None: the reason's default scope

    def holds(self, f: ErrorFacts) -> bool:
        """Whether every condition of the rule is met by ``f`` (status is checked by the index)."""
        return (
            (not self.codes or not self.codes.isdisjoint(f.codes))
            and self.tags <= f.tags
            and self.unless.isdisjoint(f.tags)
            and (self.test is None or self.test(f))
        )


def rule(name: str, reason: FailoverReason, *, statuses: tuple[Status, ...] | range | None = None,
         codes: tuple[str, ...] = (), tags: tuple[str, ...] = (), unless: tuple[str, ...] = (),
         test: Callable[[ErrorFacts], bool] | None = None, scope: Scope | None = None) -> Rule:
    """Build a rule from plain tuples."""
    allowed = frozenset(statuses) if statuses is not None else None
    unknown = [t for t in (*tags, *unless) if t not in TAGS]
    if unknown:
        raise ValueError(f"rule {name!r} names unknown phrase tags {unknown}")
    return Rule(name, reason, allowed, frozenset(codes), frozenset(tags), frozenset(unless), test, scope)


def _large_session(f: ErrorFacts, share: float, tokens: int, messages: int) -> bool:
    if f.approx_tokens > f.context_length * share:
        return True
    return f.context_length <= 256_000 and (f.approx_tokens > tokens or f.num_messages > messages)


def generic_400_in_large_session(f: ErrorFacts) -> bool:
    """Anthropic sometimes answers an oversized prompt with a bare 400 "Error"."""
    message = f.message.strip().lower()
    return (len(message) < 30 or message == "error") and _large_session(f, 0.4, 80_000, 80)


def disconnect_in_large_session(f: ErrorFacts) -> bool:
    """Some gateways drop the connection instead of answering an oversized request."""
    return has(f, "disconnect") and _large_session(f, 0.6, 120_000, 200)


def not_an_auth_status(f: ErrorFacts) -> bool:
    """The status read is not 401 or 403: a relay's capacity type around an inner refusal of the credential does not
    make that refusal the provider's load."""
    return f.status not in (401, 403)


def server_says_retry(f: ErrorFacts) -> bool:
    return f.server_retry is True


QUOTA_FAR: Final = 6 * 3600.0  # seconds; a limit that resets later than this is a quota, not a rate limit


def insufficient_credits_reason(f: ErrorFacts) -> bool:
    """A machine reason that names missing credits or balance (Google's ErrorInfo ``INSUFFICIENT_G1_CREDITS_BALANCE``
    under a 429 RESOURCE_EXHAUSTED), whatever throttle words surround it."""
    return "insufficient_" in f.text and _INSUFFICIENT_REASON.search(f.text) is not None


_INSUFFICIENT_REASON: Final = re.compile(r"insufficient_\w*(?:credit|balance|fund)")


def resets_late(f: ErrorFacts) -> bool:
    """The provider's own wait hint says the limit clears in hours or days, not minutes."""
    return f.wait is not None and f.wait >= QUOTA_FAR


def reset_stated(f: ErrorFacts) -> bool:
    """Reset wording, or a reset at a time of day with no date ("resets 11pm (America/Anchorage)"): within a day; but
    not a reset on a calendar date ("Your limit will reset at Oct 7, 1am.", ``date_reset``), whatever words say it.

    A plan's session window that resets at a stated hour is a throttle on this login (rate_limit: rotate, and cool
    until that hour, the wait the classifier computes from it); one that resets on a date or by the week is billing.
    The verdict reads only the words: the hour's distance from now sets the wait, never the reason."""
    return ("reset_signal" in f.tags or clock_reset(f.text) is not None) and not date_reset(f.text)


def no_reset_soon(f: ErrorFacts) -> bool:
    """No sign anywhere that the limit clears soon (no near wait, no reset wording)."""
    return (f.wait is None or f.wait >= QUOTA_FAR) and not reset_stated(f)


def resets_soon(f: ErrorFacts) -> bool:
    """The provider says when the limit clears, and it is within hours."""
    return (f.wait is not None and f.wait < QUOTA_FAR) or reset_stated(f)


def _limit_and_requested(f: ErrorFacts) -> tuple[int, int] | None:
    """The per-minute budget and the request's size, when the text states both ("Limit 7000, Used 0, Requested
    12903")."""
    if "requested" not in f.text or " requested " not in f.norm:  # the cheap test first
        return None
    match = _LIMIT_REQUESTED.search(f.text)
    return None if match is None else (int(match.group(1)), int(match.group(2)))


def request_exceeds_budget(f: ErrorFacts) -> bool:
    """"Limit 7000, Used 0, Requested 12903": this one request is larger than the whole per-minute budget; or the
    provider's own headers say so (``input_budget_whole``)."""
    numbers = _limit_and_requested(f)
    return (numbers is not None and numbers[1] > numbers[0]) or (bool(f.headers) and input_budget_whole(f))


def input_budget_whole(f: ErrorFacts) -> bool:
    """An input-tokens-per-minute refusal sent while the provider's headers say that budget is untouched
    (``anthropic-ratelimit-input-tokens-remaining`` equal to its ``-limit``): nothing of the minute was spent, so this
    one request is bigger than the whole budget and waiting cannot help (ruby_llm's recorded 429 for a 2.5M-token
    conversation to claude-haiku-4-5: limit 450000, remaining 450000, x-should-retry false:
    https://github.com/crmne/ruby_llm, spec/fixtures/vcr_cassettes). A budget partly spent is a throttle."""
    if " input tokens per minute " not in f.norm:
        return False
    found = dict(f.headers)
    limit = found.get("anthropic-ratelimit-input-tokens-limit")
    left = found.get("anthropic-ratelimit-input-tokens-remaining")
    if limit is None or left is None:
        return False
    limit, left = limit.strip(), left.strip()
    # ASCII digits only: str.isdigit also accepts "²", which int() refuses (a hostile header must not fault the walk)
    if not (limit.isascii() and limit.isdigit() and left.isascii() and left.isdigit()):
        return False
    return 0 < int(limit) <= int(left)


def request_fits_budget(f: ErrorFacts) -> bool:
    """"Limit 250000, Requested 546": the request is no larger than the per-minute budget it names."""
    numbers = _limit_and_requested(f)
    return numbers is not None and numbers[1] <= numbers[0]


# OpenAI's window refusal with its split ("maximum context length is 4097 tokens. However, you requested 10057 tokens
# (57 in the messages, 10000 in the completion)"), as OpenAI, Azure, vLLM and the servers that copy it word it. Not the
# legacy completions endpoint's "(71 in your prompt; 3929 for the completion)": the corpus labels that wording
# context_overflow four to one (whoever chose max_tokens sees "reduce your prompt; or completion length").
_WINDOW_SPLIT: Final = re.compile(r"maximum context length is (\d+) tokens.{0,120}? (\d+) in the completion")


def completion_fills_window(f: ErrorFacts) -> bool:
    """The output budget alone leaves the prompt at most one token of the window (``max_tokens`` 4096 of 4097, the old
    default of many clients): no prompt is that short (a chat message's framing alone is several tokens), so no
    compression helps, max_tokens must come down. Three of the corpus's four splits with one token left are labelled
    so (a Unity wrapper's, a DingTalk bot's, Copilot for Xcode's)."""
    if " in the completion" not in f.text:
        return False
    found = _WINDOW_SPLIT.search(f.text.replace(",", ""))
    return found is not None and int(found.group(2)) >= int(found.group(1)) - 1


_LIMIT_REQUESTED: Final = re.compile(r"limit:? (\d+),(?: used:? \d+,)? requested:? ~?(\d+)")


def negative_max_tokens(f: ErrorFacts) -> bool:
    """The client computed a negative ``max_tokens`` (window minus prompt): the prompt no longer fits."""
    return "max" in f.text and _NEGATIVE_MAX_TOKENS.search(f.text) is not None


_NEGATIVE_MAX_TOKENS: Final = re.compile(r"max_\w*tokens\W.{0,100}?(?:got|was|is|=|:)\s*-\d", re.DOTALL)

def _string_cap(f: ErrorFacts) -> int | None:
    """The cap of "string too long. Expected a string with maximum length N", or None."""
    if " maximum " not in f.norm:  # the word (norm separates words by one space): no word set to build
        return None
    match = _MAX_LENGTH.search(f.text)
    return None if match is None else int(match.group(1))


def short_string_cap(f: ErrorFacts) -> bool:
    """"Expected a string with maximum length 1024": a cap on a field's format (a tool description, an id). A tool's
    field over any cap is one too: compressing the conversation leaves the tool definitions as they are (Azure's
    "Invalid 'tools[0].function.description': string too long. Expected a string with maximum length 1048576":
    https://github.com/MicrosoftDocs/azure-ai-docs/commit/2cee073678faf5f36c9aebbbe100d0d4093dc7de)."""
    cap = _string_cap(f)
    return cap is not None and (cap < LARGE_STRING_CAP or "tools[" in f.text)


def size_capped_string(f: ErrorFacts) -> bool:
    """"string too long. Expected a string with maximum length 1048576": any cap that is not a field's format
    (``short_string_cap``), a message's megabytes, is the request's size (shrink the message)."""
    return _string_cap(f) is not None and not short_string_cap(f)


LARGE_STRING_CAP: Final = 65_536  # characters; OpenAI caps one message's content at 1 MiB (10 MiB for input)
_MAX_LENGTH: Final = re.compile(r"string with maximum length (\d+)")

# Bedrock's JSON-schema check on one field, with its numbers ("expected maxlength: 2048, actual: 294210"). Its caps on
# a model's input text are far under OpenAI's message cap above (Cohere Embed's 2,048 characters a text, Titan's
# 42,000), and its caps on names and ids are tens of characters: a thousand or more bounds a text.
_SCHEMA_MAX_LENGTH: Final = re.compile(r"expected maxlength: (\d{1,9}), actual: (\d{1,9})")
INPUT_TEXT_CAP: Final = 1_000  # characters: a schema cap at least this bounds an input text, not a name or an id


def over_input_text_cap(f: ErrorFacts) -> bool:
    """A field whose schema cap is an input text's (``INPUT_TEXT_CAP`` or more) sent longer than that cap."""
    match = _SCHEMA_MAX_LENGTH.search(f.text)
    return match is not None and INPUT_TEXT_CAP <= int(match.group(1)) < int(match.group(2))


def per_minute_quota_id(f: ErrorFacts) -> bool:
    """Google's quota ids name a per-minute window ("GenerateContentPaidTierInputTokensPerModelPerMinute") and no
    per-day one: with a daily quota violated too, a minute's wait does not help. The ids are read from the text (a
    client's printout) or from a body's QuotaFailure violations (codes)."""
    if "perminute" in f.text and "quotaid" in f.text:
        return "perday" not in f.text
    # Vertex AI's quota metric names, in snake case ("Quota exceeded for aiplatform.googleapis.com/
    # generate_content_requests_per_minute_per_project_per_base_model ...": https://github.com/flatironinstitute/
    # neurosift/issues/224)
    if "_per_minute" in f.text:
        return "_per_day" not in f.text and "perday" not in f.text
    ids = [code for code in f.codes if "perminute" in code or "perday" in code]
    return bool(ids) and not any("perday" in code for code in ids)


QUOTA_SOON: Final = 300.0  # seconds; a quota whose own wait hint is this short is a per-minute window


def quota_reopens_soon(f: ErrorFacts) -> bool:
    """The server's wait hint is seconds or a few minutes, and no per-day quota id is named ("...PerDay..."), in the
    text or among a body's QuotaFailure violations (Gemini's free tier answers its spent daily allowance with a 22 s
    ``retryDelay``: the wait reopens nothing)."""
    return (f.wait is not None and f.wait <= QUOTA_SOON and "perday" not in f.text
            and not any("perday" in code for code in f.codes))


# Last resort for a status-less text no rule above reads (a wrapper's own sentence, a 200 envelope's message): the
# words that say what failed, most specific first, so a bad key's "invalid" is read as the key's, not the request's.
# Only rules after every phrase, code and class rule: a text any of them reads never gets here. Each pattern reads the
# normalised text (" word word ": lower-case words separated by one space).
_CUE_PATTERNS: Final = (
    ("auth", r" (?:api key|apikey|key|access token|token|credentials?|secret|signature) (?:\w+ ){0,3}?"
             r"(?:invalid|incorrect|expired|wrong|not valid|no longer valid|not initiali[sz]ed)"
             # a client that has no key to send ("Azure OpenAI API key or Token Provider not found"); not any "key"
             # ("required key [max_tokens] not found" is a request's field)
             r"| (?:api key|apikey|access token|credentials?) (?:\w+ ){0,3}?(?:not found|not set) "
             # "Invalid xAI API Key": a provider's name between
             r"| invalid (?:\w+ )?(?:api key|apikey|key|access token|token|credentials?|signature) "
             r"| invalid \w+ credentials? "),  # "Invalid gateway credential" (Langfuse's AI gateway)
    ("billing", r" (?:credits?|balance|billing|insufficient funds|payment|recharge) "),
    ("rate_limit", r" (?:rate|qps|rpm|tpm|rps|frequency|concurrency) (?:\w+ )?limit"),
    ("overloaded", r" (?:busy|overloaded|overload|capacity) "),
    # Words about the answer (the response or output was malformed, invalid, unparsable) outrank words about the
    # request: "API returned an empty or malformed response" is no request defect. Not "invalid response_format" (one
    # word) nor "invalid response format|schema|mode" (a parameter of the request), nor "Invalid Responses API
    # request" (OpenRouter refusing a Responses request's shape, code invalid_prompt: the API's name).
    ("answer", r" (?:empty or )?(?:malformed|invalid|unparsable|unparseable|corrupt(?:ed)?) "
               r"(?:response|responses|answer|output|reply) (?!(?:format|schema|mode|type|api) )"
               r"| (?:response|answer|output|reply) (?:body |object )?(?:is |was )?"
               r"(?:malformed|unparsable|unparseable|corrupt(?:ed)?) "),
    # "field" only with what is wrong with its value ("field system too long"): "Unknown field 'foo' in config.yaml"
    # is a tool's, and a "required field ... is missing" is as often a client decoding the answer as a request defect.
    ("request", r" (?:parameters?|invalid|malformed|must be|is required|are required|too short|minimum allowed"
                r"|maximum allowed"
                r"|bad request|badrequest) | fields? (?:\w+ ){0,2}?(?:is |are )?(?:too long|too short|invalid) "
                # a server counting the inputs the request carried (Triton: "expected 4 inputs but got 1 inputs")
                r"| expected \d+ inputs? but got \d+ "
                # something the request holds that the service does not take ("The tool schema is not supported",
                # "Hosted tools are not supported with the ChatCompletions API", "'file part media type text/plain'
                # functionality not supported"); not what "this model" does not support ("Inference is not supported
                # for this model": the model, not the request, may be what has to change)
                r"| (?:is|are|functionality) not supported (?!(?:for|with|by|on|in) (?:this|the|that|your) model )"
                # how providers word a request's own shape, when the message is all a paste keeps of the answer
                # ("Cannot have 2 or more assistant messages at the end of the list", "A maximum of 4 blocks with
                # cache_control may be provided", "top_logprobs requires logprobs to be set to true", "Duplicate item
                # found with id ...", "messages: missing content", "Expected a value between 0 and 1")
                r"| (?:cannot have|may only|must not|must contain|must have) "
                r"| requires \w+ to be | a maximum of \d+ | duplicate (?:item|items|id|ids|tool|tools|key|keys) "
                r"| missing (?:content|field|required|parameter|parameters) | expected a value "
                # a request parameter, named by its snake_case name, the model does not take ("non-reasoning model does
                # not support reasoning_effort"): the request must drop it
                r"| (?:does not|doesn t|do not) support [a-z]+_[a-z_]+ "),
    # A client that could not read or use what came back ("error decoding response body", "Failed to parse AI
    # prediction", "Incorrect response from OpenAI API", "Model output doesn't fit required format"): read as the
    # answer's defect unless the text says the answer was empty or its stream broke (``cues``).
    ("answer_read", r" (?:parse|parsing|decode|decoding|deserialize|deserializing|unmarshal|unserializable"
                    r"|incorrect|unexpected|unusable|no usable|no valid) (?:\w+ ){0,2}?(?:response|responses|answer"
                    r"|reply|output|prediction|completion) (?!(?:format|schema|mode|type) )"
                    r"| (?:response|answer|reply|output) (?:\w+ ){0,2}?(?:doesn t fit|does not fit|did not contain"
                    r"|could not be parsed|is not valid json|not valid json) "
                    # a decoder's own error, however the client heads it (hal-9100's Rust client: "Error calling OpenAI
                    # API: Deserialization Error: missing field `id` at line 8 column 1":
                    # https://github.com/llm-edge/hal-9100/issues/96), and a client that says it could not read the
                    # answer (sub2api's Grok adapter: "Couldn't read the response — serialization error: missing field
                    # `created_at`": https://github.com/Wei-Shaw/sub2api/issues/5723)
                    r"| deserialization error | (?:couldn t|could not|cannot) read (?:the )?"
                    r"(?:response|answer|reply) "
                    # ProxyAI's "Unknown API response. Code: 200, Body: {...}" for an answer it could not map
                    # (https://github.com/carlrobertoh/ProxyAI/issues/1171)
                    r"| unknown (?:api )?response "
                    # PHP's TypeError where a client's code met a value of the wrong type, most often the answer's
                    # missing content ("Return value must be of type string, null returned", "Argument #3 ($content)
                    # must be of type string, null given": Moodle's AI plugins, https://github.com/bycs-lp/
                    # moodle-block_ai_chat/issues/64; openai-php's "must be of type array, string given" on a 503's
                    # text body, https://github.com/openai-php/client/issues/622): the answer, not the request
                    r"| must be of type \w+ \w+ (?:given|returned) "),
    ("timeout", r" (?:timed out|timeout|deadline) "),
    ("transport", r" connection (?:reset|closed|refused|aborted) | closed connection | socket "),
    # a client's bare words for the provider's fault ("Open AI Server Error.": https://github.com/TablePlus/TablePlus/
    # issues/3147), when nothing above read the text
    ("server", r" server error "),
)
# A word each match of some pattern holds: a text that holds none of them is searched with none of the patterns (most
# texts that reach these rules hold none: a look-up per word instead of eight regex scans).
_CUE_WORDS: Final = frozenset({
    "key", "apikey", "token", "credential", "credentials", "secret", "signature", "invalid",  # auth
    "credit", "credits", "balance", "billing", "insufficient", "payment", "recharge",  # billing
    "rate", "qps", "rpm", "tpm", "rps", "frequency", "concurrency",  # rate_limit
    "busy", "overloaded", "overload", "capacity",  # overloaded
    "unparsable", "unparseable", "corrupt", "corrupted",  # answer (with malformed and invalid)
    "parse", "parsing", "decode", "decoding", "deserialize", "deserializing", "unmarshal", "unserializable",
    "incorrect", "unexpected", "unusable", "usable", "valid", "doesn", "does", "did", "could", "not", "deserialization",
    "couldn", "unknown",  # answer_read
    "parameter", "parameters", "malformed", "must", "required", "short", "allowed", "bad", "badrequest", "field",
    "fields", "inputs", "supported", "cannot", "may", "requires", "maximum", "duplicate", "missing", "expected",
    "contain",  # request (and "must", PHP's TypeError for answer_read)
    "timed", "timeout", "deadline",  # timeout
    "connection", "closed", "socket",  # transport
    "server",  # server
})
_CUES: Final = tuple((name, re.compile(pattern).search) for name, pattern in _CUE_PATTERNS)
# The same last resort for Chinese, whose words no space separates (a relay's, an app's or a provider's own sentence:
# "API 密钥无效", "余额不足", "请求频率过高", "服务繁忙"), with four more kinds English texts leave to phrases: the
# content review, the context, the model, the server. Searched only in a text with non-ASCII characters.
_CJK_CUE_PATTERNS: Final = (
    # a review of the content, not of an identity ("实名认证审核不通过" is the account's real-name check); Japanese: an
    # upstream safety filter, a model that refused to answer
    ("content", r"违规|敏感|不合规|违法|(?:内容|文本|图片|图像|输入|输出|安全)\S{0,4}?审核|安全フィルター|回答を拒否"),
    # an account its provider shut off ("账号已被封禁"; Japanese: "アカウントが無効化または一時停止されています")
    ("banned", r"封禁|账号已被封|账户已被封|账号被封|アカウントが無効化|アカウント\S{0,4}停止"),
    # a service not offered where the caller is ("地域制限", "現在の場所では ... 利用できません")
    ("policy", r"地域制限|現在の場所では|所在(?:的)?(?:国家|地区)\S{0,6}不支持"),
    ("auth", r"(?:密钥|秘钥|令牌|api ?key|key|token|凭证|凭据)\s?\S{0,4}?(?:无效|错误|失效|过期|不正确|不存在|已禁用)"
             r"|鉴权失败|认证失败|身份验证|未授权|权限不足|暂无权限|请先登录|登录(?:已)?(?:失效|过期)|認証に失敗|認証エラー"),
    ("billing", r"余额|欠费|充值|额度(?:不足|已用|用尽|耗尽|用完)|资源包|残高|クレジット"),
    ("rate_limit", r"频率|限流|过于频繁|太频繁|请求过多|请求次数|并发|速率|リクエスト数|頻繁"),
    ("context", r"上下文|(?:长度|token ?数|字数|输入)\S{0,6}?(?:超出|超过|过长|超限)|長さを超え"),
    ("model", r"模型\S{0,10}?(?:不存在|不支持|未开通|已下线|下线|无权|未找到|找不到)|无可用模型|没有可用的?模型"
              # a key a relay will not let use the model ("API Key 不允许使用该模型")
              r"|不允许使用\S{0,6}?模型|不支持(?:当前|该|此|这个)?模型|モデル\S{0,12}?見つかり"),
    ("answer", r"(?:响应|返回|回复|输出)(?:的)?(?:格式|数据|内容|结果)?(?:错误|无效|异常)"
               r"|解析(?:响应|返回)?(?:失败|错误)|不正な形式のレスポンス"),
    ("overloaded", r"繁忙|过载|拥挤|容量不足|负载|排队"),
    ("request", r"参数(?:错误|无效|不正确|缺失|格式|不合法|有误)|格式错误|不能为空|必填|缺少参数"),
    ("timeout", r"超时|タイムアウト"),
    ("transport", r"网络(?:错误|异常|连接|不可用)|连接(?:失败|断开|被重置|中断|异常)|无法连接|接続\S{0,4}切断"),
    ("server", r"服务器(?:内部)?错误|内部错误|系统错误|服务异常|服务器异常|ゲートウェイ\S{0,12}エラー"),
)
_CJK_CUES: Final = tuple((name, re.compile(pattern).search) for name, pattern in _CJK_CUE_PATTERNS)
# The same kinds in the other languages localized apps and regional providers print errors in (Russian, Korean,
# Portuguese, Spanish, German, French, Turkish, Vietnamese): the words a sentence of each kind cannot do without,
# lower-cased, in the same order of rules (a balance named beside a limit is the bill). Searched in every text
# that reaches these rules, not only a non-ASCII one: "Kontoguthaben aufgebraucht" has no accent.
_WORLD_CUE_PATTERNS: Final = (
    ("content", r"фильтр\w* безопасности|модераци|политик\w* (?:в отношении )?контента|систем\w* безопасности"
                r"|안전 설정|안전 필터|콘텐츠 정책|모더레이션|filtro de seguran[çc]a|filtro de seguridad"
                r"|pol[íi]tica de conte[úu]do|pol[íi]tica de contenido|modera[çc][ãa]o|moderaci[óo]n"
                r"|sistema de seguran[çc]a|sistema de seguridad|se neg[óo] a responder|sicherheitsfilter"
                r"|sicherheitssystem|inhaltsrichtlinie|moderationssystem|chính sách nội dung|kiểm duyệt"
                r"|içerik politikas\u0131|moderasyon|filtre de sécurité|politique de contenu|modération"
                r"|système de sécurité"),
    ("banned", r"аккаунт\w* (?:был |была )?(?:заблокирован|деактивирован|приостановлен)|계정이 비활성화|계정이 정지"
               r"|conta (?:foi )?(?:desativada|suspensa)|cuenta (?:ha sido )?(?:desactivada|suspendida)"
               r"|konto (?:wurde )?(?:deaktiviert|gesperrt)|compte (?:a été )?(?:désactivé|suspendu)"),
    ("policy", r"местоположени|региональн\w* ограничени|지역 제한|sua localiza[çc][ãa]o|su ubicaci[óo]n"
               r"|restricciones regionales|restri[çc][õo]es regionais|ihrem standort|regionale einschränkung"),
    ("auth", r"(?:ключ|токен)\w* (?:api )?(?:недействител|некоррект|неверн|истёк|истек)"
             r"|(?:недействительн|некорректн|неверн)\w* (?:api[- ]?)?ключ|ошибка (?:авторизации|аутентификации)"
             r"|не авторизован|인증에 실패|인증 실패|인증 오류|키가 유효하지|유효하지 않은 (?:api )?키"
             r"|chave\w* (?:de api |fornecida )?inv[áa]lida|clave (?:de api )?inv[áa]lida|no autorizado"
             r"|n[ãa]o autorizado|falha (?:na|de) autentica|fallo en la autenticaci|error de autenticaci"
             r"|autenticaci[óo]n fallida|ungültige[rn]? (?:api[- ]?)?(?:key|schlüssel)"
             r"|authentifizierung fehlgeschlagen|nicht autorisiert|échec de l.authentification"
             r"|erreur d.authentification|clé (?:d.)?api (?:est )?invalide|eri\u015fim izniniz yok"
             r"|geçersiz api anahtar\u0131|anahtar\w* geçersiz|kimlik doğrulama|khóa truy cập|xác thực thất bại"
             r"|lỗi xác thực"),
    ("billing", r"баланс|недостаточно средств|пополните|квот\w* (?:\w+ ){0,4}?(?:закончил|исчерпан)"
                r"|закончилась квота|크레딧|잔액|쿼터가 (?:모두 )?소진|할당량이 (?:모두 )?소진|무료 등급 제한|saldo"
                r"|cr[ée]ditos? insuficientes?|sin cr[ée]ditos|sem cr[ée]ditos|se requiere pago|pagamento necess"
                r"|guthaben|lizenz ist abgelaufen|bakiye|số dư|solde|paiement requis|crédits? insuffisants?"),
    ("rate_limit", r"лимит\w* скорост|превысили лимит|слишком много запросов|лимит\w* запросов|частот\w* запросов"
                   r"|속도 제한|요청 제한|요청이 너무 많|limite de taxa|taxa de pedidos?|demasiados pedidos"
                   r"|muitas (?:requisi[çc][õo]es|solicita[çc][õo]es)|demasiadas solicitudes|tasa de solicitudes"
                   r"|n[úu]mero de solicitudes|l[íi]mite de (?:velocidad|solicitudes)|ratenlimit|zu viele anfragen"
                   r"|anfragelimit|h\u0131z s\u0131n\u0131r\u0131|çok fazla istek|istek s\u0131n\u0131r\u0131"
                   r"|giới hạn tốc độ|giới hạn yêu cầu|quá nhiều yêu cầu|trop de requêtes"
                   r"|limite de (?:requêtes|débit)"),
    ("context", r"контекст|превышает длину|컨텍스트|comprimento máximo do contexto|longitud máxima del contexto"
                r"|janela de contexto|ventana de contexto|kontextgröße|kontextfenster|bağlam penceresi|ngữ cảnh"
                r"|fenêtre de contexte"),
    ("payload", r"превышает лимит \d+ ?(?:мб|кб)|слишком больш\w* (?:файл|запрос)|너무 큽|demasiado grande"
                r"|muito grande|zu groß|trop volumineu|trop grand"),
    ("model", r"модел\w* не (?:найден|существует)|모델을 찾을 수 없|모델이 존재하지|el modelo no existe"
              r"|modelo no encontrado|o modelo não existe|modelo não encontrado|modell nicht gefunden"
              r"|modell existiert nicht|modell wurde außer betrieb|keinen verfügbaren kanal|le modèle n.existe pas"
              r"|modèle introuvable|model bulunamad\u0131|không tìm thấy mô hình"),
    ("overloaded", r"перегружен|сервис (?:временно )?недоступен|과부하|sobrecarregad|sobrecargad|servicio no disponible"
                   r"|serviço indisponível|überlastet|dienst nicht verfügbar|a\u015f\u0131r\u0131 yük|quá tải"
                   r"|surchargé|service indisponible"),
    ("answer", r"некорректный ответ|не удалось разобрать|resposta inv[áa]lida|respuesta inv[áa]lida"
               r"|no se pudo analizar|fehler beim parsen|ungültige antwort|phản hồi không hợp lệ|réponse invalide"),
    ("request", r"malformad[ao]|par[áa]metros? inv[áa]lidos?|недопустим\w* параметр|неверный параметр"
                r"|некорректный запрос|ungültiger parameter|ungültige anfrage|fehlerhafte anfrage|잘못된 요청"
                r"|잘못된 매개변수|erro no pedido|solicitud incorrecta|requête (?:invalide|incorrecte)"
                r"|paramètres? invalides?|geçersiz istek"),
    ("timeout", r"тайм-?аут|время ожидания|истекло время|시간 초과|시간이 초과|expirou|tempo limite|tempo de espera"
                r"|tiempo de espera|se agot[óo] el tiempo|zeitüberschreitung|zaman a\u015f\u0131m\u0131|hết thời gian"
                r"|délai d.attente"),
    ("transport", r"ошибка (?:соединения|сети)|соединение (?:разорвано|прервано)|не удалось подключиться|연결 실패"
                  r"|연결이 끊|연결할 수 없|erro de conex[ãa]o|error de conexi[óo]n|no se pudo conectar"
                  r"|não foi possível conectar|verbindungsfehler|verbindung fehlgeschlagen"
                  r"|verbindung zum server nicht möglich|lỗi kết nối|không thể kết nối|erreur de connexion"
                  r"|impossible de se connecter"),
    ("server", r"внутренняя ошибка сервера|ошибка сервера|서버 오류|erro interno do servidor|erro (?:do|no) servidor"
               r"|error interno del servidor|error del servidor|interner serverfehler|serverfehler|lỗi máy chủ"
               r"|sunucu hatas\u0131|erreur (?:interne )?(?:du |de )?serveur|erreur de passerelle"),
)
_WORLD_CUES: Final = tuple((name, re.compile(pattern).search) for name, pattern in _WORLD_CUE_PATTERNS)
# Which texts are worth those sixteen scans (about 50 us over 400 characters): one with a letter of the scripts above
# (accented Latin, Vietnamese, Cyrillic, Hangul), or an unaccented one with a word those languages use and English does
# not ("Kontoguthaben aufgebraucht, bitte aufladen"); not an English or Chinese text no rule could read.
_WORLD_SCRIPT: Final = re.compile(r"[\u00c0-\u024f\u0400-\u04ff\u1e00-\u1eff\uac00-\ud7af]").search
_WORLD_WORDS: Final = frozenset({
    "bitte", "oder", "und", "nicht", "wurde", "ist", "sie", "der", "das", "ein", "eine", "mit", "ihr", "ihre",  # de
    "veuillez", "votre", "vous", "est", "les", "des", "une", "pas", "pour", "du",  # fr
    "por", "favor", "el", "los", "las", "su", "del", "una", "para", "intente",  # es
    "sua", "seu", "uma", "tente", "voce", "nao",  # pt (not "do", "da": English words or names)
    "bir", "lutfen",  # tr (not "ve": English's "I've" normalised)
})
# How much of a text the other languages' words are looked for in: a localized sentence is short, and a long page or
# traceback that no English or Chinese word explains is not worth sixteen more scans of its whole length.
_WORLD_SPAN: Final = 400
_NO_CUES: Final[frozenset[str]] = frozenset()
# What leaves the answer_read cue to other readings: an empty answer, or a stream that broke off (流: a stream).
_ANSWER_GONE: Final = re.compile(r" empty | stream | streaming |流")
_LAST_CUES: list[tuple[str, frozenset[str]]] = [(" ", _NO_CUES)]  # the eight rules ask about the same text in turn


def cues(f: ErrorFacts) -> frozenset[str]:
    """Names of the cue patterns present in the facts' normalised text (the last text's answer is remembered)."""
    norm = f.norm
    last_norm, found = _LAST_CUES[0]
    if last_norm is norm or last_norm == norm:
        return found
    found = _NO_CUES if _CUE_WORDS.isdisjoint(norm.split()) else frozenset(
        name for name, search in _CUES if search(norm))
    if not norm.isascii():
        found = found | {name for name, search in _CJK_CUES if search(norm)}
    if not found:  # not English's nor Chinese's words: perhaps another language's (lower-cased: Cyrillic capitals)
        head = norm[:_WORLD_SPAN].lower()
        if _WORLD_SCRIPT(head) is not None or not _WORLD_WORDS.isdisjoint(head.split()):
            found = frozenset(name for name, search in _WORLD_CUES if search(head))
    if "answer_read" in found and not _ANSWER_GONE.search(norm):
        found = found | {"answer"}
    _LAST_CUES[0] = (norm, found)
    return found


def _cue(name: str) -> Callable[[ErrorFacts], bool]:
    return lambda f: name in cues(f)


# Stop values that are failures in their own right: a validator refusing one of them is no unreadable answer (the stop
# value's own rule decides: a content block, a full window, an upstream error).
_FAILURE_STOPS: Final = frozenset({"content_filter", "error", "network_error", "sensitive", "refusal", "safety",
                                   "model_context_window_exceeded", "length", "max_tokens"})
# pydantic's refused input (a quoted value, or None: a chunk with no finish reason at all, as vLLM streams one), serde's
# unknown variant (an empty one: a proxy's finish_reason "")
_REFUSED_VALUE: Final = re.compile(r"input_value=(?:'(\w+)'|none\b)|unknown variant `(\w*)`")


def refused_value(f: ErrorFacts) -> str | None:
    """The value a validator refused (``input_value='end_turn'``: "end_turn"; ``input_value=None``: ""), lower case."""
    match = _REFUSED_VALUE.search(f.text)
    return None if match is None else (match.group(1) or match.group(2) or "").lower()


def refused_value_is_benign(f: ErrorFacts) -> bool:
    """The value a validator refused (``input_value='end_turn'``, ``input_value=None``) is a normal stop or none at
    all, not a failure's."""
    value = refused_value(f)
    return value is not None and value not in _FAILURE_STOPS


# A request URL whose version segment is doubled ("Unknown request URL: POST /v1/v1/chat/completions", a base URL that
# already ends in /v1 given to a client that adds it) or that stops at the version ("POST /v1."): the client's base
# URL is wrong, so every request to it fails alike. Read on lower-case text; bounded (a version is a few characters).
_DOUBLED_VERSION: Final = re.compile(r"/(v\d{1,2}(?:alpha|beta)?\d{0,2})/\1/")
_VERSION_ONLY: Final = re.compile(r"unknown request url:?\s{1,4}(?:post|get) /v\d{1,2}\.?(?:\s|$)")


def request_url_misbuilt(f: ErrorFacts) -> bool:
    """The text names a request URL no base URL but a wrong one builds (a doubled or a bare version segment)."""
    return "/v" in f.text and (_DOUBLED_VERSION.search(f.text) is not None or _VERSION_ONLY.search(f.text) is not None)


def template_raised(f: ErrorFacts) -> bool:
    """The text is a chat template's exception at a place in its source, as llama.cpp's Jinja engine (minja) reports one
    ("Cannot subscript null at row 23, column 40:", "Unknown argument separators for function tojson at row 57, column
    84:"): the template failed on the messages or tools this request gave it."""
    return " at row " in f.text and _TEMPLATE_PLACE.search(f.text) is not None


_TEMPLATE_PLACE: Final = re.compile(r" at row \d+, column \d+:")


def html_page(f: ErrorFacts) -> bool:
    """The text is (or quotes) an HTML document: a page from whatever answered in front of the API, not its JSON; or
    Go's JSON decoder says the body opened with a tag (go-openai's "error, status code: 403, message: invalid character
    '<' looking for beginning of value": https://github.com/appleboy/CodeGPT/issues/132)."""
    return "<html" in f.text or "<!doctype html" in f.text or _TAG_OPENED in f.text


_TAG_OPENED: Final = "invalid character '<' looking for beginning of value"


_TERMINATED: Final = (" error terminated ", " typeerror terminated ")


# Go's net/http error for a request whose connection closed before any answer (url.Error wrapping io.EOF: 'Post
# "https://api.openai.com/v1/completions": EOF', https://github.com/sashabaranov/go-openai/issues/189). A server's call
# to its own runner on the loopback address that ends so ('POST predict: Post "http://127.0.0.1:63330/completion": EOF',
# Ollama's runner dying) is that server's fault, left to the rules below.
_GO_REQUEST_EOF: Final = re.compile(r'\b(?:post|get|put) "https?://([^"/]+)[^"]*": eof\b')
_LOOPBACK: Final = ("127.0.0.1", "localhost", "0.0.0.0", "[::1")


def go_request_eof(f: ErrorFacts) -> bool:
    """Go's 'Post "<url>": EOF' for a host other than the loopback address."""
    if " eof " not in f.norm:
        return False
    match = _GO_REQUEST_EOF.search(f.text)
    return match is not None and not match.group(1).startswith(_LOOPBACK)


def relay_fetch_failed(f: ErrorFacts) -> bool:
    """A relay's 5xx whose message is Node's own "fetch failed" (undici's TypeError for a request that never got an
    answer: refused, reset, DNS, TLS), whole or before the stack it printed: claude-code-router's
    {"error": {"message": "fetch failed", "type": "api_error", "code": "internal_error"}}."""
    return f.message[:12].lower() == "fetch failed"


# The same for a server's gRPC call to its own backend process on the loopback address, refused because that process
# died or never started (LocalAI: 'rpc error: code = Unavailable desc = connection error: desc = "transport: Error while
# dialing: dial tcp 127.0.0.1:37785: connect: connection refused"', https://github.com/mudler/LocalAI/issues/771, /945,
# /5339): the server answered, its backend is down. A client refused by a server is a transport fault (below).
_LOOPBACK_DIAL: Final = ("dial tcp 127.0.0.1", "dial tcp localhost", "dial tcp [::1]")


def loopback_backend_refused(f: ErrorFacts) -> bool:
    """A gRPC call refused by a backend on the loopback address (a server's own runner)."""
    return ("rpc error" in f.text and "connection refused" in f.text
            and any(dial in f.text for dial in _LOOPBACK_DIAL))


def fetch_terminated(f: ErrorFacts) -> bool:
    """undici's "terminated" is the whole text, or follows only a wrapper's "... error:" prefix."""
    return f.norm == " terminated " or f.norm.endswith(_TERMINATED)

# A server that names the model it does not serve before "(is) not supported": IBM watsonx through its FastAPI ("400:
# Model 'meta-llama/llama-3-1-70b-instruct' is not supported"), a server's "Model {model} not supported". The name
# after the article is the phrase "model is not supported" (llama-stack's "'{name}' model is not supported",
# meta-llama/llama-stack llama_stack/apis/common/errors.py; Codex's "The 'gpt-5' model is not supported"). The name is
# quoted, or shaped like a model id (a digit, "-", "/", ":" or "."): "the model parameter is not supported" is not it.
_NAMED_MODEL_UNSUPPORTED: Final = re.compile(
    r"\bmodel (?:['\"`][^'\"`\s]{1,160}['\"`]|[a-z]*[\d/:.-][^\s'\"`]{0,160}) (?:is )?not supported\b")


def named_model_unsupported(f: ErrorFacts) -> bool:
    """The text says a model, named in quotes or by an id, is not supported."""
    return " not supported " in f.norm and _NAMED_MODEL_UNSUPPORTED.search(f.text) is not None


# The whole text of a fetch that got no answer, as browsers and axios word it (Chromium's TypeError "Failed to fetch",
# WebKit's "Load failed", axios' "Network Error"), which apps print last after their own prefix ("API Request Failed -
# TXT Load Failed", "OpenRouter Provider Error: Load failed", 'LLM run errored with error: "Network Error"').
_BROWSER_FETCH_ENDS: Final = (" failed to fetch ", " load failed ", " network error ")
# WebKit (Safari 17 and later) names the host after its "Load failed" ("Network Error: Load failed (opencode.ai)":
# https://github.com/chatboxai/chatbox/issues/3920).
_LOAD_FAILED_HOST: Final = re.compile(r"\bload failed \([a-z0-9.-]{1,253}\)\s*$")


def browser_fetch_failed(f: ErrorFacts) -> bool:
    """The text ends with a browser's or axios' words for a fetch without an answer (not "model load failed")."""
    if f.norm.endswith(_BROWSER_FETCH_ENDS):
        return not f.norm.endswith(" model load failed ")
    return "load failed (" in f.text and _LOAD_FAILED_HOST.search(f.text) is not None


# LiteLLM's catch-all maps an exception raised while it transformed the answer to APIConnectionError, so a KeyError for
# a field the answer lacked prints as the class and the quoted key alone ("litellm.APIConnectionError: 'output'",
# "... GroqException - 'id'", "... 'signature'": BerriAI/litellm#13313): no connection failed, the answer was
# unreadable.
# A logger's "Caught exception: 'choices'" (Langchain-Chatchat's utils: https://github.com/chatchat-space/
# Langchain-Chatchat/issues/1922) likewise.
_KEY_ALONE: Final = re.compile(r"(?:error:|exception:|exception -) '[a-z_][a-z0-9_]{0,40}'$")


def key_missing_in_answer(f: ErrorFacts) -> bool:
    """A KeyError whose whole text is a field every answer's reader takes for granted (``_ANSWER_KEYS``); a connection
    error (or a KeyError) whose text ends with an error class, or a LiteLLM "...Exception -", and a quoted identifier
    alone: the KeyError of a field the answer lacked; or, whatever the class, the quoted identifier is a field only an
    answer holds (Dify: "Run failed: [openrouter] Error: 'choices'")."""
    text = f.text.strip()
    if "keyerror" in f.codes:
        # a KeyError prints its text as a repr, in double quotes when it holds a quote ("Caught exception: 'choices'")
        text = text.strip('"')
        if text in _ANSWER_KEYS:
            return True  # a KeyError for a field of the answer, its text the key alone ("KeyError: 'content'")
    tail = text[-60:]
    if not tail.endswith("'"):
        return False
    return ((f.kind is ExcKind.connection or "keyerror" in f.text or tail.endswith(_ANSWER_FIELDS))
            and _KEY_ALONE.search(tail) is not None)


# Fields only an answer holds, whatever class names them missing.
_ANSWER_FIELDS: Final = ("'choices'", "'candidates'")
# ... and, for a KeyError alone, the fields inside them an answer's reader takes for granted (LangChain over Azure's
# content filter: "KeyError: 'content'"; a streamed chunk without its stop field, MindSearch over Ollama: "KeyError:
# 'finish_reason'"); a KeyError for any other key may be the caller's own dict ("'tool_name'").
_ANSWER_KEYS: Final = frozenset({*_ANSWER_FIELDS, "'content'", "'message'", "'delta'", "'parts'", "'finish_reason'"})
# A validation error for the class a client reads the answer into (pydantic: "3 validation errors for ChatCompletion",
# "2 validation errors for OCICompletionResponse"; https://github.com/pydantic/pydantic-ai/issues/822,
# https://github.com/oracle/ai-optimizer/issues/266): the answer lacked or mistyped a field; never a class named for
# the request ("...CompletionRequest").
_ANSWER_MODEL_REFUSED: Final = re.compile(r"validation errors? for (?:\w+\.)*\w*(?:completion|response|chunk)\b")


# ... or for a schema of the caller's own that the model's answer was read into (structured output: "5 validation
# errors for Structure ... Field required [type=missing, input_value={'properties': ...}]", a model that wrapped its
# fields: https://github.com/dw-dengwei/daily-arXiv-ai-enhanced/issues/43; "2 validation errors for
# SkillAIImpactAnalysis ... Input should be a valid list [type=list_type, ...]"): a field missing or mistyped in
# pydantic's own words. Not a class named for a request or its settings (Dify's "validation error for LLMNodeData",
# vLLM's "ChatCompletionRequest", google-genai's "3 validation errors for _CreateBatchJobParameters":
# https://github.com/googleapis/python-genai/issues/1190), nor a check of a client's own construction, which pydantic
# words as a value error ("Did not find openai_api_key ... [type=value_error").
_SCHEMA_NAMED: Final = re.compile(
    r"validation errors? for (?!\w*(?:request|params|parameters|data|config|settings|options|args)\b)\w+\s")


def answer_model_refused(f: ErrorFacts) -> bool:
    text = f.text
    if "validation error" not in text:
        return False
    if _ANSWER_MODEL_REFUSED.search(text) is not None:
        return True
    # the schema's name, then its first error's words and type before any other bracket (the request's own field
    # paths hold brackets: the Mistral SDK's "validation errors for Unmarshaller body.nullable[list[Tool]]..."); found
    # by one bounded search and substring tests, not a scan of a long text for each "validation error" it holds
    named = _SCHEMA_NAMED.search(text) if "[type=" in text else None
    if named is None:
        return False
    bracket = text.find("[", named.end())
    if bracket < 0:
        return False
    first = text[named.end():bracket]
    return (text.startswith("[type=", bracket) and not text.startswith("value_error", bracket + 6)
            and ("field required" in first or "input should be" in first))


# Words beside a plan cap under a 500 that leave the status to decide: the server's fault, the request's, a throttle.
_NOT_A_PLAN_CAP: Final = ("server_fault", "request_defect", "rate_limit")
# What a 500 or 502 whose words are a throttle's is instead when the text names the caller's allowance (shared by the
# rule for throttle words and the one for a throttle's code spelled in the text).
_NOT_LOAD_AS_5XX: Final = ("usage_limit", "billing", "quota_word", "exhausted", "credits_exhausted", "caller_named")
_GENERIC_SERVER_CODES: Final = ("server_error", "api_error", "internal_error", "internal", "internalserverexception",
                                "system_error",
                                # a relay that could not read its upstream's stream (sub2api's error event
                                # {"code": "stream_read_error", "type": "upstream_error"})
                                "stream_read_error")
# Wording that names what failed more precisely than a generic server code does, when no status says more (Ollama's
# {"type": "api_error", "message": "model \"qwen9\" not found, try pulling it first"} in a stream; Kimi's
# {"type": "server_error", "message": "The API Key appears to be invalid or may have expired"}): an HTTP answer's 4xx
# status decides those before any code; with no status the words must.
_SPECIFIC_WORDING: Final = frozenset({
    "model_missing", "model_support", "bad_key", "auth_permanent", "rate_limit", "context_overflow", "request_defect",
    "billing", "credits_exhausted", "usage_limit", "content_policy", "payload_too_large", "thinking_signature",
    "disconnect", "transport", "timeout"})

NONE: Final = (None,)
REQUEST: Final = (400, 413, 422, None)
PHRASED: Final = (400, 402, 403, 404, 422, 429, None)
_THROTTLE_WORDED: Final = (*PHRASED, 503)  # the statuses under which throttle words, or its code spelled, decide
LIMITED: Final = (400, 402, 403, 404, 412, 429, None)  # 412: Portkey's usage limits
BUSY: Final = (429, 498, 500, 502, 503, 529, None)  # 498: Groq's flex tier out of capacity
CLIENT: Final = range(400, 500)
SERVER: Final = range(500, 600)
# 400/407: a proxy refusing the tunnel; 530: Cloudflare's answer when it could not reach the origin (DNS, tunnel)
TRANSPORT: Final = (None, 400, 407, 500, 502, 503, 504, 530)

# An aggregator's upstream provider is rate limited: the user's key is healthy, so back off, do not rotate. Named: the
# word model's reading of a status-less text gives a throttle it finds this rule's words in the same scope
# (error_classifier._read_unknown).
AGGREGATOR_UPSTREAM_LIMIT: Final = rule(
    "aggregator_upstream_limit", R.rate_limit, statuses=(429,), tags=("upstream_limit",),
    unless=("usage_limit", "billing", "credits_exhausted"), scope=Scope.endpoint)


RULES: Final[tuple[Rule, ...]] = (
    # Per-prompt safety decisions are deterministic: first (seed 003).
    rule("content_policy_code", R.content_policy_blocked, codes=(
        # Google's ErrorInfo reason when a generation was judged unsafe (Flow/Imagen: "PUBLIC_ERROR_UNSAFE_GENERATION"
        # under a 400 INVALID_ARGUMENT)
        "public_error_unsafe_generation",
        # Tencent Cloud's Hunyuan: text or image the review refused (tencentcloud-sdk-python, hunyuan/v20230901/
        # errorcodes.py, as its TencentCloudSDKException prints them: "code:OperationDenied.TextIllegalDetected")
        "operationdenied.textillegaldetected", "operationdenied.imageillegaldetected",
        # Portkey's gateway when a guardrail of the config refused the request (446 hooks_failed)
        "hooks_failed",
        "content_filter", "content_policy_violation", "responsibleaipolicyviolation",
        "bio_policy", "image_content_policy_violation", "misalignment_policy_violation",
        "contentfilterfinishreasonerror", "datainspectionfailed", "contentpolicyviolationerror",
        # new-api relays (github.com/QuantumNous/new-api, types/error.go): a sensitive-word hit, a blocked prompt
        "sensitive_words_detected", "prompt_blocked",
        # OpenAI's Sora 2 moderation before and during a generation ("sentinel_block": "Hmmm something didn't look
        # right with your request."; "moderation_blocked": "Your request was blocked by our moderation system.")
        "sentinel_block", "moderation_blocked",
        # a platform gateway's keyword filter under a 403 ({"code": "sensitive_word_detected", "type":
        # "security_violation"}: https://github.com/14790897/MiqroForge-Desktop/pull/1027), the same hit in the singular
        "sensitive_word_detected",
        # a gateway's error type for content its source refused, sent mid-stream after a 200 with the source's own
        # "Status 403" in its message (NagaAI: https://docs.naga.ac/build/error-handling): the type names the content
        "inappropriate_content",
        # Volcengine Ark's moderation codes for the input or output text or image
        # (https://www.volcengine.com/docs/82379/1299023), Huawei Cloud MaaS's 403 risk control ModelArts.81011
        # (https://support.huaweicloud.com/intl/id-id/usermanual-maas-modelarts/maas-modelarts-0080.html), NAVER CLOVA
        # Studio's 40005, a result its internal policy withholds
        # (https://api.ncloud-docs.com/release-20250717/docs/en/clovastudio-troubleshoot-c4xx)
        "sensitivecontentdetected", "inputtextsensitivecontentdetected", "inputimagesensitivecontentdetected",
        "outputtextsensitivecontentdetected", "outputimagesensitivecontentdetected", "modelarts.81011", "clova:40005")),
    # OpenAI's invalid_prompt is a prompt its usage policy flagged, unless the text names a defect of the request
    # (MiniMax sends the same code for its "invalid params, tool result's tool id(...) not found (2013)":
    # https://github.com/agent0ai/agent-zero/issues/1754), which the request-defect rules read
    rule("content_policy_invalid_prompt", R.content_policy_blocked, codes=("invalid_prompt",),
         unless=("request_defect",)),
    # The window-full stop value quoted in an error: before the phrases, which may read a list of allowed values
    # ("Input should be 'stop', 'length', 'tool_calls', 'content_filter' ...") as a content block.
    rule("window_full_stop_value", R.context_overflow, statuses=(400, 422, None, *SERVER), tags=("window_full",)),
    # A client's validator refused the answer's finish reason (Anthropic's "end_turn" through an OpenAI-shaped client):
    # the answer is unreadable to it. Before the phrases, which would read the list of values it takes as a content
    # block; not when the refused value is itself a failure's stop (see refused_value_is_benign).
    rule("finish_value_refused", R.malformed_response, statuses=NONE, tags=("finish_value_refused",),
         test=refused_value_is_benign),
    # ... and when the refused value is the stop "error" (OpenRouter's and Mistral's mark of a generation that failed
    # upstream: "Input should be 'stop', 'length', 'tool_calls', 'content_filter' or 'function_call'
    # [type=literal_error, input_value='error'": https://github.com/pydantic/pydantic-ai/issues/2844), the server
    # failed: never the content block the list of values names
    rule("finish_value_error", R.server_error, statuses=NONE, tags=("finish_value_refused",),
         test=lambda f: refused_value(f) == "error"),
    # Whatever status a relay gives it (a one-api 429 around Gemini's prompt block): the same text fails every retry.
    rule("content_policy_phrase", R.content_policy_blocked, tags=("content_policy",)),
    # Provider-specific tiers and request repairs.
    rule("anthropic_long_context_tier", R.long_context_tier, statuses=(400, 429, None), tags=("long_context_tier",)),
    rule("anthropic_out_of_extra_usage", R.billing, statuses=(400, 403, 429, None),
         tags=("extra_usage_exhausted",), unless=("long_context_beta",)),  # seed 000
    rule("thinking_signature", R.thinking_signature, statuses=(400, None), tags=("thinking_signature",),
         unless=("value_list",)),
    rule("assistant_prefill_unsupported", R.prefill_unsupported, statuses=(400, None), tags=("prefill_unsupported",)),
    rule("anthropic_long_context_beta", R.oauth_long_context_beta_forbidden, statuses=(400, 403, 429, None),
         tags=("long_context_beta",)),
    rule("llama_cpp_grammar", R.llama_cpp_grammar_pattern, statuses=(400, 500), tags=("llama_grammar",),
         unless=("request_defect",)),
    rule("max_completion_tokens", R.max_tokens_unsupported, statuses=REQUEST, tags=("max_completion_tokens",)),
    # A thinking budget out of its bounds is the request's defect, before the overflow words its doc link holds.
    rule("thinking_budget_bounds", R.format_error, statuses=(400, 422, None), tags=("thinking_budget",)),
    rule("invalid_encrypted_content_code", R.invalid_encrypted_content, codes=("invalid_encrypted_content",)),
    rule("invalid_encrypted_content_phrase", R.invalid_encrypted_content, statuses=REQUEST,
         tags=("encrypted_content",)),
    rule("multimodal_tool_content", R.multimodal_tool_content_unsupported, statuses=REQUEST,
         tags=("multimodal_tool",)),
    rule("image_too_large_code", R.image_too_large,
         codes=("image_too_large", "image_dimensions_too_large", "image_file_too_large")),
    rule("image_too_large_phrase", R.image_too_large, statuses=REQUEST, tags=("image_too_large",)),
    rule("output_truncated_code", R.output_truncated, codes=("lengthfinishreasonerror", "incompleteoutputexception")),
    # A host too small for the model (Ollama, llama.cpp): this endpoint never serves it; a smaller model may.
    rule("model_too_big_for_host", R.model_not_found, statuses=(400, 500, 503, None), tags=("host_memory",)),
    # A server that says it failed to load the model (LM Studio's 400, Ollama's and LocalAI's 500 "could not load model
    # - all backends returned error", Lemonade's model_load_error, a relay's 502 around it): this endpoint does not
    # serve it now; another model or endpoint may, and retrying the same model loads it no better. The corpus labels
    # such 500s model_not_found 17 to 5 (a runtime that crashed while loading, named as a fault of its own, stays a
    # server error: ``server_fault``).
    rule("model_load_failed", R.model_not_found, statuses=(400, 500, 502, None), tags=("load_failed",),
         unless=("server_fault",)),
    # No key reached the call (``key_unset``): whatever status a proxy or gateway put on its refusal to go on without
    # one (a 503 "NVIDIA_NIM_API_KEY is not set", a 500 "Unauthenticated. Configure AI_GATEWAY_API_KEY"), a key must be
    # configured: the credential's fault, not the endpoint's load.
    rule("key_unset", R.auth, tags=("key_unset",)),
    # Google's deadline message outranks the status around it (a 503 UNAVAILABLE, a Live close frame's "internal
    # error"): the call ran out of time (``deadline_expired``).
    rule("deadline_expired", R.timeout, statuses=(500, 503, 504, None), tags=("deadline_expired",)),
    # Provider capacity beats a generic throttle or quota code: back off on the same key.
    # Not when the text says this caller's own quota is spent (a relay's overloaded_error around Google's "You have
    # exhausted your capacity on this model. Your quota will reset after 2h37m22s.":
    # https://github.com/lbjlaq/Antigravity-Manager/issues/541; 13 of the corpus's 14 texts of those words are
    # rate_limit, the other billing): the quota and its reset decide below.
    # Nor when the status read is 401 or 403: Antigravity-Manager's overloaded_error around "All 3 attempts failed.
    # Last error: HTTP 403: ... PERMISSION_DENIED ... CONSUMER_INVALID" (https://github.com/lbjlaq/Antigravity-Manager/
    # issues/332) is the account's project refused, which the status rules read as auth (no corpus text of the code
    # under a 401 or 403 was labelled overloaded).
    rule("overloaded_code", R.overloaded, unless=("quota_spent",), test=not_an_auth_status, codes=(
        # Baidu Qianfan's error 4, "Open api request limit reached": its table files it under the service's own errors
        # (the cluster over its limit; request again: https://cloud.baidu.com/doc/WENXINWORKSHOP/s/tlmyncueh)
        "baidu:4",
        "overloaded_error", "overloaded", "unavailable", "server_is_overloaded", "service_unavailable_error",
        "serviceunavailableexception", "unavailable_error", "capacity_exceeded",
        # Moonshot's 429 type for its engine at capacity ("The engine is currently overloaded":
        # https://www.kimi.com/code/docs/en/kimi-code/error-reference.html), which a client may head with its own "Rate
        # limit exceeded"
        "engine_overloaded_error")),
    # "At capacity upstream. This is not your API key's rate limit": the rate-limit words are negated.
    rule("overloaded_not_key_limit", R.overloaded, statuses=BUSY, tags=("not_key_limit",), unless=("caller_named",)),
    # Bedrock's "Model is getting throttled" (the ``model_throttled`` tag): the model's shared capacity, not the key.
    rule("model_throttled", R.overloaded, statuses=BUSY, tags=("model_throttled",)),
    # Not when the text also says the caller's own quota is spent (Cursor: "Our servers are currently overloaded for
    # non-pro users, and you've used your free quota"): the quota says what this caller meets; its reset decides below.
    # Nor a client's guess among causes it cannot see ("This usually means the model is overloaded, the context is too
    # large, or ...").
    rule("overloaded_wording", R.overloaded, statuses=BUSY, tags=("overloaded",),
         unless=("rate_limit", "usage_limit", "billing", "quota_spent", "load_failed", "maybe_overloaded",
                 "guessed_cause"),
         test=lambda f: not resets_late(f)),
    # "Try again later" under a 503 is load unless the text says the backend is down or unreachable (an outage).
    rule("overloaded_try_later", R.overloaded, statuses=(429, 503, 529), tags=("try_later",),
         unless=("rate_limit", "exhausted", "usage_limit", "billing", "quota_word", "upstream_unreachable",
                 "server_fault", "throttle_code_word")),
    # A relay's pooled upstream credentials all cooling down (the ``pool_cooling`` tag), with a short reset or none:
    # the relay's keys are throttled, so wait on this endpoint or fall back; rotating the caller's key to the same relay
    # does not help (scope endpoint, as ``aggregator_upstream_limit``). Five of the corpus's six such texts are
    # rate_limit (https://github.com/router-for-me/CLIProxyAPI/issues/2428; before: overloaded by these words, which
    # the sixth keeps as its label: https://github.com/router-for-me/CLIProxyAPI/issues/4732). A reset hours or days
    # away is the pool's quota, read as billing below (``limit_resets_late``).
    rule("relay_pool_cooling", R.rate_limit, statuses=(429, None), tags=("pool_cooling",), scope=Scope.endpoint,
         test=lambda f: not resets_late(f)),
    AGGREGATOR_UPSTREAM_LIMIT,
    # Quotas: a zero allowance, or a limit that resets in hours or days, is billing.
    rule("zero_allowance", R.billing, statuses=LIMITED, tags=("zero_allowance",)),
    # ... and Google's QuotaFailure whose violated quota has a value of zero (``quota_value_0``, read from the body's
    # details: "quotaValue": "0" for gemini-2.5-flash-image on a paid project, its quotaId per minute,
    # https://discuss.ai.google.dev/t/123906): no minute's wait raises a zero allowance.
    rule("zero_quota_value", R.billing, statuses=LIMITED, codes=("quota_value_0",)),
    # ... unless its own numbers say the request fits the budget ("Request too large for organization ... on tokens
    # per min (TPM): Limit 250000, Requested 546": what is left of this minute cannot take it; OpenAI calls it a rate
    # limit: https://github.com/UKGovernmentBEIS/inspect_ai/pull/1396): then a throttle rule reads it.
    rule("request_over_token_budget", R.context_overflow, statuses=(400, 413, 429, None),
         tags=("request_over_budget",), test=lambda f: not request_fits_budget(f)),
    rule("credits_exhausted", R.billing, tags=("credits_exhausted",)),
    rule("request_over_token_budget_numbers", R.context_overflow, statuses=(400, 413, 429, None),
         test=request_exceeds_budget),
    rule("billing_code", R.billing, codes=(
        # Tencent Cloud's Hunyuan: the free resource pack or the paid resources spent (the same table)
        "failedoperation.freeresourcepackexhausted", "resourceinsufficient.chargeresourceexhaust",
        # Baidu Qianfan's error 19, the account's total request allowance spent ("Open api total request limit
        # reached", 请求总量超限额: https://cloud.baidu.com/doc/WENXINWORKSHOP/s/tlmyncueh)
        "baidu:19",
        # sub2api: the key's own allowance spent (API_KEY_QUOTA_EXHAUSTED, sent as a 429), no subscription for the key's
        # group or one that lapsed (SUBSCRIPTION_NOT_FOUND, SUBSCRIPTION_INVALID, as a 403)
        # (https://github.com/Wei-Shaw/sub2api, its gateway middleware)
        "api_key_quota_exhausted", "subscription_not_found", "subscription_invalid",
        # Portkey's 412 for a virtual key's or a workspace's usage limit spent ("Portkey Virtual Key Usage Limit ...
        # Exceeded": https://github.com/Portkey-AI/gateway)
        "virtual_key_exhaust_error", "workspace_exhaust_error",
        # OpenCode Zen's free models' allowance as the answer's error type (its text says "Rate limit exceeded"; the
        # phrase reads it in a pasted text: ``_phrases`` billing, "freeusagelimiterror")
        "freeusagelimiterror",
        "insufficient_quota", "billing_not_active", "billing_error", "payment_required", "insufficient_credits",
        # ElevenLabs' status for a free tier it disabled on unusual activity ("detected_unusual_activity": "Free Tier
        # usage disabled ... purchase a Paid Plan to continue"), under a 401 or printed alone by a plugin
        "detected_unusual_activity",
        # a relay's type for a balance that cannot pay, on a 403 ({"message": "Your credit is insufficient", "type":
        # "insufficient_credit"}: https://github.com/NoFxAiOS/nofx/issues/78)
        "insufficient_credit",
        "no_usable_credits", "balance_depleted", "billing_hard_limit_reached", "enforced_spend_limit_reached",
        "contract_spend_limit_reached", "linked_organization_spend_limit_reached",
        "linked_organization_billing_unavailable", "organization_on_hold", "budget_exceeded", "arrearage",
        "budgetexceedederror",
        # Volcengine Ark's code for an account in arrears (its SDKs name the exception after it), sent as a 403.
        "accountoverdueerror",
        # Moonshot's type for an account whose balance or quota is spent, on a 403 or a 429 ("Your account ... is not
        # active, current state: suspended, you may consider to check your account balance":
        # https://github.com/infiniflow/ragflow/issues/1048, https://github.com/MoonshotAI/Kimi-K2/issues/5)
        "exceeded_current_quota_error",
        # new-api relays: the user's or the token's quota cannot cover the request; no plan entitles it
        "insufficient_user_quota", "pre_consume_token_quota_failed", "entitlement_required", "entitlement_inactive",
        "entitlement_total_limit_exceeded")),
    rule("insufficient_credits_reason", R.billing, test=insufficient_credits_reason),
    rule("limit_resets_late", R.billing, statuses=LIMITED, test=resets_late,
         unless=("request_over_budget",)),
    # A weekly (or 7-day) plan cap, whatever it says of its reset: days away, out of reach of a retry (as monthly ones).
    # Windows' refused connect in its own words, with no status ("No connection could be made because the target
    # machine actively refused it."): the socket's fact beats the causes an app's preamble guesses at ("a network
    # issue, an invalid API key, or API usage limits": https://github.com/SubtitleEdit/subtitleedit/issues/13448);
    # under a status (a proxy's 500 around its own dial) the status's rules read it
    rule("connect_refused_words", R.timeout, statuses=NONE, tags=("connect_refused",)),
    # An HTTP proxy that refused the client's CONNECT tunnel (curl error 56, "CONNECT tunnel failed, response 403"):
    # the status is the proxy's answer, not the provider's, and no request reached the provider. A transport fault at
    # the proxy, whatever status the text states (issue 9: proxy-connect text is a transport fault).
    rule("proxy_tunnel_refused", R.timeout, tags=("proxy_tunnel",)),
    # A conversation over the provider's input limit, under a 429 or none: a shorter history passes, a wait does not.
    rule("history_over_input_limit", R.context_overflow, statuses=(429, None), tags=("history_over_input",)),
    rule("usage_limit_long_window", R.billing, statuses=LIMITED, tags=("usage_limit", "long_window")),
    # ... and a quota counted by the month or week, whatever its reset ("exceeded the monthly usage quota. It will reset
    # at ..."): the reset is days away, or already past when a pasted error is read again.
    rule("quota_long_window", R.billing, statuses=LIMITED, tags=("quota_word", "long_window")),
    rule("usage_limit_no_reset", R.billing, statuses=LIMITED, tags=("usage_limit",), test=no_reset_soon),
    rule("usage_limit_resets", R.rate_limit, statuses=LIMITED, tags=("usage_limit",)),
    # A plan or daily cap that a relay or app reports as a bare 500 (g4f.dev: "500 - Token limit (500,000 per day)
    # exceeded ... Sign up ... for higher limits"): the words name the caller's allowance, no server fault, and are read
    # as under a 429: spent (billing) unless the text says it resets soon.
    rule("usage_limit_as_500", R.billing, statuses=(500,), tags=("usage_limit",), unless=_NOT_A_PLAN_CAP,
         test=lambda f: "long_window" in f.tags or no_reset_soon(f)),
    rule("usage_limit_resets_as_500", R.rate_limit, statuses=(500,), tags=("usage_limit",), unless=_NOT_A_PLAN_CAP),
    # A client the service will serve only once it is updated ("Please update to the latest version of Cursor ... to
    # continue", even under a 429 resource_exhausted): a defect of the caller's software, before the limit codes its
    # service sends it under; 426 is HTTP's own status for it.
    rule("client_outdated", R.format_error, statuses=(400, 403, 426, 429, None), tags=("client_outdated",)),
    rule("rate_limit_code", R.rate_limit, codes=(
        # Tencent Cloud's Hunyuan: its engine's request limit and the account's quota of calls (the same table)
        "failedoperation.engineserverlimitexceeded", "limitexceeded",
        "rate_limit_exceeded", "rate_limit_error", "throttled", "throttlingexception",
        "throttledexception",  # AWS Bedrock AgentCore's spelling (https://github.com/aws/bedrock-agentcore-sdk-python/issues/160)
        "too_many_requests", "ramp_limit_exceeded", "servicequotaexceededexception", "ratelimited",
        "rate_limited", "throttling.ratequota", "modelnotreadyexception", "ratelimitexceeded",
        "token_concurrency_limit_reached",  # new-api: the token's concurrent requests are at their cap
        "rate_limit")),  # a new-api relay's code for a limit_error, under any status (DMXAPI's log: a 500)
    # A 500 or 502 whose own words are "too many requests" (Immersive Translate's "500: 当前API请求过多" for
    # Zhipu's saturated pool: https://github.com/immersive-translate/immersive-translate/issues/3628): a server that
    # blamed the caller's key would have said 429; the load is the server's, so back off without rotating. After the
    # rate-limit codes: a body that codes it as the caller's limit decides as the key's, whatever the status.
    # Not when the words also name what the request lacks (TensorZero's 502 "Missing max tokens for rate limited
    # request": https://github.com/tensorzero/tensorzero/issues/3648): the request is refused, not the load.
    rule("rate_words_as_5xx", R.overloaded, statuses=(500, 502), tags=("rate_limit",),
         unless=(*_NOT_LOAD_AS_5XX, "request_defect")),
    # ... and a throttle's code spelled in its text, under the same conditions
    rule("rate_code_word_as_5xx", R.overloaded, statuses=(500, 502), tags=("throttle_code_word",),
         unless=_NOT_LOAD_AS_5XX),
    # gRPC's RESOURCE_EXHAUSTED names no window: Google sends it for a per-minute limit and for a spent or zero quota
    # alike. Under Google's "check your plan and billing details" headline the quota rules below read the window (a
    # per-minute quota id, a retry in seconds); with neither, the headline's billing decides.
    # gRPC's cap on one message under the same code ("[StatusCode.RESOURCE_EXHAUSTED] Received message larger than max
    # (33816626 vs. 4194304)": https://github.com/triton-inference-server/server/issues/1776): a size, no throttle.
    rule("resource_exhausted_size", R.payload_too_large, codes=("resource_exhausted",), tags=("payload_too_large",)),
    rule("resource_exhausted_code", R.rate_limit, codes=("resource_exhausted",), unless=("billing",)),
    # An output budget that fills the window by itself (OpenAI's split: "(57 in the messages, 10000 in the completion)"
    # against a 4097-token window) is the request's defect, as vLLM's "max_tokens cannot be greater than max_model_len":
    # compressing the prompt cannot make it fit, a smaller max_tokens does. Before the window's code, which it carries.
    rule("completion_fills_window", R.format_error, statuses=(400, 422, None, *SERVER), test=completion_fills_window),
    rule("context_overflow_code", R.context_overflow, codes=(
        "context_length_exceeded", "exceed_context_size_error",
        # Baidu Qianfan V2: the input is over the model's character cap (https://cloud.baidu.com/doc/qianfan-api/s/Om9b4yj3w)
        "characters_too_long")),
    rule("payload_too_large_code", R.payload_too_large,
         codes=("string_above_max_length", "request_too_large", "request_body_too_large_after_decoding"),
         test=lambda f: not short_string_cap(f)),
    # LiteLLM's class for an overflow it recognised (its own text may be a proxy's paraphrase).
    # A short cap on one string (a tool description) inside it is a format defect, as for the code above.
    # Not a body's byte cap that a wrapper files under its context-window class (LiteLLM: "Request payload size exceeds
    # the limit: 20971520 bytes" from Vertex).
    rule("context_overflow_class", R.context_overflow, codes=("contextwindowexceedederror",),
         unless=("payload_too_large",), test=lambda f: not short_string_cap(f)),
    rule("model_support_code", R.model_not_found,
         codes=("model_not_supported", "unsupported_model", "model_not_supported_on_free_tier", "model_not_available",
                "operationnotsupported")),
    rule("model_not_found_code", R.model_not_found, codes=(
        # Together: the model runs only on a dedicated endpoint, which is stopped until its owner starts it; NAVER CLOVA
        # Studio's 40082 "Model fade out", a model whose support ended
        # (https://api.ncloud-docs.com/release-20250717/docs/en/clovastudio-troubleshoot-c4xx)
        "dedicated_endpoint_not_running", "clova:40082",
        # new-api under its 500: no channel of the group serves the model (get_channel_failed: "分组 default 下模型 X
        # 的可用渠道不存在"), or the relay has no price for it (model_price_error: "Model X ratio or price not
        # set"): another model is served, a retry is not (https://github.com/QuantumNous/new-api, types/error.go)
        "get_channel_failed", "model_price_error",
        "model_not_found", "invalid_model", "model_decommissioned", "deploymentnotfound",
        # Azure OpenAI's 410 for a deployment whose model was retired ("ModelDeprecated": "The model associated with the
        # deployment is deprecated and no longer available for use")
        "modeldeprecated",
        # Volcengine Ark: the endpoint (its name for a deployed model) is closed; its text says "or temporarily
        # unavailable", but no retry reopens it.
        "invalidendpoint.closedendpoint",
        # Huawei Cloud MaaS: the requested service (a deployed model) was deleted, sent as a 400 "Invalid request
        # because requested service ... is unavailable" (ModelArts.4203 in its table of error codes:
        # https://www.huaweicloud.com/guide/productsdesc-bms_61ecf7507c2de3fabbbb9da99692d6besupport0)
        "modelarts.4203",
        # ElevenLabs' voice, its model of speech, that is not there for this key ({"detail": {"status":
        # "voice_not_found", "message": "A voice for the voice_id ... was not found."}}, and "voice_does_not_exist"
        # for a Voice Library voice the account has not added: https://github.com/elevenlabs/elevenlabs-python/issues/
        # 293), under a 400: another voice or provider is served, a resend is not
        "voice_not_found", "voice_does_not_exist"),
         # Qianfan's invalid_model for a request that named none ("model is empty"): the request's defect
         unless=("model_absent",)),
    rule("provider_policy_code", R.provider_policy_blocked, codes=(
        # Tencent Cloud's Hunyuan: the service not activated, the user not identified by real name (the same table)
        "failedoperation.servicenotactivated", "failedoperation.userunautherror",
        # a relay that serves only the clients it approves (403 {"code":"CLIENT_NOT_ALLOWED","message":"Only approved
        # clients are allowed"}: https://github.com/zhukunpenglinyutong/jetbrains-cc-gui/issues/751)
        "client_not_allowed",
        "unsupported_country_region_territory", "unsupported_country", "user_location_not_supported",
        # OpenCode Zen/Go's error type for a model its region rules keep from this account ("not available in your
        # country", "only available hosted in China and requires explicit opt in")
        "regionerror")),
    # Azure's AuthenticationTypeDisabled: the resource refuses every API key (disableLocalAuth); only Entra ID works.
    rule("auth_permanent_code", R.auth_permanent,
         codes=("resourceunavailable.stopusing",  # Tencent Cloud: the account's service stopped (the same table)
                "account_deactivated", "invalid_grant", "organization_restricted", "no_organization",
                "authenticationtypedisabled",
                # sub2api: the key or its group switched off by an admin (API_KEY_DISABLED, GROUP_DISABLED)
                "api_key_disabled", "group_disabled",
                # LiteLLM proxy's type for a virtual key past its expiry (sent as a 400): only an admin revives it
                "expired_key",
                # the ChatGPT backend's 402 for a deactivated workspace ({"detail": {"code": "deactivated_workspace"}})
                "deactivated_workspace")),
    rule("auth_permanent_phrase", R.auth_permanent, statuses=(400, 401, 403, None), tags=("auth_permanent",),
         unless=("not_revoked",)),
    # A locked or banned account sent as a 429 (Z.ai "Account anomaly"): no wait unlocks it.
    rule("auth_permanent_as_429", R.auth_permanent, statuses=(429,), tags=("auth_permanent",),
         unless=("billing", "credits_exhausted", "usage_limit", "quota_word", "rate_limit", "exhausted")),
    rule("auth_code", R.auth, codes=(
        # Baidu Qianfan's authentication errors 6 (no permission for the service) and 14 (IAM signature refused)
        # (https://cloud.baidu.com/doc/WENXINWORKSHOP/s/tlmyncueh); Huawei Cloud MaaS's ModelArts.81002, no usable
        # Authorization header (https://support.huaweicloud.com/intl/id-id/usermanual-maas-modelarts/maas-modelarts-0080.html)
        "baidu:6", "baidu:14", "modelarts.81002",
        "invalid_api_key", "api_key_invalid", "unauthenticated",
        # OpenAI's code for a key whose organization the caller cannot use ("You do not have access to the organization
        # tied to the API key.", typed invalid_request_error: https://github.com/elizaOS/eliza-starter/issues/142), as
        # under its 401 (https://github.com/microsoft/semantic-kernel/issues/1274)
        "invalid_organization",
        # AWS: the credential signed the request wrongly or is unknown (whatever a wrapper's class says).
        "invalidsignatureexception", "signaturedoesnotmatch", "invalidclienttokenid", "unrecognizedclientexception",
        # Google API-key restrictions exclude this caller or API: another key works.
        "api_key_service_blocked", "api_key_http_referrer_blocked", "api_key_ip_address_blocked",
        "api_key_android_app_blocked", "api_key_ios_app_blocked",
        # Tencent Cloud API 3.0 (Hunyuan's native API): the SecretId/SecretKey or its signature is refused
        # (https://tencentcloud.com/document/api/1131/45350, common error codes)
        "authfailure.invalidauthorization", "authfailure.invalidsecretid", "authfailure.mfafailure",
        "authfailure.secretidnotfound", "authfailure.signatureexpire", "authfailure.signaturefailure",
        "authfailure.tokenfailure",
        # Huawei Cloud MaaS's 400 for an API key missing or wrong ("Failed to check the authorization request header",
        # ModelArts.4905: https://www.huaweicloud.com/guide/productsdesc-bms_61ecf7507c2de3fabbbb9da99692d6besupport0)
        "modelarts.4905")),
    # A sign-in step whose own request lost its connection (CLIProxyAPI: "认证失败: Failed to complete Gemini CLI
    # onboarding: ... Get "https://cloudresourcemanager.googleapis.com/v1/projects": EOF"): Go's chain names the cause
    # last, and another key would meet the same closed connection.
    rule("go_request_eof_in_sign_in", R.timeout, statuses=NONE, tags=("bad_key",), test=go_request_eof),
    # Under a 404 too: a service that answers an unknown key as a resource it will not show (Unstructured's API:
    # "404 and message {"detail":"API key is invalid, please provide a valid API key in the header."}":
    # https://github.com/Unstructured-IO/unstructured/issues/637). Not when the text also names a model it does not
    # know: a gateway's "Invalid model format or no credentials for provider: grok-4.5" is the model's (Hermes WebUI).
    rule("bad_key_phrase", R.auth, statuses=(400, 401, 403, 404, None), tags=("bad_key",), unless=("model_missing",)),
    # Google's own words for an identity it refuses or cannot find (``google_identity``, whose phrases the ``bad_key``
    # and ``auth`` tags hold too): the caller's credential, even where the text names a model or a resource that "may
    # not exist" after them (which ``bad_key_phrase`` yields to), under a connection class a wrapper gave a credential
    # lookup that failed before any request was sent, and under a real 500, as bad-key words are (``bad_key_as_500``).
    rule("google_identity_refused", R.auth, statuses=(400, 401, 403, 404, 500, None), tags=("google_identity",)),
    # A credential that needs a fresh sign-in, under the 5xx a wrapper gave it (OpenHands' Vertex loop: "litellm.
    # InternalServerError: VertexAIException InternalServerError - Reauthentication is needed. Please run `gcloud auth
    # application-default login`": https://github.com/OpenHands/OpenHands/pull/2806): no retry of this credential
    # signs it in again.
    rule("sign_in_again_under_5xx", R.auth, statuses=(500, 502, 503), tags=("sign_in_again",)),
    # A bad key under a 500: a body that only says "type": "api_error" (a proxy's own key check, the 500 read from that
    # type), or a relay or proxy that sends its key check's failure as a real 500 (Helicone's "API Key is not well
    # formed"; copilot-gpt4-service's "Failed to get authorization from token":
    # https://github.com/aaamoon/copilot-gpt4-service/issues/203): no retry fixes the key. Every corpus text of
    # bad-key words under a 500 sent with it is labelled auth.
    rule("bad_key_as_500", R.auth, statuses=(500,), tags=("bad_key",)),
    rule("timeout_code", R.timeout, codes=("vector_store_timeout", "timeout_error", "deadline_exceeded",
                                           "channel:response_time_exceeded")),  # new-api: the upstream was too slow
    # A replayed Responses function_call item that lost its namespace ("Missing namespace for function_call 'x'. It
    # does not exist in the default namespace. Round-trip the model's function_call item ..."): the request's defect,
    # whatever words about a model's item it holds.
    rule("function_call_namespace", R.format_error, statuses=REQUEST, tags=("missing_namespace",)),
    # No model named at all ("model=None"): the request is at fault, not the key's access to a model.
    # Not beside a router's cool-down ("litellm.acompletion(model=None) Exception No deployments available for
    # selected model, Try again in 1 seconds. Passed model=gemini-1.5-flash-001":
    # https://github.com/BerriAI/litellm/issues/3933): LiteLLM prints its call with the model in other arguments.
    # Nor in an SDK's answer object printed whole with its fields empty ("ChatCompletion(id=None, ..., model=None, ...,
    # error={'code': 400, 'message': 'User location is not supported for the API use.'})": a relay's error parsed as
    # an answer, https://github.com/ultrasev/llmproxy): the refusal it carries decides. Under a 503 too: one-api answers
    # a request whose model it read as blank with its 503 "当前分组 default 下对于模型  无可用渠道" (no channel for the
    # model "" in this group: https://github.com/songquanpeng/one-api/issues/1009), which no other channel or key fixes.
    rule("model_absent", R.format_error, statuses=(400, 404, 422, 503, None), tags=("model_absent",),
         unless=("rate_limit", "provider_policy")),
    # Seed 002: this key cannot use this model; fall back, suspend key+model only. Under a 401 too: a tier's model
    # (Venice's "only available to Pro users") is refused with an auth status while the key serves other models. A
    # model that takes no system instruction (Gemini's "Developer instruction is not enabled for models/...") is
    # served once the request drops it: a repair, not another model. (412: Ollama's registry refusing a pull its server
    # is too old for.)
    # A model served for another task than the one asked (Hugging Face's router: chat only): the request's route is at
    # fault, before the model words below (``task_unsupported``).
    rule("task_unsupported", R.format_error, statuses=(400, 404, 422, None), tags=("task_unsupported",)),
    rule("model_support_phrase", R.model_not_found,
         statuses=(400, 401, 402, 403, 404, 406, 409, 412, 417, 422, 429, 500, 502, 503, None),
         tags=("model_support",), unless=("instruction_refused", "provider_policy")),
    # ... under a 401 too: OpenCode Zen and Go answer 401 for a model id they do not serve ("401 Model
    # muse-spark-1.2-contributor-free is not supported"); the text names the model, which no key serves
    rule("named_model_unsupported", R.model_not_found, statuses=(400, 401, 404, 422, None),
         test=named_model_unsupported),
    rule("provider_policy_phrase", R.provider_policy_blocked, tags=("provider_policy",)),
    # An output budget that alone exceeds the window (vLLM's "max_tokens=393216 cannot be greater than max_model_len"):
    # the request must ask for less; shrinking the prompt cannot help.
    rule("output_budget_over_window", R.format_error, statuses=(400, 422, None), tags=("output_over_window",)),
    # A serving engine that will not start because its KV cache cannot hold one full-length sequence (vLLM): the model
    # cannot be served on this host as configured, whatever its words about lengths; another model or host serves.
    rule("window_over_kv_cache", R.model_not_found, statuses=(None, *SERVER), tags=("kv_cache_too_small",)),
    # Not an output budget spent before any answer ("Model token limit (8192) exceeded before any response was
    # generated"): the prompt fit; shrinking it does not help, a larger max_tokens does.
    rule("context_overflow_phrase", R.context_overflow, statuses=(400, 413, 422, None, *SERVER),
         tags=("context_overflow",), unless=("output_truncated",)),
    rule("negative_max_tokens", R.context_overflow, statuses=(400, 422, None), test=negative_max_tokens),
    rule("status_413", R.payload_too_large, statuses=(413,)),
    # 414 URI Too Long: the request's own size again, in its address (an answer engine that puts the query in the URL:
    # https://github.com/YassKhazzan/openperplex_backend_os/issues/13): a smaller request passes, the same one never.
    rule("status_414", R.payload_too_large, statuses=(414,)),
    rule("payload_too_large_phrase", R.payload_too_large, statuses=REQUEST, tags=("payload_too_large",)),
    # ... under a 500 too, when the server's own code says the input was bad (koboldcpp's bad_input)
    rule("payload_too_large_as_5xx", R.payload_too_large, statuses=(500,), codes=("bad_input",),
         tags=("payload_too_large",)),
    rule("string_over_size_cap", R.payload_too_large, statuses=REQUEST, test=size_capped_string),
    # Google's QuotaFailure names the quota's window ("quotaId": "...PerMinute..."): a per-minute quota clears in a
    # minute, whatever its "exceeded your current quota, check your plan and billing details" headline says.
    rule("quota_per_minute_window", R.rate_limit, statuses=LIMITED, tags=("quota_word",), test=per_minute_quota_id,
         unless=("zero_allowance", "credits_exhausted")),
    # A 429 "exceeded your current quota" with a wait of seconds (Retry-After, Gemini's "Please retry in 34.6s") and no
    # daily quota named: a per-minute window that reopens soon, whatever billing words the headline carries.
    # No status too: a retry wrapper that kept only the last error's words (the AI SDK's "Failed after 3 attempts. Last
    # error: You exceeded your current quota ... limit: 5 ... Please retry in 14.1s":
    # https://github.com/crynta/terax-ai/issues/369).
    rule("quota_retry_soon", R.rate_limit, statuses=(429, None), tags=("quota_word",), test=quota_reopens_soon,
         unless=("zero_allowance", "credits_exhausted", "usage_limit")),
    # Billing before rate limit (seed 004); a quota that says it resets is a rate limit.
    rule("quota_per_minute", R.rate_limit, statuses=_THROTTLE_WORDED, tags=("quota_per_minute",)),
    # A relay's saturated upstream, whatever quota code it puts beside the words (one-api's insufficient_quota): load.
    rule("relay_upstream_saturated", R.overloaded, statuses=(*PHRASED, 412), tags=("relay_saturated",)),
    rule("billing_phrase", R.billing, statuses=(*PHRASED, 412), tags=("billing",)),  # 412: usage limits (LIMITED)
    rule("quota_resets_soon", R.rate_limit, statuses=LIMITED, tags=("quota_word",), test=resets_soon),
    rule("quota_resets", R.rate_limit, statuses=(402, 403, 429), tags=("quota_word", "usage_transient")),
    # Not a relay's failure to write its own quota ledger ("failed to update user quota"): a server fault.
    rule("quota_phrase", R.billing, statuses=(400, 402, 403, None), tags=("quota_word",),
         unless=("rate_limit", "exhausted", "server_fault")),
    # An empty answer whose client only guesses at a rate limit: what came back is what is known.
    rule("empty_answer_guessed_limit", R.empty_response, statuses=NONE, tags=("empty_answer", "guessed_cause")),
    rule("rate_limit_phrase", R.rate_limit, statuses=_THROTTLE_WORDED, tags=("rate_limit",)),
    rule("rate_limit_code_word", R.rate_limit, statuses=_THROTTLE_WORDED, tags=("throttle_code_word",)),
    rule("resource_exhausted_phrase", R.rate_limit, statuses=(*PHRASED, 503), tags=("exhausted",)),
    # Only an upsell to a paid plan, no throttle or quota words: the free allowance is spent.
    rule("paid_plan_upsell", R.billing, statuses=PHRASED, tags=("paid_plan",)),
    # A client that switched to a lesser model because the chosen one's allowance ran out (Gemini CLI's "Please submit
    # a new query to continue with the Flash model."): the allowance is spent, as its quota notice says when printed.
    rule("allowance_model_switched", R.billing, statuses=PHRASED, tags=("model_switched",)),
    # A 403 that says only when to come back ("HTTP 403 (reset after 2m)"): a proxy's short throttle, not a bad key.
    rule("forbidden_short_reset", R.rate_limit, statuses=(403,), tags=("reset_signal",),
         test=lambda f: f.wait is not None and f.wait < QUOTA_FAR,
         unless=("auth", "bad_key", "auth_permanent", "billing", "credits_exhausted", "provider_policy",
                 "content_policy")),
    # OpenAI's parameter codes under a relay's 5xx ("unsupported_value" for a temperature): the request's fault.
    rule("request_defect_code_as_5xx", R.format_error, statuses=SERVER, codes=(
        # koboldcpp's type for input it could not read, sent as a 500 ({"detail": {"msg": "Error parsing input.",
        # "type": "bad_input"}}: https://github.com/LostRuins/koboldcpp, koboldcpp.py)
        "bad_input",
        "unsupported_value", "unsupported_parameter", "invalid_value", "unknown_parameter",
        "missing_required_parameter",
        # a new-api relay's own check of the request under its 500 ({"message": "field messages is required", "code":
        # "invalid_request"}, "contents is required": DMXAPI's public error log)
        "invalid_request")),
    # A request defect that a gateway reports as a 5xx is still the request's fault; and under SageMaker's 424, its
    # ModelError for the container's own refusal of the body ("Received client error (424) from primary with message
    # ... Input payload must contain a 'inputs' key": https://github.com/aws-samples/amazon-kendra-langchain-extensions/
    # pull/38).
    rule("request_defect_as_5xx", R.format_error, statuses=(*SERVER, 424), tags=("request_defect",),
         unless=("answer_unencodable",)),
    # A chat template that raised on this request's messages or tools, sent as the 500 of a runtime error (llama.cpp's
    # server: https://github.com/ggml-org/llama.cpp): the same history fails again; another model or template serves it.
    # Five of the corpus's six texts of it are labelled so.
    rule("template_raised_as_5xx", R.format_error, statuses=(*SERVER, None), test=template_raised),
    rule("inner_400_as_5xx", R.format_error, statuses=SERVER, tags=("inner_400",),
         unless=("overloaded", "rate_limit", "timeout", "transport", "relay_call_failed")),
    # ... and the inner error's class, where a wrapper chains them ("litellm.ServiceUnavailableError:
    # litellm.MidStreamFallbackError: litellm.BadRequestError: Vertex_ai_betaException BadRequestError - ... 400 ...
    # INVALID_ARGUMENT": https://github.com/BerriAI/litellm/issues/18442): the innermost failure was a 400. Not a body
    # whose own type says so under the relay's 5xx (OpenRouter's upstream "BadRequestError" for its decoder's fault)
    rule("inner_bad_request_class_as_5xx", R.format_error, statuses=SERVER, codes=("badrequesterror",),
         unless=("overloaded", "rate_limit", "timeout", "transport", "relay_call_failed"),
         test=lambda f: f.error_type != "badrequesterror"),
    # A client's or gateway's words for an answer it could not use (no choices, a body it failed to parse), under the
    # 5xx the wrapper gave it: the answer was wrong, not the server's state; a resend usually answers.
    rule("empty_answer_as_5xx", R.empty_response, statuses=SERVER, tags=("empty_answer",)),
    rule("unparsable_answer_as_5xx", R.malformed_response, statuses=SERVER, tags=("unparsable_answer",),
         unless=("request_defect", "quoted_answer")),
    # one-api's and new-api's codes under their 500 for what their own client met upstream: the call failed
    # (do_request_failed: refused, reset, timed out) or the answer was no JSON (unmarshal_response_body_failed: "invalid
    # character '<' looking for beginning of value", an HTML page) (https://github.com/songquanpeng/one-api,
    # relay/adaptor/openai/helper.go): the words of the relay's "upstream error" around them do not decide.
    rule("relay_call_failed_code", R.timeout, statuses=SERVER, codes=("do_request_failed",)),
    rule("relay_answer_unreadable_code", R.malformed_response, statuses=SERVER,
         # one-api's code for an upstream answer it could not decode ("invalid character 'd' looking for beginning of
         # value": https://github.com/wlhtea/Suno2openai/issues/7)
         codes=("unmarshal_response_body_failed", "decode_response_failed")),
    # Timeout words under a bare 500 (Flowise's "Error: Timeout waiting for thread to finish."), or a 502 (a router's
    # "ERROR 502: This job timed out after 30000 ms.": https://github.com/diegosouzapw/OmniRoute/issues/4252): the
    # upstream was too slow, and the text says so more plainly than the status.
    rule("timeout_words_as_500", R.timeout, statuses=(500, 502), tags=("timeout",),
         unless=("server_fault", "request_defect", "context_overflow")),
    # A route the gateway does not have, in a body typed only "api_error" (AIBrix's "httproutes... not found"): the
    # 500 is read from that type, no server sent it; no retry finds the route.
    rule("route_missing_typed_server_error", R.model_not_found, statuses=(500,), tags=("route_missing",),
         test=lambda f: f.http_status is None, scope=Scope.endpoint),
    # A relay with no upstream account free to serve the call ("No available accounts", "auth_unavailable: no auth
    # available"), whatever status or generic server code it wraps that in (sub2api's 424, CLIProxyAPI's 500
    # internal_server_error): its pool is full or cooling, the caller's key is fine; back off on the same key. After
    # the words that name a cause (a client the group does not serve, a model, a bill), which decide first.
    rule("relay_pool_empty", R.overloaded, statuses=(*BUSY, 424), tags=("pool_empty",)),
    # A relay's call to its upstream that failed at transport, whatever generic server code it put on the 5xx: the
    # message is the fetch's own failure (``relay_fetch_failed``).
    rule("relay_fetch_failed", R.timeout, statuses=SERVER, test=relay_fetch_failed),
    # A generic code ("server_error" on a Codex soft failure) only after the quota phrases (seed 004).
    rule("server_error_code", R.server_error, statuses=(500, None), codes=_GENERIC_SERVER_CODES,
         test=lambda f: not (f.status is None or f.status_from_type) or f.tags.isdisjoint(_SPECIFIC_WORDING)),
    # A router's code for an upstream stream that was cut (OmniRoute's 502 {"code": "stream_terminated"}): resend.
    rule("stream_cut_code", R.stream_incomplete, codes=("stream_terminated",)),
    # A realtime session at its documented length cap ("Your session hit the maximum duration of 30 minutes.", an
    # invalid_request_error event): the session ends; a new one carries the conversation on.
    rule("session_duration_cap", R.stream_incomplete, statuses=(400, None), tags=("session_cap",)),
    rule("output_truncated_phrase", R.output_truncated, statuses=NONE, tags=("output_truncated",)),
    # google-generativeai's accessor on a candidate with no parts, its finish reason not named (a named MAX_TOKENS is
    # read just above): most often a safety block, as both corpus texts of it alone are labelled. Not when the text says
    # it stopped normally (finish reason 1, STOP, ``empty_answer``): a finished answer with no part is empty.
    rule("accessor_without_parts", R.content_policy_blocked, statuses=NONE, tags=("accessor_without_parts",),
         unless=("empty_answer",)),
    # A streamed chunk the client received and could not parse, before the stream words around it ("Stream decode
    # error: Failed to parse streaming chunk: invalid type: null ...") and the missing field it names.
    rule("chunk_refused", R.malformed_response, statuses=NONE, tags=("chunk_refused",)),
    rule("stream_cut_phrase", R.stream_incomplete, statuses=NONE, tags=("stream_cut",)),
    # ... and under the 500 or 502 a relay logs it as ("channel error (status code: 502): Upstream stream ended without
    # a terminal response event": https://github.com/QuantumNous/new-api/issues/5221): the words say what the status
    # does not (both resend to the endpoint).
    rule("stream_cut_as_5xx", R.stream_incomplete, statuses=(500, 502), tags=("stream_cut",)),
    # undici's bare "terminated" (fetch's body stream was cut), alone or after a wrapper's "...error:" prefix; with its
    # [cause] printed (a socket closed, a body timeout) the cause's own words decide.
    rule("fetch_terminated", R.stream_incomplete, statuses=NONE, test=fetch_terminated),
    rule("malformed_stream_phrase", R.malformed_response, statuses=NONE, tags=("malformed_stream",)),
    rule("empty_answer_phrase", R.empty_response, statuses=NONE, tags=("empty_answer",)),
    # A client crashed parsing the provider's answer (an HTML page, a body without 'choices'): the answer, not the
    # request, was wrong. A tool's own bad JSON (its arguments) is a request defect and stays one.
    # openai<1.0's "Invalid response object from API: '<body>'" quotes the answer it could not use: the body's own
    # words decide (a plain "Internal Server Error", "Unauthorized").
    # Also under a 422, the status Cohere gives a generation that parsed as neither a tool call nor a reply.
    rule("model_bad_call_phrase", R.malformed_response, statuses=(422, None), tags=("model_bad_call",)),
    rule("answer_json_invalid", R.malformed_response, statuses=NONE, tags=("answer_json_invalid",)),
    rule("unparsable_answer_phrase", R.malformed_response, statuses=NONE, tags=("unparsable_answer",),
         unless=("request_defect", "quoted_answer")),
    rule("answer_unreadable_phrase", R.malformed_response, statuses=NONE, tags=("answer_unreadable",),
         unless=("request_defect",)),
    # Before a missing route: a route the client built from a wrong base URL (``request_url_misbuilt``) is the
    # configuration's fault, and another endpoint or a fixed base URL helps, not another model.
    rule("request_url_misbuilt", R.format_error, statuses=(400, 404, None), test=request_url_misbuilt,
         scope=Scope.endpoint),
    rule("route_missing_phrase", R.model_not_found, statuses=(400, None), tags=("route_missing",),
         scope=Scope.endpoint),
    # A relay's HTTP client could not complete its call upstream ("do request failed: upstream error: ..."): the
    # connection failed, whatever "upstream error" the relay wraps it in.
    rule("relay_call_failed", R.timeout, statuses=TRANSPORT, tags=("relay_call_failed",)),
    # Not a server's failure that names its cause, a model gone ("An error occurred while processing your request. The
    # model `llama3-groq-70b-8192-tool-use-preview` has been decommissioned": https://github.com/mastra-ai/mastra/pull/
    # 2905): the model rules below read that. Nor a generic apology around an auth code (LobeHub's Chinese
    # "服务器似乎遇到了一些困难" over ``"code": "UNAUTHORIZED"``: https://github.com/lobehub/lobehub/issues/6254),
    # read as its English form is, by the auth rules. Nor an apology around the request's own defect (Mistral's
    # "Unexpected role 'user' after role 'tool'" after "An error occurred while processing your request":
    # https://github.com/mastra-ai/mastra/issues/3831), which the request-defect rules read.
    # websockets' keepalive that gave up (see the ``keepalive_timeout`` tag), before the "internal error" its close
    # code is named by reads as a server's fault.
    rule("keepalive_timeout", R.timeout, statuses=TRANSPORT, tags=("keepalive_timeout",)),
    rule("server_error_phrase", R.server_error, statuses=(None, 424), tags=("server_fault",),
         unless=("model_missing", "auth", "request_defect")),
    # A relay whose own upstream account was refused (sub2api's fixed sentences, sent under a 502 and pasted without
    # it): the relay's operator must act, the caller's key was accepted.
    rule("relay_account_refused", R.server_error, statuses=(502, None), tags=("relay_account_refused",)),
    # Envoy could not reach the provider's upstream (refused, terminated): an outage at the provider, not load. Without
    # a status too (a gateway's own words quoted by a client), before the transport phrases: the gateway answered.
    # Under a 403 too: Higress, an Envoy, answers its own idle-timeout cut with this sentence and a 403
    # (https://github.com/gpustack/gpustack/issues/4725); the key was never looked at.
    rule("upstream_unreachable", R.server_error, statuses=(403, 502, 503, None), tags=("upstream_unreachable",)),
    # A deployment its operator marks unhealthy (NIM's "DEGRADED function cannot be invoked"), under a 400 too: the
    # request is fine and succeeds once the deployment recovers.
    rule("deployment_degraded", R.server_error, tags=("deployment_degraded",)),
    rule("loopback_backend_refused", R.server_error, statuses=(None, 500, 502, 503), test=loopback_backend_refused),
    # A certificate that fails verification, whatever status a wrapper gives it: fall back, never retry.
    rule("tls_untrusted_phrase", R.tls_untrusted, statuses=TRANSPORT, tags=("tls_untrusted",)),
    # .NET's "The SSL connection could not be established" with nothing after it that names a dropped connection.
    rule("tls_unexplained", R.tls_untrusted, statuses=TRANSPORT, tags=("ssl_unexplained",),
         unless=("disconnect", "timeout", "transport", "stream_cut", "offline")),
    # A body cut after the answer began (no timer or reset named): the stream is incomplete, not the connection
    # unusable; a large session keeps seed 003's reading (a gateway dropping an oversized request, below).
    rule("body_cut_phrase", R.stream_incomplete, statuses=TRANSPORT, tags=("body_cut",), unless=("timeout",),
         test=lambda f: not disconnect_in_large_session(f)),
    # A base URL no client can send to (no scheme, an unknown one): the configuration, not the network; every request
    # to this endpoint fails alike, so fall back rather than retry.
    rule("base_url_malformed", R.format_error, statuses=NONE, tags=("base_url_malformed",), scope=Scope.endpoint),
    # A browser's CORS block: the endpoint does not serve this page's origin, so every request from it fails alike; only
    # another endpoint (or a server-side route) helps, as for a malformed base URL.
    rule("cors_blocked", R.format_error, statuses=NONE, tags=("cors_blocked",), scope=Scope.endpoint),
    # Transport faults named in a wrapper's text (refused, DNS, proxy), before its 5xx status.
    rule("transport_phrase", R.timeout, statuses=TRANSPORT, tags=("transport",)),
    rule("browser_fetch_failed", R.timeout, statuses=NONE, test=browser_fetch_failed),
    # Seed 001: an upstream 400 that is its own hiccup; retry soon on the same target. Never before a limit, an
    # overload or a request defect the text also names (issue 9).
    rule("transient_upstream_400", R.transient, statuses=(400, 422, None), tags=("transient",),
         unless=("request_defect", "overloaded", "rate_limit", "exhausted", "usage_limit")),
    # A server's own dependency answering it unexpectedly, under the 400 it passed on (see the
    # ``dependency_answer_unexpected`` tag): the server's fault, not the request's.
    rule("dependency_answer_as_400", R.server_error, statuses=(400,), tags=("dependency_answer_unexpected",)),
    # Capacity wording under a 400 (a Codex relay's "API error (400): Our servers are currently overloaded"): the
    # text, not the status, says what to do.
    rule("overloaded_wording_as_400", R.overloaded, statuses=(400,), tags=("overloaded",),
         unless=("rate_limit", "usage_limit", "billing", "load_failed", "request_defect", "host_memory",
                 "maybe_overloaded")),
    rule("server_says_retry", R.transient, statuses=(400, 404, 408, 409, 422), unless=("request_defect",),
         test=server_says_retry),
    # A 403 that is an HTML page (Cloudflare's "Attention Required!" block, a bot challenge, an edge's refusal page):
    # an API refuses a key in its own JSON envelope, so the page comes from a WAF or CDN in front of it that blocks
    # this network or client. Another key does not pass it; another route or provider does.
    rule("forbidden_html_page", R.provider_policy_blocked, statuses=(403,), test=html_page),
    # ... and a 403 from ChatGPT's web backend ("403 https://chatgpt.com/backend-api/conversation, model: gpt-4o", "HTTP
    # status client error (403 Forbidden) for url (https://chat.openai.com/backend-api/conversation)"): the site's bot
    # and network screen in front of a web-session client, not its token (all three corpus texts; a 404 there is a
    # wrong route and stays one)
    rule("web_backend_forbidden", R.provider_policy_blocked, statuses=(403,), tags=("chatgpt_web_backend",)),
    # A 403 whose words say the model is not there for this caller ("Model not found" behind GPUStack's gateway, "is not
    # authorized to access model ... or model does not exist"): the key may serve other models, so the (key, model)
    # pair is suspended rather than the key.
    rule("model_support_forbidden", R.model_not_found, statuses=(403,), tags=("model_missing",)),
    # A request header the server refuses or misses, whatever auth status carries it: a browser-origin call without
    # the header that opts in to it (Anthropic sends a 401 authentication_error: NextChat's desktop build, "CORS
    # requests must set 'anthropic-dangerous-direct-browser-access' header",
    # https://github.com/ChatGPTNextWeb/NextChat/issues/5534), a local server's check of the Host header (Jan's "403
    # Forbidden: Invalid host header"). The key is fine, the request must change; every corpus text of both is
    # labelled format_error. The one rule that reads the tag.
    rule("request_header_refused", R.format_error, statuses=(401, 403, *REQUEST), tags=("header_refused",)),
    # Statuses.
    rule("status_401", R.auth, statuses=(401,)),
    rule("status_403", R.auth, statuses=(403,)),
    rule("status_402", R.billing, statuses=(402,)),
    # Codex's own backend answering 404 with an empty body in an outage (``not_found_unknown_error``): the server's.
    rule("status_404_unknown_error", R.server_error, statuses=(404,), tags=("not_found_unknown_error",)),
    # A 404 for an item or response id the request names (Responses API, store=false): the request's fault.
    rule("status_404_request_defect", R.format_error, statuses=(404,), tags=("request_defect",),
         unless=("model_missing",)),
    rule("status_404_model_missing", R.model_not_found, statuses=(404,), tags=("model_missing",)),
    rule("status_404_mentions_model", R.model_not_found, statuses=(404,), tags=("mentions_model",)),
    # 410 Gone that names a model: the model (or the service that ran it) was retired ("GitHub Models is temporarily
    # unavailable as part of a scheduled retirement brownout"); a 410 for a retired parameter names none (xAI: "Live
    # search is deprecated") and stays the request's defect.
    rule("status_410_mentions_model", R.model_not_found, statuses=(410,), tags=("mentions_model",)),
    # A local server's 500 that names the missing model or backend ("backend not found") is no fault a retry fixes.
    # 410 Gone with the model's retirement in words (NVIDIA NIM: "The model '...' has reached its end of life on
    # 2026-07-27 and is no longer available": https://github.com/tashfeenahmed/freellmapi/issues/634).
    # Not a JSON Schema check of the request naming its missing "model" field ("$: required property 'model' not
    # found": https://help.aliyun.com/en/model-studio/openai-compatible-agents-api-errors): a field, not a model.
    # Also under a 400 only a wrapper's error type implies ("Not Found {"error":{"message":"Requested entity was not
    # found.","type":"invalid_request_error"}}": AIClient2API relaying Google's 404 for a model its OAuth account is not
    # served, https://github.com/justlovemaki/AIClient2API/issues/647): the type is the relay's, the words Google's.
    rule("entity_not_found_words", R.model_not_found, statuses=(None, 400), tags=("entity_not_found",),
         test=lambda f: f.status is None or f.status_from_type),
    rule("model_not_found_phrase", R.model_not_found, statuses=(400, 410, 422, None, 500), tags=("model_missing",),
         unless=("schema_required",)),
    # A 404 that names no model is a missing route (a wrong base URL or path, "Resource not found", "no Route
    # matched"): no key or model on this endpoint fixes it, like a 405.
    rule("status_404", R.model_not_found, statuses=(404,), scope=Scope.endpoint),
    # 405 Method Not Allowed: the URL is not a completion route (a website, a wrong base URL, a GET where a POST is
    # due): the request as configured is wrong, and no retry, key or model on this endpoint fixes it. A request defect,
    # as the corpus labels it (17 of the 20 bare 405s; the 3 others model_not_found).
    rule("status_405", R.format_error, statuses=(405,)),
    rule("status_408", R.timeout, statuses=(408,)),
    rule("status_409", R.transient, statuses=(409,)),
    # A throttle's class whose words are only the server's own failure (openai<1.0's RateLimitError carrying "The
    # server had an error while processing your request. Sorry about that!":
    # https://github.com/openai/openai-python/issues/213): the words say the server failed, and nothing names a limit,
    # a quota or load. A text that states the 429 itself ("429 Too Many Requests The server had an error ...":
    # https://github.com/easydu2002/chat_gpt_oicq/issues/31) stays a throttle.
    rule("server_fault_as_429", R.server_error, statuses=(429,), tags=("server_fault",),
         unless=("rate_limit", "usage_limit", "billing", "quota_word", "quota_spent", "exhausted", "overloaded",
                 "try_later"), test=lambda f: embedded_status(f.text) != 429),
    rule("status_429", R.rate_limit, statuses=(429,)),
    rule("generic_400_large_session", R.context_overflow, statuses=(400,), test=generic_400_in_large_session),
    # A 503 whose words name a fault of the server rather than its load ("Mistral Error [503]: unreachable_backend -
    # Internal server error"): the server is broken, not busy (both back off the endpoint; the reason says which).
    rule("server_fault_as_503", R.server_error, statuses=(503,), tags=("server_fault",), unless=("overloaded",)),
    rule("dependency_unreachable_as_503", R.server_error, statuses=(503,), tags=("dependency_unreachable",),
         unless=("overloaded",)),
    rule("status_503_529", R.overloaded, statuses=(503, 529)),
    # A 499 that reached the client (Google's CANCELLED, "The operation was cancelled"; a gateway's "context canceled";
    # nginx's "client closed request" passed on by a proxy): the call was cut off before its answer, as a deadline cuts
    # it (google-genai's "499 CANCELLED" when a long generation outran the caller's deadline:
    # https://github.com/google/adk-python/issues/475); nothing in the request is at fault. 4 of the 5 corpus 499s
    # are labelled timeout (the fifth server_error, contestable as timeout).
    rule("status_499", R.timeout, statuses=(499,)),
    rule("status_504", R.timeout, statuses=(504, 522, 524)),  # Cloudflare: origin connect / answer timed out
    # 424 Failed Dependency: the server's own dependency failed (TGI's generation errors, an LLM gateway whose backend
    # failed: https://github.com/UiPath/uipath-python/issues/461), not the request: a server error, as its 5xx would be.
    rule("status_424_failed_dependency", R.server_error, statuses=(424,)),
    # 451 Unavailable For Legal Reasons: the service will not serve this caller where it is (Zed's cloud: "Access to
    # Anthropic models is not available from this data center (HKG)"), whatever its text says: no retry or repair helps.
    rule("status_451", R.provider_policy_blocked, statuses=(451,)),
    # Dify's API answers a model call that failed with a body of its own, code "completion_request_error" and status
    # 400, around the model call's words: the 400 is Dify's. A read timeout in those words is the transport's
    # ("[ollama] Connection Error, HTTPConnectionPool(...): Read timed out. (read timeout=60)":
    # https://github.com/langgenius/dify/issues/3523, /1523).
    rule("dify_wrapped_timeout", R.timeout, statuses=(400,), codes=("completion_request_error",), tags=("timeout",)),
    # FastChat (and the servers built on it: Chatchat, Gorilla's hosted endpoint) answers every error with a 400 and
    # says what it was in a five-digit code of its own (fastchat/constants.py ErrorCode:
    # https://github.com/lm-sys/FastChat/blob/main/fastchat/constants.py): 500xx its own faults, 4290x its limits.
    # Words any rule above reads decide first (40301's "Only ... allowed now, your model", 40303's context length).
    # ... but the banner over a worker that did not answer in time ("NETWORK ERROR DUE TO HIGH TRAFFIC ... (error_code:
    # 50003, HTTPConnectionPool(host='localhost', port=21002): Read timed out.)": https://github.com/lm-sys/FastChat/
    # issues/1527) is the timeout it prints.
    rule("fastchat_worker_read_timeout", R.timeout, statuses=(400, 500, None),
         tags=("fastchat_server_error", "timeout")),
    rule("fastchat_server_message", R.server_error, statuses=(400, 500, None), tags=("fastchat_server_error",)),
    rule("fastchat_server_fault", R.server_error, statuses=(400, 500, None),
         codes=("50001", "50002", "50003", "50004")),
    rule("fastchat_no_worker", R.model_not_found, statuses=(400, 500, None), codes=("50005",)),
    rule("fastchat_worker_timeout", R.timeout, statuses=(400, 500, None), codes=("50006",)),
    rule("fastchat_rate_limit", R.rate_limit, statuses=(400, 429, None), codes=("42901",)),
    rule("fastchat_quota", R.billing, statuses=(400, 429, None), codes=("42902",)),
    rule("fastchat_overloaded", R.overloaded, statuses=(400, 429, None), codes=("42903",)),
    rule("fastchat_bad_key", R.auth, statuses=(400, 401, None), codes=("40101", "40102", "40103")),
    rule("fastchat_model", R.model_not_found, statuses=(400, 403, None), codes=("40301",)),
    rule("fastchat_context", R.context_overflow, statuses=(400, 403, None), codes=("40303",)),
    # One input longer than the model reads, as a schema's maxLength words it (see the ``input_max_length`` tag): a
    # cap of ``INPUT_TEXT_CAP`` or more bounds a text, not a name or an id, so shortening the input is the fix.
    rule("input_over_max_length", R.context_overflow, statuses=(400, 413, 422, None), tags=("input_max_length",),
         test=over_input_text_cap),
    # A 400 (or a type that names one) that names no defect and says to try again later ("Error getting a new
    # session, please try again later": FreeGPT35's answer when it could not open an upstream session,
    # https://github.com/missuo/FreeGPT35/issues/67): the server says the same request will pass, so it is retried
    # rather than failed as malformed; no corpus text with those words under a bare 4xx is a request defect.
    rule("try_later_as_400", R.transient, statuses=(400, 422), tags=("try_later",), unless=("request_defect",)),
    rule("status_4xx", R.format_error, statuses=CLIENT),
    # 501 Not Implemented: the server does not do this (llama.cpp: "This server does not support embeddings. Start it
    # with `--embeddings`"; Ollama: "this model does not support embeddings"): no retry changes that, another model or
    # server does. A request defect it names is read before (vLLM's 501 for store=True, request_defect_as_5xx).
    rule("status_501", R.model_not_found, statuses=(501,)),
    rule("status_5xx", R.server_error, statuses=SERVER),
    # No status: transport kinds and phrases.
    rule("answer_model_refused", R.malformed_response, statuses=NONE, test=answer_model_refused),
    # LangChain's OutputParserException is raised on the model's answer only (a parser's "Invalid json output: ...",
    # PydanticOutputParser's "Failed to parse Joke from completion {}. Got: 2 validation errors"): the schema words it
    # quotes are the answer's, not the request's.
    rule("class_output_parser", R.malformed_response, statuses=NONE, codes=("outputparserexception",)),
    # The caller's code and its SDK disagree (an SDK module or client without the attribute the code uses, an import
    # the installed SDK does not have): no request was sent, and none will be until the code changes.
    rule("client_code_mismatch", R.format_error, statuses=NONE, tags=("client_code_mismatch",)),
    rule("request_defect_phrase", R.format_error, statuses=NONE, tags=("request_defect",)),
    rule("ssl_transient", R.timeout, statuses=NONE, tags=("ssl",)),
    # The caller's own abort (the SDKs' "Request was aborted."): nothing is known of the key or the endpoint; the
    # request is sent again. An abort that names a timeout is a timeout (below).
    rule("caller_aborted", R.transient, statuses=NONE, tags=("caller_abort",), unless=("timeout",)),
    rule("disconnect_large_session", R.context_overflow, statuses=NONE, test=disconnect_in_large_session),
    rule("transport_timeout", R.timeout, statuses=NONE, test=lambda f: f.kind is ExcKind.timeout),
    rule("key_missing_in_answer", R.malformed_response, statuses=NONE, test=key_missing_in_answer),
    rule("transport_connection", R.timeout, statuses=NONE, test=lambda f: f.kind is ExcKind.connection),
    rule("go_request_eof", R.timeout, statuses=NONE, test=go_request_eof),
    rule("disconnect_phrase", R.timeout, statuses=NONE, tags=("disconnect",)),
    rule("client_offline", R.timeout, statuses=NONE, tags=("offline",)),
    rule("timeout_phrase", R.timeout, statuses=NONE, tags=("timeout",)),
    rule("auth_phrase", R.auth, statuses=NONE, tags=("auth",)),
    # Last resort for a status-less error: the class a wrapper gave it ("litellm.ServiceUnavailableError: ...",
    # tenacity's "raised RateLimitError>", google's ResourceExhausted). Any phrase above reads the text first.
    rule("class_rate_limit", R.rate_limit, statuses=NONE, codes=(
        "ratelimiterror", "ratelimitexception", "toomanyrequests", "toomanyrequestserror", "resourceexhausted")),
    rule("class_overloaded", R.overloaded, statuses=NONE, codes=(
        "serviceunavailableerror", "serviceunavailable", "overloadederror")),
    rule("class_timeout", R.timeout, statuses=NONE, codes=(
        "apitimeouterror", "apiconnectionerror", "deadlineexceeded", "gatewaytimeout", "gatewaytimeouterror",
        # Java's refused connection, as a JVM client's trace names it ("java.net.ConnectException: Failed to connect
        # to /127.0.0.1:12334")
        "connectexception",
        # axios's CanceledError, the call aborted by the client's own signal or timer ("proxyRequest: AI API request
        # error: CanceledError: canceled": ONLYOFFICE's AI proxy, https://github.com/ONLYOFFICE/DocumentServer/issues/
        # 3428 and onlyoffice.github.io#437, both labelled timeout), read as a 499 and Go's "context canceled" are
        "cancelederror")),
    rule("class_server_error", R.server_error, statuses=NONE, codes=(
        "internalservererror", "internalserver", "badgatewayerror", "badgateway",
        "enginedeaderror", "asyncenginedeaderror")),  # vLLM: the engine died; every request fails until a restart
    rule("class_auth", R.auth, statuses=NONE, codes=(
        "authenticationerror", "permissiondeniederror", "permissiondenied", "unauthenticatederror")),
    # ... and a runtime's own class for a model it does not hold (WebLLM's ModelNotFoundError: "Cannot find model
    # record in appConfig for SmolLM-135M-Instruct-q4f16_1-MLC": https://github.com/holoviz/panel/issues/7957)
    rule("class_model_not_found", R.model_not_found, statuses=NONE,
         codes=("notfounderror", "notfound", "modelnotfounderror")),
    # A JSON reader's own class (.NET's JsonException and JsonReaderException, Jackson's JsonParseException, Python's
    # JSONDecodeError) with no status: what it could not read is the answer; and the OpenAI Agents SDK's
    # ModelBehaviorError, its error for output the model should not have produced ("Invalid output type", "Tool
    # web_search not found in agent Assistant").
    rule("class_answer_unreadable", R.malformed_response, statuses=NONE, codes=(
        "jsonexception", "jsonreaderexception", "jsonparseexception", "jsondecodeerror", "modelbehaviorerror",
        # the AI SDK's InvalidResponseDataError: a chunk's field is not what the API promises ("Expected
        # 'function.name' to be a string.": llama.cpp's and vLLM's tool-call deltas)
        "ai_invalidresponsedataerror", "invalidresponsedataerror",
        # openai-java's exception for an answer its models cannot read ("'choices' is not set":
        # https://github.com/openai/openai-java/issues/86)
        "openaiinvaliddataexception",
        # Dart's FormatException from a client decoding the answer, whatever its words ("Unexpected character
        # <!doctype html>": https://github.com/Chevey339/kelivo/issues/837; "Unexpected extension byte":
        # https://github.com/agilord/aws_client/issues/431); eight of the corpus's nine are malformed_response
        "formatexception",
        # .NET's NullReferenceException from a client reading a field the answer lacked (the OpenAI .NET SDK's
        # get_Refusal() on an error body OpenRouter sent with a 200: https://github.com/OpenRouterTeam/
        # openrouter-examples/issues/14; a desktop pet's talk box on a ChatGLM server's reply without usage:
        # https://github.com/LorisYounger/VPet/issues/79); both corpus texts malformed_response
        "nullreferenceexception",
        # botocore's parser for an answer it could not read ("ResponseParserError: Invalid service response:
        # ReasoningContentBlockDelta must have one and only one member set.": a gateway's Bedrock event stream,
        # https://github.com/maximhq/bifrost/issues/1173)
        "responseparsererror")),
    rule("class_bad_request", R.format_error, statuses=NONE, codes=(
        "badrequesterror", "invalidrequesterror", "unprocessableentityerror", "invalidargument",
        # Tencent Cloud's common codes for a parameter it refuses, as its SDK prints them with no status
        # ("[TencentCloudSDKException] code:InvalidParameter message:Messages 以 user\uff08tool\uff09提问结束 ...":
        # https://github.com/langgenius/dify-official-plugins/issues/1302; InvalidParameterValue, the same table)
        "invalidparameter", "invalidparametervalue")),
    # A client's schema check that refused the answer (see the ``answer_failed_schema`` tag), before the words of the
    # value it quotes ("billing", "invalid_type") are read as the request's or the account's.
    rule("answer_failed_schema", R.malformed_response, statuses=NONE, tags=("answer_failed_schema",)),
    # Last resort before giving up on a status-less text: its words (see _CUE_PATTERNS above).
    rule("content_words", R.content_policy_blocked, statuses=NONE, test=_cue("content")),
    rule("banned_words", R.auth_permanent, statuses=NONE, test=_cue("banned")),
    rule("policy_words", R.provider_policy_blocked, statuses=NONE, test=_cue("policy")),
    rule("auth_words", R.auth, statuses=NONE, test=_cue("auth")),
    rule("billing_words", R.billing, statuses=NONE, test=_cue("billing")),
    rule("rate_limit_words", R.rate_limit, statuses=NONE, test=_cue("rate_limit")),
    rule("context_words", R.context_overflow, statuses=NONE, test=_cue("context")),
    rule("payload_words", R.payload_too_large, statuses=NONE, test=_cue("payload")),
    rule("model_words", R.model_not_found, statuses=NONE, test=_cue("model")),
    rule("overloaded_words", R.overloaded, statuses=NONE, test=_cue("overloaded")),
    rule("answer_defect_words", R.malformed_response, statuses=NONE, test=_cue("answer")),
    rule("request_defect_words", R.format_error, statuses=NONE, test=_cue("request")),
    rule("timeout_words", R.timeout, statuses=NONE, test=_cue("timeout")),
    rule("transport_words", R.timeout, statuses=NONE, test=_cue("transport")),
    rule("server_words", R.server_error, statuses=NONE, test=_cue("server")),
    # A 200 body that reported a failure by code (MiniMax's base_resp) in words no rule above reads.
    # A generic server code with no status (an error event in a 200 stream, a failed Responses answer) whose words
    # name something specific: the words decided above; when no rule read them, the code decides.
    rule("server_error_code_late", R.server_error, statuses=(500, None), codes=_GENERIC_SERVER_CODES),
    rule("reported_failure_code", R.server_error, statuses=NONE, codes=("base_resp_error", "reported_error")),
    # LiteLLM's APIError, its "generic 500-status code error" (https://docs.litellm.ai/docs/exception_mapping), with no
    # words any rule above reads: the provider failed without saying why ("litellm.APIError: APIError:
    # OpenrouterException -", the provider's text empty). Last: any word of the text decides first.
    rule("class_api_error", R.server_error, statuses=NONE, codes=("apierror",)),
    # OpenRouter's bare words for its upstream's failure, with no status and nothing else any rule above reads
    # ("Provider returned error": https://github.com/cline/cline/issues/813,
    # https://github.com/anomalyco/opencode/issues/915): the upstream failed; back off or fall back, the user's key is
    # not at fault. Last: a status, a code or any other words decide first (a 429 is the upstream's limit, a 400 its
    # refusal of the request: ``aggregator_upstream_limit``).
    rule("aggregator_upstream_failed", R.server_error, statuses=NONE, tags=("upstream_limit",)),
    rule("unknown", R.unknown),
)

# Precomputed walks, derived from RULES at import. For each status, the rules that admit it, in three parts: those
# that need neither a phrase tag nor a structured code (tried in order), those that need a tag, indexed by one tag
# they need, and those that need a code (and no tag), indexed by each code they name. Only the rules under the tags
# and codes the facts carry are looked at; each part holds positions in RULES, so the parts merge back into table
# order. The walk stops at the first rule that always holds for its status.
_ALL_STATUSES: Final[tuple[Status, ...]] = (None, *range(100, 600))
_BY_STATUS: Final[dict[Status, tuple[Rule, ...]]] = {
    s: tuple(r for r in RULES if r.statuses is None or s in r.statuses) for s in _ALL_STATUSES
}
_Index = dict[str, tuple[int, ...]]
_Plan = tuple[tuple[int, ...], _Index, _Index]  # plain rule positions; tag -> positions; code -> positions


def _plan(status: Status, *, any_status: bool = False) -> _Plan:
    plain: list[int] = []
    by_tag: dict[str, list[int]] = {}
    by_code: dict[str, list[int]] = {}
    for at, r in enumerate(RULES):
        if r.statuses is not None and status not in r.statuses and not any_status:
            continue
        if r.tags:
            by_tag.setdefault(min(r.tags), []).append(at)
        elif r.codes:
            for code in r.codes:
                by_code.setdefault(code, []).append(at)
        else:
            plain.append(at)
            if not r.unless and r.test is None:
                break  # it always holds: nothing after it is ever reached
    last = plain[-1]

    def before_last(index: dict[str, list[int]]) -> _Index:
        return {key: tuple(a for a in ats if a < last) for key, ats in index.items() if ats[0] < last}

    return tuple(plain), before_last(by_tag), before_last(by_code)


_PLANS: Final[dict[Status, _Plan]] = {s: _plan(s) for s in _ALL_STATUSES}
# Each rule's conditions as the walk reads them, an empty one as None (one test of a local, where reading the field
# and asking the empty set cost a call): codes (one of them), tags (all), unless (none), test.
_CONDITIONS: Final = tuple((r.codes or None, r.tags or None, r.unless or None, r.test) for r in RULES)
# a status outside 100-599, which the facts never produce: every rule, as the plain walk would
_PLAN_ALL: Final = _plan(None, any_status=True)


def first_match(facts: ErrorFacts, extra: tuple[Rule, ...] = ()) -> Rule:
    """The first rule of ``extra`` (operator rules), then of ``RULES``, that holds (the last rule always holds)."""
    for r in extra:
        if (r.statuses is None or facts.status in r.statuses) and r.holds(facts):
            return r
    codes, tags = facts.codes, facts.tags
    order, by_tag, by_code = _PLANS.get(facts.status, _PLAN_ALL)
    indexed: list[int] = []
    for tag in tags:
        if tag in by_tag:
            indexed += by_tag[tag]
    for code in codes:  # a rule naming two of the codes comes twice: tried twice, it fails twice or decides once
        if code in by_code:
            indexed += by_code[code]
    if indexed:
        indexed += order
        indexed.sort()
        order = indexed  # type: ignore[assignment]
    for at in order:  # holds(), inlined: this loop is the hot path
        needs_code, needs_tags, unless, test = _CONDITIONS[at]
        if ((needs_code is None or not needs_code.isdisjoint(codes)) and (needs_tags is None or needs_tags <= tags)
                and (unless is None or unless.isdisjoint(tags)) and (test is None or test(facts))):
            return RULES[at]
    return RULES[-1]


def rules_tried(facts: ErrorFacts, extra: tuple[Rule, ...] = ()) -> tuple[Rule, ...]:
    """Every rule ``first_match`` looks at for ``facts``, in order, ending with the one that decides."""
    tried: list[Rule] = []
    for r in (*(r for r in extra if r.statuses is None or facts.status in r.statuses),
              *_BY_STATUS.get(facts.status, RULES)):
        tried.append(r)
        if r.holds(facts):
            break
    return tuple(tried)
