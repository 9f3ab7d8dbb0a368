"""Narrow provider phrasings, matched as whole-word sequences, looked up lazily by tag.

Phrases are the last resort: structured codes and statuses decide first. Each list holds
verbatim fragments of real provider messages; none is a lone generic word like "policy" or
"max_tokens" that would collide with unrelated errors (the near-miss tests pin this).

Matching works on a normalised text: lower-case, every ASCII character other than letters,
digits and ``_`` turned into a space, whitespace collapsed. A phrase matches when its words
appear in that order as whole words. ``_`` stays a word character on purpose: the token
``content_filter`` (OpenAI/Azure) must not match the benign spaced "content filter".
Each phrase group has an anchor word, so most tags are ruled out by one set intersection.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from ._embedded import BARE_REASONS

if TYPE_CHECKING:
    from ._facts import ErrorFacts

__all__ = ["TAGS", "Tag", "has", "normalize", "scan", "tags_in", "with_derived"]

_SEPARATORS: Final = "".join(c for c in string.punctuation if c != "_")
_TABLE: Final = bytes.maketrans(
    string.ascii_uppercase.encode() + _SEPARATORS.encode(),
    string.ascii_lowercase.encode() + b" " * len(_SEPARATORS),
)
# Full-width punctuation (CJK commas, colons, brackets, quotes) separates words too: a Chinese UI's wrapper
# around "Failed to parse the request body" must yield the word "failed", not the colon glued to it. Only
# non-ASCII text is translated (the ASCII path is unchanged). A character class, not ``str.translate``: on
# non-ASCII text translate looks every character up in a dict (50 us for a 1 kB message, the costliest step of
# the classifier's slowest shapes); the pattern replaces the same characters with a space in one C scan.
_WIDE_PUNCTUATION: Final = ("\uff0c\u3002\uff1a\uff1b\uff01\uff1f\uff08\uff09\u3010\u3011\u300a\u300b\u300c\u300d\u300e"
                            "\u300f\u3001\u201c\u201d\u2018\u2019\uff5e"
                            # an ellipsis, dashes, middle dots and bullets, guillemets: a word's end, as their ASCII
                            # stand-ins are ("Your account has been restricted…", "limit reached · resets 8pm")
                            "\u2026\u2014\u2013\u00b7\u2022\u2219\u00ab\u00bb\u201e")
_WIDE: Final = re.compile(f"[{re.escape(_WIDE_PUNCTUATION)}]")


def normalize(text: str) -> tuple[str, frozenset[str]]:
    """The padded normalised text (" word word ") and its set of words."""
    if text.isascii():  # the common case: no error handler to consult
        words = text.encode().translate(_TABLE).decode().split()
    else:
        words = _WIDE.sub(" ", text).encode("utf-8", "replace").translate(_TABLE).decode("utf-8", "replace").split()
    return " " + " ".join(words) + " ", frozenset(words)


@dataclass(frozen=True, slots=True)
class Tag:
    """A named list of phrase groups; a group matches when all its phrases are present."""

    name: str
    anchors: frozenset[str]
    by_anchor: dict[str, tuple[tuple[str, ...], ...]]
    unanchored: tuple[tuple[str, ...], ...]  # non-ASCII phrases: checked as plain substrings

    def search(self, norm: str, words: frozenset[str]) -> bool:
        for group in self.unanchored:
            if all(p in norm for p in group):
                return True
        if self.anchors.isdisjoint(words):
            return False
        for anchor in self.anchors & words:
            for group in self.by_anchor[anchor]:
                if all(p in norm for p in group):
                    return True
        return False


# Words found in most error messages make poor anchors (every text holding one has its groups tested): a group
# is anchored on its longest other word, or, when all its words are common, on the least common of them. Any word of
# a group is a correct anchor; this only picks a rarer one. Most common first: the words in at least 3 % of the corpus
# texts (tests/corpus, 3,245 texts, December 2026; "error" is in 41 %), then a few the phrase tables use often.
_COMMON_WORDS: Final = (
    "error", "the", "api", "to", "model", "message", "request", "please", "is", "code", "your", "not", "for", "https",
    "type", "or", "com", "in", "you", "failed", "a", "this", "limit", "status", "and", "try", "400", "again", "of",
    "with", "1", "invalid", "openai", "an", "exceeded", "at", "response", "tokens", "429", "more", "server", "rate",
    "too", "0", "id", "has", "docs", "ai", "be", "check", "requests", "on", "messages", "invalid_request_error", "http",
    "5", "key", "no", "found", "content", "input", "param", "have", "prompt", "details", "provider", "must", "context",
    "litellm", "from", "was", "maximum", "length", "can", "quota", "3", "s", "chat", "account", "access", "requested",
    "billing", "reached", "connection", "2", "service", "internal", "supported", "later", "v1", "does", "body",
    "current", "retry", "overloaded", "anthropic", "claude", "many", "gemini", "if", "url", "per", "occurred", "it",
    "500", "out", "usage", "available", "token", "organization", "by", "models", "are", "that", "as",
)
_RARITY: Final = {word: rank for rank, word in enumerate(_COMMON_WORDS)}  # higher: less common


def _anchor_of(words: list[str]) -> str:
    """The word a group is looked up by: its longest uncommon word, else its least common one."""
    uncommon = [w for w in words if w not in _RARITY]
    return max(uncommon, key=len) if uncommon else max(words, key=_RARITY.__getitem__)


def _tag(name: str, *entries: str | tuple[str, ...]) -> Tag:
    by_anchor: dict[str, list[tuple[str, ...]]] = {}
    unanchored: list[tuple[str, ...]] = []
    for entry in entries:
        phrases = (entry,) if isinstance(entry, str) else entry
        # longest phrase first: the scan tests a group's first phrase on every text holding its anchor
        padded = tuple(sorted((normalize(p)[0] if p.isascii() else p for p in phrases), key=len, reverse=True))
        if not all(p.isascii() for p in phrases):
            unanchored.append(padded)
            continue
        words = [w for p in padded for w in p.split()]
        by_anchor.setdefault(_anchor_of(words), []).append(padded)
    frozen = {a: tuple(groups) for a, groups in by_anchor.items()}
    return Tag(name, frozenset(frozen), frozen, tuple(unanchored))


# Gemini's block reasons (prompt or candidate), as its SDKs and wrappers print a field with its enum value, and the
# enum names alone where no other text can hold them. The same values the soft-failure path reads from a 200 body.
# Vertex adds MODEL_ARMOR (a project's Model Armor template removed the prompt or answer) and JAILBREAK (prompt only):
# https://cloud.google.com/vertex-ai/docs/reference/rest/v1/GenerateContentResponse#FinishReason and #BlockedReason
_BLOCK_VALUES: Final = ("safety", "prohibited_content", "blocklist", "spii", "recitation", "image_safety",
                        "other_block", "image_prohibited_content", "image_recitation", "model_armor", "jailbreak")
_SAFETY_FIELDS: Final[tuple[str, ...]] = (
    "prohibited_content", "image_prohibited_content", "image_safety",
    *(f"{field} {value}" for field in ("block_reason", "blockreason", "blockedreason", "blocked_reason")
      for value in (*_BLOCK_VALUES, "other")),
    *(f"{field} {value}" for field in ("finish_reason", "finishreason", "finish reason") for value in _BLOCK_VALUES),
    *(f"{prefix}{value.replace('_', '')}" for prefix in ("blockedreason", "finishreason") for value in _BLOCK_VALUES),
    "blockedreasonother",
)

# Gemini's bad-call finish reasons as clients print them: one list for the two tags that read them
# (``unparsable_answer``, and ``model_bad_call``, which outranks a request defect's words)
_BAD_CALLS: Final = ("malformed function call", "malformed_function_call", "unexpected_tool_call",
                      # Gemini CLI's words for that finish reason ("Response stopped due to unexpected tool call.":
                      # https://github.com/google-gemini/gemini-cli/issues/26870)
                      "due to unexpected tool call",
                      # the AI SDK's NoSuchToolError: the model called a tool the request never offered ("Model tried to
                      # call unavailable tool 'multi_tool_use.parallel'")
                      "tried to call unavailable tool",
                      # Cohere's 422 when the model's generation parsed as neither a tool call nor a reply ("No valid
                      # tool call or response generated": https://github.com/cohere-ai/notebooks/issues/237)
                      "no valid tool call or response generated")

# Google refusing or not finding the caller's identity, whatever resource or model the text goes on to name, one list
# each for the tag that decides on it first (``google_identity``) and the tag it belongs to otherwise: IAM's refusal
# (``bad_key``), printed from a gRPC error's details with or without its 403 ("Permission 'aiplatform.endpoints.predict'
# denied on resource '//aiplatform.googleapis.com/.../models/text-bison@latest' (or it may not exist).": 28 of the
# corpus's 29 texts holding it auth, the other a 429 of a pool); google-auth finding no application-default credentials
# (``auth``: "Could not load the default credentials", https://cdot65.github.io/daystrom/providers/troubleshooting;
# "Your default credentials were not found. To set up Application Default Credentials, ...", as LiteLLM prints it under
# any class: https://github.com/BerriAI/litellm/issues/3610; every corpus text of them auth).
_IAM_REFUSED: Final = (("permission", "denied on resource"),)
_ADC_MISSING: Final = ("could not load the default credentials", "your default credentials were not found")

# A JSON Schema's missing required field, one list for the two tags that read it (schema_required, request_defect).
_SCHEMA_REQUIRED: Final = ("required property",)
_TAG_LIST: Final = (
    # Per-prompt safety decisions (seed 003).
    _tag("content_policy",
         # SAP AI Core's orchestration service whose input or output filter (Azure Content Safety, Llama Guard) refused
         # the content ("400 - Filtering Module - Input Filter: Filtering module blocked content: content violated a
         # configured category."; https://github.com/SAP/ai-sdk-js)
         "filtering module blocked content",
         # Imagen's refusal of a prompt under a 400 ("This prompt contains sensitive words that violate Google's
         # Responsible AI practices": https://github.com/googleapis/js-genai/issues/321)
         ("violate", "responsible ai practices"),
         # Sourcegraph's Cody Gateway refusing a request its abuse screen flagged, under a 400 ("request blocked - if
         # you think this is a mistake, please contact support@sourcegraph.com": https://github.com/sourcegraph/
         # sourcegraph-public-snapshot/issues/63023, https://github.com/sourcegraph/jetbrains/issues/1882)
         ("request blocked", "if you think this is a mistake"),
         # a Chinese gateway's banned-word screen ("违禁词", "banned words": "the content hit the gateway's content
         # firewall rules and was blocked", https://github.com/Sliverkiss/workbuddy2api/pull/66)
         "违禁词",
         # GigaChat's censor stop (finish_reason "blacklist"), as langchain-gigachat raises it ("Giga generation
         # stopped with reason: blacklist": https://github.com/ai-forever/gigachain/issues/252) and as a Kotlin client
         # logs the answer ("finishReason=blacklist": https://github.com/D00mch/souz/issues/113)
         "stopped with reason blacklist", "finishreason blacklist", "finish_reason blacklist",
         # Bing's filter, as node-chatgpt-api words it ("The moderation filter triggered. Try again with different
         # wording.": https://github.com/waylaidwanderer/node-chatgpt-api/issues/387)
         "moderation filter triggered",
         # the same relay's safety block ("Sensitive content has been detected in your request or uploaded files. The
         # security system has blocked data processing.": https://docs.gptunnel.ru/media-api/models)
         ("sensitive content", "has been detected"),
         # Bedrock's stopReason for an answer its guardrails or filters stopped, as a client prints it ("Unknown stop
         # reason: content_filtered": https://github.com/langchain4j/langchain4j/issues/3854)
         "content_filtered",
         # Veo's refusal of an input image ("the input image violates Vertex AI's usage guidelines")
         ("violates", "usage guidelines"),
         # a chat product's safety stop ("Chat paused: Sonnet 4.5's safety filters flagged this chat")
         ("safety filters", "flagged"), ("safety filter", "flagged this"),
         # a provider's content stop ("sensitive": Zhipu's finish reason) as pi-ai rejects it ("Unhandled stop reason:
         # sensitive": https://github.com/openclaw/openclaw/pull/43615)
         "stop reason sensitive", "finish reason sensitive",
         # Claude Code's safeguard notices ("Fable 5.1's safeguards flagged this message", "Sonnet 5 has safety
         # measures that flagged this message for a cybersecurity topic"), Replicate's image filter ("Potential NSFW
         # content was detected"), xAI's image moderation ("Image did not respect moderation rules"), Gemini's PHP
         # client on a prompt with no candidate ("Check the `GenerateContentResponse::$promptFeedback` to see if the
         # prompt was blocked")
         "flagged this message", "nsfw content", "moderation rules", "to see if the prompt was blocked",
         # refusals in apps' words (LobeChat: "Your content contains prohibited terms"; Bing Image Creator: "Your prompt
         # has been blocked")
         "contains prohibited terms", "prompt has been blocked",
         # openai-python's ContentFilterFinishReasonError without its class ("Could not parse response content as the
         # request was rejected by the content filter"), as a wrapper re-raises it
         "rejected by the content filter",
         # LiteLLM's guardrails in their own words (its proxy docs: "Violated Lasso guardrail policy", "Guardrail
         # violations detected: illegality", "Content violated promptinjectiondetection policy", its content filter's
         # "Content blocked: us_ssn pattern detected"), new-api's local word filter ("sensitive words detected"), Sora's
         # upload check ("Upload may depict a realistic human")
         ("violated", "guardrail policy"), "guardrail violations detected", ("content violated", "policy"),
         "content blocked", "sensitive words detected", "may depict a realistic human",
         # a coding agent's refusal notice ("Amp refused to respond to this prompt. This can happen when a model
         # believes the prompt violates its content policy")
         ("refused to respond", "content policy"),
         # SAP AI Core's orchestration filter ("Input Filter: Prompt filtered due to safety violations")
         "filtered due to safety",
         # image generators' refusals in their own words: ChatGPT ("the prompt may violate our guardrails around
         # nudity"), Gemini ("This query violates the policy against generating content that ..."), the Codex app's
         # "This content can't be shown" (a safety notice), OpenRouter's guardrail ("Request blocked: prompt injection
         # patterns detected")
         "violate our guardrails", "violates the policy against", "this content can t be shown",
         "prompt injection patterns detected",
         # Cohere's output filter ("blocked output: please adjust your prompt and try again, as this generation may be a
         # potential violation of our Usage Guidelines")
         "violation of our usage guidelines",
         # Veo's media filter ("raiMediaFilteredCount": 1, "raiMediaFilteredReasons": [...]), Gemini's recitation stop
         # as the old SDK explains it ("the model was reciting from copyrighted material"), VS Code's language-model
         # API ("Response got filtered.")
         "raimediafilteredreasons", "raimediafilteredcount", "reciting from copyrighted material",
         "response got filtered",
         # google-generativeai's quick accessor with Gemini's stop value as a number (3 SAFETY, 4 RECITATION, 7
         # PROHIBITED_CONTENT, 8 SPII: google.ai.generativelanguage's FinishReason)
         ("quick accessor", "finish_reason is 3"), ("quick accessor", "finish_reason is 4"),
         ("quick accessor", "finish_reason is 7"), ("quick accessor", "finish_reason is 8"),
         # ... or behind the link the SDK's newer text puts on the field ("The candidate's [finish_reason](https://ai.
         # google.dev/api/generate-content#finishreason) is 4.")
         *(("quick accessor", f"finishreason is {value}") for value in (3, 4, 7, 8)),
         # image models' own refusals: Imagen's word filter ("Your current safety filter threshold prohibited one or
         # more words in this prompt"), Stability on Bedrock ("invalid_prompts": its prompt filter), SDXL ("this model
         # is designed to avoid generating stereotypes")
         "safety filter threshold prohibited", "invalid_prompts", "designed to avoid generating",
         # Imagen's people/face filter ("generated image was filtered"), an image that failed Google's review ("the
         # image not passing Google's safety review")
         "generated image was filtered", "safety review",
         # SAP AI Core's orchestration filters ("Content generated by the LLM was filtered by the output filter"),
         # iFlytek Spark's 10019 ("本次会话内容有涉及违规信息的倾向")
         "filtered by the output filter", "filtered by the input filter", "涉及违规信息",
         # Moonshot's refusal ("The request was rejected because it was considered high risk"), Volcano Engine Ark's
         # image check ("The request failed because the input image may contain sensitive information."), Portkey's
         # guardrail ("The guardrail checks defined in the config failed."): their codes say so too, their words alone
         # when a client prints only the message
         ("rejected because it was considered", "high risk"), "input image may contain sensitive information",
         ("guardrail checks", "failed"),
         # OpenAI's cyber-policy refusal as a proxy relays it ("OpenAI flagged this request for potential high-risk
         # cybersecurity activity")
         ("flagged this request", "cybersecurity activity"),
         # Copilot Chat's Responsible AI filter in its Chinese locale ("响应已被负责任 AI 服务过滤")
         "负责任 ai 服务过滤",
         # ... and in its Brazilian Portuguese locale ("A resposta foi filtrada pelo Serviço de IA Responsável")
         "serviço de ia responsável",
         # AstrBot's Chinese notices: a completion refused by the content-safety filter ("由于内容安全过滤被拒绝"),
         # Gemini's safety check not passed ("未通过 Gemini 平台的安全检查") or its policy violated
         # ("违反 Gemini 平台政策")
         "内容安全过滤", ("未通过", "安全检查"), ("违反", "平台政策"),
         # LibreChat's moderation and refusal notices ("flagged by our moderation system", "Response refused by safety
         # filters"); OpenAI's Sora 2 moderation sentence ("Your request was blocked by our moderation system.",
         # printed by a Ruby client: https://calvin.my/posts/openai-sora-2-api-first-experience)
         "flagged by our moderation system", "blocked by our moderation system", "refused by safety filters",
         # openai-agents' guardrails ("Guardrail InputGuardrail triggered tripwire"), Volcengine Ark's sensitive-content
         # sentence under its SensitiveContentDetected.* codes ("The request failed because the input text may contain
         # severe violation information."), MiniMax's 1027 ("输出内容涉敏": the output touched sensitive content)
         "triggered tripwire", "request failed because the input text may contain", "输出内容涉敏",
         # Amazon Bedrock Guardrails' default blocked message, which a client shows as the answer or inside LiteLLM's
         # guardrail error ("Sorry, the model cannot answer this question.": https://github.com/anthropics/claude-code/
         # issues/30258); all three corpus texts of it are labelled content_policy_blocked
         "sorry the model cannot answer this question",
         "flagged for possible cybersecurity risk", "trusted access for cyber", "violates our usage policies",
         # Codex's notice for a conversation flagged more than once ("Your conversations have multiple flags for
         # possible cybersecurity risk.": https://github.com/openai/codex/issues/20806)
         "flags for possible cybersecurity risk",
         "violates openai's usage policies", "violating our usage policy", "your request was flagged by",
         "prompt was flagged by our safety", "responses cannot be generated due to safety",
         "output blocked by content filtering policy", "content_filter", "responsibleaipolicyviolation",
         # OpenAI's image refusals in both their forms ("Your request was rejected as a result of our safety system",
         # Azure DALL-E's "Your task failed as a result of our safety system": https://github.com/microsoft/
         # semantic-kernel/issues/4384)
         "content management policy", "as a result of our safety system",
         "blocked due to prohibited content", "requires moderation on", "input was flagged for",
         "violate our usage policy", "unsafe or sensitive content", "may contain inappropriate content",
         # the same words with the verb of a check that found them (Novita's ILLEGAL_PROMPT "Prompt contains
         # inappropriate content"; a workflow's moderation step: "Detected inappropriate content in the transcript
         # chunk", https://github.com/TomFrankly/pipedream-notion-voice-notes/issues/9); every corpus text holding
         # "inappropriate content" is labelled content_policy_blocked
         "contains inappropriate content", "detected inappropriate content", "inappropriate content detected",
         "content exists risk", "contentsecuritydetection",
         # Chinese relays and clients: "sensitive words detected" (new-api's sensitive_words_detected), "content
         # blocked for compliance reasons" (qwen-free-api), "intercepted by the safety filter".
         "敏感词", "敏感内容", "合规问题", "安全过滤器",
         # iFlytek Spark's moderation of the input and of the answer (code 10013, "input content failed review,
         # suspected violation"; "output involves sensitive information, failed review": briqt/xunfei-spark4j#3, #7).
         # The content's review only: an account's or app's review ("real-name review failed") names no 内容
         ("内容", "审核不通过"), ("内容", "审核未通过"), "涉嫌违规",
         # MiniMax's moderation codes 1026/1027 ("input new_sensitive (1026)", "output new_sensitive (1027)", "...
         # image is sensitive ... (1026)"), whatever status or wrapper carries them: https://github.com/bytedance/
         # deer-flow/issues/1979, https://github.com/esengine/DeepSeek-Reasonix/issues/6818, agentscope-ai/QwenPaw#5533
         "new_sensitive",
         # Black Forest Labs' task statuses "Request Moderated" (the prompt) and "Content Moderated" (the image), as
         # clients print them ("BFL API did not return an image due to: Request Moderated.":
         # https://github.com/ai-dock/comfyui/issues/148)
         "request moderated", "content moderated",
         ("blocked", "reason: safety"), ("blocked due to", "safety"), ("blocked due to", "recitation"),
         ("blocked due to", "blocklist"), ("blocked due to", "spii"), "blocked by safety settings",
         ("prompt was blocked", "prompt_feedback"),
         # a client naming the prompt's block reason in words (avante.nvim: "Prompt blocked or filtered. Reason:
         # OTHER"): any of Gemini's BlockedReason values, OTHER included (a prompt block; a finish reason OTHER is none)
         *(("prompt blocked", f"reason {value}") for value in (*_BLOCK_VALUES, "other")),
         # Gemini's block enums, however a wrapper prints them: "block_reason: PROHIBITED_CONTENT",
         # "BlockedReason.SAFETY", "blockReason=SPII", Go's "BlockedReasonProhibitedContent", "FinishReason.SAFETY".
         *_SAFETY_FIELDS,
         # A model's refusal reported as an error (Anthropic stop_reason "refusal", and the words wrappers use).
         "refused this request", "stop_reason: refusal", ("request was blocked", "violate"),
         # ... as Copilot Chat logs a Messages API refusal ("[messagesAPI] Refusal received: category='frontier_llm'
         # for model claude-fable-5": https://github.com/microsoft/vscode/issues/253126)
         "refusal received",
         ("appears to violate", "policy"), ("seems to violate", "terms"),
         # Vertex's Imagen refusing what it generated ("The response is blocked, as it may violate our policies.":
         # https://github.com/epam/ai-dial-adapter-vertexai/issues/66)
         ("is blocked", "may violate our policies"),
         # LiteLLM proxy's guardrails: its prompt-injection check ("Rejected message. This is a prompt injection
         # attack.") and Azure Content Safety ("Violated content safety policy") (https://github.com/BerriAI/litellm,
         # proxy/hooks and proxy/guardrails)
         "this is a prompt injection attack", "violated content safety policy",
         # xAI's safety checks under a 403 "permission-denied" code (https://github.com/stanford-crfm/helm/pull/3770,
         # https://github.com/UKGovernmentBEIS/inspect_ai/pull/2267), FastChat's moderation text: the request's content.
         "content violates usage guidelines", "violates our content moderation guidelines",
         # A gateway's guardrail refused the prompt (LiteLLM over Bedrock Guardrails, whose stop value is
         # guardrail_intervened): https://github.com/BerriAI/litellm/pull/24347
         "violated guardrail policy", "guardrail_intervened", "guardrail intervened",
         # new-api's sensitive-word code and a relay's moderation sentence, as wrappers print them under a 500 or
         # a 403 (https://github.com/QuantumNous/new-api, types/error.go): the same text is refused again.
         "sensitive_words_detected", "contains text that is not allowed",
         # OpenAI's image and moderation refusals ("Your request was rejected by the safety system ...
         # safety_violations=[sexual]"), a documented content-policy 422 (Venice: "Your prompt violates the content
         # policy of Venice.ai or the model provider", https://docs.venice.ai/api-reference/error-codes), Cloudflare AI
         # Gateway's guardrail codes 2016/2017 ("Prompt blocked due to security configurations",
         # https://developers.cloudflare.com/ai-gateway/guardrails/set-up-guardrail/)
         ("rejected by", "safety system"), "safety_violations", "violates the content policy",
         "violates our content policy", "blocked due to security configurations",
         # a model's bare refusal sentence sent as the error body (Grok's plain-text 403 "I can't help with that
         # request."): no error text says this about a key or a server
         "i can t help with that", "i cannot help with that", "i can t assist with that", "i cannot assist with that",
         # ... or a client's report of the model's refusal, naming the model (Claude Code: "Sonnet 5 can't help with
         # this. Start a new session to continue. ... learn more: https://www.anthropic.com/legal/aup":
         # https://github.com/anthropics/claude-code/issues/91902)
         "can t help with this", "cannot help with this", "can t assist with this", "cannot assist with this",
         # an app naming the filter that blocked the answer or prompt in its own words (opencode: "The response was
         # blocked by the provider's content filter"; Bedrock's "blocked by our content filters"): not the benign
         # spaced "content filter" alone, which a setting or a doc link may name
         ("blocked by", "content filter"), ("blocked by", "content filters"),
         # a gateway's guardrail naming its verdict (WSO2 AI Gateway's 446 "Violation of <guardrail> detected.",
         # LiteLLM's "Bedrock guardrail failed: I cannot respond to requests containing ..." under a 500), and Copilot
         # Chat's filters on an answer ("the response was filtered by the Responsible AI Service", "the response matched
         # public code so it was blocked", Azure's protected-material filter): the same prompt meets the same filter
         ("guardrail", "violation"), ("guardrail", "cannot respond to requests"), "response was filtered",
         "matched public code",
         # ... in its Portuguese UI too ("A resposta correspondeu ao código público, por isso foi bloqueada.":
         # https://github.com/microsoft/vscode-copilot-release/issues/2585)
         "correspondeu ao código público",
         # ... and Copilot Chat's log of a request its filter refused ("ccreq:6d224459.copilotmd | promptFiltered |
         # gpt-4o-mini-2024-07-18 | 949ms": https://github.com/github/copilot-cli/issues/4312)
         "promptfiltered",
         # ... and the same verdict in other clients' words (GitHub's Copilot clients: "The model returned no content
         # because the response was blocked by content filtering.": https://github.com/github/copilot-cli/issues/3348;
         # pydantic-ai's "Response content filtered by model 'x'": https://github.com/pydantic/pydantic-ai/pull/3634)
         ("blocked by", "content filtering"), "content filtered by model",
         # the Gemini JS SDK's accessor on a prompt with no candidates ("Response was blocked due to OTHER": its
         # formatBlockErrorMessage prints promptFeedback.blockReason there, "Candidate was blocked due to" a finish
         # reason: https://github.com/google-gemini/generative-ai-js, src/requests/response-helpers.ts): a prompt block,
         # OTHER included, as avante's "Prompt blocked ... Reason: OTHER" above
         "response was blocked due to other",
         # a Chinese provider's filter on the request ("您的请求包含不安全内容" then "已被系统拦截": your request
         # contains unsafe content, intercepted by the system), the Chinese of "unsafe or sensitive content" above
         "包含不安全内容",
         # ModelScope's moderation of the input or the answer ("output content security inspection failed by
         # Modelscope.", code 555: https://github.com/agentscope-ai/QwenPaw/issues/3486, where ModelScope calls it its
         # safety filter; https://github.com/modelscope/evalscope/issues/1294), as DashScope's DataInspectionFailed
         "content security inspection failed"),
    # A Responses function_call item replayed without its namespace field: the request must round-trip it whole.
    _tag("missing_namespace", "missing namespace for function_call"),
    # A realtime session at its length cap (OpenAI Realtime: "Your session hit the maximum duration of 30 minutes.").
    _tag("session_cap", "session hit the maximum duration"),
    # The stop value Anthropic, GLM and Bedrock send when prompt plus output filled the window, quoted in an error
    # (a client's validation error that refused the value): a machine token, as exact as a code.
    _tag("window_full", "model_context_window_exceeded"),
    # Seed 000: Anthropic subscription quota exhaustion, sent as a 400.
    # Anthropic's 400 for a subscription's third-party client charged to extra usage there is none of ("Third-party
    # apps now draw from your extra usage, not your plan limits. Add more at claude.ai/settings/usage ..."), also when
    # a paste stops after its first sentence (https://github.com/anthropics/claude-code/issues/45028)
    _tag("extra_usage_exhausted", "out of extra usage", "claude.ai/settings/usage", "draw from your extra usage"),
    _tag("long_context_tier", ("extra usage", "long context")),
    _tag("thinking_signature",
         # Anthropic's refusal of an altered thinking block, without the backticks a client dropped
         # ("messages.1.content.19: 'thinking' blocks in the latest assistant message cannot be modified":
         # https://github.com/anthropics/claude-code/issues/63265)
         ("blocks in the latest assistant message", "cannot be modified"),
         # OpenRouter's Gemini reasoning left out of the history ("Gemini models require OpenRouter reasoning details to
         # be preserved in each request")
         "reasoning details to be preserved",
         # thinking blocks left in a history sent without thinking ("When thinking is disabled, an `assistant` message
         # in the final position cannot contain `thinking`"): strip them, as for a bad signature
         ("when thinking is disabled", "cannot contain"),
         ("signature", "thinking"), "thought_signature", ("thought", "signature"),
         "redacted_thinking",
         # Anthropic's check of a thinking block replayed without its text ("messages.1.content.0.thinking: each
         # thinking block must contain thinking": https://github.com/github/CopilotForXcode/issues/703)
         "each thinking block must contain thinking",
         # the first-block rule as Bedrock's Converse words it, without Anthropic's "or redacted_thinking" ("If an
         # assistant message contains any thinking blocks, the first block must be thinking. Found text":
         # https://github.com/strands-agents/sdk-python/issues/1698); all three corpus texts are thinking_signature
         ("contains any thinking blocks", "first block must be thinking"),
         # a relay's own error type for a thinking block it found malformed ({"type":"thinking_error","message":
         # "thinking 块格式无效..."}, claude-code-hub: https://github.com/SeemSeam/claude_codex_bridge/issues/84)
         "thinking_error",
         # Google's page on thought signatures, which its errors about them link ("Learn more: https://docs.cloud.
         # google.com/vertex-ai/generative-ai/docs/thought-signatures"), whatever a UI's markdown did to the words
         # before it ("is missing athought_signature": https://github.com/danny-avila/LibreChat/issues/11826)
         "generative ai docs thought signatures", "gemini api docs thought signatures"),
    # A validator listing every value it accepts (Anthropic's "Input tag 'fallback' found using 'type' does not match
    # any of the expected tags: ... 'redacted_thinking', ... 'thinking', ..."): the names in the list say nothing
    # about what failed, as a list of allowed stop values says nothing of a content block.
    _tag("value_list", "does not match any of the expected tags"),
    # Hugging Face's router when a model is mapped only for chat and the client asked for plain text generation ("Model
    # Qwen/Qwen3-4B is not supported for task text-generation and provider nebius. Supported task: conversational.",
    # "Task 'text-generation' not supported for provider. Available tasks: ['conversational']":
    # https://github.com/huggingface/hub-docs/issues/1766): the same model answers on the chat route; every corpus text
    # of it is labelled format_error, not the model's absence its "not supported" reads as
    _tag("task_unsupported", ("not supported for task", "supported task"),
         ("not supported for provider", "available tasks"),
         # OpenAI on a model without function calling ("tools is not supported in this model. For a list of supported
         # models, refer to ...function-calling...", under a 400 and through goose under a 404: both corpus texts are
         # labelled format_error, https://github.com/aaif-goose/goose/issues/6089): the request's tools, not the
         # model's name
         "tools is not supported in this model",
         # Bedrock's refusal of a request's cache points on a model or route that takes none ("You invoked an
         # unsupported model or your request did not allow prompt caching.", through Copilot, Cline, relays and
         # Positron: https://github.com/posit-dev/positron/issues/12142); the request's caching, not the model's name,
         # is what the same model refuses (five of the corpus's six texts format_error)
         "did not allow prompt caching"),
    # A feature of the request the model takes none of, which the request can drop (Gemini: "Developer instruction is
    # not enabled for models/gemma-3-27b-it", the system instruction): unlike "Multiturn chat is not enabled for models/
    # ...", the same model serves the request without it.
    _tag("instruction_refused", "developer instruction is not enabled"),
    # https://github.com/jikig-ai/soleur/issues/3250 (Anthropic 400 for a conversation ending in assistant)
    _tag("prefill_unsupported",
         # Anthropic refusing a history whose last assistant message ends in a thinking block ("messages.17: The final
         # block in an assistant message cannot be `thinking`.": a reasoning-only turn kept and replayed,
         # https://github.com/tailcallhq/forgecode/issues/2107): end the history on the user's turn, as for a prefill
         "final block in an assistant message cannot be",
         # llama.cpp's server when the template thinks and the history ends with an assistant turn ("Assistant response
         # prefill is incompatible with enable_thinking.": https://github.com/ggml-org/llama.cpp/issues/20861,
         # https://github.com/mastra-ai/mastra/issues/15234): the same repair, end the history with a user turn
         ("assistant response prefill", "incompatible with enable_thinking"),
         # Snowflake Cortex with tools ("Requests cannot contain `assistant` role in the final position when `tools` are
         # used")
         ("assistant", "role in the final position"),
         # vLLM's chat template with a final assistant turn ("Cannot set `add_generation_prompt` to True when the last
         # message is from the assistant. Consider using `continue_final_message` instead.")
         ("add_generation_prompt", "last message is from the assistant"), "does not support assistant message prefill",
         "conversation must end with a user message", "requests ending with a model turn are not supported",
         # Gemini's 400 for a single-turn request that ends on a model turn ("Please ensure that single turn requests
         # end with a user role or the role field is empty.": a prefill set in a JanitorAI proxy, https://github.com/
         # vu5eruz/GeminiForJanitors/issues/35): drop the trailing turn
         "single turn requests end with a user role",
         # Mistral, Perplexity: a history ending with an assistant turn, in their words.
         ("expected last role", "but got assistant"), "last message must have role `user`",
         # Anthropic refuses a prefill (a final assistant turn) that ends in whitespace.
         "final assistant content cannot end with trailing whitespace",
         # Anthropic with tools: "Your API request included an `assistant` message in the final position, which would
         # pre-fill the `assistant` response. When using tools, pre-filling the `assistant` response is not supported."
         ("assistant", "message in the final position"), "pre filling the assistant response is not supported"),
    # ... and Claude Code's words for it on a subscription login ("Usage credits required for 1M context · turn on usage
    # credits at claude.ai/settings/usage, or use --model to switch to standard context"; "Extra usage is required for
    # 1M context"): the standard window still serves the request
    _tag("long_context_beta",
         # an OAuth sign-in sending the 1M-context beta header, in the words of a 400 invalid_request_error ("This
         # authentication style is incompatible with the long context beta header.":
         # https://github.com/anthropics/claude-code/issues/9940)
         "incompatible with the long context beta",
         ("long context beta", "not yet available"), ("credits are required", "long context"),
         "required for 1m context"),
    _tag("llama_grammar", "error parsing grammar", "json-schema-to-grammar", "failed to parse grammar",
         ("unable to generate parser", "template")),
    # OpenAI's code and its texts for a replayed reasoning item it will not take: "The encrypted content gAAA... could
    # not be verified. Reason: Encrypted content could not be decrypted or parsed." (https://github.com/openai/codex/
    # issues/8128, https://github.com/Wei-Shaw/sub2api/issues/2863), and "reasoning `encrypted_content` was not issued
    # to this caller" (the item came from another key or account: https://github.com/anomalyco/opencode/issues/48773)
    _tag("encrypted_content", "invalid_encrypted_content", ("encrypted content", "could not be verified"),
         "encrypted content could not be decrypted", ("encrypted_content", "not issued to this caller")),
    _tag("multimodal_tool",
         # images in a tool result refused by an Anthropic-compatible server (LM Studio: "Only text tool_result blocks
         # are supported when tool_result.content is an array.":
         # https://github.com/zhukunpenglinyutong/jetbrains-cc-gui/issues/984)
         # or by a vision server that takes them from the user only ("Images are supported in user messages only: images
         # in 'tool' messages return a 400 error.":
         # https://github.com/MiaAI-Lab/DeepSeek-v4-Flash-DSpark-2x-DGX-Spark/issues/178)
         "only text tool_result blocks are supported", ("supported in user messages only", "tool"),
         # Vertex's refusal of a media type inside a function response ("the mime_type: video/text/timestamp is not
         # supported in `function_response.parts`")
         ("not supported in", "function_response parts"),
         # OpenAI's refusal of an image in a tool result ("Invalid 'messages[3]'. Image URLs are only allowed for
         # messages with role 'user', but this message with role 'tool' contains an image URL.")
         ("image urls are only allowed for messages with role", "tool"),
         "text is not set", "tool message content must be a string", "tool content must be a string",
         "tool message must be a string", "expected string, got list", "expected string, got array",
         "tool_call.content must be string",
         # a Rust gateway on async-openai's types (NVIDIA NIM) refusing a tool message whose content is a list of parts
         # ("Failed to deserialize the JSON body into the target type: data did not match any variant of untagged enum
         # ChatCompletionRequestToolMessageContent": https://github.com/NousResearch/hermes-agent/pull/111236)
         ("untagged enum", "chatcompletionrequesttoolmessagecontent")),
    _tag("image_too_large",
         # Claude Code's own words for an image the API refused ("Image was too large. Double press esc to go back and
         # try again with a smaller image.": https://github.com/anthropics/claude-code/issues/13749)
         "image was too large",
         # an image over a per-request pixel or byte cap in a provider's words (Bedrock Converse: "image exceed max
         # allowed size for many-image requests: 2000 pixels"; ModelScope: "input size exceed limit 2048x2048"; Ark's
         # InvalidParameter.OversizeImage: "the size of the input image (14 MB) exceeds the limit (10 MB)")
         "image exceed max allowed size", "input size exceed limit", "oversizeimage",
         # OpenRouter's 413 for an image URL it fetched ("Downloaded image content cannot exceed 30MB":
         # https://github.com/artokun/comfyui-mcp/issues/2221)
         "image content cannot exceed",
         ("size of the input image", "exceeds the limit"),
         # DashScope's Qwen-VL ("Multimodal file size is too large")
         "multimodal file size is too large",
         # MiniMax's Anthropic-compatible 2013 for an image over its cap ("media exceeds size limit: max 10485760 bytes
         # (2013)")
         "media exceeds size limit",
         # vLLM's multimodal encoder cache ("image item with length 4200, which exceeds the pre-allocated encoder cache
         # size 3721. Please reduce the input size")
         "exceeds the pre-allocated encoder cache",
         # Claude Code's many-image cap ("An image in the conversation exceeds the dimension limit for many-image
         # requests (2000px)")
         "exceeds the dimension limit",
         # Vertex's cap on a file's bytes by its image type ("The file size of `gs://...png` is 47688287, which exceeds
         # max allowed file size of 31457280 for `image/png` files"): shrink the image, as for "image exceeds 5 MB"
         ("exceeds max allowed file size", "for image"),
         # Claude Code's check before sending ("Image base64 size (5.7MB) exceeds API limit (5MB). Please resize the
         # image before sending.": https://github.com/anthropics/claude-code/issues/29269)
         "image base64 size",
         "image exceeds", "image too large", "image_too_large", "image size exceeds",
         "image dimensions exceed",
         # Azure AI Document Intelligence's inner code for a page image outside its pixel range
         # ("InvalidContentDimensions": "The input image dimensions are out of range": https://github.com/icereed/paperless-gpt/issues/313)
         "invalidcontentdimensions", "image dimensions are out of range"),
    # Seed 002: this key cannot use this model (plan, entitlement or support).
    _tag("model_support",
         # a model the caller's plan tier may not use (Pollinations' 402: "Model not found or tier not high enough. Your
         # tier: anonymous, required tier: seed."): another key, or another model, may serve it
         "tier not high enough",
         # ... NovelAI's 409 for a model outside the account's tier, as TavernAI shows it ("Error 409 Not eligible for
         # this model": https://github.com/TavernAI/TavernAI-v1/issues/210); and UiPath's LLM gateway under a 417 for a
         # model it routes nowhere in the tenant's region ("No llm routing rule found for product agenthubb in SI using
         # model gpt-5-2025-08-07 - check data residency configuration.": https://github.com/UiPath/
         # uipath-langchain-python/issues/243)
         "not eligible for this model", "no llm routing rule found",
         # a voice (a speech server's model of speech) it does not have, as Kokoro-FastAPI lists the ones it does
         # ("Voice 'ballad' not found. Available voices: af_alloy, ...": https://github.com/p0n1/epub_to_audiobook/
         # issues/147), as ElevenLabs' voice_not_found is read
         "not found available voices",
         # token counting not served for this model or platform (the Anthropic SDK's "Token counting is not supported
         # in Bedrock yet": https://github.com/anthropics/anthropic-sdk-python/issues/1103; Vertex's partner models:
         # "claude-sonnet-4-6@default is not supported for token counting": https://github.com/BerriAI/litellm/issues/
         # 25798): another model or route counts, the request's fields are not at fault
         "token counting is not supported", "is not supported for token counting",
         # DeepSeek's 400 for a retired model id ("The supported API model names are deepseek-v4-pro or
         # deepseek-v4-flash, but you passed deepseek-chat.": https://github.com/raycast/extensions/issues/29730),
         # whatever a client says around it
         "supported api model names are",
         # a model the fine-tuning service cannot tune for this resource (Azure OpenAI: "The specified base model does
         # not support fine-tuning.": https://github.com/MicrosoftDocs/azure-docs/issues/116776)
         "base model does not support fine tuning",
         # a server given a chat model where it wants a completion model (TabbyML: "Model 'Qwen2.5-Coder-7B-Instruct' is
         # not a completion model; it does not have a prompt template": https://github.com/TabbyML/tabby/pull/4267)
         "is not a completion model",
         # OpenAI's legacy completions endpoint given a chat model ("This is a chat model and not supported in the
         # v1/completions endpoint. Did you mean to use v1/chat/completions?"; all nine corpus texts model_not_found)
         "this is a chat model and not supported",
         # ... and the other way round: Xinference given a base (generate-only) model for chat ("Model model_format=
         # 'ggufv2' ... model_id='QuantFactory/Meta-Llama-3-8B-GGUF' ... is not for chat.", under its 500:
         # https://github.com/infiniflow/ragflow/issues/634)
         "is not for chat",
         # a managed credential not entitled to the model (Dify Cloud's message quota: "No permission to use this
         # model": https://github.com/langgenius/dify/issues/30493)
         "no permission to use this model",
         # MiniMax's 2061 for a model its Token Plan key does not include ("your current token plan not support model,
         # MiniMax-M2.7-highspeed (2061)" under a 500: https://github.com/liliMozi/openhanako/issues/452)
         "plan not support model",
         # a model served on another route of the same service only (Databricks: "Model databricks-gpt-5-1-codex-max
         # only supports the Responses API": https://github.com/anomalyco/opencode/pull/7984), as OpenAI's "only
         # supported in v1/responses" is labelled: this endpoint does not serve it
         "only supports the responses api",
         # a gateway with no route for the model asked ("Your gateway couldn't serve anthropic/claude-3-haiku. This
         # model may not be configured on your gateway, or access may be restricted.": https://github.com/maximhq/
         # bifrost/issues/4540)
         ("couldn t serve", "may not be configured on your gateway"),
         # iFlytek Spark's 11200 on a model's domain: this app id has no grant for that model version
         # ("AppIdNoAuthError:(17:17:15.673) domain.generalv3": https://github.com/zhayujie/CowAgent/issues/1740); on
         # its token allowance the same code is billing
         ("appidnoautherror", "domain"),
         # Hugging Face's serverless API for a repository no pipeline serves ("Pipeline cannot infer suitable model
         # classes from TheBloke/Llama-2-13B-chat-GGUF": https://github.com/BerriAI/litellm/issues/333); Replicate's
         # model version switched off ("Sorry, this version is currently disabled due to failing setupruns.":
         # https://github.com/run-llama/llama_index/issues/10286)
         "pipeline cannot infer suitable model classes", "version is currently disabled",
         # LocalAI's per-model switch for an API route ("endpoint disabled for this model by API configuration":
         # https://github.com/dirk-weimar/let-me-confluence-that-for-you/issues/3)
         "endpoint disabled for this model",
         # Mistral's 403 for a model outside the plan (type tier_not_allowed: "This model is not available in your
         # subscription tier": https://github.com/jordymeow/ai-engine/issues/11)
         "not available in your subscription tier",
         # a model the plan or key is not entitled to ("model default does not work with your current plan or API
         # key": Cursor, https://dredyson.com/the-hidden-truth-about-api-model-errors-a-ctos-definitive-guide-to-
         # strategic-technical-decisions)
         "does not work with your current plan",
         # a model that needs a newer client or server ("This model requires Kilo v7 or newer. Please upgrade Kilo";
         # Ollama: "'llama3.2-vision' is no longer compatible with your version of Ollama")
         ("this model requires", "or newer"), "no longer compatible with your version",
         # a model the key or plan may not use (OpenAI: "You are not allowed to sample from this model"; Claude Code:
         # "Claude Opus is not available with the Claude Pro plan"), watsonx's model without the called function
         # ("model_no_support_for_function")
         "not allowed to sample from", ("is not available with the", "plan"), "model_no_support_for_function",
         # a relay's or a corporate gateway's token kept from the model (one-api: "This token is not authorized to use
         # the model: gpt-4.1-2025-04-14": https://github.com/promptfoo/promptfoo/issues/7880; "NLP API Token is not
         # authorised to use model 'gpt-3.5-turbo'.": https://github.com/truera/trulens/issues/911)
         ("is not authorized to use", "model"), ("is not authorised to use", "model"),
         # a model an organisation's admin has turned off (Groq: "is blocked at the organization level. Please have the
         # org admin enable this model"), one an account may not use (Warp: "the requested planning model ... is not
         # allowed for your account")
         "blocked at the organization level", ("model", "is not allowed for your account"),
         # a Vertex or Gemini API surface that does not serve the model ("claude-sonnet-4-6 is not supported in the
         # generateContent API", "... in the streamGenerateContent API"), Copilot's "model claude-sonnet-4.6 does not
         # support Responses API" (code unsupported_api_for_model)
         ("is not supported in the", "generatecontent api"), ("is not supported in the", "streamgeneratecontent api"),
         # ... and Gemini's Live (bidi) endpoint closing its socket for a model it does not serve ("received 1007
         # (invalid frame payload data) gemini-2.0-flash-001 is not supported in the live api.":
         # https://github.com/google/adk-python/issues/252)
         ("is not supported in the", "live api"),
         "does not support responses api",
         "unsupported_api_for_model",
         # a model withdrawn for the caller (Cerebras: "Model zai-glm-4.7 is archived and unavailable for the
         # organization"; xAI: "has been fully deprecated and is no longer available"), one an organisation's policy
         # turned off (Copilot CLI: "is not available. It may be disabled by your organization's policy")
         "archived and unavailable", "fully deprecated and is no longer available",
         ("is not available", "disabled by your organization"),
         # a gateway's route that does not serve the model (Neon: "model is not available on this endpoint"; xAI: "is
         # an image model and is therefore not available on this endpoint")
         ("model", "not available on this endpoint"),
         # a model served only on another API surface (Bedrock Mantle: "The model 'openai.gpt-5.6-terra' does not
         # support the '/v1/chat/completions' API"; Vertex: "The deployed model does not support ChatCompletions"),
         # Copilot's "Requested model not available for session"
         ("does not support the", "chat completions api"), "does not support chatcompletions",
         "requested model not available",
         # a relay's "Invalid param: not support for model [gpt-4.1-2025-04-14]", Xinference's "Model jina-reranker-v2
         # cannot be run on engine", Snowflake Cortex's "The model you requested is unavailable in your region" (enable
         # cross-region inference, or another model)
         "not support for model", "cannot be run on engine", "model you requested is unavailable in your region",
         # a workspace's key without the model ("Model access denied.": Bailian via Dify), a framework's provider list
         # ("Provider anthropic is not supported (supported providers: letta, openai, ...)")
         "model access denied", ("is not supported", "supported providers"),
         # a model an API does not serve ("The requested model 'gpt-5-mini' cannot be used with the Assistants API")
         ("requested model", "cannot be used with the"),
         # a model without the endpoint asked ("The provided model doesn't support counting tokens.": Bedrock)
         "provided model doesn't support",
         # a model the deployment or plan does not serve: Vertex's region ("Publisher Model ... is not servable in
         # region us-central1"), Claude Code on Vertex ("The model claude-opus-4-7 is not available on your vertex
         # deployment"), Copilot's plan ("no endpoints available for this model under your current plan"), Codex's
         # client version ("The 'gpt-5.6-sol' model requires a newer version of Codex", and as a client quotes it cut
         # short: "The 'gpt-5.6-sol' model requires a newer version ...", https://github.com/JuReyms/Palabre/issues/40),
         # Ollama's registry on a pull its server is too old for ("pull model manifest: 412: The model you are
         # attempting to pull requires a newer version of Ollama": https://github.com/dusty-nv/jetson-containers/issues/1562)
         "is not servable in region", ("is not available on your", "deployment"),
         "no endpoints available for this model", "model requires a newer version",
         ("model you are attempting to pull", "requires a newer version"),
         # an audio-only model sent a text-only request ("400 This model requires that either input content or output
         # modality contain audio.": gpt-4o-audio-preview, https://github.com/danny-avila/LibreChat/issues/5405): a
         # text model serves it, as both corpus texts are labelled
         "model requires that either input content or output modality contain audio",
         # a model the account is not entitled to: YandexART ("Access to model art://yandex-art/latest denied"), Azure
         # ML ("This subscription or region doesn't have access to this model")
         ("access to model", "denied"), "doesn't have access to this model",
         # Voyage's "Model nonexistent is not supported. Supported models are [...]"
         ("is not supported", "supported models are"),
         # documented texts of hosted providers (tests/corpus/sweep_hosted_a.jsonl, _b): Together's "Invalid Endpoint
         # URL or model name", Fireworks' LoRA model that "failed to load", Yandex's "Failed to parse model URI"
         "invalid endpoint url or model name", ("lora model", "failed to load"), "failed to parse model uri",
         # iFlow CLI ("心流不支持当前模型 ... 请更换模型后重试": the current model is not supported, switch model)
         "不支持当前模型",
         # OpenAI's models for another endpoint ("This model is only supported in v1/responses and not in
         # v1/chat/completions.", "This is not a chat model and thus not supported in the v1/chat/completions
         # endpoint"), Fireworks' completion-only model ("model is missing conversation_config, please use
         # /completions API instead"): this endpoint does not serve the model
         "only supported in v1 responses", "this is not a chat model", "missing conversation_config",
         # Together's models without a serverless endpoint ("Unable to access non-serverless model ...", "The dedicated
         # endpoint for <model> is not running"), Qianfan's "No permission to use the model", new-api's channel
         # lookups in Chinese ("的可用渠道失败", "的可用渠道不存在") and its model without a price ("倍率或价格未配置",
         # "ratio or price not set"): the codes that say so are lost when a client prints only the message
         "non serverless model", ("dedicated endpoint for", "is not running"), "no permission to use the model",
         "的可用渠道失败", "的可用渠道不存在", "倍率或价格未配置", "ratio or price not set",
         # a gateway's or harness's own model list ("Model 'deepseek/deepseek-v4-pro' is not available. Use GET
         # /openai/v1/models to list available models."; Agenta's "model 'x' is not available on this run (... Allowed
         # values: ...)"), a Hugging Face endpoint its owner paused ("The endpoint is paused, ask a maintainer to
         # restart it"): this model is not served here, another is
         ("is not available", "list available models"), ("model", "is not available on this", "allowed values"),
         "the endpoint is paused",
         # an account balancer with no pooled plan serving the model (codex-lb: "No accounts with a plan supporting
         # model 'gpt-5.4'"), Ollama Cloud's permission_error for a cloud model outside the plan ("this model requires a
         # subscription, upgrade for access")
         "with a plan supporting model", ("this model", "requires a subscription"),
         # Zhipu's 1311 in Chinese: the subscription plan does not include the model yet ("订阅套餐暂未开放GLM-5权限")
         ("套餐暂未开放", "权限"),
         # Jan for a model the provider key does not allow ("This model needs to be enabled in your provider's key
         # settings"), Chatbox for a model its licence leaves out ("To use this model, please upgrade to Chatbox AI
         # Pro")
         "needs to be enabled in your provider", ("to use this model", "please upgrade"),
         # LobeChat's NoAvailableChannel ("the proxy or router has no available channel for the requested model"),
         # Dify's hosted trial ("Dify Hosted OpenAI trial currently not support the GPT-4 model"), LibreChat's illegal
         # model request ("The model \"gpt-4-32k\" is not available for OpenAI"), Bedrock's AccessDeniedException for a
         # model whose Marketplace subscription is pending ("Your account is not authorized to access this model")
         "no available channel for the requested model", ("currently not support", "model"),
         ("the model", "is not available for"), "not authorized to access this model",
         # a provider's refusal in a client's words (Roo Code: "Your API key may not have access to the requested model
         # or feature"; "Make sure the selected model is included in your plan"), Zhipu's 1220 ("您无权访问glm-4-plus":
         # no access to the model)
         "not have access to the requested model", "selected model is included in your plan", "您无权访问",
         # a router none of whose enabled providers serves the model (Hugging Face: "The requested model 'x' is not
         # supported by any provider you have enabled"), an endpoint that does not serve it (Cohere: "generate API is
         # not supported for model 'command-a-03-2025'. Please use the chat API instead")
         ("model", "is not supported by any provider"), "api is not supported for model",
         "model not supported", "model is not supported", "not a supported model", "does not support model",
         # a client version the subscription endpoint refuses the model to ("Claude Code 2.1.220 does not support this
         # model; version 2.1.251 or newer is required", through CLIProxyAPI), a relay none of whose accounts is
         # entitled to it ("500 No available Claude accounts support the requested model: claude-opus-4-6")
         "does not support this model", "support the requested model",
         # CLIProxyAPI's answer when none of its configured providers serves the name (a 502 typed server_error:
         # "unknown provider for model gemini-3.1-pro-preview": https://github.com/kaitranntt/ccs/issues/598)
         "unknown provider for model", "no provider for model",
         # a server whose model cannot do what was asked (vLLM: "This model does not support generation"; SGLang's
         # embeddings route: "This model does not appear to be an embedding model by default"), a gateway that serves
         # no provider for it (Helicone: "No available providers for the requested models"), a route pinned to one
         # model (Kong's ai-proxy: "cannot use own model - must be: gpt-4o-mini"), a model a gateway integration leaves
         # out (Portkey: "Model gpt-4.1 is not allowed for this integration")
         "model does not support generation", "does not appear to be an embedding model",
         "no available providers for the requested",
         "cannot use own model", "is not allowed for this integration",
         # Google's check of the model's name ("GenerateContentRequest.model: unexpected model name format")
         "unexpected model name format",
         "does not support the model", "doesn t support the model", "doesn t support model",
         "not available on your plan", "not available for your plan",
         "not available on the free tier", "does not exist or you do not have access",
         # "do not", "does not", "may not", "might not" have access: the key's access to the model, however hedged (an
         # add-on's "your API key may not have access to this model" over OpenRouter's 403)
         "does not exist or your team", "not have access to the model", "not have access to model",
         "don't have access to the model", "model_not_supported", "unsupported model",
         "not supported with this account type", "model access is denied",
         "does not work with the specified model", ("model", "is not supported by the"),
         "don't have access to this model", "not have access to this model", "no access to this model",
         "not allowed to access model", "not allowed to access this model", "access to model denied",
         # new-api's refusal when the relay key's model allow-list leaves the model out ("This token has no access to
         # model glm-5.2", under a 403: https://github.com/QuantumNous/new-api/issues/5675): another model serves
         "no access to model",
         "is not allowed to use publisher model", "plan does not yet include access", "无可用渠道",
         # new-api: "this token may not access model X" / "... any model" (another key may be entitled)
         "无权访问模型", "无权使用模型", "无权访问任何模型",
         # new-api / one-api relays in English: no upstream channel of this group serves the model.
         "no available channel for model", "no available channels for model",
         # ... and sub2api's, none of whose accounts serves the model ("No available accounts: no available accounts
         # supporting model: claude-sonnet-4-5-20250929", under a 503: https://github.com/Wei-Shaw/sub2api/issues/96),
         # not its bare "no available accounts" (a pool that is busy or cooling)
         "no available accounts supporting model",
         # ... and in a Russian-speaking relay's translation ("Нет доступных каналов для модели default в текущей группе
         # gpt-4": https://github.com/neurogen-dev/NeuroAPI/issues/85)
         "доступных каналов для модели",
         "not supported model", ("requested model", "is not available on"),
         # OpenAI gates some models on a verified organization: another key (organization) may be entitled.
         "must be verified to stream this model", "must be verified to use the model",
         "must be verified to use this model",
         # a gateway with no configured key for the model (Bifrost: "no keys found that support model: ..."), a Coze
         # bot (its model) not published to the platform the token belongs to
         "no keys found that support model", "not currently published to the corresponding platform",
         ("is not accessible via the", "endpoint"),
         ("on-demand throughput", "supported"), ("on-demand throughput", "support"),
         # Gemini: the model itself, or a chat with it, is what is not enabled ("Multiturn chat is not enabled for
         # models/gemini-1.0-pro-vision", "The specified model is not enabled for this mode"); a feature of the request
         # not enabled for the model ("Penalty is not enabled for this model", "Image input is not enabled for this
         # model") is the request's (request_defect)
         "chat is not enabled for models", "chat is not enabled for this model", "model is not enabled for",
         # Ollama's capability check: an embedding-only model asked to chat or generate, or the reverse
         # (https://github.com/ollama/ollama/issues/7909, /2778, /9739); another model serves the request.
         "does not support generate", "does not support chat", "do not support chat",
         "model does not support embeddings",
         # a model reserved to a plan tier (Hugging Face's "Model requires a Pro subscription", Venice's 401 "This model
         # is only available to Pro users": https://docs.venice.ai/api-reference/error-codes), or not entitled on
         # this account (Bedrock's "<model> is not available for this account. You can explore other available
         # models"): other models answer the same key
         ("model", "requires a pro subscription"), ("model", "only available to pro users"),
         ("is not available for this account", "model"), ("is not available for this account", "models"),
         # a client's check of the configured model (Claude Code: "There's an issue with the selected model (...). It
         # may not exist or you may not have access to it."), a local server's model without vision (LM Studio)
         "issue with the selected model", ("model", "may not exist or you may not have access"),
         # OpenRouter when no provider of the model is left that takes the request's parameters ("No endpoints found
         # that can handle the requested parameters.", without its 404 in a client's stream error:
         # https://github.com/openstory-so/openstory/issues/1302): three of the four corpus texts are model_not_found
         "no endpoints found that can handle the requested parameters",
         # OpenAI's Responses API when the key's organisation has no access to the computer-use model ("Hosted tool
         # 'computer_use_preview' is not supported.", "... is not supported with -.": https://github.com/openai/
         # openai-agents-python/issues/132, https://github.com/Azure-Samples/computer-use/issues/8); not another hosted
         # tool a named model does not take (web_search_preview with gpt-4.1, a request defect)
         "hosted tool computer_use_preview is not supported",
         # Gemini CLI for a model the account's tier or admin does not open ("It seems like you don't have access to
         # gemini-3.1-pro-preview. Your admin might have disabled the access.": https://github.com/google-gemini/
         # gemini-cli/issues/19843, /13793): another model serves the same login
         "seems like you don t have access to",
         # Claude Code naming the one model a plan's login cannot use without paid credits ("Fable 5 requires usage
         # credits", "Switched to Sonnet 5 for this session · Fable 5 requires usage credits":
         # https://github.com/anthropics/claude-code/issues/81307, /79576): other models serve the same login; not the
         # bare "Usage credits are required for this model" (billing in both corpus texts)
         "requires usage credits",
         # Laravel's validation of the request's model field against the models the API serves ("The selected model is
         # invalid.", rule validation_rule_in: Infomaniak's v1 API, https://github.com/owndev/Open-WebUI-Functions/
         # issues/127)
         "the selected model is invalid",
         ("model does not support images", "use a model"),
         # transformers (vLLM, TGI) refuse chat on a tokenizer without a chat template: not this model, here.
         "default chat template is no longer allowed", "must provide a chat template if the tokenizer",
         # a provider that switched the model off (SiliconFlow's 403 "Model disabled."), and a model not served on this
         # API (Volcengine Ark: "the requested model doubao-seed-translation does not support this api"): another
         # model serves the request, the key is fine
         "model disabled", "model is disabled", "model has been disabled", ("model", "does not support this api"),
         # LocalAI's gRPC backend that does not implement the call ("rpc error: code = Unknown desc = unimplemented": a
         # model bound to an embeddings backend asked to chat): another model serves it
         ("rpc error", "desc unimplemented"), ("rpc error", "code unimplemented")),
    _tag("model_missing",
         # AiHubMix, a one-api relay, with no adaptor or channel to serve the model on the route called
         # ("get_adaptor_failed (tid: ...)": https://github.com/CherryHQ/cherry-studio/issues/7400;
         # "no_valid_channel_error (tid: ...)") or
         # refusing its id ("Incorrect model ID. Please request to view the model page or you do not have permission to
         # use this model"): every corpus text of them model_not_found
         "get_adaptor_failed", "no_valid_channel_error", "incorrect model id please",
         # Bedrock's check of the modelId field: an id that is no invocable model ("Value 'anthropic.claude-3-haiku-
         # 20240307-v1:0:200k' at 'modelId' failed to satisfy constraint: Member must satisfy regular expression
         # pattern": a context variant's id, https://github.com/n8n-io/n8n/issues/9084); all three corpus texts of it
         # model_not_found
         "at modelid failed to satisfy constraint",
         # OpenAI's moderation endpoint given a retired moderation model ("please request omni-moderation-latest",
         # param "model": https://github.com/langgenius/dify/issues/28117; both corpus texts model_not_found)
         "please request omni moderation",
         # tiktoken given a model name it has no encoding for ("Could not automatically map gpt-4o-mini to a tokeniser.
         # Please use `tiktoken.get_encoding` ...", a KeyError: https://github.com/HKUDS/LightRAG/issues/11): the
         # client's table of models lacks this one (all three corpus texts model_not_found)
         ("could not automatically map", "to a tokeniser"),
         # Hugging Face's client when no inference server is known for the model ("Failed to resolve model_id:Could not
         # find model id for inference server": https://github.com/langflow-ai/langflow/issues/2065)
         "could not find model id",
         # Bedrock's ResourceNotFoundException in its own words, without the class ("Failed to retrieve resource because
         # it doesn't exist. Retry the request with a different resource identifier": an agent id Bedrock does not
         # know, https://github.com/acwwat/amazon-bedrock-agent-test-ui/issues/1)
         ("because it doesn t exist", "different resource identifier"),
         # the OpenAI API's word for a model before "model" ("Engine not found", openai 0.x's InvalidRequestError for an
         # engine the key cannot use: https://github.com/stanfordnlp/dspy/issues/20)
         "engine not found",
         # a pre-flight model check refusing the model id as configured (py-zerox over LiteLLM: "Your provided model
         # can't be accessed. Please make sure you have access to the model ...")
         "model can t be accessed", "model cannot be accessed",
         # Ollama's early answer for a model never pulled: the manifest it looked for is not on disk ("stat
         # .../.ollama/models/manifests/registry.ollama.ai/library/llama2/13b: no such file or directory":
         # https://github.com/ollama/ollama/issues/460)
         ("models manifests", "no such file or directory"),
         # a retired model version (Bedrock: "This model version has reached the end of its life":
         # https://github.com/gsd-build/gsd-2/issues/5425)
         "reached the end of its life",

         # ngrok's AI gateway when no model it routes to matches the request ("No matching models found":
         # https://ngrok.com/docs/ai-gateway/reference/error-codes, ERR_NGROK_3804)
         "no matching models",
         # a gateway key scoped to other models (GateFlow's 403 "Model 'gpt-4o' not allowed for this API key", code
         # model_not_allowed): the key serves other models
         ("model", "not allowed for this api key"),
         # a model its service retired (a gateway's 410: "Model "mimo/mimo-v2-pro" was retired on 2026-06-30. Use
         # "mimo/mimo-v2.5-pro" instead.")
         ("model", "was retired"),
         # a server that does not know the model it was asked for (Xinference: "[address=...] Unrecognized model")
         "unrecognized model",
         # a model a free catalogue no longer serves (OpenCode Zen through OmniRoute: 400 "Model is unavailable.")
         " model is unavailable ",
         # SageMaker's InvokeEndpoint on an endpoint the account does not have ("Endpoint huggingface-... of account ...
         # not found")
         ("invokeendpoint operation", "of account", "not found"),
         # LibreChat's refusal of a model its configuration does not list ("Illegal model request")
         "illegal model request",
         # a gateway's list of what it serves named beside the refusal ("Model 'gpt-4' is not available. Use /v1/models
         # to see available models.")
         ("is not available", "see available models"),
         # a relay key without the model (AiHubMix's 403: "key(...) not authorized to access the requested model")
         "not authorized to access the requested model",
         # LiteLLM proxy's unknown model group ("There is no 'model_name' with this string"); a server with no model
         # loaded ("please load a model and then try again")
         "no model_name with this string", "please load a model",
         # a relay key scoped to other models ("Model 'gpt-5.5' is not allowed for this provider. Allowed models:
         # gpt-image-2")
         ("model", "is not allowed for this provider"),
         # SGLang asked for an adapter it has not loaded ("The following requested LoRA adapters are not loaded")
         ("lora adapters", "not loaded"),
         # Azure AI Inference's code unavailable_model ("Unavailable model: text-embedding-3-large")
         "unavailable model",
         # Volcengine Ark's endpoint id that names no deployment ("The request targeted an endpoint that does not exist
         # or is invalid": InvalidEndpoint.NotFound), ModelScope's ("Model id : Qwen/... , has no provider supported")
         "endpoint that does not exist", "has no provider supported",
         # Envoy AI Gateway ("No matching route found. It is likely because the model specified in your request is not
         # configured in the Gateway.")
         "model specified in your request is not configured",
         # a router with no provider for the name ("provider not found: provider '' not found in registry")
         "not found in registry",
         # YandexGPT's gRPC INVALID_ARGUMENT ("invalid model_uri"), a model whose architecture the server's
         # transformers do not know ("The model_type 'mistral' is not recognized")
         "invalid model_uri", ("model_type", "is not recognized"),
         # the Vercel AI SDK's provider registry ("No such languageModel: gpt-4.5-preview"), llama_index's retired model
         # ("OpenAI model text-davinci-003 has been discontinued")
         "no such languagemodel", ("model", "has been discontinued"),
         # NAVER CLOVA Studio's "Model fade out" (its support ended), Zhipu's "API ... 已下线" (taken offline: the
         # model or API is retired: https://docs.bigmodel.cn/cn/api/api-code)
         "model fade out", "已下线",
         # Azure's deployment of a retired model version ("ServiceModelDeprecated: The model 'Publisher: , Format:
         # OpenAI, Name: gpt-35-turbo, Version: 0613, ...' has been deprecated since 02/13/2025": azd and Terraform
         # under a 400, https://github.com/Azure-Samples/aks-store-demo/issues/203)
         "servicemodeldeprecated",
         # Hugging Face's retired serverless host ("https://api-inference.huggingface.co is no longer supported.
         # Please use https://router.huggingface.co instead.", under a 410 or none: https://github.com/promptfoo/
         # promptfoo/pull/6624)
         ("is no longer supported", "router huggingface co"),
         "model not found", "model_not_found", "no such model", "unknown model", "invalid model",
         "is not a valid model", "has been decommissioned", "no endpoints found that support",
         "no endpoints found for", "deploymentnotfound", "deployment_not_found", ("deployment", "does not exist"),
         "model identifier is invalid", "invalid model identifier",
         # LiteLLM's router with no deployment left for the model, its sentence run into the next one when no fallback
         # group exists ("There are no healthy deployments for this modelNo fallback model group found for original
         # model_group=MiniMax/MiniMax-M2.1": https://github.com/continuedev/continue/issues/10907)
         "no healthy deployments for this",
         "llm provider not provided", "backend not found",
         # LiteLLM's router for a model name it cannot map to a provider ("Unmapped LLM provider for this endpoint. You
         # passed model=...": https://github.com/BerriAI/litellm/issues/12097); FastChat's INVALID_MODEL (40301) for a
         # model its workers do not serve ("Only chatglm-api allowed now, your model chatglm2-6b", the list empty when
         # none is: https://github.com/chatchat-space/Langchain-Chatchat/issues/3728,
         # https://github.com/feiyun0112/Local-LLM-Server/issues/1)
         "unmapped llm provider", "allowed now your model",
         # OpenAI's legacy engines on a model of another family ("You requested a model that is not compatible with this
         # engine": https://github.com/zurawiki/gptcommit/issues/46)
         "model that is not compatible with this engine",
         # LM Studio's server asked for a model it has not loaded ("Model with key 'gpt-4-turbo-preview' not loaded.",
         # under its 500: https://github.com/Pythagora-io/gpt-pilot/issues/769)
         ("model with key", "not loaded"),
         ("model", "does not exist"), ("model", "not found"), ("models", "not found"), "model not exist",
         # Dify's LLM node in its own grammar ("Model deepseek-v3.1 not exist.", "model not exists", "model is not
         # exists": https://github.com/langgenius/dify/issues/28638, /35565)
         ("model", "not exist"), ("model", "not exists"),
         # claude-code-router when its routing resolves no model ("All target providers failed. [model_resolution|400]
         # Unknown final model")
         "unknown final model",
         # Ollama's runner on a model file its version cannot load ("this model may be incompatible with your version
         # of Ollama. If you previously pulled this model, try updating it")
         "model may be incompatible with your version",
         ("model", "is no longer available"), ("model", "has been retired"), ("model", "reached its end of life"),
         "model name is invalid", "invalid model name", ("model", "is currently not in use"),
         # LiteLLM's router with no deployment for the name ("No healthy deployment available, passed model=..."),
         # Replicate's 422 title for a model version that does not exist or is not this account's ("Invalid version
         # or not permitted": https://github.com/replicate/replicate-javascript/issues/307)
         "no healthy deployment available", "invalid version or not permitted",
         # a local server with no model (or engine) loaded to serve the name: Jan's and cortex.cpp's "Engine is not
         # loaded yet", "Model has not been loaded, please load model into cortex.llamacpp"
         "engine is not loaded", "model has not been loaded", "model is not loaded", "model not loaded",
         # SAP's generative AI hub SDK with no running deployment for the model ("No deployment found with:
         # deployment.model_name == gpt-4o.": https://github.com/SAP-docs/sap-artificial-intelligence/issues/55),
         # ModelsLab's 404 ("No deployment found for this endpoint.": https://docs.modelslab.com/gguf-cloud/errors)
         "no deployment found",
         # ... or not running behind the client (VS Code AI Toolkit's Foundry Local: "Model is not connected.")
         "model is not connected",
         # Chinese clients and relays: "model does not exist", "model not found"
         "模型不存在", "模型未找到"),
    _tag("mentions_model", "model", "models"),
    # vLLM refusing to start an engine whose KV cache cannot hold one sequence of the model's length ("The model's max
    # seq len (4096) is larger than the maximum number of tokens that can be stored in KV cache (3664). Try increasing
    # gpu_memory_utilization or decreasing max_model_len when initializing the engine.": https://github.com/
    # vllm-project/vllm/issues/10517): no request was too long; this host cannot serve the model as configured
    # (``window_over_kv_cache``)
    _tag("kv_cache_too_small", "can be stored in kv cache"),
    _tag("context_overflow",
         # xAI's gRPC code for a prompt over the model's budget ("Failed to start sampling: [input_too_large] Current
         # message (1149677 tokens) exceeds budget (975424 tokens)": https://github.com/UKGovernmentBEIS/inspect_ai/
         # pull/5208)
         "input_too_large",
         # ExLlama's dynamic generator when prompt and output budget need more cache pages than the server allocated
         # ("Job requires 33 pages (only 32 available) and cannot be enqueued. Total cache allocated is 32 * 256 = 8192
         # tokens": https://github.com/theroyallab/tabbyAPI/issues/119); Augment's backend ("invalidArgument: Prompt
         # length exceeded": https://github.com/augmentcode/auggie/issues/73)
         ("cannot be enqueued", "total cache allocated"), "prompt length exceeded",
         # Copilot's chat socket refusing a prompt over its length ("errorCode": "text-too-long":
         # https://github.com/sums001/Windows-Copilot-API/issues/4, https://github.com/xtekky/gpt4free/issues/2433)
         "text too long",
         # a context-compressing proxy's preflight ("Error: context ~19344 tokens exceeds the model window 18320":
         # https://github.com/ranxianglei/billion-context/issues/969); Claude Code's cap on one MCP tool's result ('MCP
         # tool "get-item-details" response (30608 tokens) exceeds maximum allowed tokens (25000).':
         # https://github.com/rollbar/rollbar-mcp-server/issues/28), a result too big for the context it joins
         ("context", "tokens exceeds the model window"), ("tool", "exceeds maximum allowed tokens"),
         # ExLlama's cache, as text-generation-webui's API raises it once prompt and generation pass the model's length
         # ("start (0) + length (2049) exceeds dimension size (2048).": https://github.com/oobabooga/textgen/issues/2791)
         ("length", "exceeds dimension size"),
         # iFlytek's hosted engines stating the window the prompt outgrew ("... status code: 400 ... message: input
         # token limit is 97280": https://github.com/netease-youdao/LobsterAI/issues/1023)
         "input token limit is",
         # llama.cpp's assertion when a prompt is longer than the context's batch, as its bindings print it
         # ("GGML_ASSERT: ...llama.cpp:11163: n_tokens_all <= cparams.n_batch": node-llama-cpp under llm-scraper,
         # https://github.com/mishushakov/llm-scraper/issues/22)
         "n_tokens_all <= cparams.n_batch",
         # Apple's Foundation Models when a session's transcript outgrows the on-device model's window
         # ("LanguageModelSession.GenerationError.exceededContextWindowSize", as Swift prints the case)
         "exceededcontextwindowsize",
         # LMDeploy's engine out of room for a session's tokens ("run out of tokens. session=119.":
         # https://github.com/InternLM/lmdeploy/issues/4147, /2319)
         "run out of tokens session", "run out of tokens session_id",
         # the Claude apps' refusal of a message that would not fit the conversation ("Your message will exceed the
         # length limit for this chat. Try shortening your message or starting a new conversation":
         # https://github.com/anthropics/claude-code/issues/2320)
         "exceed the length limit for this chat",
         # llama.cpp's llama_decode() returning 1: no KV-cache slot holds the batch, the prompt is past the context
         # (home-llm: "RuntimeError('llama_decode returned 1')": https://github.com/acon96/home-llm/issues/188)
         "llama_decode returned 1",
         # MLC LLM's server ("Request prompt has 38726 tokens in total, larger than the model input length limit 8192.":
         # https://github.com/mlc-ai/mlc-llm/issues/2692), and a server's snake_case code for a prompt over its window
         # (vMLX: "Server error: prompt_too_long: tokenized VLM text prompt has 20767 tokens, max prompt/context tokens
         # is ...": https://github.com/jjang-ai/vmlx/issues/253)
         "larger than the model input length limit", "prompt_too_long",
         # llama.rn on a phone (PocketPal: "Completion failed: Context is full", "Completion failed: Not enough context
         # space": https://github.com/a-ghorbani/pocketpal-ai/issues/371, /339)
         "context is full", "not enough context space",
         # LM Studio's server when the prompt does not fit the loaded context ("<LM Studio error> Trying to keep the
         # first 15857 tokens when context the overflows.": https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/237)
         ("trying to keep the first", "tokens when context"),
         # Gemini's older models over their input window ("Input request contains (35490) tokens, which is more than
         # the max tokens limit allowed: (30720)": https://github.com/ITSpecialist111/ai_automation_suggester/issues/42)
         ("input request contains", "more than the max tokens limit allowed"),
         # a prompt over a server's input cap, in its own words: a one-api relay's "number of input tokens (189413)
         # have exceeded max prompt tokens (163840) limit" (https://github.com/cline/cline/issues/6055), Tenstorrent's
         # "Prompt exceeds maximum input sequence length (51200 tokens)"
         # (https://github.com/tenstorrent/tt-inference-server/issues/4277), Xinference's "Max tokens exceeds model's
         # max length" (https://github.com/xorbitsai/inference/issues/3066), LMDeploy's "exceed session max length.
         # Please end the session." (https://github.com/InternLM/lmdeploy/issues/732)
         "exceeded max prompt tokens", "exceeds maximum input sequence length", "max tokens exceeds model s max length",
         "exceed session max length",
         # a prompt and its completion over the window, in numbers (TensorRT-LLM: "Input length (6973) + max new tokens
         # (4095) + draft tokens (0) must be less than max sequence length (8192)":
         # https://github.com/NVIDIA/TensorRT-LLM/issues/2494; AI21: "Request too many tokens: 1999 + 50 > 2048":
         # https://github.com/stanford-crfm/helm/issues/349); Copilot Chat's "Sorry, this message is too long. Please
         # try a shorter question." (https://github.com/microsoft/vscode-copilot-release/issues/5070)
         ("max new tokens", "max sequence length"), "request too many tokens", "try a shorter question",
         # ngrok's AI gateway ("Input too large: N tokens (max M). Shorten your prompt.": https://ngrok.com/docs/
         # ai-gateway/reference/error-codes, ERR_NGROK_3811)
         ("input too large", "tokens"), "shorten your prompt",
         # an embedding batch or text over the model's token limit (Voyage: "The max allowed tokens per submitted batch
         # is 120000"; Jina: "Single text cannot exceed 8192 tokens. 9237 tokens given.")
         "tokens per submitted batch", ("cannot exceed", "tokens given"),
         # hermes-agent giving up after compressing the conversation as far as it could ("Max compression attempts (3)
         # reached.")
         "max compression attempts",
         # a speech endpoint's input cap in tokens (OpenAI TTS: "Input of 2132 tokens is over the maximum input limit of
         # 2000 tokens. Please shorten your input.")
         ("is over the maximum input limit", "tokens"),
         # the conversation itself over the API's count of items (Responses: "Invalid 'input': array too long.
         # Expected an array with maximum length 131072"): shrink it; not "Invalid 'tools': array too long", a defect
         ("invalid input", "array too long"), ("invalid messages", "array too long"),
         # a Go DingTalk bot's check of the conversation's length ("maximum question length exceeded", earlier "maximum
         # text length exceeded": https://github.com/eryajf/chatgpt-dingtalk/issues/46); IBM's TGIS backend (BAM,
         # watsonx: "input tokens (35000) plus prefix length (0) must be < 4096"); Bedrock Mantle ("prompt tokens
         # (400007) exceed model maximum (278528) for openai.gpt-5.5")
         "maximum question length exceeded", "maximum text length exceeded", ("input tokens", "plus prefix length"),
         ("tokens", "exceed model maximum"),
         # Lemonade's checks of the prompt against the loaded model ("Prompt tokens (2068) cannot be greater than the
         # model's max prompt length (2000)", "exceeds the model's maximum allowed prompt length (2048)")
         "max prompt length", "maximum allowed prompt length",
         # a body cap stated in tokens (GitHub Models' 413 tokens_limit_reached: "Request body too large for gpt-4o
         # model. Max size: 8000 tokens."): the prompt is over the model's window there, not the bytes over a cap
         ("max size", "tokens"),
         # Tencent LKEAP's 20059 ("input length too long")
         "input length too long",
         # SiliconFlow's window ("max_total_tokens (33298) must be less than or equal to max_seq_len (32768)"), an app's
         # notice ("This request exceeded the AI model's context limit")
         ("max_total_tokens", "max_seq_len"), ("exceeded the", "context limit"),
         # Moonshot's window ("model max length exceeded, max length:8192")
         "model max length exceeded",
         # Claude Code's compaction ("Error during compaction: Error: Conversation too long. Press esc twice")
         "conversation too long",
         # an embedding or encoder model's sequence cap (Volcengine Ark: "Input length of input_ids is `4498` and exceed
         # max_sequence_length: `4096`")
         ("exceed", "max_sequence_length"),
         # Bedrock Nova's "Input Tokens Exceeded: Number of input tokens exceeds maximum length."
         "input tokens exceeded", "number of input tokens exceeds",
         # iFlytek Spark's 10907 ("token数量超过上限": history and question over the token cap)
         "token数量超过上限",
         # a client whose history outgrew the window ("context exceeds provider limit and compaction failed: ..."),
         # iFlow CLI's Chinese ("内容长度超出大语言模型限制")
         "context exceeds provider limit", "内容长度超出",
         # Qianfan v2's character cap on the input ("the max input characters is 20000")
         "the max input characters is",
         # Volcano Engine Ark's InvalidParameter for a prompt over the model's length ("Input length 203743 exceeds the
         # maximum length 202752")
         ("input length", "exceeds the maximum length"),
         # the VS Code language-model API ("Message exceeds token limit.")
         "message exceeds token limit",
         # Jan's notice for a prompt over the context ("is longer than the model can process at once")
         "longer than the model can process",
         # LobeChat's ExceededContextWindow ("The current request content exceeds the length that the model can handle")
         "exceeds the length that the model can handle",
         # llama_index's chat memory whose history alone is over the limit ("Initial token count exceeds token limit")
         "initial token count exceeds token limit",
         # the name of a context-overflow error in CamelCase, printed alone by a client that keeps only the variant
         # ("error: ContextLengthExceeded": https://github.com/nullclaw/nullclaw/issues/223)
         "contextlengthexceeded", "contextwindowexceeded",
         "maximum context length", "context length", "context_length_exceeded", "context window",
         "prompt is too long", "prompt too long", "input is too long", "max_model_len", "maximum model length",
         "maximum prompt length", "reduce the length of the messages", "n_ctx_slot", "available context size",
         "exceeds the maximum number of input tokens", "input token count", "exceeds the context",
         # Volcengine Ark's window for an image and text message under its generic InvalidParameter code ("Total tokens
         # of image and text exceed max message tokens": https://github.com/agentscope-ai/QwenPaw/issues/272), Baidu
         # Qianfan's cap on a prompt's characters ("input characters limit is 819200":
         # https://github.com/agentscope-ai/QwenPaw/issues/1717)
         "exceed max message tokens", "input characters limit is",
         "exceed context limit", "exceeds context limit", "inputs tokens max_new_tokens must be",
         "inputs must have less than", "cannot truncate prompt with n_keep", "context size has been exceeded",
         "too many tokens in the prompt", "tokens in the prompt cannot exceed", "size limit exceeded by",
         # llama.cpp's tokenizer when the prompt outgrows the context's token buffer ("llama_tokenize_with_model: too
         # many tokens", llama-cpp-python under localGPT's growing history: https://github.com/PromtEngineer/localGPT/
         # issues/441)
         "llama_tokenize_with_model too many tokens", "llama_tokenize too many tokens",
         "range of input length", "exceeds the maximum allowed length", "cannot truncate to",
         "context limit exceeded", "floor_output_tokens", "token length too long", "model token limit",
         ("total number of tokens", "cannot exceed"), "larger than the max context size",
         "input is too large to process", "too big compared to kv size", "maximum input length",
         # llama-server's embedding input over its physical batch, with the count in the sentence under its 500 ("input
         # (762 tokens) is too large to process. increase the physical batch size": https://github.com/
         # mnemosyne-systems/orangu/pull/153)
         ("too large to process", "physical batch size"),
         "exceed the configured limit", "exceeds the configured limit", "上下文长度", "超过最大长度",
         "超出上下文",
         # SiliconFlow, TGI-style servers: "length of prompt_tokens (189152) must be less than max_seq_len (65536)"
         "than max_seq_len", "exceeds max_seq_len",
         # Zhipu's code 1261 ("Prompt 超长" in its table), and Chinese relays' "input too long, reduce the tokens".
         "prompt exceeds max length", "prompt exceeds the max length", "prompt 超长", "输入内容过长", "输入过长",
         # "message / content / text / context too long" (an SDK's BaseResponse(code=40000, message=消息过长):
         # https://github.com/liyupi/yucongming-java-sdk/issues/11)
         "消息过长", "内容过长", "文本过长", "上下文过长",
         # llama-box (GPUStack's llama.cpp server): "Illegal param: prefill 744 tokens exceed n_ctx_per_seq, try
         # increasing total context size" (https://github.com/gpustack/gpustack/issues/1845)
         "exceed n_ctx_per_seq", "exceeds n_ctx_per_seq", "increasing total context size",
         # ERNIE's SDK ("prompt tokens too long") and a GLM host's "number of input tokens (204703) has exceeded
         # max_prompt_tokens (202752) limit"
         "prompt tokens too long", "input tokens too long", ("number of input tokens", "has exceeded"),
         # servers' own words: SambaNova's "the maximum supported sequence length is just 4096", TensorRT-LLM's "sum
         # of prompt length (9351.0) ... should not exceed max_num_tokens (8192)", llama-server's "context shift is
         # disabled" (the slot's window is full), a client's "Context overflow: prompt too large for the model",
         # Mistral's embedding cap "Too many tokens in batch. Max is 16384 got 17555"
         "maximum supported sequence length", "maximum sequence length", ("prompt length", "max_num_tokens"),
         "context shift is disabled", "context overflow", "prompt too large", "prompt is too large",
         "too many tokens in batch",
         # llama.cpp-style servers: "request (53192 tokens) exceeds context size (50176 tokens)"
         "exceeds context size", "exceed context size",
         # llama.cpp's examples and their bindings when the conversation outgrew n_ctx ("context size exceeded":
         # https://github.com/ggml-org/llama.cpp/issues/12113, https://github.com/containers/ramalama/issues/587,
         # llama.clj's "Assert failed: Context size exceeded": https://github.com/phronmophobic/llama.clj/issues/13),
         # vLLM V0's scheduler refusing a prompt past its limit ("Input prompt (36893 tokens) is too long and exceeds
         # limit of 1000": https://github.com/vllm-project/vllm/issues/10440, /13209, /525)
         "context size exceeded", ("input prompt", "is too long"),
         # a client's own budget check in the same words ("Token limit exceeded: Context size 8003 tokens exceeds limit
         # 8000": hass-agent-llm; "Context size exceeds the limit": an MCP server in Claude Desktop)
         ("context size", "exceeds"),
         # a client's own check before sending (LibreChat: "Prompt token count of 37165 exceeds max token count of
         # 4095"), a server whose truncation could not make the prompt fit (LlamaFarm's "context_truncation_failed:
         # Failed to reduce context to fit within budget")
         ("prompt token count", "exceeds"), "exceeds max token count", "failed to reduce context",
         "context_truncation_failed",
         # a local server's log that it cut the prompt to its window and answered from the rest (Ollama's runner:
         # 'msg="truncating input prompt" limit=2048 prompt=3940 keep=5 new=2048': https://github.com/ollama/ollama/
         # issues/10368; its older llama.cpp server: "input truncated | n_ctx=2048 n_erase=1090 n_keep=4":
         # https://github.com/TheAiSingularity/graphrag-local-ollama/issues/24): the prompt outgrew num_ctx
         "truncating input prompt", ("input truncated", "n_ctx"),
         # llama.cpp and the engines built on it with no room left in the KV cache for the batch: the context is full
         # (the maintainers: raise --ctx-size, https://github.com/ggml-org/llama.cpp/issues/6603). llama.cpp's server
         # ("failed to find free space in the KV cache": /4185), its decoder under KoboldCpp ("decode: failed to find KV
         # cache slot for ubatch", and KoboldCpp's own "Check your context buffer sizes!":
         # https://github.com/LostRuins/koboldcpp/issues/1535), Ollama's runner ("could not find a kv cache slot":
         # https://github.com/ollama/ollama/issues/10127), node-llama-cpp ("could not find a KV slot for the batch (try
         # reducing the size of the batch or increase the context)":
         # https://github.com/withcatai/node-llama-cpp/issues/190)
         "free space in the kv cache", "failed to find kv cache slot", "could not find a kv cache slot",
         "could not find a kv slot", "check your context buffer sizes"),
    # A gateway's byte cap on the body ("exceeds maximum allowed content length. RequestSize(bytes): ...").
    _tag("payload_too_large",
         # audio longer than a speech service takes in one request: Google Speech-to-Text's inline audio ("Audio
         # 'content' cannot be longer than 1 min. For long audio, use the 'uri' parameter":
         # https://github.com/GoogleCloudPlatform/php-docs-samples/issues/331), a transcription API's duration window
         # ("Audio duration must be between 0.1s and 64s": https://github.com/EpicenterHQ/epicenter/issues/1289), a
         # dictation app's words for the upload cap ("Recording too long or too large":
         # https://github.com/DevEmperor/DictateKeyboard/issues/281): shorten or split the audio
         "audio content cannot be longer than", "audio duration must be between", "recording too long or too large",
         # Bedrock's Converse API over its request's byte cap ("The model returned the following errors: too many total
         # text bytes: 10000002 > 9000000")
         "too many total text bytes",
         # ChatGPT web's refusal of a message over its size, as its unofficial clients pass it on ("The message you
         # submitted was too long, please edit it and resubmit.", under a 413 where the status shows)
         "message you submitted was too long",
         # n8n's hosted AI service ("Unable to connect to n8n's AI service (Payload size is too large)":
         # https://github.com/n8n-io/n8n/issues/20417)
         "payload size is too large",
         # Azure OpenAI's Whisper over its 25 MiB body, as a client prints it with no body ("413: Maximum content size
         # limit (26214400) exceeded (26384384 bytes read)": https://github.com/retkowsky/Azure-AIGEN-demos/issues/3)
         ("maximum content size limit", "exceeded"),
         # gRPC's cap on one message, server or client side ("[StatusCode.RESOURCE_EXHAUSTED] Received message larger
         # than max (33816626 vs. 4194304)": https://github.com/triton-inference-server/server/issues/1776), before the
         # code's throttle reading; Jackson's cap on one JSON string in a Java gateway ("String value length (20054016)
         # exceeds the maximum allowed (20000000, from `StreamReadConstraints.getMaxStringLength()`)":
         # https://github.com/QwenLM/qwen-code/issues/1082); more images than one request may carry ("request contains
         # 52 images, exceeding the maximum of 50": https://github.com/anomalyco/opencode/issues/47721)
         "received message larger than max", "sent message larger than max",
         ("string value length", "exceeds the maximum allowed"), "images exceeding the maximum",
         # Claude Code's document cap ("PDF too large. Try reading the file a different way")
         "pdf too large",
         # axum's refusal of a body over its limit, as Rust servers and proxies pass it on with or without the 413
         # ("Failed to buffer the request body: length limit exceeded": text-embeddings-inference,
         # https://github.com/huggingface/text-embeddings-inference/issues/50; cc-switch's proxy)
         "failed to buffer the request body",
         # OpenAI's Files API ("File is too large.")
         "file is too large",
         # more media than one request may carry (Anthropic: "Too much media: 0 document pages + 103 images > 100"; a
         # gateway: "a request carries at most 20 images"), axios's own body cap in openai-node v3
         # ("ERR_FR_MAX_BODY_LENGTH_EXCEEDED")
         "too much media", ("at most", "images"), "err_fr_max_body_length_exceeded",
         # the files a request references over the service's read limit (google-genai: "The request's total referenced
         # files bytes are too large to be read")
         "bytes are too large",
         # a transcription longer than the model takes ("audio duration 1830.5 seconds is longer than 1400 seconds which
         # is the maximum for this model")
         ("audio duration", "is longer than", "maximum for this model"),
         # Spring WebFlux's DataBufferLimitException behind a gateway ("Exceeded limit on max bytes to buffer :
         # 52428800"), a model service's count of inline images ("Exceeded limit on max data-uri per request: 250")
         "max bytes to buffer", "max data uri per request",
         # DashScope's byte cap on a request body under a 400 ("Exceeded limit on max bytes to request body : 6291456":
         # https://github.com/agentscope-ai/QwenPaw/issues/1277)
         "max bytes to request body",
         # one request over a per-request cap of the non-chat endpoints: Google TTS ("longer than the limit of 5000
         # bytes"), OpenAI embeddings ("max 300000 tokens per request"), DashScope embeddings ("batch size is invalid,
         # it should not be larger than 10"): split the request
         ("longer than the limit of", "bytes"), "tokens per request", ("batch size", "larger than"),
         # Fireworks' 413 ("Input data exceeds the allowed size limit."), Chatbox's file cap ("The file size exceeds the
         # limit of 50MB.")
         "exceeds the allowed size limit", "file size exceeds the limit",
         # Google Document AI's page cap on one document ("rpc error: code = InvalidArgument desc = Document pages
         # exceed the limit: 30 got 56", as paperless-gpt logs it): split the document
         "pages exceed the limit",
         # sub2api's body cap ("Request body too large, limit is 256MB")
         "request body too large",
         # koboldcpp's cap on a request body, sent as a 500 typed bad_input ("Payload is too big. Max payload size is
         # 32MB.")
         "payload is too big",
         # Kimi's file upload over its size cap ("File size is too large, max file size is 100MB")
         "file size is too large",
         # Google APIs' byte cap on the body ("Request payload size exceeds the limit: 10000 bytes."), Anthropic's page
         # cap on the PDFs of one request ("A maximum of 100 PDF pages may be provided."): drop or split, as for a body
         "request payload size exceeds the limit", ("maximum of", "pdf pages"),
         # Document AI's cap on one document's bytes, under a 400 ("Document size (34381195) exceeds the limit:
         # 20971520.")
         ("document size", "exceeds the limit"),
         # Vertex's cap on a file's bytes of any other type (an image's is the image's repair, above)
         "exceeds max allowed file size",
         "request entity too large", "payload too large", "error code: 413",
         "maximum allowed content length", "exceeds maximum content length",
         "request_too_large", "request too large", ("message size", "exceeds limit"),
         ("value at 'body' failed to satisfy constraint", "length less than or equal to"),
         # a cap on the attachments of one request (Anthropic: "too many images and documents: 104 + 1 > 100"): drop old
         # ones, as for a body past its byte cap
         "too many images"),
    _tag("provider_policy",
         # Azure's refusal to create an OpenAI resource on a subscription not admitted to the service ("The subscription
         # does not have QuotaId/Feature required by SKU 'S0' from kind 'OpenAI' or contains blocked QuotaId/Feature.",
         # code SpecialFeatureOrQuotaIdRequired: https://github.com/Azure/AOAI-workshop/issues/11): no key of it serves
         "specialfeatureorquotaidrequired", "does not have quotaid feature required",
         # a consumer service's traffic screen shutting out a network (Coze: "We've detected unusual traffic from your
         # network, so Coze is temporarily unavailable."; Bing's "Sorry, looks like your network settings are preventing
         # access to this feature."), and Alibaba Cloud's WAF page in front of a web API ('<meta name="aliyun_waf_aa"')
         "unusual traffic from your network", "network settings are preventing access", "aliyun_waf_aa",
         # Huawei Cloud's WAF page in front of a web API (DeepSeek's, as deepseek-free-api logged it: '<meta
         # http-equiv="Server" content="CloudWAF" />', titled "访问被拦截", access blocked)
         "cloudwaf", "访问被拦截",
         # Meta AI refusing a client's region, as meta-ai-api's FacebookRegionBlocked words it ("Unable to receive a
         # valid response from Meta AI. This is likely due to your region being blocked.")
         "your region being blocked",
         # Microsoft Entra ID refusing to issue a token under the tenant's Conditional Access policy ("AADSTS53003:
         # Access has been blocked by Conditional Access policies."): the organisation's rule, no other token of the
         # same identity gets through
         "blocked by conditional access",
         # Copilot's web socket refusing a client that failed its challenge, as a Copilot-web bridge relays it ("[error:
         # Copilot error: invalid-event]"; its maintainer: complete the verification at copilot.microsoft.com)
         ("copilot error", "invalid event"),
         # ChatGPT web's anti-bot token (Arkose Labs' challenge), which a web-to-API bridge could not get ("Error
         # getting Arkose token"): the site's bot gate shuts this client out, not the request
         "arkose token",
         # a consumer site's WAF refusing a scripted client's socket before any API answer (an unofficial perplexity.ai
         # client: "WebSocket error: Handshake status 403 Forbidden", the page behind it Cloudflare's HTML); a refused
         # key is a 401, as the iFlytek socket's "Handshake status 401 Unauthorized" is
         "handshake status 403",
         # a feature an enterprise's or organisation's admin must turn on (GitHub Copilot CLI: "You are not authorized
         # to use this Copilot feature, it requires an enterprise or organization policy to be enabled":
         # https://github.com/github/copilot-cli/issues/1561): no key of the account helps until the policy changes
         "organization policy to be enabled",
         # google-generativeai's region refusal as LangChain re-raises it ("Your location is not supported by
         # google-generativeai at the moment.": https://github.com/svpino/alloy-voice-assistant/issues/8)
         "your location is not supported",
         # an Azure OpenAI resource's outbound network rule refusing the host a request names ("Outbound network access
         # is restricted. The hostname '...' for parameter 'endpoint' is not in the allowed FQDN list for this
         # resource.": https://github.com/microsoft/sample-app-aoai-chatGPT/issues/1050): the resource's policy, not
         # the request's content or the key
         "outbound network access is restricted",
         # a relay that serves only the clients it approves, whatever the key ("Client not allowed (detected:
         # claude-code-sdk-ts)": https://github.com/zhukunpenglinyutong/jetbrains-cc-gui/issues/730; "Only approved
         # clients are allowed": .../issues/751): no key of that relay works from this client
         "client not allowed", "only approved clients are allowed",
         # an edge that refuses the caller's network, not its key (Groq's 403 "Access denied. Please check your network
         # settings.": https://github.com/bensblueprints/wispertalk-app/blob/main/README.md); the words "check your
         # network settings" alone are a connection failure's advice, so both are required
         ("access denied", "check your network settings"),
         # a gateway's security policy in front of the provider ("403 Access denied by security policy.", Cherry
         # Studio's agent on OpenRouter: https://github.com/CherryHQ/cherry-studio/issues/16970)
         "denied by security policy",
         # Cloudflare's challenge page in front of an API ("403 Please enable cookies.":
         # https://github.com/mckaywrigley/chatbot-ui/issues/1684): a browser check no API client passes
         "please enable cookies",
         # a verification the account must pass first (OpenAI's phone_number_required: "You must verify a phone number
         # before continuing.")
         "phone_number_required", "verify a phone number",
         # an account kind a service will not serve (GitHub Copilot: "Your account type is not currently supported"),
         # a free tier limited to its own client (OpenCode Zen: "OpenCode's free tier can only be used in OpenCode")
         "account type is not currently supported", ("free tier", "can only be used in"),
         # a relay group that serves one client only (sub2api: "No available accounts: this group only allows Claude
         # Code clients"); Cloudflare's own refusals by code, the body "error code: 1010" (the browser signature is
         # banned), 1020 (a firewall rule), 1009 (the country), and a relay's report of its challenge page
         # ("[kind=cloudflare_challenge, ...]")
         ("only allows", "clients"), "error code 1010", "error code 1020", "error code 1009", "cloudflare_challenge",
         # ... and its 1020 page as a client printed its HTML ("Access denied ... The site owner may have set
         # restrictions that prevent you from accessing the site.": https://github.com/acheong08/ChatGPTProxy/issues/55,
         # https://github.com/realcoloride/node_characterai/issues/16; both corpus texts provider_policy_blocked)
         "site owner may have set restrictions",
         # the retired public ChatGPT proxy's answer to every request of the clients built on it ("ChatGPT error 429:
         # {"detail":"It is recommended to upgrade to the latest PandoraNext: ..."}":
         # https://github.com/aandrew-me/tgpt/issues/170): the endpoint no longer serves them, whatever the key (all
         # five corpus texts, from four projects, are provider_policy_blocked)
         "recommended to upgrade to the latest pandoranext",
         # a service not offered where the caller is (a proxy: "your country may not be supported yet"; Zed's cloud:
         # "Access to Anthropic models is not available from this data center (HKG)"), a verification the account must
         # pass first (Claude Code: "Identity verification is required to continue"), Vertex's data-sharing consent
         # ("Access to this model requires data sharing to be enabled for publisher 'anthropic'")
         "country may not be supported", "not available from this data center", "identity verification is required",
         "requires data sharing",
         # a gateway's access policy (the AI Gateway's GatewayAccessPolicyDeniedError: "Access policy denied")
         "access policy denied",
         # a service an account type may not use (W&B Inference: "isn't available for personal accounts"), a router's
         # policy that blocks the provider (Requesty: "Provider blocked by policy"), a sign-in a country or region may
         # not use ("当前账号、国家、地区或区域暂不支持 ChatGPT 订阅登录": not supported for this account, country or
         # region)
         "available for personal accounts", "provider blocked by policy", ("国家", "暂不支持"),
         # terms to accept before the model serves the account (Groq's model_terms_required: "requires terms acceptance.
         # Please have the org admin accept the terms"; Claude's "We've updated our Consumer Terms ... You'll need to
         # accept them"), an organisation setting that forbids the endpoint (OpenAI's zdr_forbidden: "not permitted for
         # zero data retention organizations"), a relay's upstream policy ("Request denied by upstream policy")
         "requires terms acceptance", "model_terms_required", ("updated our consumer terms", "accept them"),
         "zdr_forbidden", "not permitted for zero data retention", "denied by upstream policy",
         # the ChatGPT web backend's anti-abuse block ("Our systems have detected unusual activity from your system";
         # "Unusual activity has been detected from your device. Try again later.":
         # https://github.com/xsigoking/chatgpt-free-api/issues/19), as "detected suspicious activity" elsewhere
         "detected unusual activity", "unusual activity has been detected",
         # a consumer service's bot check that a client cannot pass: Bing's CAPTCHA ("CaptchaChallenge: User needs to
         # solve CAPTCHA to continue.": https://github.com/Integration-Automation/ReEdgeGPT/issues/157; "Solve CAPTCHA
         # to continue": https://github.com/vsakkas/sydney.py/issues/188), a Cloudflare challenge a wrapper met
         # ("CloudflareError: Response 403: Cloudflare detected": https://github.com/xtekky/gpt4free/issues/2152;
         # "Solve challenge and pass cookies": /issues/1046), DuckDuckGo AI Chat's ERR_CHALLENGE under its 418
         # (/issues/2813); another key meets the same check
         "solve captcha", "cloudflare detected", "solve challenge", "err_challenge",
         # ... and a proxy's word that ChatGPT now demands one (its Arkose check: {"error": "captcha required"},
         # https://github.com/acheong08/ChatGPTProxy/issues/95); a captcha a login form failed stays the login's
         "captcha required",
         # Clerk's sign-in challenge in front of Suno, as its unofficial API clients print it ("CAPTCHA verification is
         # required", code requires_captcha)
         "captcha verification is required", "requires_captcha",
         # ChatGPT's web login behind OpenAI's Arkose bot check that a proxy could not pass ("Invalid arkose token (No
         # solver available or solver is invalid)": https://github.com/0x676e67/ninja/issues/518)
         "invalid arkose token",
         # claude.ai refusing a caller where it does not serve (its 403 permission_error "We are unable to serve your
         # request": https://github.com/jahwag/ctxsync/issues/9, https://github.com/wwwzhouhui/Claude2-PyAPI/issues/4)
         "we are unable to serve your request",
         # a gateway the tenant has not opted in to ("LLM Gateway is not enabled for your organization")
         "not enabled for your organization",
         # Tencent WorkBuddy's gate on who may call it ("Illegal API invocation from an unapproved channel")
         "unapproved channel",
         # an account a product will not serve (Gemini Code Assist: "Your current account is not eligible for Gemini
         # Code Assist for individuals because it is not currently available in your location")
         "account is not eligible for",
         # an entitlement the account must be granted first: Imagen's person generation ("Project or the user is not
         # allowlisted", "this option is not available to you"), a gated Hugging Face repo ("Cannot access gated
         # repo"): no retry or other key of the same account helps
         "not allowlisted", "option is not available to you", "access gated repo",
         # Novita's enterprise check ("Enterprise verification not completed")
         "verification not completed",
         # OpenCode Go's plan used outside its clients ("Request is missing x-opencode-session and cannot be routed
         # efficiently. Please see https://opencode.ai/docs/go/#where-can-i-use-it")
         ("opencode", "where can i use it"),
         # a model served only in one country, behind an opt-in ("The latest version of this model is only available
         # hosted in China and requires explicit opt in")
         ("only available hosted in", "requires explicit opt in"),
         # Cursor's block of an account it suspects ("Your request has been blocked as our system has detected
         # suspicious activity")
         "system has detected suspicious activity",
         # LobeChat's LocationNotSupportError ("your current location does not support this model service")
         "current location does not support",
         # Codex behind Cloudflare from a region it serves not ("Access blocked by Cloudflare. This usually happens when
         # connecting from a restricted region (status 403 Forbidden)")
         "connecting from a restricted region",
         # A provider restricting this user on a model for suspected misuse (OpenAI: "This user's access to
         # gpt-5.3-codex has been temporarily limited for potentially suspicious activity related to cybersecurity"),
         # or an account whose use breaks a plan's fair-use policy (Zhipu's 1313:
         # "您的账户当前使用模式不符合公平使用策略": https://docs.bigmodel.cn/cn/api/api-code): another account or
         # provider is the way on, not a wait
         ("access to", "has been temporarily limited for"), "不符合公平使用策略",
         # a relay key bound to addresses the caller is not at (new-api: "您的 IP 不在令牌允许访问的列表中"; one-api:
         # "该令牌只能在指定网段使用"): not the key's validity, the network it is used from
         "不在令牌允许访问的列表中", "只能在指定网段使用",
         # Roo Code's words for a 403 whose key authenticated ("Unauthorized. Your API key is valid, but the provider
         # refused to complete this request.": https://github.com/microsoft/vscode/issues/284829): not the key
         "key is valid but the provider refused",
         ("not comply with", "fair usage policy"), ("not comply with", "fair use policy"),
         # A WAF or bot wall in front of the API (Cloudflare's challenge page, a relay's block): not this key.
         "your request was blocked", "you have been blocked", "<title>just a moment",
         # the title of Cloudflare's block page ("Attention Required! | Cloudflare": a WAF rule or an IP ban)
         "attention required cloudflare",
         # OpenAI's edge page for a network it refuses ("Unable to load site ... If you are using a VPN, try turning
         # it off."), behind a ChatGPT web relay's 403 (https://github.com/chatpire/chatgpt-web-share/issues/402)
         ("unable to load site", "using a vpn"),
         "unsupported countries", "supported-countries",
         "no endpoints available matching your guardrail", "no endpoints available matching your data policy",
         # ... and its account setting that excludes endpoints which train on paid requests ("Paid model training
         # violation (account settings): 1 endpoint excluded": https://github.com/omnara-ai/omnara/issues/501)
         "paid model training violation",
         "no endpoints found matching your data policy", "country, region, or territory not supported",
         "unsupported_country_region_territory", "not available in your country", "not available in your region",
         "user location is not supported", "unsupported_country", "not supported in your region",
         "request not allowed", "operation not allowed", "data retention mode", "no allowed providers are available",
         "public access is disabled", "virtual network/firewall rules", "approved private endpoint",
         "virtual network is configured for this resource", "has not agreed to", ("agree", "model terms"),
         "explicit deny in a service control policy",
         # ... and AWS's other explicit denies an administrator sets ("is not authorized to perform:
         # bedrock:InvokeModelWithResponseStream on resource: ...inference-profile/global.anthropic... with an explicit
         # deny in an identity-based policy": https://github.com/tinovyatkin/amazon-bedrock-copilot-chat/issues/75; a
         # permissions boundary, a resource-based or a session policy): all five corpus texts of it
         # provider_policy_blocked
         "with an explicit deny",
         # a relay endpoint that serves one client only ("This endpoint only accepts requests from Claude Code CLI")
         "endpoint only accepts requests from",
         # ... or a tier or service that serves only its own clients ("OpenCode's free tier can only be used from within
         # OpenCode": https://github.com/anomalyco/opencode/issues/49433; Kimi For Coding "is currently only available
         # for Coding Agents such as Kimi CLI, Claude Code"): a key restricted to a client stays auth (above)
         "can only be used from within", "only available for coding agents",
         # a router's organisation policy forbids the provider it would route to (Requesty: "Provider not allowed for
         # organization"), like OpenRouter's "No allowed providers are available": another provider may be allowed
         "provider not allowed",
         # a client whose model provider refuses the caller's region (Cursor: "This model provider doesn't serve your
         # region": https://github.com/cursor/cursor/issues/3378), as "not available in your region" above
         "doesn't serve your region", "does not serve your region",
         # a free provider behind a terminal client refusing the caller's region (tgpt: "Some error has occurred, try
         # again. Service is unavailable in this region.")
         "service is unavailable in this region", "service is unavailable in your region"),
    _tag("billing",
         # Azure's quota allocation for a deployment, its code in Azure's words ("InsufficientQuota: This operation
         # require 30 new capacity in quota Tokens Per Minute (thousands) - GPT-4-Turbo, which is bigger than the
         # current available capacity 8.": https://github.com/Azure-Samples/azure-search-openai-demo/issues/2091;
         # every corpus text with it billing): the subscription's allowance, which no wait raises, whatever its
         # per-minute unit
         "insufficientquota",
         # OpenCode Zen's free models' allowance, its type in rate-limit words ({"type": "FreeUsageLimitError",
         # "message": "Rate limit exceeded. Please try again later."}: https://github.com/anomalyco/opencode/issues/42977,
         # a limit that held for days; a per-IP quota: https://github.com/FishBottle7/opencode2dsh/issues/5; all four
         # corpus texts with it billing): another model or plan serves, waiting minutes does not
         "freeusagelimiterror",
         # WordPress.com's 403 for an account with no card on file ("Add a valid payment method to your WordPress.com
         # account to use AI features in WordPress Studio.": https://github.com/Automattic/studio/issues/4458)
         "add a valid payment method",
         # GitHub's answer to a token exchange for an account with no Copilot subscription, as Copilot-to-API bridges
         # print it ("No access to GitHub Copilot found. You are currently logged in as ...", notification_id
         # no_copilot_access): the plan is missing, not the key
         "no access to github copilot", "no_copilot_access",
         # ElevenLabs' status for a free tier it disabled on unusual activity ("Free Tier usage disabled ... purchase a
         # Paid Plan to continue"), as a plugin prints it alone ("11labs reported an error: detected_unusual_activity":
         # https://github.com/livekit/agents/issues/921); under its 401 the code rule reads it
         "detected_unusual_activity",
         # ... and in its words, under the SDK's RateLimitError ("Unusual activity detected. Free Tier usage disabled.
         # ... Please purchase any Paid Subscription to continue.": https://github.com/elevenlabs/elevenlabs-python/
         # issues/119): the account's plan, not a rate
         "free tier usage disabled",
         # Cursor's wall for free and trial accounts on old versions ("Free & free trial accounts can no longer use
         # chat with premium models on Cursor Version 0.45 or less. Please upgrade to Pro ...")
         "free trial accounts can no longer use",
         # Cursor's wall on free trials per machine ("Too many free trial accounts used on this machine. Please upgrade
         # to pro.": https://github.com/kingparks/cursor-vip/issues/568; all four corpus texts billing) and its spent
         # free model allowance ("You've used up your 50 free claude-3.5-sonnet requests ... by subscribing to Pro":
         # https://github.com/yuaotian/go-cursor-help/issues/146; every corpus text that says "used up" is billing)
         "too many free trial accounts", ("used up your", "free"),
         # Kiro's cap on paid usage past the plan's credits ("You've reached your overage limit.":
         # https://github.com/kirodotdev/Kiro/issues/8128): a spend cap with no reset; every corpus text naming overages
         # is billing
         "reached your overage limit",
         # iFlytek Spark's 11200 by its class name alone ("Socket 出错: 11200 AppIdNoAuthError": the app id's grant or
         # token allowance is spent, https://github.com/wangrongding/wechat-bot/issues/292; four of the corpus's five
         # such texts are billing, the fifth names a model domain and is read as model support first)
         "appidnoautherror",
         # Stability's gRPC PERMISSION_DENIED for an empty balance ("Your organization does not have enough balance to
         # request this action": https://github.com/dmarx/video-killed-the-radio-star/issues/23); GitHub Models' spent
         # budget ("This account has reached its budget limit": https://github.com/Leantime/leantime/pull/3510)
         "not have enough balance", "reached its budget limit",
         # Qwen OAuth's free daily allowance spent ("429 Free allocated quota exceeded.": https://github.com/QwenLM/
         # qwen-code/issues/1742), not DashScope's per-minute allocation ("Allocated quota exceeded", a throttle)
         "free allocated quota exceeded",
         # OpenCode Zen's free tier spent ("Free usage exceeded, subscribe to Go":
         # https://github.com/anomalyco/opencode/issues/42128; "Free usage exceeded, add credits":
         # packages/opencode/src/session/retry.ts)
         "free usage exceeded",
         # an allowance that never resets ("Exceeded User lifetime quota", under a 429: https://github.com/AwesomeTTS/
         # awesometts-anki-addon/issues/254), and ElevenLabs' character quota as its SDK raises it, a RateLimitError
         # ("This request exceeds your quota. You have 119 characters remaining, while 965 characters are required":
         # https://github.com/elevenlabs/elevenlabs-python/issues/13)
         "lifetime quota", ("exceeds your quota", "characters remaining"),
         # a hosted free trial's request allowance spent (Continue's proxy: "You have exceeded the maximum number of
         # requests for the free trial.": https://github.com/continuedev/continue/issues/3952)
         "requests for the free trial",
         # new-api's and one-api's code for a user out of quota, as a client prints the code alone
         # ("insufficient_user_quota" under a 403: https://github.com/CherryHQ/cherry-studio/issues/15651)
         "insufficient_user_quota",
         # a relay's balance too low for the request, in Chinese and English ("账户余额过低不足以支持本次请求 ... Your
         # account balance is not sufficient to support this request": https://github.com/CherryHQ/cherry-studio/issues/
         # 8721)
         "balance is not sufficient", "余额过低",
         # a free allowance that only a subscription lifts (OpenCode Zen: "Free limit reached. Subscribe to OpenCode
         # Go")
         ("free limit reached", "subscribe"),
         # Imagen's paid-only gate ("Imagen API is only accessible to billed users at this time.")
         "accessible to billed users",
         # a plan or allowance that must be bought or renewed to go on (Augment: "You must purchase a paid subscription
         # to continue", "Your subscription ... is inactive. Please update your plan"; Auggie: "You have run out of
         # usage for account"; Huawei's Token Plan: "Your Token plan subscription is frozen"; Requesty: "Reached monthly
         # spend limit for API key"; Warp: "Monthly spending budget of $50 has been reached"; Cursor: "You've reached
         # your trial request limit", "You've hit your free requests limit"), the Codex app in Japanese
         # ("...クレジットを追加してください": add credits)
         "purchase a paid subscription", ("your subscription", "is inactive"), "run out of usage",
         "subscription is frozen", "monthly spend limit", ("spending budget", "has been reached"),
         "trial request limit", "free requests limit", "クレジットを追加",
         # a cap that comes back only with the next month or billing cycle ("You've reached the monthly token limit";
         # Huawei's Token Plan: "wait for the quota reset in the next billing cycle")
         "monthly token limit", "next billing cycle",
         # LibreChat's shared key spent ("The default API key has reached its limit. To continue using this service,
         # please set up your own API key.")
         "default api key has reached its limit",
         # Gemini's preview model with no free tier ("Gemini 2.5 Pro Preview doesn't have a free quota tier"), a
         # service sold in packages ("通过套餐包使用服务时需要先购买套餐包": buy a package first)
         "doesn t have a free quota tier", "购买套餐包",
         # a spend cap for the month ("Workspace monthly budget of $500.00 exceeded. Contact your workspace admin.":
         # OpenRouter's workspace budgets)
         ("monthly budget", "exceeded"),
         # Cloud Code Assist's seat quota ("Individual quota reached. Contact your administrator to enable overages")
         "enable overages",
         # Vercel's AI Gateway without a card ("AI Gateway requires a valid credit card on file to service requests")
         "requires a valid credit card",
         # a seat licence the account lacks (Gemini Code Assist: "You do not have a valid license of this product",
         # "lack a Gemini Code Assist license. Please contact your administrator to request a license"), an Azure
         # subscription disabled (spending limit or payment: "The subscription '...' is disabled and therefore marked as
         # read only")
         "valid license of this product", ("license", "to request a license"),
         ("subscription", "is disabled and therefore marked as read only"),
         # a gateway's project budget ("Project budget exceeded for '4f8b...'")
         "project budget exceeded",
         # GitHub Copilot's premium allowance spent with no overage ("You have exceeded your premium request limit, and
         # do not currently have overages enabled"; "You cannot accrue additional premium requests at this time"),
         # Continue's hint under OpenAI's 404 for an account without credit ("You may need to add pre-paid credits")
         "exceeded your premium request limit", "cannot accrue additional premium requests", "add pre paid credits",
         # OpenHands' SaaS when the organisation's budget is spent ("Organization budget limit has been exceeded"),
         # Chatbox's lapsed licence ("Your license has expired. Please check your subscription")
         "budget limit has been exceeded", "license has expired",
         # LobeChat's SubscriptionPlanLimit ("Your subscription points have been exhausted")
         "subscription points have been exhausted",
         # Codex in a ChatGPT workspace whose spend cap is reached ("You hit your spend cap set in your workspace.
         # Increase your spend cap to continue.", "... set by the owner of your workspace")
         "hit your spend cap",
         # a plan that expired (Zhipu's 1309: "您的 GLM Coding Plan 套餐已到期": https://docs.bigmodel.cn/cn/api/api-code)
         "套餐已到期", "plan has expired", "subscription has expired",
         "insufficient credits", "insufficient_quota", "insufficient balance", "credit balance",
         # aiXplain's error code for an account with no balance ({'error': 'err.not_enough_balance'}:
         # https://github.com/aixplain/aiXplain/issues/148)
         "not_enough_balance", "not enough balance",
         "credits exhausted", "credits have been exhausted", "no usable credits", "requires more credits",
         # Nous Portal's 404 for an account with no credits ("HTTP 404: requires available credits")
         "requires available credits",
         "top up your credits", "payment required", "billing hard limit", "billing details",
         # Google's "check your plan and billing details" as an Italian client renders it ("quota esaurita. Controlla il
         # piano e la fatturazione su ai.google.dev": https://github.com/Bobsilvio/ha-claude/issues/28)
         "piano e la fatturazione",
         "exceeded your current quota", "plan does not include", "out of funds", "run out of funds",
         "balance_depleted", "spending limit", "spend limit", "key limit exceeded",
         # ... in the plural, as Anthropic words an organisation's own cap ("Usage blocked until
         # 2024-03-01T00:00:00+00:00 due to user specified spend limits.", quoted by a key-pooling proxy: https://github.com/cg-dot/
         # oai-reverse-proxy/blob/02d3e4457bc6076ee9d5eee91e61fec2e5028e15/src/proxy/middleware/response/index.ts)
         "spend limits", "spending limits",
         "do not have an active grok subscription", "out of available resources", "have any credits",
         "run out of credits", "used all available credits", "monthly spending limit", "budget has been exceeded",
         "exceeded budget", "crossed budget", "budget_exceeded", "max budget", "insufficient account balance",
         "arrears", "overdue", "account is not active", "buying credits", "positive balance",
         # not "add a payment method to increase your rate limit" (OpenAI's free tier): that one is a rate limit
         "update your payment method", "payment method was declined", "payment method failed",
         # an app's own allowance of tokens spent, no reset named (bolt.new: "You've used all your remaining tokens":
         # https://github.com/stackblitz/bolt.new/issues/912, /296)
         "used all your remaining",
         # a balance that cannot pay, worded the other way round ("Your credit is insufficient":
         # https://github.com/NoFxAiOS/nofx/issues/78)
         "credit is insufficient",
         # iFlytek Spark's 11200 (no grant, or the volume over its limit) on the app's token allowance ("11200:
         # AppIdNoAuthError:(21:00:00.909) tokens.total": https://github.com/log159/LogChat/issues/2,
         # https://github.com/binary-husky/gpt_academic/issues/1230, https://github.com/CCLMSY/nonebot-plugin-sparkapi/
         # issues/8); on a model's domain the same code is the model's (model_support)
         ("appidnoautherror", "tokens total")),
    # Credits gone or the account in arrears: billing whatever the status or throttle code says.
    _tag("credits_exhausted",
         # a free trial that is over (Claude Code's 429 "Your Claude Code trial has ended. Run /upgrade or /extra-usage
         # to continue."; Copilot: "Copilot Pro trials have been temporarily paused. Please upgrade your account"):
         # nothing resets it soon, whatever status carries it
         "trial has ended", "trial has expired", "trials have been temporarily paused",
         # fal's account lock for an empty balance ("User is locked. Reason: Exhausted balance. Top up your balance"),
         # ElevenLabs' credits ("You have 0 credits remaining, while 91 credits are required for this request.")
         "exhausted balance", "have 0 credits remaining",
         # Google's refusal of a call the key has no allowance for at all ("You do not have enough quota to make this
         # request.", under a 429 coded too_many_requests:
         # https://github.com/allenhutchison/gemini-cli-deep-research/issues/30), as "not enough balance" is a spent
         # one: no wait makes it pass
         "not have enough quota",
         # bolt.new's banner for an account's plan tokens spent, worded as a rate limit ("You have hit the rate limit.
         # You can continue to code for free in the editor.": stackblitz/bolt.new issues 278, 3613, 7568): the
         # allowance returns with the plan's period, not in minutes
         "continue to code for free", "continue coding for free",
         # a platform's own credit pool spent, under a 403 (PactFlow AI: "403 Forbidden AI credits are exhausted.":
         # https://docs.test.pactflow.io/docs/ai/troubleshooting)
         "credits are exhausted",
         # OpenAI's code for prepaid credits spent, as a client prints it beside a generic throttle's words (promptfoo:
         # "Rate limit exceeded: HTTP 429 Too Many Requests (code: credit_balance_exhausted)"); a team's add-on credits
         # run out (Warp: "Your team has run out of add-on credits")
         "credit_balance_exhausted", ("run out of", "credits"),
         # a run's configured token budget spent (codex exec: "shared rollout token budget exhausted")
         "token budget exhausted",
         # DashScope's free-tier-only switch (AllocationQuota.FreeTierOnly: "The free tier of the model has been
         # exhausted ... disable the "use free tier only" mode"); AWS Marketplace refusing a model subscription for want
         # of a payment method ("Model access is denied due to INVALID_PAYMENT_INSTRUMENT:A valid payment instrument
         # must be provided")
         "use free tier only", "invalid_payment_instrument", "valid payment instrument",
         # Letta's 402 reasons ("Rate limited", "reasons": ["premium-usage-exceeded", "not-enough-credits"])
         "not enough credits",
         # FriendliAI's 403 ("You've exhausted all your credits...")
         "exhausted all your credits", "insufficient balance", "credits are depleted", "prepayment credits",
         # DashScope's account standing, without its Arrearage code ("Account abnormal. Please ensure it's on good
         # standing to use QWen's text-embedding-v2")
         "on good standing",
         # new-api relays' token (the relay's own key) out of its allowance, under a 401 ("Token amount has been
         # exhausted token.RemainQuota = 0", "Token count has been exhausted token.RemainCount = 0": DMXAPI's log)
         "token amount has been exhausted", "token count has been exhausted", "remainquota 0", "remaincount 0",
         # ... and new-api's own words for it ("This token quota is exhausted TokenStatusExhausted[sk-...]")
         "token quota is exhausted", "tokenstatusexhausted",
         "run out of credits", "have any credits", "used all available credits", "balance is insufficient",
         "paid balance",
         "failure to pay", "past invoices", "arrearage", "欠费", "余额不足", "insufficient account balance",
         "额度已用尽",
         # new-api's "quota insufficient" and relays' "please recharge" (https://docs.aihubmix.com/cn/FAQs/HTTP-Codes),
         # new-api's "pre-deducting the quota failed"
         "额度不足", "需要充值", "请充值", "预扣费额度失败",
         "exceededbudget",
         # a paid plan that lapsed, whatever auth words head it (Venice's 401 "Authentication failed - Pro subscription
         # is inactive": https://docs.venice.ai/api-reference/error-codes)
         "subscription is inactive", "subscription is not active",
         # sub2api's key allowance used up in Chinese ("API key 额度已用完") and its group subscriptions ("No active
         # subscription found for this group", "subscription is invalid or expired"), when a client prints only the
         # message and their codes are lost
         "额度已用完", "no active subscription found", "subscription is invalid or expired",
         # a free allowance spent, the English of "额度已用尽" (Huawei Cloud MaaS's 401 "The free quota has been
         # used up.", ModelArts.4207), and DashScope's Arrearage text without its code ("Access denied, please make sure
         # your account is in good standing.": https://help.aliyun.com/zh/model-studio/error-code#overdue-payment)
         ("free quota", "used up"), "make sure your account is in good standing"),
    # Plan and usage limits (seed 004): they outrank a generic throttle code.
    _tag("usage_limit",
         # Sourcegraph Cody's daily allowance of a plan ("You've used all of your chat messages and commands for
         # today.": https://github.com/sourcegraph/cody/issues/6234)
         ("used all of your", "for today"),
         # a web-session relay's day of messages ("You've reached our limit of messages per 24 hours. Please try again
         # later.", under a 429: https://github.com/aandrew-me/tgpt/issues/123; both corpus texts billing)
         ("limit of messages per", "24 hours"),
         # a daily allowance of requests, as gpt4free's Blackbox provider met it once most models went paid ("You have
         # reached your request limit for the day.")
         "request limit for the day",
         # Kilo Code's Gemini CLI provider ("Rate limit exceeded. Free tier limits have been reached.")
         "free tier limits have been reached",
         # Baidu AppBuilder's per-user daily allowances ("Daily free quota per user for AI Search exceeded",
         # QUOTA_USER_DAILY_FREE; "Daily request quota per user ...", under a 429)
         "daily free quota", "daily request quota",
         # Zhipu's daily call allowance and weekly or monthly cap (1304 "已达今日调用次数限额", 1310
         # "每周/每月使用上限": https://docs.bigmodel.cn/cn/api/api-code)
         "今日调用次数限额", "使用上限",
         "usage limit", "usage limits", "usage_limit_reached", "usage cap", "plan limit",
         # a gateway's code for a spent daily allowance ({"code": "rate_limit_daily"}, xaibo's example of a 200 without
         # choices: https://github.com/xpressai/xaibo/pull/36)
         "rate_limit_daily",
         "limit for your plan", "limit of your plan", "limit of your current plan",
         # a trial key's monthly call allowance (Cohere: "You are using a Trial key, which is limited to 1000 API calls
         # / month.": https://github.com/diegosouzapw/OmniRoute/pull/12252)
         "calls month",
         # Amazon Q's monthly allowance under a ThrottlingException ("Maximum com.amazon.aws.codewhisperer.streaming.
         # GenerateAssistantResponse reached for this month.": https://github.com/aws/amazon-q-developer-cli/issues/1736)
         "reached for this month",
         # a proxy's monthly token allowance per model ("monthly token quota exceeded for model X: 5000312/5000000
         # tokens used in 2026-03", CLIProxyAPI under a rate_limit_exceeded code)
         "monthly token quota",
         "per day", "per month", "daily limit", "daily quota", "daily request limit", "monthly limit", "monthly quota",
         # a daily allowance in an app's words ("AI Gen page insert limit reached for today. Please try again
         # tomorrow.": https://github.com/FlutterFlow/flutterflow-issues/issues/1305)
         ("limit reached", "for today"), "try again tomorrow",
         "per-day",
         "tokens per day", "requests per day", "free-models-per-day", "daily free allocation",
         "free allocation of",
         # Moonshot/Kimi's tokens- and requests-per-day caps ("request reached organization TPD rate limit")
         ("tpd", "limit"), ("rpd", "limit"),
         # Claude Code's subscription windows, however its versions word them ("You've hit your limit · resets 8pm
         # (America/New_York)", "You've hit your session limit · resets 1:40pm (Europe/Paris)", "5-hour limit reached ∙
         # resets 9pm", "Session limit reached ∙ resets 8pm", "Weekly limit reached · resets Dec 2, 7pm":
         # https://github.com/anthropics/claude-code/issues/42801, /72691, /7892, /11577, /12686): the plan's allowance
         # for a window, not a per-minute throttle; a time of day with no date resets within a day (rate_limit, cooled
         # until then), a date or a weekly window is days away (billing)
         "hit your limit", "hit your session limit", "hit your weekly limit", "5 hour limit reached",
         "weekly limit reached", ("session limit reached", "resets"),
         # ... and its bare "Limit reached · resets Dec 15, 3pm (America/Chicago)", the window unnamed (the reset's
         # date or hour says which: https://github.com/anthropics/claude-code/issues/13877)
         "limit reached resets",
         # a rate limit over a week is the plan's allowance too (GitHub Copilot: "You've reached your weekly rate limit.
         # Please wait for your limit to reset on April 20, 2026 at 2:00 AM or switch to auto model", "Sorry, you've
         # exceeded your weekly rate limit ... Error Code: user_weekly_rate_limited", still refused after an hour:
         # https://github.com/github/copilot-cli/issues/2828, /2769): read with the window (usage_limit_long_window)
         "weekly rate limit",
         # ... and one over a month (Salesforce Agentforce Vibes: "The Core model hit its monthly rate limit. Wait for
         # it to reset before sending requests. The limit resets every month.":
         # https://github.com/forcedotcom/Einstein-GPT-for-Developers/issues/233)
         "monthly rate limit", "limit resets every month"),
    # A window of a week or more (Kimi Code: "You've reached your weekly (7-day) usage limit. Your quota will reset when
    # the current 7-day window ends"): a plan cap, not a throttle.
    _tag("long_window",
         # a cap counted by the month ("reset when your monthly cycle ends"; Volcengine Ark's coding plan: "You have
         # exceeded the monthly usage quota. It will reset at 2026-08-03 23:59:59 +0800 CST.",
         # https://github.com/wyx1818/ark-429-autoban, cmd/ark-429-autoban/plugin_test.go) or by the week
         "monthly", "weekly", "per week", "7 day", "每周"),
    # A quota named by its per-minute window (Scaleway: "You exceeded your current quota of requests/tokens per
    # minute"): a throttle, whatever OpenAI's billing words before it say.
    _tag("quota_per_minute", ("exceeded your current quota", "per minute")),
    # ... and a quota code printed as one CamelCase word (Warp's Agent Mode: "Request failed with error: QuotaLimit",
    # its plan's AI credits spent: https://github.com/warpdotdev/warp/issues/6936)
    # Google's ErrorInfo reason for an allowance spent ("reason": "QUOTA_EXHAUSTED") is a quota word too: its reset
    # decides, as for any quota (a relay's "Your quota will reset after 2h37m22s" beside it: a rate limit,
    # https://github.com/lbjlaq/Antigravity-Manager/issues/541; "quotaResetDelay": "16h..." or none at all, as a review
    # harness prints it alone, "Summary: reason: 'QUOTA_EXHAUSTED'": billing,
    # https://github.com/RyderFreeman4Logos/cli-sub-agent/issues/2235)
    _tag("quota_word", "quota", "quotas", "limit exceeded", "配额", "quotalimit", "quota_exhausted"),
    # The caller's own quota said to be spent (Cursor: "Our servers are currently overloaded for non-pro users, and
    # you've used your free quota": https://github.com/yuaotian/go-cursor-help/issues/494): what this caller meets.
    _tag("quota_spent", ("used your", "quota"), ("used up your", "quota"), ("exhausted your", "quota")),
    # A paid plan named as the way on (Windsurf: "free user account exceeded, please use an existing account or upgrade
    # to a paid plan"): the free allowance is spent. Weaker than throttle words: a rate limit with an upsell (Together's
    # "You have been rate limited ... upgrade to a paid plan") is still a rate limit.
    _tag("paid_plan",
         # the same upsell in Russian (Codex's "you have run out of Codex messages ... to keep using Codex, take out a
         # Plus subscription today": https://github.com/openai/codex/issues/30468)
         "оформите подписку",
         # a provider's API kept for paying accounts (MariTalk: "you need to be a premium user to use MariTalk via API")
         "need to be a premium user",
         # Cursor's SDK ("[plan_required] Cloud Agent is not available for free users. Please upgrade to Pro.")
         "not available for free users", "upgrade to a paid plan", "upgrade to a paid account",
         # Codex on a ChatGPT plan that does not include it ("To use Codex with your ChatGPT plan, upgrade to Plus")
         "upgrade to plus",
         # a hosted model reserved to subscribers (Zed's 403 "You must subscribe to a plan in order to use models
         # provided by Zed"), a monthly premium allowance spent (Copilot: "You have exceeded your premium request
         # allowance")
         "must subscribe to a plan", ("exceeded your", "request allowance")),
    # A client that moved the session to a lesser model because the chosen one's allowance ran out, and says so
    # instead of answering: Gemini CLI after a persistent 429 on Pro ("Automatically switching from gemini-2.5-pro to
    # gemini-2.5-flash for the remainder of this session", then its own "Please submit a new query to continue with the
    # Flash model.": https://github.com/google-gemini/gemini-cli/issues/4186, /11798), Copilot's premium allowance
    # ("We have automatically switched you to GPT-4.1"). The chosen model's allowance is spent, not the call's luck.
    _tag("model_switched", "submit a new query to continue with the", "continue with the fallback model",
         "switched to fallback model", "automatically switching from", "automatically switched you to"),
    _tag("usage_transient", "try again", "retry", "retrying", "resets at", "reset in", "resets in", "wait",
         "requests remaining", "per minute", "per hour", "window"),
    _tag("reset_signal",
         # Hugging Face's hourly allowance ("You reached free usage limit (reset hourly)")
         "reset hourly", "resets hourly", "resets at", "reset at", "resets in", "reset in", "will reset", "reset after",
         "resets after", "resets_at", "available again", "hourly usage limit", "hourly limit", "hourly quota",
         # a wait of minutes stated without a number (Cursor: "you've used your free quota. Please try again in a few
         # minutes"): soon, whatever limit it is
         "try again in a few minutes",
         # a window of five hours named with the limit, whatever reset is stated ("You've reached your 5-hour usage
         # limit.": Kimi Coding under its 403, https://github.com/modelzen/feishu-codex-bridge/issues/23; ten of the
         # corpus's twelve texts of a five-hour window are labelled rate_limit): it clears within hours
         ("5 hour", "usage limit"), ("5 hour", "session limit")),
    # A zero allowance: no amount of waiting helps (Gemini free tier "limit: 0").
    _tag("zero_allowance", "limit: 0,", "limit 0 model", "quota limit is 0", "limit: 0",
         # Google's quota metadata printed as protobuf text (python-genai, google-api-core): the allowance is zero.
         'quota_limit_value" value: "0"',
         # ... and as JSON or a Python dict (a client's printout of the body's ErrorInfo metadata)
         '"quota_limit_value": "0"'),
    # One request bigger than the per-minute token budget (seed-independent: OpenAI, Groq).
    _tag("request_over_budget",
         # ... the same sentence cut by a test runner's summary before its window ("Request too large for
         # gpt-4-turbo-preview in or...": https://github.com/thisisartium/continuous-alignment-testing/issues/39)
         "request too large for", ("request too large", "per min"), ("request too large", "tpm"),
         "must be reduced in order to run successfully"),
    # Provider capacity, not this key's limit: back off on the same key.
    # Bedrock's 503 ServiceUnavailable for a model's shared capacity ("Model is getting throttled. Try your request
    # again.": https://github.com/anthropics/claude-code/issues/3544), whatever wrapper prints it: both corpus texts are
    # labelled overloaded; the key's own throttle says ThrottlingException or "too many requests". Its own tag: the
    # word "throttled" also sets ``rate_limit``, which ``overloaded_wording`` stands aside for.
    _tag("model_throttled", "model is getting throttled"),
    _tag("overloaded",
         # Cloudflare's Waiting Room page, the queue a site puts visitors in while it is over capacity, read by a client
         # that expected JSON ("<title>Waiting Room powered by Cloudflare</title>":
         # https://github.com/realcoloride/node_characterai/issues/56, /64): wait and come back
         "waiting room powered by cloudflare",
         # OpenSearch ML Commons refusing a prediction while its memory breaker is tripped ("Memory Circuit Breaker is
         # open, please check your resources!": an MLLimitExceededException): the node is full, back off
         "memory circuit breaker is open",
         # Bedrock's capacity refusal ("Too many connections, please wait before trying again.", a 503
         # ServiceUnavailableException), also when a client prints it after a status of its own ("500 Too many
         # connections, ... (Service: BedrockRuntime, Status Code: 503 ...)": the AWS SDK for Java)
         "too many connections",
         # a relay's circuit breaker open on its upstream after repeated failures ("Provider \"codex\" is temporarily
         # unavailable (too many failures). Retry after 28s.", under a 429: https://github.com/romgX/openrelay/issues/37)
         ("temporarily unavailable", "too many failures"),
         # Gemini Live's close reason for a model too busy to serve the turn ("received 1011 (internal error) ...
         # [ORIGINAL ERROR] extensible_stubs::OVERLOADED_TOO_MANY_RETRIES_PER_REQUEST":
         # https://github.com/livekit/agents/issues/1679): load, whatever "internal error" the close code says
         "overloaded_too_many_retries_per_request",
         # "too many people" in Chinese, a service's words for its load (iFlow's "too many people are chatting with me,
         # ask later", 找我聊的人太多了: https://github.com/router-for-me/CLIProxyAPI/issues/1514)
         "人太多",
         # a media relay's documented "Service on heavy load. Try again later." (GPTunnel's code 6:
         # https://docs.gptunnel.ru/media-api/models)
         "on heavy load",
         # ElevenLabs' system_busy ("the system is experiencing heavy traffic, please try again")
         "experiencing heavy traffic",
         # a provider shedding load or out of serving capacity (grok's admission controller: "Admission denied by
         # perf_based_admission_controller: load_shed_probability=0.85"; Chutes: "No infrastructure available to serve
         # request", "model is under maintenance"; Xinference: "No available slot found for the model")
         "load_shed_probability", "no infrastructure available", "under maintenance", "no available slot",
         # an image service with no backend free for the model ("No active flux servers available", Pollinations'
         # 500 while its Flux workers were all taken: https://github.com/pollinations/pollinations/issues/3920)
         ("no active", "servers available"), "no servers available",
         # Claude Code's capacity notice ("Opus is experiencing high load, please use /model to switch to Sonnet")
         "is experiencing high load",
         # a gateway's own queue timing out before any model saw the request (LLM Foundry's 599 "HTTP 599: Timeout in
         # request queue": its help page says the gateway is overloaded)
         "timeout in request queue",
         # a chosen model out of service for a while (Amazon Q: "The model you've selected is temporarily unavailable";
         # "The model is temporarily unavailable due to maintenance")
         ("model", "is temporarily unavailable"),
         # ... and the model behind an agent in its client's words, whichever provider is configured (Warp's "I'm
         # sorry, I couldn't complete that request. The LLM is currently unavailable.":
         # https://github.com/warpdotdev/warp/issues/8076)
         "llm is currently unavailable",
         # ... as Claude Code's auto mode says it of the model it asks, whatever the model is called
         # ("deepseek-pro-v4[1m] is temporarily unavailable, so auto mode cannot determine the safety of Bash right
         # now": https://github.com/deepseek-ai/awesome-deepseek-agent/issues/284)
         ("is temporarily unavailable", "so auto mode"),
         # chatgpt-mirai-qq-bot's canned reply ("当前服务器压力有点大...": the server is under pressure)
         "服务器压力",
         # SkyServe's load balancer with no replica up yet ("No ready replicas. Use "sky serve status" to check")
         "no ready replicas",
         # Groq's maintenance notice ("service offline for maintenance"), iFlytek Spark's capacity and busy notices
         # ("服务容量不足", "服务忙 ... 请稍后再试")
         "offline for maintenance", "服务容量不足", "服务忙",
         # a proxy's capacity notice under its 429 ("Proxy Error 429: Infrastructure is at maximum capacity."), Vertex
         # AI's online-prediction endpoint whose deployed replicas are full ("429 Rate of traffic exceeds capacity. Ramp
         # your traffic up more slowly.": https://github.com/GoogleCloudPlatform/vertex-ai-samples/pull/996)
         "at maximum capacity", "exceeds capacity",
         # Kiro's capacity notice ("The model you've selected is experiencing a high volume of traffic")
         "experiencing a high volume of traffic",
         # n8n's NodeApiError for a 503 ("Service unavailable - try again later")
         ("service unavailable", "try again later"),
         # Gemini CLI's capacity notice ("Pardon Our Congestion! It looks like gemini-2.5-pro is very popular at the
         # moment."), the Vercel AI SDK's RetryError whose last attempt met a 503 ("Failed after 3 attempts. Last
         # error: Service Unavailable")
         "pardon our congestion", "is very popular at the moment", "last error service unavailable",
         # Google's words for UNAVAILABLE ("The service is currently unavailable."), as a Gemini Live websocket's close
         # reason carries them without the 503
         "the service is currently unavailable",
         "overloaded", "high demand", "at capacity", "over capacity", "capacity constraints",
         "insufficient capacity", "out of capacity", "no capacity available", "server is busy", "servers are busy",
         "server_is_overloaded", "loading model", "model is loading", "temporarily overloaded",
         "experiencing high traffic", "负载已饱和", "服务器繁忙", "serviceunavailableexception", "server busy",
         # MiniMax's web service as minimax-free-api passes it on ("服务器忙" then "稍后再试": server busy, try later)
         "服务器忙",
         # a model's load too high, or high ("当前模型负载过高" then "请稍后重试" in a relay's stream error event under
         # the code server_error: https://github.com/router-for-me/CLIProxyAPI/issues/2192; "当前模型负载较高"): the
         # provider is loaded, not the key
         "负载过高", "负载较高",
         "no slots available", "provider is temporarily unavailable", "provider is currently unavailable",
         # MiniMax's 529 in its own words ("High traffic detected. For a more stable experience, upgrade to our Plus
         # plan": https://github.com/openclaw/openclaw/issues/69642): the service's load, not this key's plan
         "high traffic detected",
         # MiniMax's 2062 for Token Plan traffic it holds back ("Traffic is currently high-please retry shortly. For
         # higher concurrency ... consider upgrading to a higher-tier plan": https://github.com/anomalyco/opencode/
         # issues/22811 through OpenCode Go): the service's load, retried shortly; not a plan wall
         "traffic is currently high",
         "no more data centers to forward", "capacity exceeded", "capacity_exceeded", "service temporarily unavailable",
         "out of available cache blocks", "访问量过大",
         # Hugging Face serverless inference: "Model too busy, unable to get response in less than 60 second(s)"
         "too busy",
         # NVIDIA's serving worker at its concurrency cap ("Worker local total request limit reached (33/32)").
         ("worker", "total request limit reached"),
         # Fireworks' 429 when its queue could not start the generation in time: the serving side is full
         ("generate first token", "before the given deadline"),
         # Huawei ModelArts' circuit breaker after a burst of failures ("Due to self protection, the backend service is
         # disconnected, please wait moment.":
         # https://support.huaweicloud.com/eu/trouble-modelarts/modelarts_13_0218.html)
         "due to self protection",
         # llama.cpp's server with every parallel slot busy ("slot unavailable"), as "no slots available"
         "slot unavailable", "no slot available",
         # Envoy's (Istio's, Gloo's) circuit breaker at the provider's edge: its pending-request or connection limit
         # overflowed ("upstream connect error or disconnect/reset before headers. reset reason: overflow":
         # https://github.com/istio/istio/issues/19454, https://github.com/kgateway-dev/kgateway/issues/609): load,
         # not the upstream down (upstream_unreachable) nor a one-off reset (transient)
         "reset reason: overflow",
         # ... as Envoy's response code details spell it, every space an underscore (an llm-d endpoint picker's
         # ext_proc pool overflowing at 2,000 concurrent requests: "ext_proc_error_gRPC_error_14{upstream_connect_
         # error_or_disconnect/reset_before_headers._reset_reason:_overflow{upstream_reset_before_response_started
         # {overflow}}}";
         # https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_conn_man/response_code_details)
         "upstream_reset_before_response_started{overflow}", "_reset_reason:_overflow",
         # Hugging Face serverless while the model warms ("Model X is currently loading", its 503 with
         # estimated_time), whatever wrapper prints it; not "error loading model" (load_failed: it will not load)
         "is currently loading",
         # a service's own words for its load ("ChatGPT is under heavy load")
         "under heavy load",
         # A serving engine out of GPU memory on a request: PyTorch's "CUDA out of memory. Tried to allocate ..." (TGI,
         # text-generation-webui, Replicate), the CUDA driver's CUDA_ERROR_OUT_OF_MEMORY (mistral.rs), SGLang's "Decode
         # out of memory" and "alloc_req_slots runs out of memory": the endpoint lacks capacity for now (same recovery
         # as its failure). Not a bare "out of memory" (a client's own MemoryError), not Ollama's "CUDA error: out of
         # memory" killing its runner (server_fault) nor "requires more system memory" (host_memory, the model too big)
         "cuda out of memory", "cuda_error_out_of_memory", "decode out of memory", "runs out of memory",
         # ... and Apple's Metal under MLX servers (mlx_lm.server, oMLX): the allocator past its resource limit
         # ("[metal::malloc] Resource limit (499000) exceeded": https://github.com/ml-explore/mlx-lm/issues/1672),
         # a command buffer out of GPU memory ("[METAL] Command buffer execution failed: Insufficient Memory
         # (00000008:kIOGPUCommandBufferCallbackErrorOutOfMemory)": https://github.com/ml-explore/mlx-lm/issues/854)
         "metal malloc resource limit", "kiogpucommandbuffercallbackerroroutofmemory",
         ("command buffer execution failed", "insufficient memory"),
         # Vertex AI's pay-as-you-go 429, whose shared pool had no capacity for the request ("Resource exhausted, please
         # try again later": https://cloud.google.com/vertex-ai/generative-ai/docs/error-code-429), however a client
         # prints it; not the Gemini API's "Resource has been exhausted (e.g. check quota)", a quota (exhausted, below)
         ("resource exhausted", "try again later"),
         # Bedrock's ServiceUnavailableException, in any wrapper's words ("Can't invoke. Reason: Bedrock is unable to
         # process your request.": https://github.com/darko-mesaros/bedrust/issues/47; AWS advises backoff)
         "bedrock is unable to process your request"),
    # A relay whose own pool of upstream accounts has none free to serve the call (sub2api: "No available accounts: no
    # available accounts", https://github.com/Wei-Shaw/sub2api/issues/418, under a 424 in /4636; "All available accounts
    # exhausted", /3757; CLIProxyAPI: "auth_unavailable: no auth available",
    # https://github.com/router-for-me/CLIProxyAPI/issues/2556): the caller's key is fine, the relay is full for now.
    _tag("pool_empty",
         # a hosted backend with no inference worker attached ("no AI workers available to process request":
         # https://github.com/guspuffygit/sentient-sims-app/issues/24)
         "no ai workers available", "no available accounts", "all available accounts exhausted", "no auth available"),
    _tag("try_later", "try again later", "retry later", "请稍后再试", "请稍后重试"),
    # The provider says in so many words that the limit it hit is not the caller's.
    # Not Moonshot's 429 "We're receiving too many requests at the moment. Please wait a moment and try again." (type
    # rate_limit_reached_error): four corpus texts of it are labelled rate_limit, one overloaded (its reporter's plan
    # usage was low: https://github.com/MoonshotAI/kimi-cli/issues/901, left in known_misses.txt), and Moonshot's forum
    # moderator calls it the account's concurrency limit (https://forum.moonshot.ai/t/429-error-were-receiving-too-
    # many-requests-at-the-moment-please-wait-a-moment-and-try-again/242).
    _tag("not_key_limit", "not your api key's rate limit", "not your rate limit", "not a rate limit on your",
         "not your usage limit",
         # ChatGPT's capacity notice ("We're currently processing too many requests. Please try again later.":
         # https://github.com/PawanOsman/ChatGPT.Net/issues/10, https://github.com/wong2/chatgpt-google-extension/
         # issues/216): the service's load
         "currently processing too many requests",
         # ... or names the system's capacity or a shared queue as the cause (Qwen's model serving, Trae's queue).
         "due to system capacity", "your queue position is",
         # TRAE's queue for paying users at load ("Too many requests right now. You're in the queue at position 10.":
         # https://github.com/Trae-AI/TRAE/issues/2239)
         "in the queue at position"),
    # ... unless it says the requests are the caller's (n8n's 429 headline "receiving too many requests from you", its
    # later "... from your side (you exceeded your current quota ...)": https://github.com/n8n-io/n8n/issues/25014, and
    # express-rate-limit's messages in the same words).
    _tag("caller_named", "too many requests from you", "too many requests from your side"),
    # The host cannot fit the model in memory: this endpoint never serves it, a smaller model may.
    _tag("host_memory",
         # Ollama's runner that could not place the model on the GPU ("cudaMalloc failed: out of memory ...
         # failed to allocate compute buffers")
         "cudamalloc failed", "failed to allocate compute buffers",
         "requires more system memory", "enough available memory to run this model",
         # Jan's engine ("Failed to start model: There is not enough memory to run this model.")
         "not enough memory to run this model",
         "unable to allocate backend buffer",
         # Ollama cannot load the model file at all (an architecture this version does not know): no retry helps.
         "unable to load model",
         # llama.cpp could not allocate a device or pinned host buffer for the weights ("unable to allocate
         # CUDA0 buffer", "CUDA_Host buffer", "backend buffer"): the host is too small for this model.
         ("unable to allocate", "buffer"),
         # LM Studio's loading guardrail ("Model loading was stopped due to insufficient system resources ... requires
         # approximately 273.25 GB of memory"): this host does not load the model
         ("model loading", "insufficient system resources"),
         # oMLX refusing to load a model past its process's memory ("Cannot load X: projected memory 127.68GB would
         # exceed process limit 88.00GB")
         ("cannot load", "projected memory"),
         # Hugging Face's serverless API past its auto-load cap ("The model X is too large to be loaded automatically
         # (16GB > 10GB). Please use Spaces or Inference Endpoints":
         # https://github.com/huggingface/lighteval/issues/299)
         "too large to be loaded automatically"),
    # The server tried to load the model and failed (LM Studio, Ollama, llama.cpp): not "Loading model", a busy
    # server that will answer soon.
    _tag("load_failed",
         # LocalAI when no backend could load the configured model ("could not load model - all backends returned
         # error: 25 errors occurred: ... failed loading model": https://github.com/mudler/LocalAI/issues/1133); not
         # "loading model" (a model warming up), which "failed loading model" contains
         ("could not load model", "all backends returned error"), "failed loading model",
         # Ollama's words when the runner could not load the weights ("model failed to load, this may be due to resource
         # limitations or an internal error"), a server whose tokenizer has no chat template ("Cannot use chat template
         # functions because tokenizer.chat_template is not set")
         "model failed to load", "tokenizer chat_template is not set", "failed to load model", "error loading model",
         # LM Studio's app when its model worker reports the load failed ("[Endpoint=loadModel] Error in channel
         # handler: Error: Received load-error": https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/790, /1492)
         "received load error",
         # ... or holds no model at all, so it serves none until one is loaded (text-generation-webui: "No model is
         # loaded! Select one in the Model tab.": https://github.com/oobabooga/textgen/issues/2569; cortex.cpp, Jan's
         # engine: {"message":"No model loaded"}: https://github.com/janhq/cortex.cpp/issues/130)
         "no model is loaded", "no model loaded",
         # Jan's local engine that could not bring the model up: its engine missing ("Model tinyllama-1.1b failed to
         # start. Model failed to start: Could not load engine llama-cpp"), its llama-server that could not allocate the
         # weights ("Failed to load llama-server: llamacpp error: Error: ggml_vulkan: Memory allocation of size
         # 638668800 failed."), a load it stopped ("The model took too long to load and was stopped"): this host does
         # not serve the model; a smaller one may load (https://github.com/janhq/jan/issues/4331, /6038;
         # https://github.com/janhq/jan/blob/dev/web-app/src/locales/en/model-errors.json)
         "could not load engine", "failed to load llama server", "model took too long to load"),
    # A hosted deployment its operator marks unhealthy, whatever status carries it: NVIDIA NIM's 400 "Function id
    # '...': DEGRADED function cannot be invoked" (https://github.com/Alishahryar1/free-claude-code/issues/1012,
    # https://github.com/tashfeenahmed/freellmapi/issues/522).
    _tag("deployment_degraded", "degraded function cannot be invoked"),
    # A request field longer than its schema allows, as Bedrock's JSON-schema check words it ("Malformed input request:
    # #/texts/0: expected maxLength: 2048, actual: 294210": Cohere Embed's texts, Titan's inputText), read with the
    # numbers by the rule (``input_over_max_length``)
    _tag("input_max_length", ("malformed input request", "expected maxlength")),
    # Envoy at the provider's edge could not reach its upstream (not "reset reason: overflow", which is load).
    # A base URL no HTTP client can send to: no scheme (httpx: "Request URL is missing an 'http://' or 'https://'
    # protocol."; requests: "No connection adapters were found for '127.0.0.1:5001/v1/chat/completions'":
    # https://github.com/microsoft/autogen/issues/325) or one it does not speak (httpx: "Request URL has an unsupported
    # protocol 'localhost://'."). The configuration is at fault; every request to it fails the same way.
    _tag("base_url_malformed", "missing an http or https protocol", "no connection adapters were found",
         "request url has an unsupported protocol",
         # Node's fetch refusing a URL it cannot parse, before any request ("Failed to parse URL from 0.0.0.0/chat": an
         # Ollama host set without its scheme, https://github.com/dyad-sh/dyad/issues/840)
         "failed to parse url from",
         # requests' MissingSchema, whatever class a client wraps it in (openai<1.0's APIConnectionError: "Invalid URL
         # '/chat/completions': No scheme supplied. Perhaps you meant https:///chat/completions?":
         # https://github.com/cheungchazz/WeChat-AIChatbot-WinOnly/issues/7; https://github.com/microsoft/UFO/issues/3):
         # no connection was tried
         "no scheme supplied",
         # Java's URI parser on a configured address it cannot read ("java.lang.IllegalArgumentException: Illegal
         # character in scheme name at index 4: POST https://dashscope.aliyuncs.com/...": a site URL saved with the
         # method in front, https://github.com/TartaricAcid/TouhouLittleMaid/issues/844), before any request
         "illegal character in scheme name",
         # Python websockets' InvalidURI on an address it cannot dial ("https://....openai.azure.com//openai/realtime?...
         # isn't a valid URI: scheme isn't ws or wss": an Azure realtime endpoint configured with its https scheme,
         # https://github.com/monuminu/AOAI_Samples/issues/5), before any connection
         "isn t a valid uri"),
    # A browser that refused to let the page read an endpoint's answer, since the endpoint does not allow the page's
    # origin (Chromium's console: "Access to fetch at 'http://127.0.0.1:11434/api/tags' from origin
    # 'chrome-extension://...' has been blocked by CORS policy": https://github.com/andrewnguonly/Lumos/issues/145,
    # https://github.com/codexu/note-gen/issues/974): every request from this origin to that endpoint fails alike.
    _tag("cors_blocked", "blocked by cors policy"),
    # A request header the server refuses: Anthropic's refusal of a browser-origin call without its opt-in header, sent
    # as a 401 authentication_error ("CORS requests must set 'anthropic-dangerous-direct-browser-access' header")
    _tag("header_refused", "cors requests must set",
         # a local server's check of the Host the client sent (Jan's local API server: "403 Forbidden: Invalid host
         # header", https://github.com/janhq/jan/issues/6824; text-generation-webui's 400 {"detail": "Invalid host
         # header"}): the request must name a host the server trusts; the key is fine
         "invalid host header"),
    # A relay whose own upstream account was refused, in sub2api's fixed sentences ("Upstream authentication failed,
    # please contact administrator", "Upstream access forbidden, please contact administrator", sent under a 502 and
    # pasted without it: https://github.com/Wei-Shaw/sub2api/issues/5895): the relay's operator must act; the caller's
    # own key was accepted.
    _tag("relay_account_refused", ("upstream authentication failed", "contact administrator"),
         ("upstream access forbidden", "contact administrator")),
    # A server that answered 503 naming something it could not reach (Hermes Cloud's {"detail": "Auth provider 'nous'
    # unreachable"}: https://github.com/NousResearch/hermes-agent/issues/94558): a dependency down, not load. Read under
    # a 503 only: without a status the word is a client's own failed connection ("Network is unreachable").
    _tag("dependency_unreachable", "unreachable"),
    # A server whose own call to a service behind it got an answer it did not expect, reported under a 400 (Sourcegraph
    # Cody's gateway: "status 400, reason fetching subscription from SSC: unexpected status code 429", four threads in
    # the corpus, all labelled server_error: https://github.com/sourcegraph/cody/issues/7293):
    # the caller's request is sound
    _tag("dependency_answer_unexpected", ("reason fetching", "unexpected status code")),
    _tag("upstream_unreachable",
         # Envoy's sentence with any reset reason but overflow ("upstream connect error or disconnect/reset before
         # headers. reset reason: protocol error"; "... retried and the latest reset reason: connection failure,
         # transport failure reason: delayed connect error: 111"), or cut before its reason
         # (https://github.com/vllm-project/aibrix/issues/1103): a failed connection to the upstream. The overflow
         # reason, load, is read by ``overloaded_wording`` first.
         "upstream connect error",
         # Kong's 503 when its DNS lookup of the upstream failed ({"message": "name resolution failed"}:
         # https://github.com/Kong/kong/issues/10170), a model's backend said to be down (Venice's 503 "The model is
         # temporarily offline": https://docs.venice.ai/api-reference/error-codes): an outage, not load
         "name resolution failed", "is temporarily offline",
         # a gateway whose backend refused its connection (Huawei ModelArts.4302: "Gateway forwarding error. Failed to
         # invoke backend service due to connection refused."): the gateway answered, its backend is down
         ("backend service", "connection refused"),
         # a gateway saying its upstream is down, with nothing about load (Cloudflare AI Gateway's code 7009 "Upstream
         # service unavailable" in a success=false envelope; a document gateway's "Upstream unavailable")
         "upstream service unavailable", "upstream unavailable"),
    # Overload named as one possible cause among others (Werkzeug's default 500 page: "Either the server is overloaded
    # or there is an error in the application."): no statement of capacity.
    _tag("maybe_overloaded", "server is overloaded or there is an error",
         # ProxyAI's note on a read timeout ("Request timed out. This may be due to the server being overloaded.",
         # java.net.SocketTimeoutException after it)
         "may be due to the server being overloaded",
         # aider's explanation under a timeout ("The API provider timed out without returning a response. They may be
         # down or overloaded."): a guess after the fact, not the provider's words
         "may be down or overloaded"),
    # No model was named at all (a client sent model=None, or JSON the server did not parse).
    _tag("model_absent",
         # a one-api relay's "no channel for model <name> in group <g>" with the name blank
         # ("当前分组 default 下对于模型 无可用渠道": https://github.com/ai365vip/chat-api/issues/18,
         # https://github.com/songquanpeng/one-api/issues/2223):
         # the request carried no model
         "对于模型 无可用渠道", "model=none", "model `none`", "you must provide a model parameter",
         # Baidu Qianfan's 400 for a request with no model ("model is empty", code invalid_model)
         "model is empty",
         "model parameter is required",
         # a client with no model configured to send to (Continue: "No chat model selected")
         "no chat model selected", "no model selected",
         # Kong's ai-proxy with no model in the request or its configuration
         "model parameter not found in request"),
    # OpenRouter and other aggregators: the upstream provider, not the user's key, hit its limit.
    # OpenRouter says "Provider returned error" only for the upstream's own answer: under a 429 it is the upstream's
    # limit (metadata.raw may hold no more than a Cloudflare "error code: 1015").
    _tag("upstream_limit", "provider returned error", "rate-limited upstream", "rate limited upstream",
         "upstream_provider_shared_pool",
         "upstream rate limit", ("provider returned error", "rate-limited"), ("provider returned error", "rate limit"),
         ("error from provider", "rate limit"), ("error from provider", "too many requests"),
         ("upstream request failed", "rate limit")),
    # A relay whose pooled upstream credentials for the model are all cooling down ("429 All credentials for model gpt-5
    # are cooling down via provider codex": CLIProxyAPI, OmniRoute): its upstream keys' throttle, which the caller's own
    # key to the relay neither causes nor lifts (``relay_pool_cooling``).
    _tag("pool_cooling", "are cooling down", "all accounts limited"),
    # A throttle's code spelled in a text ("type: rate_limit_error", a JSON body printed whole): read as a code is, not
    # as the provider's words (a printed {"type":"rate_limit_error","message":"The engine is currently overloaded"}
    # must read as the same answer received as HTTP does, where the type is a code and the message the words).
    # A client guessing at the cause of what it got ("LLM returned 200 OK but response body was empty (possible rate
    # limit)", Hermes' "Invalid API response shape. Likely rate limited or malformed provider response."): a guess names
    # no limit the provider stated.
    # A client guessing at causes it cannot see ("possible rate limit"; OpenFang's "This usually means the model is
    # overloaded, the context is too large, or the API key lacks credits."): its guesses are not the provider's words.
    _tag("guessed_cause", "possible rate limit", "likely rate limited", "this usually means"),
    # ... and a relay's filter naming an upstream account throttled for one model (sub2api: "no available OpenAI
    # accounts supporting model: gpt-image-2 (pool=1, filtered: model_rate_limited=1)")
    _tag("throttle_code_word", "rate_limit", "rate_limit_exceeded", "rate_limit_error", "rate_limited",
         "model_rate_limited"),
    _tag("rate_limit",
         # an hourly window on requests, as a free web-to-API bridge passes it on ("You have reached your request limit
         # for the hour")
         "limit for the hour",
         # Doubao's web answer to a client calling too often ("当前服务访问频繁" then "请稍后重试": the service is
         # visited too frequently, try again later), as doubao-free-api passes it on
         "访问频繁",
         # "requests rate-limited, try again later" (请求限频, 请稍后重试), a Chinese provider's code 2003 under a
         # 400 as BabelDOC met it (https://github.com/funstory-ai/BabelDOC/issues/423)
         "请求限频",
         # Huawei Cloud's flow control on a project's calls ("PANGU.3267: The number of service invoking requests
         # exceeds the project limit.")
         "requests exceeds the project limit",
         # a Midjourney client's per-account job queue ("queue full: your job queue is full. please wait for a job to
         # finish first, then resubmit this one."): the caller's own jobs in flight
         "your job queue is full",
         # a per-address limit on requests in flight (Pollinations' 402: "Queue full for IP: ...: 1 requests already
         # queued (max: 1)", its payment offer saying "pay to bypass rate limit"): it clears when the queued one ends
         "queue full for ip",
         # a chat service's throttle on a user's pace (HuggingChat: "You are sending too many messages. Try again
         # later.": https://huggingface.co/spaces/huggingchat/chat-ui/discussions/480, also inside a wrapper's "Failed
         # to parse response: {...}": https://github.com/Soulter/hugging-chat-api/issues/275), as ChatGPT's "sent too
         # many messages" below; all five corpus texts of both rate_limit
         "sending too many messages",
         # Cloudflare's own rate-limit refusal by code ("error code: 1015", with its 429 or as a client printed it
         # without one: https://github.com/realcoloride/node_characterai/issues/94,
         # https://github.com/lobehub/lobehub/issues/2795)
         "error code 1015",
         # Cursor's throttle on an account's slow (free) queue ("We have detected that you are using the slow pool
         # excessively. Please reach out to hi@cursor.com for assistance": https://github.com/kingparks/cursor-vip/
         # issues/390, /280; both corpus texts labelled rate_limit)
         "using the slow pool excessively",
         # DeepSeek's and Moonshot's cap on requests in flight, which a larger balance raises ("Your current concurrency
         # is 40, which exceeds your concurrency limit of 39 based on your remaining balance. Please top up your balance
         # to restore your concurrency.": https://github.com/tarigelamin1997/jobfetcher/pull/42): fewer requests at once
         # succeed now; both corpus texts of it are labelled rate_limit, whatever the top-up advice says
         "exceeds your concurrency limit",
         # ChatGPT's web backend refusing a second concurrent answer on the account ("Only one message at a time. Please
         # allow any other responses to complete before sending another message, or wait one minute."), with or
         # without its 429
         "only one message at a time",
         # AWS's throttle text ("ThrottledException ... Rate exceeded.":
         # https://github.com/aws/bedrock-agentcore-sdk-python/issues/160); ChatGPT's per-model message cap ("You have
         # sent too many messages to the model. Please try again later.": https://github.com/chathub-dev/chathub/issues/1235)
         "rate exceeded", "sent too many messages",
         # Bedrock's throttle in its own words, whatever quota it points at ("Your request rate is too high. Reduce the
         # frequency of requests. Check your Bedrock model invocation quotas ...":
         # https://github.com/aws-samples/amazon-bedrock-agents-healthcare-lifesciences/issues/136,
         # https://github.com/awslabs/agent-evaluation/issues/64)
         "request rate is too high",
         # Apigee's SpikeArrest policy in front of an LLM API ("Spike arrest violation. Allowed rate :
         # MessageRate{...}": https://discuss.google.dev/t/spike-arrest-policy-spike-arrest-violation-error/102683)
         "spike arrest violation",
         # AWS's service quota, as Roo Code words Bedrock's ServiceQuotaExceededException ("Service quota exceeded. This
         # error indicates you've reached AWS service limits ... Reduce request frequency temporarily")
         "service quota exceeded",
         # LobeChat's 429 ("Sorry, your request is too frequent and the server is a bit tired")
         "request is too frequent",
         # chatgpt-on-wechat's canned reply to a throttle ("提问太快啦...": asking too fast)
         "提问太快",
         # Azure's Batch API cap on the tokens queued per deployment ("The number of enqueued tokens has surpassed the
         # configured limit of 30K ... try again once the current jobs have finished"; OpenAI's "Enqueued token limit
         # reached")
         ("enqueued tokens", "limit"),
         # Copilot Chat's rate-limit notice in its Japanese and Spanish translations ("要求はレート制限されました", "su
         # solicitud estaba limitada a la velocidad")
         "レート制限", "limitada a la velocidad",
         # Gemini Live's session cap ("You have exceeded the maximum number of concurrent sessions")
         "maximum number of concurrent sessions",
         # the Batch API's queue cap ("Enqueued token limit reached for gpt-4o-mini ... Please try again once some
         # in_progress batches have been completed"): frees as batches finish
         "enqueued token limit",
         # iFlytek Spark's per-second and concurrency flow control ("秒级流控超限", "并发流控超限"), one user connected
         # twice ("同一用户不能多处同时连接")
         "秒级流控超限", "并发流控超限", "同一用户不能多处同时连接",
         # DeepChat's Chinese diagnosis ("请求速度过快 ... 被服务商限制了访问频率": requests too fast, rate limited)
         "请求速度过快", "限制了访问频率",
         # Zhipu's 1302 and 1303 ("High concurrency usage of this API, please reduce concurrency", "您当前使用该API的
         # 频率过高"), a relay's accounts all at their rate limit ("所有账号均已达速率限制"), new-api's model window
         # ("You have reached the request limit: maximum 30 requests in 3 minutes"), in a stream with no 429
         "reduce concurrency", "频率过高", "速率限制", ("reached the request limit", "requests in"),
         # koboldcpp's throttle, sent as a 503 ("You are sending requests too quickly. Please try again in 7 seconds.")
         "sending requests too quickly",
         "rate limit", "rate limited", "ratelimit",
         "ratelimited", "too many requests", "throttled", "throttling", "throttle",
         "throttlingexception",
         "requests per minute", "tokens per minute", "requests per day", "tokens per day",
         "rate increased too quickly",
         # ... and of one kind ("Too many concurrent vision requests. Please try again later": GitHub Copilot's API)
         ("too many concurrent", "requests"),
         "too many concurrent requests", "slow down", ("too many tokens", "wait"), "rate-limited",
         # a client retrying the SDK's throttle class after a short wait, only its name left in the log line
         # ("WARNING:pdf2zh.translator:RateLimitError, retrying in 1.0 seconds...":
         # https://github.com/PDFMathTranslate/PDFMathTranslate/issues/1147)
         ("ratelimiterror", "retrying in"),
         # DashScope's per-minute allocation (Throttling.AllocationQuota)
         "allocated quota exceeded", "allocationquota",
         # "requests too frequent", "concurrency over the limit" (ERNIE Bot, Chinese relays)
         "过于频繁", "并发超限",
         # "your concurrency on this API is too high, lower it" (Zhipu's 1302, as OpenCode printed it:
         # https://github.com/anomalyco/opencode/issues/9789), and "too many requests" in Chinese
         "并发数过高", "并发过高", "降低并发", "请求过多",
         # "count has reached its cap, try again later" (a translator's text for OpenAI's 429)
         "次数已达上限",
         # "request frequency over the limit" (one-api relays), new-api's "you have reached the request count limit",
         # "rate limiting" (relay docs' name for a 429)
         "请求频率超过限制", "频率超过限制", "请求数限制", "限流",
         ("per minute", "limit"),
         # a cap on an hour's messages or requests ("You've reached our limit of messages per hour. Please try again
         # later.": ChatGPT's backend): a window of an hour is a throttle, as a minute's is (a day's is an allowance)
         ("per hour", "limit"),
         # LiteLLM proxy's parallel-request limiter on a virtual key (https://github.com/BerriAI/litellm/issues/8392)
         "parallel request limit", "max_parallel_requests limit",
         # per-second and per-minute caps named by their abbreviations (Baidu's error 18 "Open api qps request limit
         # reached": https://ai.baidu.com/ai-doc/WENXINWORKSHOP/tlmyncueh; a relay's "RPM limit exceeded"), and Ollama
         # cloud's per-account concurrency slots ("timed out waiting for a concurrent request slot")
         "qps request limit", "qps limit", "rpm limit", "tpm limit", "concurrent request slot",
         # a consumer app's throttle with no window named ("You've reached your limit. Please try again later.": the
         # ChatGPT app, https://github.com/openai/codex/issues/45704; both corpus texts rate_limit), and CodeRabbit's
         # per-window review cap ("you've reached your PR review limit ... Next review available in: 9 minutes":
         # https://github.com/anticipation-labs/canopy/issues/13)
         ("reached your limit", "try again later"), ("review limit", "next review available in"),
         # iFlytek Spark's 11202, its per-AppID cap on requests a second ("Error Code: 11202, Error:
         # AppIdQpsOverFlowError": https://github.com/iflytek/spark-ai-python/issues/27)
         "appidqpsoverflowerror",
         # ... a trial key's calls per minute (Cohere: "limited to 10 API calls / minute"), a relay's cap on one user's
         # parallel requests (sub2api: "Concurrency limit exceeded for user, please retry later":
         # https://github.com/Wei-Shaw/sub2api/issues/6776)
         "calls minute", "concurrency limit exceeded",
         # sub2api's cap on one user's queued requests ("Too many pending requests, please retry later", a 429 typed
         # rate_limit_error): this caller's queue, not the service's load
         "too many pending requests",
         # Copilot Chat's other throttle wording ("Sorry, your request was speed limited. Please wait 2 minutes")
         "speed limited",
         # gemini-cli's advice after a 429, printed on its own when the error above it is cut ("Please wait and try
         # again later. To increase your limits, request a quota increase through AI Studio, or switch to another
         # /auth method": packages/core/src/utils/errorParsing.ts, https://github.com/google-gemini/gemini-cli/issues/1849)
         "to increase your limits, request a quota increase",
         # LiteLLM's router when every deployment of the group is cooling down after failures or over its RPM/TPM:
         # "No models available" (its older ValueError: https://github.com/BerriAI/litellm/issues/943, /2487), "No
         # deployments available for selected model, Try again in 5 seconds" (RouterRateLimitError): wait for the window
         "no models available", "no deployments available",
         # ... and an agent's own pool of keys in the same state (OpenClaw: "No available auth profile for
         # google-antigravity (all in cooldown or unavailable)": https://github.com/openclaw/openclaw/issues/10375)
         "all in cooldown"),
    # gRPC's RESOURCE_EXHAUSTED (Google): a throttle name, but not the words of one; capacity wording beats it.
    _tag("exhausted", "resource_exhausted", "resource has been exhausted",
         # ... and its name in words, as a client prints it after its own quota sentence ("The Gemini API quota has been
         # exceeded. - Resource Exhausted (429)": https://github.com/hihumanzone/Gemini-Discord-Bot/issues/48) or as
         # Firebase spells the code ("[code=resource-exhausted]"); Vertex's "Resource exhausted, please try again later"
         # is its shared pool at capacity (overloaded, above), read first
         "resource exhausted"),
    # An invalid or unknown key: rotate to another.
    # No key reached the call: a tool's own refusal to start without one, whatever status a proxy put on it (Gemini
    # CLI: "Please set an Auth method in your settings.json or specify one of the following environment variables":
    # https://github.com/github/gh-aw/issues/23655);
    # a key's environment variable named as unset or required is read by ``with_derived`` (``_KEY_UNSET``).
    # A key said not found, before any model word around it does (a search agent's log: "Error loading Groq models:
    # Error: OpenAI or Azure OpenAI API key not found": https://github.com/ItzCrazyKns/Vane/issues/224; Gemini's 400
    # "API Key not found. Please pass a valid API key."): read here only, not among the bad-key phrases too.
    _tag("key_unset", "please set an auth method", "api key not found"),
    # The caller's code and its SDK disagreeing is read by pattern in ``with_derived`` (``_CLIENT_CODE_MISMATCH``),
    _tag("client_code_mismatch",
         # ... and by words in LangChain's own check of the installed openai package ("`openai` has no
         # `ChatCompletion` attribute, this is likely due to an old version of the openai package.":
         # https://github.com/MineDojo/Voyager/issues/132)
         "likely due to an old version of the openai package"),
    # Google's application-default credentials that need a fresh login ("Reauthentication is needed. Please run
    # `gcloud auth application-default login` to reauthenticate."), which LiteLLM raises as an InternalServerError and
    # gRPC under a 503: ``sign_in_again_under_5xx``
    _tag("sign_in_again", "reauthentication is needed", "gcloud auth application default login"),
    _tag("bad_key",
         # copilot-gpt4-service could not exchange the GitHub token it was given for a Copilot one ("Failed to get
         # authorization from token", under its 500 or alone: both corpus texts auth)
         "failed to get authorization from token",
         # @google/genai in Vertex mode finding neither a key nor Google credentials ("An API Key must be set when
         # running in an unspecified environment.": a Cloud Run job, https://github.com/googleapis/js-genai/
         # issues/529)
         "an api key must be set when running",
         # LangChain4j's OpenAiOfficialChatModel built with neither ("Either apiKey or credential must be set to
         # authenticate": https://github.com/microsoft/mcp-for-beginners/issues/262)
         "apikey or credential must be set",
         # LangChain's HuggingFaceEndpoint logging in with the token it was given ("Could not authenticate with
         # huggingface_hub. Please check your API token.": https://github.com/chatchat-space/Langchain-Chatchat/
         # issues/180)
         "could not authenticate with huggingface_hub",
         # ... the Google sign-in a Workspace policy makes the user repeat (``not_revoked``'s "invalid_rapt")
         "reauth related error",
         # an Entra ID token of another tenant than the Azure OpenAI resource's ("400 Token xxx1 does not match resource
         # tenant.": https://github.com/arbs-io/vscode-openai/issues/321): the credential, under a 400
         "does not match resource tenant",
         # Azure AI's serverless endpoints given the key in another header than theirs ("Auth token must be passed as
         # a header called Authorization", under a 400: https://github.com/enricoros/big-AGI/issues/608)
         "auth token must be passed as a header",
         # BigQuery ML's connection service account without the Vertex AI role ("... does not have the permission to
         # access or use the endpoint. Please grant the Vertex AI user role to the service account": https://github.com/
         # GoogleCloudPlatform/marketing-analytics-jumpstart/issues/211; both corpus texts auth), a terminal's border
         # wrapped into it as pasted
         ("does not have the permission to access", "use the endpoint"),
         # the login behind a consumer assistant's web API, rejected or gone: Bing's result value "UnauthorizedRequest"
         # ("Sorry, you need to login first to access this service.": https://github.com/acheong08/EdgeGPT/issues/9;
         # "UnauthorizedRequest: Token issued by https://sydney.bing.com/sydney is invalid":
         # https://github.com/ChatGPTBox-dev/chatGPTBox/issues/695), Google's session cookies a Gemini or Bard wrapper
         # signs in with ("SECURE_1PSIDTS could get expired frequently, please make sure cookie values are up to
         # date": https://github.com/HanaokaYuzu/Gemini-API/issues/6; "SNlM0e value not found in response. Check
         # __Secure-1PSID value.": https://github.com/dsdanielpark/Bard-API/issues/46); Tencent Cloud's AuthFailure
         # codes printed by its SDK ("Code=AuthFailure.SignatureFailure": https://github.com/the-open-agent/openagent/
         # issues/1122)
         "unauthorizedrequest", "cookie values are up to date", "1psid value", "code authfailure",
         # the same Google page without its session token, as gpt4free's Gemini provider and its GUI word it ("SNlM0e
         # not found", "Invalid auth. SNlM0e not found": the cookies are no signed-in session); gpt4free's ChatGPT web
         # provider without the browser capture it signs in with ("No .har file found", NoValidHarFileError)
         "snlm0e not found", "no har file found", "novalidharfileerror",
         # the Chinese free-api relays (qwen-free-api and its forks) passing on a web session that is not signed in
         # ("[请求qwen失败]: NOT_LOGIN-未登录"; "第三方响应错误" then "NOT_LOGIN"), and the Jimeng relay's "check login
         # error"
         "not_login", "check login error",
         # Hugging Face's router refusing a token, under a 400 ("Authorization header is correct, but the token seems
         # invalid": https://github.com/infiniflow/ragflow/issues/3865)
         "token seems invalid",
         # a key that is not even shaped like one (Helicone's proxy: "API Key is not well formed", which the OpenAI SDK
         # raised as an InternalServerError: https://github.com/Helicone/helicone/issues/1131)
         "key is not well formed",
         # Google's Application Default Credentials of a user account with no quota project ("The
         # aiplatform.googleapis.com API requires a quota project, which is not set by default."): this credential
         # cannot call; a service account's may
         "requires a quota project",
         # IBM Cloud IAM's unknown key, under the 400 LiteLLM gives it ("watsonxException - {"errorCode":"BXNIM0415E",
         # "errorMessage":"Provided API key could not be found."}")
         "api key could not be found",
         # Google's disabled-service answer without its 403 ("Vertex AI API has not been used in project X before or it
         # is disabled", as a CLI prints it after "Failed to connect to Vertex AI": https://github.com/
         # GoogleCloudPlatform/agent-starter-pack/issues/304) and Azure's RBAC refusal of an Entra principal without its
         # 401 ("Principal does not have access to API/Operation": https://github.com/microsoft/promptflow/issues/3855):
         # this credential's project or identity is not entitled; another credential's may be
         ("api has not been used in project", "or it is disabled"), "principal does not have access to api",
         # ... and the same for a service with a qualifier after "API" ("Generative Language API (Staging) has not been
         # used in project 131675271456 before or it is disabled": https://github.com/google/generative-ai-docs/
         # issues/77)
         ("has not been used in project", "or it is disabled"),
         # the same failures in the texts the cloud SDKs print with them, kept when a wrapper drops the class
         # (botocore: "Unable to locate authorization token", "Please reauthenticate using 'aws login'"; google-auth:
         # "Reauthentication failed."; azure-identity: "Please run 'az login' to set up an account")
         "unable to locate authorization token", "reauthenticate using", "reauthentication failed", "run az login",
         # the SDKs' own failures to obtain the credential they sign with (anthropic's "Could not resolve a GCP access
         # token from the configured Google credentials", openai's "Vertex token provider failed." and "Failed to
         # resolve a bearer credential for Bedrock.", botocore's "Cannot refresh credentials: MFA token required.")
         ("could not resolve", "access token"), "token provider failed", ("failed to resolve", "credential"),
         "cannot refresh credentials",
         # azure-identity's credentials that could not get a token, whatever status the identity endpoint gave (each
         # prints its class name glued to the words)
         # ("ManagedIdentityCredential authentication failed: Service request failed. Status: 400 (Bad Request)":
         # https://github.com/microsoft/kernel-memory/issues/664; "ClientSecretCredential authentication failed":
         # https://github.com/github/copilot-cli/issues/1638)
         ("managedidentitycredential", "authentication failed"), ("clientsecretcredential", "authentication failed"),
         ("workloadidentitycredential", "authentication failed"),
         ("clientcertificatecredential", "authentication failed"),
         # an app asking for another key after the provider refused its own ("Please enter a valid Gemini API key":
         # https://github.com/itcon-pty-au/stremio-ai-search/issues/129)
         ("enter a valid", "api key"),
         # an agent with no credential loaded for its provider ("Hermes is not logged into Nous Portal.")
         "is not logged into",
         # no key sent at all: Google's OpenAI-compatible endpoint ("Missing Authorization header."), the chatgpt-api
         # client ("OpenAI missing required apiKey"); a gateway's OAuth account to reconnect ("GeminiCLI account is
         # missing projectId. Reconnect OAuth ...")
         "missing authorization header", "missing required apikey", "reconnect oauth",
         # a client or service that names the key it lacks (Stagehand's hosted API: "modelApiKey is required":
         # https://github.com/browserbase/stagehand/issues/1240; Cohere's "no api key supplied", as LiteLLM relays it
         # under an APIConnectionError: https://github.com/Agenta-AI/agenta/issues/1805)
         "apikey is required", "modelapikey is required", "no api key supplied",
         # Google's refusal of the header a Go agent sent, under a 400 ("Missing or invalid Authorization header."),
         # and the same words of other services
         "invalid authorization header",
         # a key sent in a shape the service refuses (GitHub Copilot's 400 "Authorization header is badly formatted":
         # https://github.com/NousResearch/hermes-agent/issues/45276), and DeepSeek's refusal of a key as a wrapper
         # relays it under a 400 ("Authentication Fails, Your api key: ****cd15 is invalid":
         # https://github.com/BerriAI/litellm/issues/10403)
         ("authorization header", "badly formatted"), ("authentication fails", "is invalid"),
         # a token of a kind the endpoint does not take, under whatever status: a GitHub personal access token where
         # Copilot wants its own OAuth token ("400 checking third-party user token: bad request: Personal Access Tokens
         # are not supported for this endpoint": https://github.com/github/app/issues/134); a local proxy with no
         # credential stored for the route's provider (9router's 400 "No credentials for provider: github":
         # https://github.com/decolua/9router/issues/25)
         "personal access tokens are not supported", "no credentials for provider",
         # Google's "API key expired. Please renew the API key.": the files read it as the key's refusal, not a revoked
         # account; Google sends it for keys made minutes before (https://github.com/simonw/llm/issues/1213), and
         # marking a key dead on it would need an operator to bring a working key back
         "api key expired",
         # botocore's NoCredentialsError and PartialCredentialsError ("Unable to locate credentials", "Partial
         # credentials found in env, missing: AWS_SECRET_ACCESS_KEY"), its SSO token error ("The SSO session associated
         # with this profile has expired or is otherwise invalid"), the OpenHands SDK ("Invalid or missing API
         # credentials"), a key page under Billing ("This request requires a valid API key. You can create a new API key
         # on the Billing page"), LobeChat's "check if your key has the necessary access rights", whatever class a
         # wrapper gives them
         "unable to locate credentials", "partial credentials found", ("sso session", "has expired"),
         # the AWS .NET SDK's token resolver with no bearer token to send ("Failed to resolve bearer token in
         # DefaultAWSTokenIdentityResolver": https://github.com/awslabs/agentcore-samples/issues/968)
         "failed to resolve bearer token",
         # Google IAM's refusal of the caller's identity (``_IAM_REFUSED``); a desktop client's login that lapsed ("Your
         # session has expired")
         *_IAM_REFUSED, "your session has expired",
         "missing api credentials", "requires a valid api key", "key has the necessary access rights",
         # a client with no key to send ("Error: OPENAI_API_KEY is not set")
         "openai_api_key is not set",
         # Baichuan's 10105, typed invalid_request_error ("Invalid Signature parameter in request header": the key's
         # signature), h11 refusing an Authorization header with an empty key ("Illegal header value b'Bearer '": the
         # key variable was empty), whatever protocol error class carries it
         "invalid signature parameter", "illegal header value b bearer",
         # an Entra ID token from another tenant, under Azure's 400 ("Token tenant ... does not match resource tenant")
         ("token tenant", "does not match resource tenant"),
         "invalid api key", "invalid_api_key", "incorrect api key", "invalid x-api-key",
         # a service relaying the refusal of the key it holds for a provider, under its own 400 (LlamaCloud: "OpenAI
         # Authentication error. The OpenAI API key used for the embedding transformation on your index is invalid.":
         # https://github.com/run-llama/llama_index/issues/21087)
         ("authentication error", "api key"),
         # a relay's "wrong api key" (https://github.com/chatanywhere/GPT_API_free/issues/136); Anthropic's 401 message
         # for a request without a key, as the AI SDK prints it with no status ("APICallError: x-api-key header is
         # required": https://github.com/stackblitz-labs/bolt.diy/issues/156)
         "wrong api key", "api key header is required",
         # Yandex's "Unknown api key" and a folder the service account does not own, Baichuan's "Missing apikey"
         "unknown api key", "does not match with service account", "missing apikey",
         # a Turkish app's prompt for a valid key ("Lütfen geçerli bir Gemini API anahtar\u0131 girin")
         ("geçerli bir", "api anahtar\u0131"),
         # Words that refuse the caller's credential, which an HTTP answer's 401 or 403 said first and a stream's error
         # event (no status) says alone: a gateway's "[G2] Virtual key not provided", OpenAI's "OpenAI-Organization
         # header should match organization for API key", "You didn't provide an API key", "Your authentication token
         # has expired. Please try signing in again.", MiniMax's "login fail: Please carry the API secret key",
         # Qianfan's "No permission to use the appid", new-api's "This token status is unavailable" and its groups
         # ("无权访问 vip 分组", "分组 claude-pro 已被弃用"), Zhipu's 1000, 1004 and 1111 ("身份验证失败", "通过
         # Authentication Token的验证失败", "您的账户不存在")
         "key not provided", "header should match organization", "didn t provide an api key",
         "please try signing in again", "login fail", "no permission to use the appid", "token status is unavailable",
         ("无权访问", "分组"), ("分组", "已被弃用"), "身份验证失败", "token的验证失败", "账户不存在",
         # Hugging Face's Inference Providers for a token it does not accept ("Failed to perform inference: Invalid
         # username or password.")
         "invalid username or password",
         # Google's API_KEY_SERVICE_BLOCKED in words ("Requests to this API generativelanguage.googleapis.com method ...
         # are blocked.": a key restricted to other APIs, a Vertex Express key sent to AI Studio), LobeChat's
         # InvalidProviderAPIKey in Chinese ("LobeHub API Key 不正确或为空 ... 请检查 ... 后重试": incorrect or empty)
         ("requests to this api", "are blocked"), "api key 不正确",
         # Continue for a Mistral key sent to Codestral ("You are using a Mistral API key, which is not compatible with
         # the Codestral API"), Zed's "missing OpenAI API key"
         ("api key", "which is not compatible with the"), ("missing", "api key"),
         # Cursor's agent SDK ("Invalid Cursor API key. Please verify that your API key is correct")
         "verify that your api key is correct",
         # Dify's InvokeAuthorizationError ("[openai] Incorrect model credentials provided") and its provider with no
         # credentials ("No valid model provider credentials found"), botocore's missing profile ("The config profile
         # (bedrock-prod) could not be found")
         "incorrect model credentials", "no valid model provider credentials", ("config profile", "could not be found"),
         # a client with no key configured for the provider (Codex: "Missing environment variable:
         # `OPENROUTER_API_KEY`"; Gemini CLI: "GEMINI_API_KEY environment variable not found"; Cline: "OpenRouter API
         # key is required"), and
         # MiniMax's 1004 for a key of another group ("token not match group")
         "missing environment variable", "environment variable not found", "api key is required",
         "token not match group",
         # Portkey's gateway refusing the virtual keys a request names ("Following keys are not valid: openai-prod")
         "following keys are not valid",
         "api key not valid", "api_key_invalid", "no auth credentials found",
         "invalid proxy server token", "invalid authentication credentials",
         "security token included in the request is invalid", "no such organization",
         # AWS's wording for any token it refuses ("The bearer token included in the request is invalid": Kiro).
         "token included in the request is invalid",
         # A client's own sentence after a 401 ("Provider anthropic API key is invalid").
         "api key is invalid", "api key is not valid", "unauthenticated request",
         # A gateway's own check of the key's shape before any call ("Invalid auth_key format": the Heurist gateway,
         # https://github.com/genlayerlabs/genlayer-studio/issues/488; "Invalid API key format. OpenAI keys start with
         # 'sk-'": a PHP proxy): the configured key is malformed, no request can pass with it
         "invalid auth_key", "invalid auth key",
         # This credential cannot sign in: its OAuth refresh failed, or its restrictions exclude the caller.
         "failed to refresh token", "token refresh failed", "could not be refreshed",
         # ... in the words of the OAuth server that refused it (Kiro's {"message":"Invalid refresh token provided"}
         # under a 400: https://github.com/caidaoli/kiro2api/issues/4; Qwen's "Invalid refresh token or client_id") and
         # of Chinese relays ("刷新token失败", "token刷新失败": refreshing the token failed,
         # https://github.com/zhalice2011/ki2api/issues/3)
         "invalid refresh token", "刷新token失败", "token刷新失败",
         "requests from referer", ("client application", "are blocked"), "has an ip address restriction",
         "is only authorized for use with",
         # AWS SigV4: the request was signed with a wrong secret, region or clock (botocore, the AWS SDKs, and
         # LiteLLM, which reports it as a connection error): this credential as configured cannot authenticate.
         "signature we calculated does not match", "signaturedoesnotmatch", "invalidsignatureexception",
         "credential should be scoped", "invalidclienttokenid", "security token included in the request is expired",
         "access key id you provided does not exist",
         # DeepInfra's answer to a request without a valid key (FastAPI's default wording), with or without a 4xx.
         "not authenticated",
         # one-api and new-api relays refusing the relay's own key: invalid, failed verification, disabled, expired.
         "无效的令牌", "令牌验证失败", "令牌状态不可用", "令牌已过期",
         # ... in one-api's older words, a token not a 令牌 (HTTP 200 {"error": {"message": "无效的 token"}},
         # "该 token 已过期")
         "无效的 token", "token 已过期",
         # ... or not given one; a key refused in Chinese clients' words ("API key invalid", "authentication failed")
         "未提供令牌", "密钥无效", "鉴权失败", "认证失败",
         # "invalid API key" (NextChat's "检测到无效 API Key" with its advice to check the settings page after it:
         # https://github.com/ChatGPTNextWeb/NextChat/issues/5483; "看起来您提供了无效的 api key")
         "无效 api key", "无效的 api key",
         "token is missing",
         # Baidu's OAuth token refused (error 110, https://ai.baidu.com/ai-doc/WENXINWORKSHOP/tlmyncueh), Coze's code
         # 4101, Tencent Cloud API 3.0's AuthFailure.SignatureFailure (https://tencentcloud.com/document/api/1131/45350)
         "access token invalid", "token you entered is incorrect", "credentials could not be validated",
         # Google's application-default credentials expired under a gRPC call ("Getting metadata from plugin failed
         # with error: Reauthentication is needed. Please run gcloud auth application-default login")
         "reauthentication is needed", "getting metadata from plugin failed",
         # LobeChat's errorType for a provider key missing or refused, whatever the provider (a tRPC error's whole text)
         "invalidproviderapikey",
         # ... and its errorType for GitHub Models' token ({"error": {"errorType": "InvalidGithubToken"}, "provider":
         # "github"}: https://github.com/lobehub/lobehub/issues/5354); NextChat's proxy finding no key or access code
         # for the request ({"error": true, "msg": "empty access code"})
         "invalidgithubtoken", "empty access code",
         # no key at all: the client could not build a request (the Stainless SDKs: "The api_key client option must be
         # set either by passing api_key to the client or by setting the OPENAI_API_KEY environment variable", in Node
         # "The OPENAI_API_KEY environment variable is missing or empty"; the Anthropic SDKs' "Could not resolve
         # authentication method": https://github.com/anthropics/claude-code/issues/10591; openai<1.0's "No API key
         # provided"; the AI SDK's LoadAPIKeyError "OpenAI API key is missing": https://github.com/dzhng/deep-research/
         # issues/98; LangChain's "Did not find openai_api_key, please add an environment variable"). A credential must
         # be configured, as for one refused.
         "api_key client option must be set", ("environment variable is missing or empty", "apikey"),
         "could not resolve authentication method", "no api key provided", "api key is missing",
         ("did not find", "please add an environment variable"),
         # Copilot for Obsidian's check for the chosen model's provider ("API Key is not provided for the model: GPT
         # 3.5", "... for the embedding model: openai/text-embedding-3-small|openrouterai")
         "key is not provided"),
    # Seed 001: the upstream blamed the request, but the fault is on its side. Only words that say the upstream
    # hiccupped: not a bare "please try again later" or "temporarily unavailable", which a 429, an overload or an outage
    # says as well (Vertex's "Resource exhausted. Please try again later.", its JSON cut before the 429: issue 9).
    _tag("transient",
         # Ollama's pull of a blob that arrived corrupted or raced another pull ("digest mismatch, file must be
         # downloaded again: want sha256:..., got sha256:...": https://github.com/ollama/ollama/issues/3931): fetch it
         # again
         "file must be downloaded again",
         # n8n's AI assistant when its model call broke off ("Something went wrong before I could finish that
         # response. Please try again.")
         "went wrong before i could finish",
         # a provider's fetch of the media a request points at that timed out on its side (DashScope: "Download
         # multimodal file timed out": https://github.com/labring/FastGPT/issues/4393; "Download the media resource
         # timed out during the data inspection process": https://github.com/QwenLM/Qwen-VL/issues/431)
         "download multimodal file timed out", "download the media resource timed out",
         # Databricks when a model's answer broke its required format ("Model response did not respect the required
         # format. Please consider retrying"), Replicate's interrupted prediction ("Prediction interrupted; please retry
         # (code: PA)")
         "did not respect the required format", ("prediction interrupted", "please retry"),
         # the Realtime API while a response is in progress ("Conversation already has an active response in
         # progress")
         "already has an active response",
         # a resource still being made ready: the Gemini Files API ("The File ... is not in an ACTIVE state and usage is
         # not allowed"), Firebase AI Logic ("Service agents are being provisioned")
         "not in an active state", "service agents are being provisioned",
         # the ChatGPT web backend's answer to a request it dropped on its side ({"detail":"An error ocurred. Try
         # refreshing your browser."}, the typo its own: https://github.com/wong2/chatgpt-google-extension/issues/251,
         # https://github.com/lyr1cx/ChatGPT-Alfred/issues/4): the same request succeeds when sent again
         "try refreshing your browser",
         # the Assistants API while a run holds the thread ("Can't add messages to thread_... while a run run_... is
         # active", "Thread thread_... already has an active run"): the same request succeeds once the run ends
         ("while a run", "is active"), "already has an active run", "invalid request sent to provider",
         # the Copilot CLI's own name for an upstream 400 it retries ("Request failed (transient_bad_request).
         # Retrying...")
         "transient_bad_request",
         "failed to get response from provider", "timeout while downloading",
         # fasthttp (Go) reused a keep-alive socket the server had just closed: a fresh connection succeeds
         "closed connection before returning the first response byte"),
    # OpenAI reasoning models: "'max_tokens' is not supported with this model. Use 'max_completion_tokens'".
    _tag("max_completion_tokens",
         # OpenAI's first sentence alone, as an app quotes it ("'max_tokens' is not supported with this model":
         # https://github.com/1Panel-dev/MaxKB/issues/3702)
         ("max_tokens", "is not supported with this model"),
         # the same in a camel-cased API (OCI's GenAI service through LiteLLM: "Unsupported parameter: 'maxTokens' is
         # not supported with this model. Use 'maxCompletionTokens' instead.")
         "use maxcompletiontokens", "maxcompletiontokens instead",
         # a relay refusing both limits in one request ("Setting 'max_tokens' and 'max_completion_tokens' at the same
         # time is not supported"): drop max_tokens
         ("max_completion_tokens", "at the same time"), "use 'max_completion_tokens'", "use max_completion_tokens",
         "max_completion_tokens instead", ("'max_tokens'", "expected an unsupported value")),
    # Anthropic's thinking budget against its bounds (at least 1024, below max_tokens), in any envelope: the request
    # must change, whatever context-window words its documentation link holds.
    _tag("thinking_budget", ("budget_tokens", "must be greater than"), ("budget_tokens", "greater than or equal to"),
         ("budget_tokens", "must be less than"), ("budget_tokens", "less than or equal to")),
    # A concrete request defect: retrying the same bytes can only fail the same way.
    # A wrapper's 5xx around its upstream's 400: a one-api relay's "bad response status code 400" under FastGPT's
    # {"code": 500} envelope (https://github.com/labring/FastGPT/issues/2653), a client's "upstream returned status
    # code 400": the upstream refused this request, which a resend repeats.
    _tag("inner_400", "bad response status code 400", "invalid status code 400", "upstream status code 400",
         "upstream returned status code 400",
         "upstream returned 400", "upstream error 400"),
    # An app or client the service no longer serves until it is updated (Cursor: "You seem to be using an outdated
    # version of Cursor. Please upgrade to the latest version", https://github.com/kingparks/cursor-vip/issues/387, and
    # "Please update to the latest version of Cursor ... to continue using the Agent" under a 429 resource_exhausted,
    # https://github.com/wisdgod/cursor-api/issues/25; Antigravity: "This version of Antigravity is no longer
    # supported. Please update to receive the latest features!"): no resend, key or wait serves the request.
    _tag("client_outdated",
         "outdated version of", "please update to the latest version", "please upgrade to the latest version",
         ("this version of", "is no longer supported", "please update")),
    # A JSON Schema validator's words for a field the request lacks ("$: required property 'model' not found"): the
    # field is named, and "not found" beside it says nothing of a model (a request defect, below, by the same words).
    _tag("schema_required", *_SCHEMA_REQUIRED),
    _tag("request_defect",
         # Moonshot's thinking models given a replayed tool-call turn without its reasoning ("thinking is enabled but
         # reasoning_content is missing in assistant tool call message at index 13"), even under a relay's "Service
         # temporarily unavailable." banner (https://github.com/MoonshotAI/kimi-agent-sdk/issues/169); LM Studio
         # refusing a message with empty content ("'messages' array must only contain objects with a 'content' field
         # that is not empty": https://github.com/microsoft/autogen/issues/1521); Ollama's runner given image bytes it
         # cannot decode ("failed to process inputs: image: unknown format": https://github.com/ollama/ollama/issues/11320),
         # and llama-server's multimodal helper likewise ("mtmd_helper_bitmap_init_from_buf: failed to decode image
         # bytes": a HEIC photo sent as it was, https://github.com/potato-os/core/pull/89)
         "reasoning_content is missing", "content field that is not empty", "image unknown format",
         "failed to decode image bytes",
         # a client or server given two settings that exclude each other (google-genai: "Project/location and API key
         # are mutually exclusive in the client initializer.": https://github.com/googleapis/dotnet-genai/issues/305;
         # TGI's "Grammar and tools are mutually exclusive"): every corpus text of it format_error
         "are mutually exclusive",
         # Ollama refusing a fill-in-the-middle request (a suffix) for a model whose template has none
         # ("registry.ollama.ai/library/qwen3:latest does not support insert": https://github.com/ollama/ollama/issues/
         # 12425; all six corpus texts format_error): the request's suffix, not the model's presence
         "does not support insert",
         # Mistral's order of roles ("Unexpected role 'user' after role 'tool'", whatever a client's apology around it:
         # https://github.com/mastra-ai/mastra/issues/3831; all 18 corpus texts format_error)
         ("unexpected role", "after role"),
         # SageMaker JumpStart's Llama 2 container refusing an invocation without the licence header ("Need to pass
         # custom_attributes='accept_eula=true' as part of header.": https://github.com/jupyterlab/jupyter-ai/issues/
         # 361), and the Hugging Face container refusing a body without its "inputs" ("Input payload must contain a
         # 'inputs' key and optionally a 'parameters' key"), alone or inside SageMaker's 424 ModelError
         "need to pass custom_attributes accept_eula true", "input payload must contain",
         # Gemini's refusal of an explicit cache below the model's token floor ("Cached content is too small.
         # total_token_count=880, min_total_token_count=1024"): the request must send the content uncached
         "cached content is too small",
         # the Assistants API given an assistant id that is not there ("No assistant found with id 'asst_...'."): the
         # request names what it may not use
         "no assistant found with id",
         # KoboldCpp's refusal of a body it could not read ({"detail":{"msg":"Error parsing input","type":"bad input"}},
         # with a 500 or as Subtitle Edit prints it with none: https://github.com/SubtitleEdit/subtitleedit/issues/9592;
         # all three corpus texts format_error)
         "error parsing input",
         # transformers' generate() with a max_length below the prompt's own length ("Input length of input_ids is 494,
         # but max_length is set to 128 ... consider increasing max_length or, better yet, setting max_new_tokens":
         # https://github.com/EleutherAI/lm-evaluation-harness/issues/1513); both corpus texts format_error: the
         # request's length parameter, not the prompt, must change
         ("input length of input_ids is", "max_length is set to"),
         # Chrome's built-in Prompt API refusing to emit text in a language its model was not tested on
         # ("NotSupportedError: The model attempted to output text in an untested language, and was prevented from
         # doing so.": https://github.com/webmachinelearning/prompt-api/issues/46; all three corpus texts format_error):
         # the same prompt is refused again until it asks for a supported language
         "output text in an untested language",
         # the ChatGPT web backend on a conversation id it no longer holds ({"detail": {"message": "Conversation not
         # found", "code": "conversation_not_found"}} under its 404: https://github.com/xtekky/gpt4free/issues/2462;
         # "history_disabled_conversation_not_found": https://github.com/ChatGPTBox-dev/chatGPTBox/issues/440): start
         # a new conversation rather than look for another model; Dify's 404 for a conversation id it no longer holds
         # ({"code": "not_found", "message": "Conversation Not Exists."}: https://github.com/langbot-app/LangBot/
         # issues/1509, /1513)
         "conversation not found", "conversation not exists",
         # LM Studio's server on a path it does not serve ("Unexpected endpoint or method. (POST /chat/completions).
         # Returning 200 anyway": https://github.com/pssah4/vault-operator/issues/73,
         # https://github.com/brave/brave-browser/issues/51761): the client's base URL lacks /v1 or names another
         # route; four of five corpus texts format_error
         "unexpected endpoint or method",
         # the Gemini Live API closing a session with 1008 on an operation or setting the model does not serve ("...
         # code: 1008, reason: Operation is not implemented, or supported, or enabled.": https://github.com/googleapis/
         # js-genai/issues/1236, https://github.com/livekit/agents/issues/4545); both corpus texts are labelled
         # format_error. With the close code only: the same words as gRPC's UNIMPLEMENTED from a Vertex service
         # (https://github.com/google/adk-java/issues/255) are labelled model_not_found.
         ("operation is not implemented or supported or enabled", " 1008 "),
         # the CodeWhisperer/Kiro backend's ValidationException ("Improperly formed request.", as Amazon Q Developer
         # CLI's error chain prints it with no status: https://github.com/aws/amazon-q-developer-cli/issues/1311, and
         # under a relay's 400); all five corpus texts are labelled format_error
         "improperly formed request",
         # xAI's cap on the tools one request may carry ("Maximum tools limit reached. 219 tools have been provided but
         # the maximum is 200.": MCP servers' tools added up, https://github.com/anomalyco/opencode/issues/28911)
         "maximum tools limit reached",
         # ... and its words for the newer field ("max_completion_tokens is too large: 262144. This model supports at
         # most 256000 completion tokens": https://github.com/anomalyco/models.dev/pull/4422); all four corpus texts
         # format_error
         ("max_completion_tokens is too large", "supports at most"),
         # OpenAI's output budget over the model's own cap, printed without its 400 ("max_tokens is too large: 8192.
         # This model supports at most 4096 completion tokens": https://github.com/Realiserad/fish-ai/issues/28); all
         # twelve corpus texts of it are labelled format_error: ask for less, the prompt is not at fault. With the cap
         # it states only: vLLM's "'max_tokens' or 'max_completion_tokens' is too large: 32000" counts the prompt in
         # (its full text names the context window) and is labelled context_overflow
         ("max_tokens is too large", "supports at most"),
         # Ollama given an image for a model whose projector is not loaded ("this model is missing data required for
         # image input", under its 500 too: https://github.com/valentinfrlch/ha-llmvision/issues/691); all three corpus
         # texts are labelled format_error: the same request fails again, another model serves it
         "missing data required for image input",
         # Groq's tool_use_failed in its own words, whatever class a client wraps it in ("Failed to call a function.
         # Please adjust your prompt. See 'failed_generation' for more details." under groq.APIError:
         # https://github.com/langchain-ai/langchain/pull/30707); 13 of the corpus's 15 texts of it are labelled
         # format_error. Both sentences: "Failed to call a function" alone could be a tool runtime's own failure.
         ("failed to call a function", "adjust your prompt"),
         # tiktoken's refusal to encode a special token found in the text ("Disallowed special token found:
         # <|im_end|>", Auggie: https://github.com/augmentcode/auggie/issues/90; "Encountered text corresponding to
         # disallowed special token"): the same text is refused again
         "disallowed special token",
         # a file part whose data is no base64 (a gs:// URI sent as inline data: "Base64 decoding failed for
         # gs://xxx.mp3", https://github.com/vercel/ai/issues/3391; Google's own 400 names the field the same way); a
         # thought signature that fails to decode is read as one first
         "base64 decoding failed",
         # pydantic's pattern check on a request field, as a client prints the provider's 400 without its status
         # ("Received an error from the Anthropic API: tools.0.custom.name: String should match pattern
         # '^[a-zA-Z0-9_-]{1,128}$'": https://github.com/zed-industries/zed/issues/40928; the same words under a 400
         # in seven corpus files)
         "string should match pattern",
         # SiliconFlow's code 20041 for an image sent to a text-only model, with or without its 400 ("The model is not a
         # VLM (Vision Language Model). Please use text-only prompts.": https://github.com/steven-jianhao-li/
         # zotero-AI-Butler/issues/50)
         "model is not a vlm",
         # Anthropic's refusal of a beta it does not offer on this platform ("Unexpected value(s) `pdfs-2024-09-25` for
         # the `anthropic-beta` header"; every corpus text holding it is the request's defect), also where a wrapper
         # printed it under its own 500 (LiteLLM's Vertex InternalServerError: https://github.com/Aider-AI/aider/issues/
         # 2439)
         ("unexpected value", "for the anthropic beta header"),
         # a parameter over its bound, in a validator's words ("14 is greater than the maximum of 1 - 'top_p'", the
         # OpenAPI schema check behind LiteLLM's proxy and others)
         "is greater than the maximum of",
         # Ruby's Net::HTTP class for a 400, all a client printed of the answer
         # ("#<Net::HTTPBadRequest:0x0000000124077310>": langchainrb, https://github.com/patterns-ai-core/langchainrb/issues/696)
         "net::httpbadrequest",
         # a newer Claude on Bedrock refusing a sampling parameter, as a client prints it with no status
         # ("ValidationException ... The model returned the following errors: `temperature` is deprecated for this
         # model.":
         # https://github.com/NousResearch/hermes-agent/pull/90245); not a model that is deprecated (model_missing)
         "is deprecated for this model",
         # Bedrock's (Smithy's) request validation in its own words, without the ValidationException class a wrapper
         # drops ("1 validation error detected: Value at 'messages.2.member.content.1.member.toolUse.name' failed to
         # satisfy constraint: Member must satisfy regular expression pattern": the Vercel AI SDK's recorded Bedrock
         # answer, https://github.com/vercel/ai/blob/063230aca74480e4bc2d26558d65ddba82719b29/packages/amazon-bedrock/src/__fixtures__/bedrock-invalid-tool-name-validation-error.json)
         ("validation error detected", "failed to satisfy constraint"),
         # Cursor's words for a request its tools made the model refuse ("The model returned an error. Try disabling MCP
         # servers, or switch models.": https://github.com/Automattic/wordpress-mcp/issues/4; "The argument schema for
         # tool mcp_datapilot_run_model is incompatible with gemini-2.5-pro-exp-03-25":
         # https://github.com/AltimateAI/vscode-dbt-power-user/issues/1643), and a tool name over the API's limit in
         # pydantic's words ("tools.71.FrontendRemoteMcpToolDefinition.name: String should have at most 64 characters":
         # https://github.com/anthropics/claude-code/issues/34960)
         "try disabling mcp servers", ("argument schema for tool", "is incompatible with"),
         ("string should have at most", "characters"),
         # the error code Volcengine Ark (and other cloud APIs) give a request that lacks a required field
         # ("MissingParameter: input.status": https://github.com/cloudwego/eino-ext/issues/668)
         "missingparameter",
         # a feature the request's api-version predates (Azure OpenAI: "Response_format value as json_schema is enabled
         # only for api versions 2024-08-01-preview and later": https://github.com/EvoTestOps/AISysRev/issues/104;
         # "... is enabled only for api versions 2024-12-01-preview and later":
         # https://github.com/langchain4j/langchain4j/issues/2636), and DeepSeek's refusal of a response_format it does
         # not take ("This response_format type is unavailable now": https://github.com/langfuse/langfuse/issues/8807,
         # https://github.com/ItzCrazyKns/Vane/issues/969)
         "enabled only for api versions", "response_format type is unavailable",
         # the Realtime API refusing a truncate past the end of the audio it sent ("Audio content of 2650ms is already
         # shorter than 9100ms", code invalid_value: https://github.com/pipecat-ai/pipecat/issues/3677, /2106)
         ("audio content of", "already shorter than"),
         # a model's chat template refusing the conversation it was given, its source quoted in the error (llama.cpp's
         # 500 "Cannot pass both content and thinking in an assistant message with tool calls! ... {{-
         # raise_exception(...) }}": https://github.com/ggml-org/llama.cpp/issues/17040): the messages' shape is at
         # fault, whatever the status
         "raise_exception",
         # Cohere's refusal of a parameter it does not take ("unknown field: parameter 'num_generations' is not a valid
         # field": https://github.com/BerriAI/litellm/issues/34111); a handler called without an argument the request
         # should carry ("acreate_batch() missing 1 required positional argument: 'input_file_id'":
         # https://github.com/BerriAI/litellm/pull/37199)
         "is not a valid field", "required positional argument",
         # Xiaomi MiMo's refusal of a request's shape ("Param Incorrect (format)":
         # https://github.com/openclaw/openclaw/issues/82946); api.openai.com refusing an Azure api-version sent as its
         # OpenAI-Version header ("Unsupported OpenAI-Version header provided: 2023-03-15-preview":
         # https://github.com/shroominic/codeinterpreter-api/issues/64); TensorZero's rate-limited route refusing a
         # request without max_tokens ("Missing max tokens for rate limited request":
         # https://github.com/tensorzero/tensorzero/issues/3648)
         "param incorrect", "version header provided", "missing max tokens",
         # a request the server could not decode (LocalAI's 500 "failed reading parameters from request:json: cannot
         # unmarshal array into Go struct field Message.messages.content of type string":
         # https://github.com/mudler/LocalAI/issues/1383; llama.cpp's nlohmann JSON under a 500: "[json.exception.
         # type_error.302] type must be string, but is array": https://github.com/tmc/langchaingo/issues/667), or whose
         # messages it refuses ("Failed to parse messages: Unsupported content part type: \"image_url\"":
         # https://github.com/ggml-org/llama.cpp/issues/12947; google-genai's "History must start with a user turn.":
         # https://github.com/home-assistant/core/issues/141547; Snowflake Cortex's 'unknown role "tool".':
         # https://github.com/BerriAI/litellm/issues/23285)
         "failed reading parameters from request", ("type must be string", "but is array"),
         "failed to parse messages", "unsupported content part type", "must start with a user turn", "unknown role",
         # LiteLLM's UnsupportedParamsError ("sagemaker does not support parameters: {'stream': True}. To drop these,
         # set `litellm.drop_params=True`.": https://github.com/BerriAI/litellm/issues/1003), and vLLM's
         # structured-output compiler refusing a JSON schema ("Grammar error: Unknown format: uri": https://github.com/z-lab/paroquant/
         # issues/31; "500 Grammar error: Unimplemented keys" as Claude Code prints it:
         # https://github.com/noonghunna/club-3090/issues/45): the same request fails again
         "does not support parameters", "grammar error",
         # OpenAI's schema check of a list in the request ("'$.functions' is too long. Maximum length is 64, but got 65
         # items.": https://community.openai.com/t/function-call-limit-count/287161/9); Azure API Management's token
         # policy refusing a body it cannot read ("Unable to parse and estimate tokens from incoming request":
         # https://github.com/sigoden/aichat/issues/1389); a JSON schema's missing required field ("$: required
         # property 'model' not found": https://help.aliyun.com/en/model-studio/openai-compatible-agents-api-errors)
         ("is too long", "maximum length is"), "unable to parse and estimate tokens", *_SCHEMA_REQUIRED,
         # a cap on the request's tools (Copilot: "You may not include more than 128 tools in your request"), a server
         # started without the tool parser a tool call needs (LMDeploy: "Please launch the api_server with
         # --tool-call-parser if you want to use tools"), openai-python 1.x called the 0.x way ("You tried to access
         # openai.ChatCompletion, but this is no longer supported in openai>=1.0.0")
         ("may not include more than", "tools"), ("launch", "with tool call parser"),
         "no longer supported in openai 1 0 0",
         # an audio upload a transcription service cannot read ("Audio file might be corrupted or unsupported"), a
         # rerank request over its document cap (Qianfan: "max number of documents is 64")
         ("audio file", "corrupted or unsupported"), "max number of documents",
         # vLLM's multimodal inputs that do not match the prompt's placeholders ("Attempted to assign 462 = 462
         # multimodal tokens to 463 placeholders"), Ollama's one image per message ("vision model only supports a
         # single image per message")
         ("attempted to assign", "placeholders"), "only supports a single image",
         # OpenClaw's summary of a provider's 400 on the request's shape ("LLM request failed: provider rejected the
         # request schema or tool payload.")
         "rejected the request schema",
         # a value outside the list the field takes (Groq: "`reasoning_effort` must be one of `none` or `default`"),
         # a Python client called with an argument its method does not take (LiteLLM's 500 around "AsyncCompletions.
         # create() got an unexpected keyword argument 'reasoning_effort'")
         "must be one of", "got an unexpected keyword argument",
         # a feature of the request the model does not take ("Penalty is not enabled for models/gemini-2.5-flash",
         # "Thinking is not enabled for this model", Mistral's "Image input is not enabled for this model", "Media
         # resolution is not enabled for models/gemma-3-27b-it"), two options that exclude each other ("Citations cannot
         # be enabled when output format is set"), tools named twice ("Duplicate tool names"), a history Google's API
         # refuses ("requires alternate messages between authors"), a body that is no JSON object ("Expected a valid
         # JSON object in the request")
         "is not enabled for models", "is not enabled for this model", "cannot be enabled when",
         "duplicate tool names",
         "alternate messages between", ("expected a valid json object", "request"),
         # a tool list over a service's count ("agent executor error: number of tools exceeds 128"), a Rails-style
         # validation of a field ("function_call's name can't be blank": Baidu Qianfan 336003), a server's own words for
         # a request body it could not parse (LM Studio: "Received request for /api/v1/chat with invalid JSON")
         "number of tools exceeds", "can t be blank", ("received request for", "with invalid json"),
         # llama.cpp's server refusing a tools list it cannot render ("Failed to parse tools: [json.exception.type_error
         # .302] type must be string, but is null") or tools with streaming ("Cannot use tools with stream"), both sent
         # as a 500 typed server_error
         "failed to parse tools", "cannot use tools with stream",
         # a client that could not build its request from a base URL with no scheme (Rust's url crate: "relative URL
         # without a base", reqwest's Debug "RelativeUrlWithoutBase": BAML over a misconfigured Ollama base_url)
         "relative url without a base", "relativeurlwithoutbase",
         # Bedrock's ValidationException texts without their class ("The maximum tokens you requested exceed the model
         # limit of 4096", "The number of toolResult blocks at messages.11.content exceeds the number of toolUse blocks
         # of previous turn", ""thinking.type.enabled" is not supported for this model. Use "thinking.type.adaptive"")
         "maximum tokens you requested exceed the model limit", ("toolresult blocks", "tooluse blocks"),
         ("thinking type enabled", "use thinking type adaptive"),
         # Tencent Hunyuan's 4003 ("请求格式有误": the request's format is wrong)
         "请求格式有误",
         # Zhipu's 1214 for a message with neither text nor tool calls ("messages[4]:content和tool_calls
         # 字段不能同时为空": the two fields may not both be empty)
         "不能同时为空",
         # a schema keyword Vertex's Schema message lacks ('Message type "google.cloud.aiplatform.v1beta1.Schema" has no
         # field named "$defs"', 'Protocol message Schema has no "anyOf" field.')
         ("schema", "has no field named"), "protocol message schema has no",
         # an Assistants thread id that does not exist ("No thread found with id '...'"): the request names it wrong
         "no thread found with id",
         # a Go server's decode of the request into its request struct ("json: cannot unmarshal string into Go struct
         # field GeneralOpenAIRequest.max_tokens of type uint": one-api, new-api)
         ("cannot unmarshal", "generalopenairequest"), ("cannot unmarshal", "chatcompletionrequest"),
         ("cannot unmarshal", "completionrequest"),
         # ... Ollama's ("json: cannot unmarshal array into Go struct field ChatRequest.messages.content of type
         # string", in LiteLLM's APIConnectionError: https://github.com/google/adk-python/issues/49), and any struct's
         # field under the request's messages (one-hub: "... into Go struct field
         # ChatCompletionMessage.messages.reasoning")
         ("cannot unmarshal", "chatrequest"), ("cannot unmarshal", "go struct field", " messages "),
         # vLLM's request checks ("Stream options can only be defined when `stream=True`", "Unknown part type: file",
         # "You set image=2 ... in '--limit-mm-per-prompt', but passed 3 image items"), LM Studio's ("Vision add-on is
         # not loaded, but images were provided for processing")
         "can only be defined when", "unknown part type", "limit-mm-per-prompt", "but images were provided",
         # a structured-output schema Gemini cannot compile ("The specified schema produces a constraint that has too
         # many states for serving"), Azure AI Inference without a model ("No model specified in request"), a max_tokens
         # over the model's output cap behind a 500 ("max_tokens (32000) exceeds model's maximum output tokens")
         "too many states for serving", "no model specified in request", "exceeds model's maximum output tokens",
         # OpenAI's JSON-schema validation of a request's fields, as its older endpoints and clients print it
         # ("None is not of type 'string' - 'suffix'", "'512x512' is not one of ['1024x1024', ...] - 'size'"), and
         # Azure's "Unrecognized request arguments supplied: store" (Upstage Solar says the same)
         "is not of type 'string'", "is not of type 'integer'", "is not of type 'number'", "is not of type 'object'",
         "is not of type 'array'", "is not of type 'boolean'", "is not one of",
         "unrecognized request arguments supplied",
         # Together's old 500 ("Misconfigured request"), xAI's 415 ("The POST request has an empty body."), Groq's 422
         # ("could not be followed due to semantic errors")
         "misconfigured request", "request has an empty body", "due to semantic errors",
         # a chat template (llama.cpp's Jinja) raising on the history it was given, sent as a 500 ("Message has tool
         # role, but there was no previous assistant message with a tool call!")
         "no previous assistant message with a tool call",
         # OpenAI's Responses API on a parameter under its floor ("integer below minimum value. Expected a value >= 16,
         # but got 8.")
         ("below minimum value", "expected a value"),
         # n8n for a model only the Responses API serves ("This model requires the Responses API")
         "model requires the responses api",
         "unknown parameter", "unsupported parameter", "unrecognized request argument", "unknown_parameter",
         # llama.cpp's server refusing a request it cannot serve, thrown as a runtime error and so sent as a 500 typed
         # server_error (tools/server/utils.hpp, server.cpp): more than one choice, echo, a schema with a grammar, a
         # response_format it does not take, an image it cannot fetch or read, a media URL it cannot parse, media sent
         # to a text-only model, a prompt it cannot tokenize (https://github.com/ggml-org/llama.cpp)
         "only one completion choice is allowed", "only no echo is supported",
         "cannot use both json_schema and grammar",
         "failed to download image", "invalid url format",
         "failed to load image or audio file", "failed to tokenize prompt",
         ("multimodal data provided", "does not support multimodal"),
         # DashScope's InvalidParameter for an output cap out of the model's range ("Range of max_tokens should be
         # [1, 2000]")
         "range of max_tokens",
         "unsupported_parameter", "invalid schema", "invalid_schema", "extra inputs are not permitted",
         "missing required parameter", "field required", "invalid type for", "unsupported param",
         "input is not supported", "expected a string with minimum length", "does not support tools",
         # LiteLLM's refusal of tools for a provider it has no function calling for ("Function calling is not supported
         # by anthropic. To add it to the prompt, set `litellm.add_function_to_prompt = True`.": the files read it as
         # the request's, whatever class wraps it, https://github.com/BerriAI/litellm/pull/813)
         "function calling is not supported",
         # DeepSeek's thinking mode refusing a history without the model's reasoning, however many relays wrap it ("The
         # `reasoning_content` in the thinking mode must be passed back to the API.":
         # https://github.com/Alishahryar1/free-claude-code/issues/1327)
         "must be passed back to the api",
         "error rendering prompt with jinja template", "unexpected role",
         # xAI's refusal of a parameter it does not take, for this model or at all ("Argument not supported on this
         # model: presencePenalty", "Argument not supported: stream_options":
         # https://github.com/cline/cline/issues/2764)
         "argument not supported",
         "jinja exception", "tools param requires", "invalid params", "failed to parse the request body",
         # a relay on a body that is no JSON ({"errorMessage":"Failed to parse json request body."}: a Python dict
         # printed with single quotes, https://github.com/linweiyuan/go-chatgpt-api/issues/193)
         "failed to parse json request body",
         "unsupported value", "does not match the expected shape",
         # a previous response the request chains to that the API no longer holds (xAI's gRPC NOT_FOUND "Response with
         # id=... not found": https://github.com/pajeronda/xai_conversation/issues/9; OpenAI's "Previous response with
         # id '...' not found."): every corpus text of it is labelled format_error; the chain must be dropped
         ("response with id", "not found"),
         # an API its provider retired for every model ("Generate API was removed on September 15 2025. Please migrate
         # to Chat API.": https://github.com/opensearch-project/ml-commons/pull/4174)
         ("api was removed", "migrate to"),
         # Groq's cap on the output budget ("max_completion_tokens must be less than or equal to 40960, the maximum
         # value for max_completion_tokens is less than the context_window for this model":
         # https://github.com/Alishahryar1/free-claude-code/issues/955), not SiliconFlow's "max_total_tokens ... must be
         # less than or equal to max_seq_len", the window's
         "max_completion_tokens must be less than or equal to",
         # Perplexity's range check on a sampling parameter ("Frequency penalty must satisfy p > 0.":
         # https://github.com/danny-avila/LibreChat/issues/5176; all three corpus texts format_error)
         "penalty must satisfy",
         # OpenAI's refusal of an image it cannot read, without its 400 in a client's text ("You uploaded an unsupported
         # image. Please make sure your image has of one the following formats: ...":
         # https://github.com/marketing-factory/ai-filemetadata/issues/18; five of the six corpus texts format_error,
         # the sixth the tool-content repair by its thread)
         "uploaded an unsupported image",
         # AWS's coral envelope for an operation the service does not have ("__type":
         # "com.amazon.coral.service#UnknownOperationException": a proxy's wrong Bedrock route,
         # https://github.com/BerriAI/litellm/issues/13618; both corpus texts format_error)
         "unknownoperationexception",
         # A history the API refuses (roles out of order, a tool call without its result): repair, never retry.
         "must alternate", "should alternate", "must start with a user message", "tool_call_id", "tool call id",
         "tool call and result", "tool result's tool id", "must be followed by tool messages",
         # Anthropic's: "`tool_use` ids were found without `tool_result` blocks immediately after"
         ("tool_use", "ids were found without", "tool_result"),
         # ... and its converse, a result whose call is not in the message before ("unexpected `tool_use_id` found in
         # `tool_result` blocks"; all 16 corpus texts format_error, one under a relay's 500:
         # https://github.com/ding113/claude-code-hub/issues/471)
         "tool_use_id found in tool_result blocks",
         "tool call validation failed", "failed to parse tool call arguments",
         # Gemini's INVALID_ARGUMENT and LangChain's wrapper of it; two parameters the API will not combine.
         "request contains an invalid argument", "invalid argument provided to", "generatecontentrequest",
         "is not supported when", "invalid combination of",
         # A tool's JSON schema the API refuses (Anthropic's top-level oneOf/anyOf, an invalid schema).
         ("input_schema", "does not support"), ("schema", "at the top level"), "invalid json schema",
         "json schema is invalid",
         # Responses API: the input names an item the server never stored (store=false) or lost.
         ("item with id", "not found"), "items are not persisted", ("previous response with id", "not found"),
         # ... as Codex logs it before resending the whole history ("previous response id not found - will retry with
         # full history": https://github.com/openai/codex/blob/main/codex-rs/core/src/error.rs)
         ("previous response id", "not found"),
         # A parameter this model refuses, or only takes one value of (DeepSeek's reasoner, Anthropic with thinking,
         # Zhipu's code 1210), in the provider's words.
         "does not support the parameter", "may only be set to", "invalid api parameter",
         # Anthropic's SDKs refuse a non-streaming call whose max_tokens could run past 10 minutes (and Claude Code
         # prints it under a 500): stream the request or ask for fewer tokens; the same request fails again.
         "for operations that may take longer than",
         # A validator's verdict on a field or argument the server does not take (marshmallow's "Unknown field."
         # under FastAPI's "detail", as KoboldAI answers; the Python SDKs' required-arguments check), a format
         # value it refuses (Ollama's "invalid format: expected "json" or a JSON schema"), a browser call that
         # lacks Anthropic's CORS opt-in header, and Chinese relays' "parameter illegal" (Zhipu's code 1214).
         ("detail", "unknown field"), "missing required arguments", "missing required argument",
         "invalid format expected json", "参数非法", "参数不合法",
         # "parameter error", "invalid parameter", "parameter incorrect" (Chinese relays and clients)
         "参数错误", "无效的参数", "参数不正确", "请求无效",
         # serde/axum refusing the body (DeepSeek, Rust servers: https://github.com/pig-mesh/deepseek4j/issues/40),
         # OpenAI's older "could not parse the JSON body of your request", its array validator, a file upload's
         # type, a pydantic bound (Anthropic's "Input should be greater than or equal to 1024"), Gemini's undecodable
         # image.
         "failed to deserialize the json body", "could not parse the json body",
         "expected an array with minimum length", "unsupported mimetype", "unsupported mime type",
         "input should be greater than or equal to", "unable to process input image",
         # Google's proto decoder refusing a field the request sent ("Invalid JSON payload received. Unknown name
         # \"metadata\": Cannot find field."), relayed by OpenRouter or a proxy under any envelope; OpenAI's generic
         # invalid-request sentence of the Responses API
         "invalid json payload received", "cannot find field", "proto field is not repeating",
         "there was an issue with your request",
         # Go's encoding/base64 refusing an image the request carries ("illegal base64 data at input byte 4", Ollama's
         # 400 behind LiteLLM's connection-error class), a field whose JSON is broken ("`arguments` must be valid
         # JSON", a tool call in the history), a validator's list of the values it accepts (Anthropic), a system
         # instruction the model takes none of (Gemini's "Developer instruction is not enabled for models/gemma-3":
         # drop the system prompt), and a Chinese relay's "check whether the request parameters are right"
         "illegal base64 data", "must be valid json", "does not match any of the expected tags",
         # an image sent to a server or model without vision (llama.ui: "Multimodal not supported", llamafile: "The
         # server was not compiled for multimodal"), as llama.cpp's "image input is not supported"; a parameter value
         # the server refuses, naming the one to send (vLLM's 501 "`store=True` (default) is not supported. Please set
         # `store=False`"); Triton's generate endpoint refusing an empty body ("failed to parse the request JSON
         # buffer") or a decoupled model ("generate expects model to produce exactly 1 response, use generate stream")
         "multimodal not supported", "multimodal is not supported", "not compiled for multimodal",
         "is not supported please set", "failed to parse the request json", "expects model to produce exactly",
         "developer instruction is not enabled", "请检查请求参数"),
    # Leaked, revoked or deactivated: this credential will never work again.
    _tag("auth_permanent",
         # OpenCode Zen's AuthError for an account its upstream blocks ("Request blocked by upstream provider.", under a
         # 401 or alone, every model and new keys alike: https://github.com/anomalyco/opencode/issues/39827; both corpus
         # texts auth_permanent)
         "request blocked by upstream provider",
         # Midjourney's ban of an account ("You have been blocked from accessing Midjourney. This happens on repeated or
         # serious ToS violations.")
         ("blocked from accessing", "tos violations"),
         # Kimi's account flagged ("账号状态异常。如有疑问请联系 support@moonshot.cn": the account's status is abnormal,
         # contact support), as a translator plugin signed in with its web session shows it
         "账号状态异常",
         # Warp's block of an account from its AI features (a 403 "Your account has been blocked from using AI features.
         # If you think this is in error, please contact appeals@warp.dev.", later with an upgrade link:
         # https://github.com/warpdotdev/warp/issues/7000): an appeal, not another request, lifts it
         "blocked from using ai features",
         # Cursor's block of an account it flagged for abuse ("Your request has been blocked as our system has detected
         # suspicious activity from your account.": https://github.com/yeongpin/cursor-free-vip/issues/959; all three
         # corpus texts naming the account are auth_permanent): this login is done; the sentence without "from your
         # account" stays the provider's policy
         "detected suspicious activity from your account",
         # Azure OpenAI's abuse system blocking the resource behind the key ("Your resource has been temporarily blocked
         # because we detected unusual behavior." / "... behavior that may violate our content policy"): no request
         # from this key is served until a review lifts it (https://learn.microsoft.com/en-us/answers/questions/5903838)
         "resource has been temporarily blocked",
         # a hosted app's licence, the credential its requests carry, switched off (Chatbox AI's 401 {"code":
         # "license_inactived", "detail": "License Inactived"}: https://github.com/chatboxai/chatbox/issues/969)
         "license_inactived",
         # a gateway's key switched off by its staff (BriskAPI: "The API key has been disabled. Please contact customer
         # support"), as sub2api's "API key is disabled" below
         "api key has been disabled",
         # a relay's token group switched off by its admin (new-api: "令牌分组 auto 已被禁用")
         ("令牌", "已被禁用"),
         # fal's lock by its staff ("User is locked. Reason: Admin lock. Please contact support")
         ("user is locked", "admin lock"),
         # Claude Code on a key whose organisation was shut off ("Your ANTHROPIC_API_KEY belongs to a disabled
         # organization")
         "belongs to a disabled organization",
         # an account its provider has shut off (Requesty: "Your account has been restricted"; Huawei's Token Plan: "The
         # account is blocked for token plan")
         "account has been restricted", "account is blocked",
         # an account locked by its provider until its owner acts (Kiro: "Your User ID is temporarily suspended. ...
         # To restore access, please contact our support team"; MiMo: "Detected high-frequency non-compliant requests
         # from you ... If you need to appeal")
         ("temporarily suspended", "restore access"), ("non compliant requests", "appeal"),
         # a ChatGPT workspace switched off (Codex: "This workspace is deactivated. Select an active workspace")
         "workspace is deactivated",
         # Claude Code's sign-in to an account or organisation that is not entitled ("Your organization does not have
         # access to Claude. Please login again", "Your account does not have access to Claude Code. Please run /login")
         "organization does not have access to claude", "account does not have access to claude",
         # Google's project-level refusal ("Your project has been denied access. Please contact support.")
         "project has been denied access",
         # Fireworks' 412 ("Account is suspended or there's an issue with account status"), xAI's 403 ("Your API key or
         # team is blocked."), iFlytek Spark's blacklisted app ("appid在黑名单中")
         "account is suspended", "api key or team is blocked", "在黑名单中",
         # sub2api's key whose group an admin switched off ("API Key 所属分组已停用")
         "所属分组已停用",
         # Windsurf's team admin switched the user off ("[permission_denied] user is disabled by team")
         "user is disabled",
         # Zhipu's 1110, an inactive account ("您的账户当前处于非活动状态": https://docs.bigmodel.cn/cn/api/api-code)
         "账户当前处于非活动状态", "account is currently inactive",
         "revoked", "invalid_grant", "account has been disabled", "account is deactivated", "account_deactivated",
         "deactivated account", "has been deactivated", "organization has been disabled",
         "leaked", "has been suspended", "account suspended", "account has been banned",
         "oauth authentication is currently not supported", "oauth authentication is currently not allowed",
         "api key has expired", "organization has been restricted", "organization_restricted",
         "must be a member of an organization", "account has been locked", "has been locked", "access terminated",
         # OpenAI's ban notice ("Your access was terminated due to violation of our policies"), sent as a 429; an
         # organisation-wide refusal of a kind of call (Anthropic: "CORS requests are not allowed for this
         # Organization")
         "access was terminated", "requests are not allowed for this organization",
         # Kiro locking an account until a human verifies it (whatever insufficient_quota code its proxy adds)
         "locked your account", "temporarily is suspended",
         # An admin switched off this kind of credential ("has disabled Claude subscription access"), not a model.
         ("organization has disabled", "subscription"),
         # A subscription's OAuth session that expired and could not be refreshed: only a new browser login helps.
         ("session expired", "could not be refreshed"), ("session has expired", "could not be refreshed"),
         ("disabled", "violation of terms"),
         # the account's API access switched off until support acts (Venice's 403 "API access has been disabled for this
         # account": https://docs.venice.ai/api-reference/error-codes), or the resource refuses every key (Azure's
         # AuthenticationTypeDisabled: "Key based authentication is disabled for this resource", disableLocalAuth)
         "api access has been disabled", "key based authentication is disabled",
         # relays: "the user has been banned" / "disabled" (new-api, one-api)
         "用户已被封禁", "用户已被禁用",
         # LiteLLM proxy's virtual keys: blocked by an admin ("Authentication Error, key is blocked. Update via
         # /key/unblock"), or past their expiry ("Authentication Error - Expired Key"): no wait brings them back
         "key is blocked", "key has been blocked", "expired key",
         # ... or the key's team ("Authentication Error, Team=team-ml is blocked. Update via `/team/unblock`"), and
         # sub2api's words for a key an admin switched off ("API key is disabled")
         ("team", "is blocked update via"), "api key is disabled",
         # ... and an app's words for a key its owner switched off at OpenRouter ("API key disabled": Kerlig's help,
         # https://kerlig.com/help/open-router/troubleshooting)
         "api key disabled"),
    # A key a client asks the user to check "has not been revoked" (Cursor: "Invalid Cursor API key. Please verify that
    # your API key is correct and has not been revoked."): the key is refused, nothing says it was revoked.
    _tag("not_revoked", "has not been revoked", "hasn t been revoked",
         # Google's OAuth refusing a refresh until the user signs in again ("invalid_grant", "reauth related error
         # (invalid_rapt)": a Workspace session-length policy, https://github.com/cline/cline/issues/4080; both corpus
         # texts auth): a sign-in renews the credential, which nothing revoked
         "reauth related error", "invalid_rapt"),
    # Google refusing or not finding the caller's identity (``_IAM_REFUSED``, ``_ADC_MISSING``)
    _tag("google_identity", *_IAM_REFUSED, *_ADC_MISSING),
    # ChatGPT's web backend, which web-session clients call in place of the API (``web_backend_forbidden``)
    _tag("chatgpt_web_backend", "backend api conversation"),
    _tag("auth",
         # google-auth finding no application-default credentials (``_ADC_MISSING``)
         *_ADC_MISSING,
         # a Copilot-to-API bridge that could not exchange its GitHub token for a Copilot one ("Failed to get Copilot
         # token")
         "failed to get copilot token",
         # a protected Hugging Face Inference Endpoint called without a token (TGI's client: "A valid user token is
         # required": https://github.com/huggingface/text-generation-inference/issues/747)
         "valid user token is required",
         # Google's demand that the account holder sign in again before the key serves ("Verify your account to
         # continue.", "To continue, verify your account at ...": https://github.com/lbjlaq/Antigravity-Manager/issues/2069)
         "verify your account",
         # Google's refusal of a call that carries no key or identity ("Method doesn't allow unregistered callers
         # (callers without established identity). Please use API Key ...", as Gemini Live closes the socket with 1008:
         # https://github.com/kailashsp/realtime-conversation-voice-AI-agent/issues/1)
         "allow unregistered callers",
         # a proxy with no key stored for the provider (Continue's: "We couldn't find a secret with the name
         # \"XAI_API_KEY\"": https://github.com/continuedev/continue/issues/11139); Tencent Cloud's
         # AuthFailure.SecretIdNotFound ("The SecretId is not found, please ensure that your SecretId is correct.":
         # https://github.com/HIllya51/LunaTranslator/issues/1033); a plugin's failed key check ("Smart Connections: API
         # key is not working as expected!": https://github.com/brianpetro/obsidian-smart-connections/issues/393)
         "find a secret with the name", "secretid is not found", "api key is not working",
         # google-auth reading a service-account file that is not one ("The incoming JSON object does not contain a
         # client_email field": https://github.com/RooCodeInc/Roo-Code/issues/344); NextChat's access code refused
         # ("访问密码不正确或为空", "the access password is wrong or empty":
         # https://github.com/ChatGPTNextWeb/NextChat/issues/4177)
         "does not contain a client_email field", "访问密码不正确",
         # Claude Code's refusal of the key it was given from the environment ("Invalid API key · Fix external API
         # key"), also with the agent SDK's code glued in front of it ("authentication_failedInvalid API key · Fix
         # external API key": https://github.com/YishenTu/claudian/issues/593)
         "fix external api key",
         # OpenRouter's 401 "User not found.": a key it cannot tie to an account, which users met with a mistyped key or
         # one read from the wrong variable (https://github.com/anomalyco/opencode/issues/14252 has the same 401 for
         # every key during an OpenRouter incident; https://github.com/apurvsinghgautam/robin/issues/103 for a key
         # unused for months): cool the key, do not declare it dead
         "user not found",
         # botocore's NoCredentialsError named in a wrapper's text (LiteLLM's mapper failing on it:
         # "'NoCredentialsError' object has no attribute 'response'": https://github.com/OpenHands/OpenHands/issues/3310):
         # no AWS credential
         "nocredentialserror",
         # a client that has no sign-in to send ("[unauthenticated] Not logged in. If you are logged in, try logging
         # out and back in.": https://github.com/xllm-go/bypass/issues/153)
         "not logged in",
         # a resource behind a sign-in (Featherless via LiteLLM: "You must be signed in to access this resource"), an
         # agent with no stored login token (hermes-agent: "No access token found for Nous Portal login."), a JWT
         # minted for another audience (Databricks: "IncorrectClaimException: Expected aud claim to be: ...")
         "must be signed in", "no access token found", ("expected aud claim", "but was"),
         # FastAPI's OAuth2 refusal (Xinference: "Could not validate credentials"), a client's own line for a 401
         # ("Failed to authenticate 401")
         "could not validate credentials", "failed to authenticate",
         # a sign-in session that lapsed (OpenClaw: "Model login expired on the gateway for claude-cli. Re-auth with
         # ...")
         "login expired",
         # LibreChat's agents with no key to send ("No key found. Please provide a key and try again.")
         ("no key found", "provide a key"),
         # a client without its key ("Please set an API key for Google GenerativeAI in the environment variable"; xAI's
         # "unauthenticated:bad-credentials")
         "please set an api key", "bad credentials",
         # a client with no credential or project to send (Azure's credential classes:
         # "ManagedIdentityCredential.get_token failed"; Ollama: "You need to be signed in to Ollama to run Cloud
         # models"; a Gemini CLI bridge: "No project ID found ... Please try signing out and signing in again")
         "get_token failed", "need to be signed in", "signing out and signing in again",
         # a token of a kind the service does not take: an OAuth token minted for one client (Anthropic: "Your OAuth
         # token is restricted to Claude Code and can't be used for external API calls"), the Vercel AI Gateway without
         # a key ("Unauthenticated. Configure AI_GATEWAY_API_KEY ..."); a GitHub personal access token is bad_key's
         ("oauth token is restricted to", "can t be used"),
         ("unauthenticated", "configure ai_gateway_api_key"),
         # Baidu Qianfan's SDK error 14 ("IAM Certification failed"), OpenClaw with no key configured ("No API key found
         # for provider "anthropic""), Zed's cloud ("rejected the request due to insufficient permissions. Check that
         # your API key has access")
         "iam certification failed", "no api key found", "insufficient permissions",
         # ... and with the provider named between ("No OpenAI API key found. Please add your API key in the settings
         # dialog": https://github.com/abi/screenshot-to-code/issues/202)
         ("api key found", "no"),
         # a review tool with no key in its settings ("Error: llm: no API key configured (set LOCAL_REVIEW_API_KEY or
         # provider.api_key)": https://github.com/mshykov/local-review/pull/33; Resume-Matcher's "API key not
         # configured": https://github.com/srbhr/Resume-Matcher/issues/601)
         "no api key configured", "api key not configured",
         # a key used outside its organisation ("You do not have access to the organization tied to the API key"), the
         # SDK's own refusal to send without one ("Missing credentials. Please pass an `api_key`")
         "organization tied to the api key", "missing credentials",
         # a client that could not obtain credentials at all: the AWS SDKs' chains ("Could not load credentials from any
         # providers", "Error when retrieving credentials from iam-role: Credential refresh failed", the CRT's "Valid
         # credentials could not be sourced by the IMDS provider"), Google's project discovery ("Could not discover
         # project ID. Make sure you're authenticated"), a login that failed ("Failed to login. Message: Precondition
         # check failed.")
         "could not load credentials", "credentials could not be sourced", "error when retrieving credentials",
         "credential refresh failed", "could not discover project id", "failed to login",
         "unauthorized", "authentication", "invalid token", "token expired", "token has expired",
         # the reason phrase in British spelling (DeepInfra's keyless answer, {"error": "Unauthorised"}:
         # https://github.com/xtekky/gpt4free/issues/1948)
         "unauthorised",
         "access denied", "forbidden", "not authorized", "未授权"),
    _tag("timeout",
         # Bedrock AgentCore's hosted runtime that did not start in its 30 s ("Runtime initialization time exceeded":
         # https://github.com/aws/bedrock-agentcore-sdk-python/issues/189,
         # https://github.com/aws/bedrock-agentcore-starter-toolkit/issues/356)
         "initialization time exceeded",
         # Dify's plugin daemon giving up on a model call ("[models] Error: MAX_REQUEST_TIMEOUT":
         # https://github.com/langgenius/dify/issues/28890)
         "max_request_timeout",
         # Hermes Agent's watchdog on a call that answered nothing ("Non-streaming API call stale for 90s ... No
         # response from provider for 90s (non-streaming, model: gpt-5.4). Aborting call.":
         # https://github.com/NousResearch/hermes-agent/issues/34001)
         ("no response from provider for", "aborting call"), "api call stale for",
         # a client's watchdog on a stream that sent nothing ("Stream stale for 900s - no chunks received. Killing
         # connection.": https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1143; Claude Code's "Stream idle
         # timeout - no chunks received"): every corpus text of it is labelled timeout
         "no chunks received",
         # NSURLErrorTimedOut by its number alone ("NSURLErrorDomain -1001": https://github.com/tisfeng/Easydict/pull/1301)
         "nsurlerrordomain 1001",
         # Python's TimeoutError as a wrapper prints the exception it caught ("Exception:TimeoutError(), undefined,
         # retrying": lm-evaluation-harness's API models, https://github.com/tenstorrent/tt-inference-server/issues/3105)
         "timeouterror",
         # a relay's 504 in Chinese ("...服务器没有等到上游服务器的回应...", "the server did not get the upstream
         # server's answer, please try again later": https://github.com/lobehub/lobehub/issues/6267,
         # https://documentation.ocoolai.com/question/error_reply)
         "没有等到上游服务器的回应",
         # Rust's io::ErrorKind in a reqwest error's Debug form ("reqwest::Error { kind: Request, ..., source: TimedOut
         # }": https://github.com/juanrgon/chatgpt-cli/issues/1); a bot's deadline ("It looks like OpenAI didn't
         # respond within 75 seconds": https://github.com/seratch/ChatGPT-in-Slack/pull/47)
         "timedout", "didn t respond within",
         # Ruby's Net::HTTP read timer as any Ruby client prints it ("Seahorse::Client::NetworkingError:
         # Net::ReadTimeout with #<TCPSocket:(closed)>": aws-sdk-ruby calling Bedrock)
         "readtimeout",
         # llama-swap's model start that did not become healthy in time ("unable to start process: health check failed
         # after 15s")
         "health check failed after",
         # the two words ("Model NousResearch/Nous-Hermes-2-Mixtral-8x7B-DPO time out": Hugging Face's Inference API)
         # Portuguese: "time limit reached" (ByteGPT for Kommo: "ERRO OpenAi Limite de tempo atingido. OpenAI está com
         # lentidão")
         "limite de tempo atingido",
         "time out", "timed out", "timeout", "deadline exceeded", "request timeout", "stream stalled",
         # Cloudflare's 524 ("the server took too long to respond"), Fireworks' 408 ("The request took too long to
         # complete"), SambaNova's 408 ("terminated the request due to excessive processing time")
         "took too long to respond", "took too long to complete", "excessive processing time",
         "stalled for", "请求超时", "响应超时", "连接超时",
         # fetch's AbortError when a wrapper's own timer aborts the call (freellmapi: "The operation was aborted
         # (nvidia, chat, 90s)"; AbortSignal.timeout says "... due to timeout")
         "operation was aborted",
         # undici's timer codes, however a client prints them (Cline: {"message":"terminated","code":
         # "UND_ERR_BODY_TIMEOUT"}: https://github.com/cline/cline/issues/10359; nodejs/undici lib/core/errors.js): the
         # client's own timer between chunks, before the headers or on connect, not a cut by the server
         "und_err_body_timeout", "und_err_headers_timeout", "und_err_connect_timeout",
         # axios's code for a request its own timer aborted ("Unexpected API Error: ECONNABORTED": Kibana's Attack
         # Discovery over Bedrock; https://github.com/axios/axios, "ECONNABORTED: request timed out")
         "econnaborted",
         # Vercel's function that ran past its limit, as its 504 page and a proxied app print the code ("An error
         # occurred with your deployment\nEDGE_FUNCTION_INVOCATION_TIMEOUT": https://vercel.com/docs/errors): one
         # word with its underscores, so "timeout" alone never matches it
         "function_invocation_timeout", "edge_function_invocation_timeout"),
    # The connection never carried the request: refused, DNS, proxy, TLS trust.
    _tag("transport",
         # a client's own words for a request that never got through: goose's generic network error ("Network error
         # — check your network connection and try again.": https://github.com/block/goose/blob/main/crates/
         # goose-providers/src/errors.rs), Chromium's net::ERR_FAILED (a blocked or dropped fetch:
         # https://github.com/realcoloride/node_characterai/issues/166), a game server's "there are connection issues"
         # (https://github.com/abeiro/HerikaServer/issues/26), Go's cancelled request context ("request canceled,
         # context canceled": https://github.com/QuantumNous/new-api/issues/1315)
         "check your network connection", "net err_failed", "there are connection issues",
         # a hosted runtime's fetch refusing a loopback address ("Uncaught Error: Request to http://localhost:11434/api/
         # embeddings forbidden": Convex's cloud functions for AI Town's local Ollama, https://github.com/a16z-infra/
         # ai-town/issues/265; all three corpus texts timeout): the request never left, whatever "forbidden" says of
         # keys
         ("request to http localhost", "forbidden"), ("request to http 127 0 0 1", "forbidden"),
         # curl's failed TLS handshake (error 35, "TLS connect error", as curl_cffi raises it): no request got through
         "tls connect error",
         ("request canceled", "context canceled"),
         # Cloudflare's origin DNS error ("530 error code: 1016": the host behind its edge does not resolve; LobeChat
         # with a mistyped Azure endpoint: https://github.com/lobehub/lobehub/issues/996)
         "error code 1016",
         # a browser or app that could not get to its server at all ("Can't reach the server. Check your connection and
         # try again.": an iOS PWA mid-stream; six of seven corpus texts with "reach the server" are transport faults)
         "can t reach the server", "cannot reach the server",
         # an app's own line for a request that did not go through, asking the user to look at their network ("Failed
         # to request message, please check your network.": SQL Chat, https://github.com/sqlchat/sqlchat/issues/110;
         # LobeChat's provider network error): ten of the corpus's fifteen such texts are transport faults, the others
         # carry a status or words read first
         "please check your network",
         # Spring's RestTemplate when the socket failed, whatever cause it prints after (ResourceAccessException: "I/O
         # error on POST request for \"http://localhost:11434/api/chat\": null", 16 corpus texts, all transport
         # faults), Zed's read of a response that broke off ("I/O error reading response from Ollama's API"), and
         # urllib3's give-up with no cause printed ("HTTPSConnectionPool(host=...): Max retries exceeded with url: ...",
         # 68 of 73 corpus texts transport faults, the others certificate failures read first)
         ("i/o error on", "request for"), "i/o error reading response", "max retries exceeded with url",
         # Windows' own texts for WinHTTP and WinINet failures, as a VBA macro or .NET client prints them with the
         # error number ("Error -2147012866: The connection with the server was terminated abnormally" (12030), "An
         # error occurred in the secure channel support" (12157, no TLS version or cipher in common), "The download of
         # the specified resource has failed." (INET_E_DOWNLOAD_FAILURE): https://github.com/Sven-Bo/
         # Integrate-ChatGPT-in-Excel-using-VBA/issues/1 and /2): no answer came back
         "connection with the server was terminated abnormally", "error occurred in the secure channel support",
         "download of the specified resource has failed",
         # Delphi's HTTP client over WinHTTP, whose error number says the connection failed whatever language the text
         # after it is in ("Error sending data: (12030) La conexión con el servidor finalizó anormalmente.":
         # https://github.com/HemulGM/DelphiOpenAI/issues/42): 12002 timed out, 12029 could not connect, 12030 aborted,
         # 12031 reset
         ("error sending data", " 12002 "), ("error sending data", " 12029 "), ("error sending data", " 12030 "),
         ("error sending data", " 12031 "),
         # Windows' WSAEADDRNOTAVAIL, a local address the socket cannot use ("[WinError 10049] The requested address is
         # not valid in its context": https://github.com/IBM/mcp-cli/issues/33)
         "requested address is not valid in its context",
         # a connect the host itself refused (Go: "dial tcp 10.43.182.197:80: connect: operation not permitted", a
         # network policy or sandbox: https://github.com/k8sgpt-ai/k8sgpt-operator/issues/233)
         "connect operation not permitted",
         # Rust's io::ErrorKind names, which its HTTP clients print alone (Zed: "ConnectionRefused":
         # https://github.com/LostRuins/koboldcpp/issues/1971)
         "connectionrefused", "connectionreset", "connectionaborted",
         # urllib3's connect timeout named in a wrapper's text, which may end right there (Dify's plugin error: "...
         # Max retries exceeded with url: ... (Caused by ConnectTimeoutError(":
         # https://github.com/langgenius/dify/issues/19062)
         "connecttimeouterror",
         # Cursor's words for a request that never got an answer ("Connection failed. Please try again, or contact
         # support if the issue persists.": https://github.com/leookun/cursor-byok/issues/7)
         "connection failed please try again",
         # curl's receive failure, and Windows' words for a reset connection ("curl: (56) Recv failure: Connection was
         # reset": https://github.com/keldenl/gpt-llama.cpp/issues/49)
         "recv failure", "connection was reset",
         # a local server the caller could not reach, in the words of its clients (Langflow: "Could not retrieve model,
         # please make sure Ollama is running.": https://github.com/langflow-ai/langflow/issues/5583); Erlang's DNS
         # failure atom (openai_ex: "unknown Finch Error - :nxdomain": https://github.com/cyberchitta/openai_ex/issues/106);
         # a browser fetch aborted mid-body ("BodyStreamBuffer was aborted":
         # https://github.com/logancyang/obsidian-copilot/issues/1333)
         "make sure ollama is running", "nxdomain", "bodystreambuffer was aborted",
         # Cloudflare's page when the tunnel its host is served through has no live origin behind it ("Error 1033 ...
         # Argo Tunnel error ... The host (api.betterapi.net) is configured as an Argo Tunnel, and Cloudflare is
         # currently unable to resolve it": https://github.com/You-OpenSource/You-Python/issues/251; a trycloudflare.com
         # quick tunnel's "<title>Argo Tunnel error | ...": https://github.com/ryoppippi/curxy/issues/18): nothing
         # answered; LibreChat's line when its request to its own server failed ("error connecting to server, try
         # refreshing the page", behind Cloudflare's 100-second proxy timeout:
         # https://github.com/danny-avila/LibreChat/issues/6081)
         "argo tunnel error", "error connecting to server",
         # curl's exit 6, a name its resolver could not find ("curl: (6) Could not resolve host: api.github.com", as
         # plenary.nvim prints it: https://github.com/zbirenbaum/copilot.lua/issues/484)
         "could not resolve host",
         # ... PHP's curl when no resolver answered ("Could not resolve: api.openai.com (Could not contact DNS
         # servers)": https://github.com/orhanerday/open-ai/issues/34), and reqwest's connect failure as a Rust client
         # heads it ("Anthropic (anthropic) provider error:\n\nError client error (Connect)": https://github.com/egoist/
         # chatwise-releases/issues/328)
         "could not contact dns servers", "client error connect",
         # llama.vscode's popup when its llama-server did not answer ("Error getting suggestions. Please check if
         # llama.cpp server is running": https://github.com/ggml-org/llama.vscode/issues/83)
         ("check if", "server is running"),
         # curl's exit 52, the connection closed with no reply at all ("curl: (52) Empty reply from server":
         # https://github.com/mudler/LocalAI/issues/320); Open WebUI's toast for an endpoint it could not reach
         # ("OpenAI: Network Problem": https://github.com/open-webui/pipelines/issues/55)
         "empty reply from server", "network problem",
         # Puppeteer's headless browser gone while a web-session client drove it to the provider's page ("Navigation
         # failed because browser has disconnected!": https://github.com/ikechan8370/chatgpt-plugin/issues/76)
         "browser has disconnected",
         # Godot's HTTPRequest giving up with no answer, as an editor add-on prints its result ("HTTP response: Result:
         # 13, Response Code: 0": RESULT_TIMEOUT, the 14th value of HTTPRequest.Result,
         # https://docs.rs/godot-core/0.1.1/godot_core/classes/http_request/struct.Result.html;
         # https://github.com/FlamxGames/godot-ai-assistant-hub/issues/49)
         "result 13 response code 0",
         # Envoy's reset of the upstream before any answer ("upstream_reset_before_response_started{remote_reset}":
         # https://github.com/envoyproxy/ai-gateway/issues/1615); Firefox's TLS stream closed (PR_END_OF_FILE_ERROR, as
         # a Zotero plugin printed it: https://github.com/MuiseDestiny/zotero-gpt/issues/232)
         "upstream_reset_before_response_started", "pr_end_of_file_error", "pr end of file error",
         # an app telling its user to check the network (Cursor: "Connection failed. If the problem persists, please
         # check your internet connection or VPN", https://github.com/SazumiVicky/cursor-reset-tools/issues/18);
         # Dart's browser client for any failed request ("XMLHttpRequest error.": https://github.com/anasfik/openai/
         # issues/20); Warp's "Internal error occurred at transport layer" (https://github.com/warpdotdev/warp/issues/
         # 5557); reqwest's request that hyper could not send ("kind: Request ... hyper::Error(SendRequest, ...)":
         # https://github.com/warpdotdev/warp/issues/8276)
         "check your internet connection", "xmlhttprequest error", "occurred at transport layer",
         ("hyper error", "sendrequest"),
         # Windows' WSAETIMEDOUT in its own words, as Go prints it ("dial tcp ...: connectex: A connection attempt
         # failed because the connected party did not properly respond after a period of time"), Squid's page for a
         # URL it could not fetch ("ERROR: The requested URL could not be retrieved"), ESP-IDF's HTTP client
         # ("ESP_ERR_HTTP_CONNECT", "Failed to open new connection")
         "did not properly respond after a period of time", "the requested url could not be retrieved",
         "esp_err_http_connect", "failed to open new connection",
         # httpx's ConnectTimeout named inside a relay's 500 ("Error 500 with provider vertex ...: Unknown error:
         # ConnectTimeout")
         "connecttimeout",
         # LiteLLM's class for the OpenAI client's failed connection ("litellm.InternalServerError: InternalServerError:
         # Lm_studioException - Connection error."): its 500 is LiteLLM's, no server answered
         ("litellm internalservererror", "connection error"),
         # the JDK HttpClient's connection that closed before any status line ("HTTP/1.1 header parser received no
         # bytes": Spring AI, LangChain4j), Android's failed DNS lookup ("Unable to resolve host "api.openai.com": No
         # address associated with hostname"), curl's HTTP/2 stream torn down (92: "HTTP/2 stream 0 was not closed
         # cleanly: PROTOCOL_ERROR") and its TLS connect that broke (35: "BoringSSL SSL_connect: SSL_ERROR_SYSCALL")
         "header parser received no bytes", "unable to resolve host", "was not closed cleanly", "ssl_error_syscall",
         # a host the DNS did not resolve, in an Apple client's words ("Server with specified Hostname cannot be
         # found.": https://github.com/ml-explore/mlx-swift-examples/issues/490; URLSession's NSURLErrorCannotFindHost
         # says "A server with the specified hostname could not be found.")
         "specified hostname",
         # n8n's NodeApiError texts for a connection that could not be made (its ECONNREFUSED, ENOTFOUND and EAI_AGAIN
         # messages: "The service refused the connection - perhaps it is offline", "The connection cannot be
         # established", "The DNS server returned an error"), a proxy that closed before its CONNECT answer
         # (https-proxy-agent), an HTTP/2 request that got no answer (Smithy: "http2 request did not get a response"), a
         # gateway that got none from its upstream ("the server did not receive a response from the upstream server")
         "refused the connection", "connection cannot be established", "dns server returned an error",
         "proxy connection ended before", "request did not get a response",
         "did not receive a response from the upstream",
         # a proxy whose upstream sent nothing for its idle limit (Nous Portal: "upstream idle for 60000ms without
         # data"), a websocket the proxy could not write to (senpi: "Codex upstream websocket send failed")
         ("upstream idle for", "without data"), "websocket send failed",
         # the JVM clients' words for a connection that ended before any answer (OkHttp: "unexpected end of stream on
         # https://api.openai.com/..."; Reactor Netty: "Connection prematurely closed BEFORE response"), a socket the
         # host could not bind ("[Errno 99] Cannot assign requested address"), a proxy that could not reach its upstream
         # ("failed to connect to upstream")
         "unexpected end of stream on", "prematurely closed before response", "cannot assign requested address",
         "failed to connect to upstream",
         # .NET's HttpRequestException for a request that never got an answer ("An error occurred while sending the
         # request."), as Azure SDK retry policies print it after their last try
         "an error occurred while sending the request",
         # .NET's HttpClient when the proxy refused its CONNECT ("The proxy tunnel request to proxy '...' failed with
         # status code '503'": https://github.com/microsoft/chat-copilot/issues/313): no request reached the API
         "proxy tunnel request to proxy",
         # a client's words for a server it could not open a connection to (UnityWebRequest's "Cannot connect to
         # destination host", an MLX client's "Cannot connect to MLX server at http://localhost:8080"), a desktop app's
         # "Server connection lost. The model server may have crashed"
         "cannot connect to", "server connection lost",
         # texts that keep their reading when a wrapper drops the exception's class: ollama-python's ConnectionError
         # ("Failed to connect to Ollama. Please check that Ollama is downloaded, running and accessible"; not Zed's
         # "Failed to connect to Ollama API: 400 ...", an answer), openai<1.0's
         # APIConnectionError ("Error communicating with OpenAI"), botocore's ProxyConnectionError ("Failed to connect
         # to proxy URL: ..."), chatgpt-on-wechat's canned reply ("我连接不到你的网络": I cannot reach your network)
         "check that ollama is downloaded", "error communicating with openai", "failed to connect to proxy", "连接不到",
         # Node's EPIPE (a write to a socket the peer had closed: "Error: write EPIPE ... on TLSSocket":
         # https://github.com/anthropics/claude-code), Bun's fetch that could not open a socket ("FailedToOpenSocket":
         # https://github.com/sst/opencode), Go's proxy dial ("proxyconnect tcp: dial tcp 127.0.0.1:10809: connectex: No
         # connection could be made because the target machine actively refused it"; the refusal alone, under a
         # proxy's 500, stays the proxy's answer), Node's connect timer
         # ("ERR_SOCKET_CONNECTION_TIMEOUT"), Chromium's HTTP/2 framing fault ("net::ERR_HTTP2_PROTOCOL_ERROR", Copilot
         # Chat in VS Code)
         "epipe", "failedtoopensocket", "proxyconnect", "err_socket_connection_timeout",
         "err_http2_protocol_error",
         # a name that did not resolve ("DNS lookup for the provider endpoint failed", "DNS resolve failed for
         # cloudcode-pa.googleapis.com: queryA ETIMEOUT")
         ("dns lookup", "failed"), "dns resolve failed", "queryA etimeout",
         # Dart's Dio ("The connection errored: ... Status Code: -1"), with Windows' ERROR_SEM_TIMEOUT in Chinese
         # ("信号灯超时时间已到": the semaphore timeout period has expired)
         "the connection errored", "信号灯超时时间已到",
         # Copilot Chat's network failure ("Please check your firewall rules and network connection then try again"),
         # Trae's Chinese "请检查网络后重试" (check the network and retry), Zed's "error sending HTTP request to
         # OpenRouter API"
         "check your firewall rules", "请检查网络后重试", "error sending http request",
         # STranslate's Chinese "请检查服务是否可以正常访问" (check that the service can be reached), after a
         # request that failed to connect (https://github.com/STranslate/STranslate/issues/499)
         "请检查服务是否可以正常访问",
         # GPT4All's remote API worker ("Network error occurred while connecting to the API server")
         "network error occurred while connecting",
         # Open WebUI with no Ollama behind it ("WebUI could not connect to Ollama")
         "could not connect to ollama",
         # Reactor Netty's and others' "Connection prematurely closed" with no word of a response under way (Mastra:
         # "Error creating stream Client connection prematurely closed.": https://github.com/mastra-ai/mastra/issues/
         # 8740); "... DURING response" is a cut stream, read first
         "connection prematurely closed",
         # the same in an app's other words ("Couldn't connect to Ollama at http://127.0.0.1:11434":
         # https://github.com/wandb/openui/issues/215)
         "couldn t connect to ollama",
         # the Vercel AI SDK's APICallError for a fetch that failed ("Cannot connect to API: terminated")
         "cannot connect to api",
         "connection refused", "连接被拒绝", "name or service not known", "nodename nor servname", "getaddrinfo failed",
         "temporary failure in name resolution", "cannot connect to host", "failed to establish a new connection",
         "proxyerror", "tunnel connection failed", "proxy connect", "unable to connect to proxy",
         "error sending request for url", "no route to host",
         "network is unreachable", "stream disconnected before completion", "econnreset",
         # The socket's error number where the text around it is in the user's language (Rust's io::Error "... (os
         # error 10060)" after a Chinese Windows sentence: https://github.com/pot-app/pot-desktop/issues/127; Python's
         # "[WinError 10061]", "[Errno 111]"): Windows' WSAETIMEDOUT, WSAECONNREFUSED, WSAECONNRESET, WSAECONNABORTED,
         # WSAEHOSTUNREACH, WSAENETUNREACH, and Linux's and macOS's ETIMEDOUT, ECONNREFUSED, ECONNRESET, EHOSTUNREACH
         *(f"{prefix} {number}" for prefix in ("os error", "winerror")
           for number in ("10060", "10061", "10054", "10053", "10065", "10051")),
         # Windows' WSAECONNABORTED in its own words ("[WinError 10053] An established connection was aborted by the
         # software in your host machine": https://github.com/NousResearch/hermes-agent/issues/87292), and Go's failed
         # DNS lookup ("dial tcp: lookup api.openai.com on 127.0.0.11:53: no such host":
         # https://github.com/getzep/zep/issues/46)
         "connection was aborted by the software", "no such host",
         *(f"{prefix} {number}" for prefix in ("os error", "errno")
           for number in ("110", "111", "104", "113", "60", "61", "54", "65")),
         "econnrefused", "etimedout", "unable to connect to api", "fetch failed", "forcibly closed by the remote host",
         "eof occurred in violation of protocol", "connection broken", "connection to the api was lost",
         "proxy authentication required", "socket hang up", "enotfound", "eai_again",
         "failed to connect to all addresses", "unable to reach the model provider", "trouble connecting to the",
         # httpx's ConnectError when every address of the host refused or timed out (anyio's "All connection attempts
         # failed"), however a wrapper relabels it: https://github.com/BerriAI/litellm/issues/1789,
         # https://github.com/agent0ai/agent-zero/issues/470, https://github.com/run-llama/llama_index/issues/16811
         "all connection attempts failed",
         # Bun's fetch: FailedToOpenSocket and ConnectionRefused, in its own words
         "typo in the url or port", "is the computer able to access the url",
         # A client's own words for a local server that refused the connection (Continue over Ollama, LM Studio).
         "unable to connect to local", "may not be running",
         # ... and to a named server ("Unable to connect to the LM Studio server. Please check the address and try
         # again.": https://github.com/YorkieDev/LMStudioWebUI/issues/8)
         "unable to connect to the",
         # node-fetch's FetchError of type "system" ("request to <url> failed, reason: <errno text>", the reason may be
         # empty): https://github.com/node-fetch/node-fetch/blob/main/src/errors/fetch-error.js
         ("request to", "failed reason"),
         # a client's words for a server it could not reach or that does not answer (AnythingLLM: "The AnythingLLM LLM
         # engine instance could not be reached or is not responding", Ollama's "llm server not responding":
         # https://github.com/ollama/ollama/issues/9287)
         "could not be reached", "cannot be reached", "can t be reached", "not responding",
         # ... or is unreachable (ComfyUI's API nodes: "The API server at https://api.comfy.org is currently
         # unreachable. The service may be experiencing issues.": https://github.com/Comfy-Org/ComfyUI/issues/12372),
         # or a proxy could not fetch it (Squid's error page: "The following error was encountered while trying to
         # retrieve the URL: http://127.0.0.1:11434/api/generate": https://github.com/stavsap/comfyui-ollama/issues/22)
         "is currently unreachable", "error was encountered while trying to retrieve the url",
         # curl's CURLE_COULDNT_CONNECT (error 7), as curl, PHP and other libcurl users print it ("curl: (7) Failed to
         # connect to 172.16.105.65 port 11434 after 0 ms: Couldn't connect to server":
         # https://github.com/ollama/ollama/issues/4005; https://curl.se/libcurl/c/libcurl-errors.html)
         "couldn't connect to server", ("failed to connect to", "port"),
         # ... and a client's words for an endpoint it could not reach, with its advice to start the server (KoboldAI
         # Lite: "Failed to connect to Custom Kobold Endpoint! Please check if KoboldAI is running at the url: ...":
         # https://github.com/oobabooga/textgen/issues/3361)
         ("failed to connect to", "is running"),
         # a browser's own words for a fetch that got no answer: Firefox's TypeError ("NetworkError when attempting to
         # fetch resource."), Chromium's net error codes as its console prints them ("POST http://127.0.0.1:3928/...
         # net::ERR_CONNECTION_REFUSED": https://github.com/janhq/jan/issues/1243; Chromium's net/base/net_error_list.h)
         "networkerror when attempting to fetch resource", "err_connection_refused", "err_connection_reset",
         "err_connection_closed", "err_connection_timed_out", "err_name_not_resolved", "err_internet_disconnected",
         "err_network_changed", "err_address_unreachable", "err_empty_response",
         # the same list's proxy and tunnel failures and its bare timeout ("net::ERR_PROXY_CONNECTION_FAILED at
         # https://chat.openai.com/chat", a puppeteer-driven client)
         "err_proxy_connection_failed", "err_tunnel_connection_failed", "err_timed_out", "err_connection_failed",
         # Firefox's (Gecko's) network error names, as Playwright prints them ("NS_ERROR_NET_TIMEOUT ... navigating to
         # "https://chat.openai.com/chat"": https://github.com/A-kirami/nonebot-plugin-chatgpt/issues/132); the six that
         # Firefox Sync itself handles as "general network error" (gecko-dev services/sync/modules/service.js)
         "ns_error_net_timeout", "ns_error_net_reset", "ns_error_connection_refused", "ns_error_unknown_host",
         "ns_error_net_interrupt", "ns_error_proxy_connection_refused"),
    # one-api and new-api relays whose own HTTP client could not complete the call to their upstream (Go's client.Do
    # failed: refused, reset, timed out; new-api's code do_request_failed): "status_code=500, upstream error: do request
    # failed" (https://github.com/QuantumNous/new-api/issues/2974, /1477;
    # https://github.com/chenyme/grok2api/issues/37). Its own tag: the relay's "upstream error" around it is no server's
    # answer, and must not outrank it.
    # ... and Go's HTTP/2 client losing its connection while it posts the request ('Recovered upstream error: Post
    # "https://chatgpt.com/backend-api/codex/responses": http2: client connection lost': sub2api,
    # https://github.com/Wei-Shaw/sub2api/issues/5489); read while a stream is read it is a cut stream instead
    # ... and Go's HTTP client that gave up waiting for the upstream's headers ("upstream error: net/http: timeout
    # awaiting response headers" under a proxy's 502: NVIDIA's Personal-AI-Router in front of Ollama,
    # https://github.com/NVIDIA/Personal-AI-Router/issues/57; "http2: timeout awaiting response headers"): the upstream
    # was too slow, whatever "upstream error" the proxy wraps it in
    _tag("relay_call_failed", "do request failed", "do_request_failed", ("post", "http2 client connection lost"),
         "timeout awaiting response headers"),
    # The endpoint's certificate failed verification (Python ssl, Node, Go, rustls wordings): an intercepting
    # proxy, a self-signed or expired certificate, a missing CA bundle. Retrying meets the same certificate.
    # .NET's HttpRequestException for a TLS session it could not set up ("The SSL connection could not be established,
    # see inner exception."), its inner exception not printed or saying only that authentication failed: the files
    # read every such paste as a certificate the client does not trust (a corporate proxy's, an Android trust store:
    # https://github.com/microsoft/semantic-kernel/issues/12908, /10082); ``tls_unexplained`` leaves to the transport
    # rules an inner exception that names a dropped connection.
    _tag("ssl_unexplained", "ssl connection could not be established"),
    _tag("tls_untrusted",
         # Bun's (and some fetch shims') word for a chain it could not verify ("Error: unknown certificate verification
         # error": https://github.com/numman-ali/opencode-openai-codex-auth/issues/76)
         "certificate verification error",
         # Node's code for a certificate whose names do not cover the host (ERR_TLS_CERT_ALTNAME_INVALID: a DNS answer
         # pointing elsewhere, https://github.com/anomalyco/opencode/issues/38502) and .NET's for a certificate it
         # rejected ("The remote certificate is invalid": https://github.com/microsoft/semantic-kernel/issues/4739)
         "err_tls_cert_altname_invalid", "remote certificate is invalid",
         # Java's trust store without a chain to the server's certificate ("PKIX path building failed ... unable to find
         # valid certification path to requested target"), Chromium's certificate net errors as a browser client prints
         # them ("net::ERR_CERT_AUTHORITY_INVALID"; net/base/net_error_list.h)
         "pkix path building failed", "unable to find valid certification path", "err_cert_authority_invalid",
         "err_cert_common_name_invalid", "err_cert_date_invalid",
         # BoringSSL's name for TLS spoken to a plain-HTTP port, as Electron apps print it ("write EPROTO ...
         # OPENSSL_internal:WRONG_VERSION_NUMBER": https://github.com/cline/cline)
         "wrong_version_number",
         # Node's code for a verification it could not classify ("UNKNOWN_CERTIFICATE_VERIFICATION_ERROR")
         "unknown_certificate_verification_error",
         # Claude Code's own sentence ("Unable to connect to API: SSL certificate verification failed. Check your proxy
         # or corporate SSL certificates")
         "certificate verification failed",
         # a certificate whose names do not cover the host (Node: "Hostname/IP does not match certificate's altnames",
         # https://github.com/anthropics/claude-code/issues/1016; OkHttp: "SSLPeerUnverifiedException: Hostname ... not
         # verified"), and TLS spoken to a plain-HTTP port (OpenSSL's "wrong version number": an https URL for an http
         # server, https://github.com/lobehub/lobe-chat, fastapi_poe): the same endpoint answers the same way again
         "does not match certificate's altnames", "not in the cert's altnames", "sslpeerunverifiedexception",
         "wrong version number", "err_ssl_wrong_version_number",
         # ... and Go's words for it ("tls: first record does not look like a TLS handshake": Ollama pulling through a
         # corporate proxy reached as https, https://github.com/ollama/ollama/issues/729)
         "first record does not look like a tls handshake", ("hostname", "not verified", "subjectaltnames"),
         "certificate verify failed", "certificate_verify_failed", "self-signed certificate", "self signed certificate",
         "unable to get local issuer certificate", "unable to verify the first certificate", "certificate has expired",
         "self_signed_cert_in_chain", "unable_to_get_issuer_cert_locally", "unable_to_verify_leaf_signature",
         "depth_zero_self_signed_cert", "cert_has_expired", "x509: certificate signed by unknown authority",
         "invalid peer certificate", ("hostname mismatch", "certificate is not valid for"),
         # libcurl's texts for a certificate it could not verify (CURLE_PEER_FAILED_VERIFICATION, error 60, in its
         # current and its older words), as C++ clients print curl_easy_strerror ("SSL peer certificate or SSH remote
         # key was not OK": https://github.com/olrea/openai-cpp/issues/11; "Peer certificate cannot be authenticated
         # with given CA certificates": https://github.com/D7EAD/liboai/issues/51); Delphi's HTTP client that could not
         # obtain the server's certificate ("REST request failed: Error getting Server Certificate":
         # https://github.com/Code4Delphi/Delphi-AI-Developer/issues/37)
         "ssh remote key was not ok", "peer certificate cannot be authenticated", "error getting server certificate",
         # a certificate whose validity starts after the machine's clock (a wrong system date, or an intercepting
         # proxy's fresh certificate): Bun's sentence as opencode prints it ("Cannot connect to API: certificate is not
         # yet valid": https://github.com/anomalyco/opencode/issues/36791) and Node's code for it
         "certificate is not yet valid", "cert_not_yet_valid"),
    # The answer was cut at the output limit, reported as an error by a CLI or stream.
    # An output budget that alone is larger than the model's window (vLLM: "max_tokens (393216) cannot be greater than
    # max_model_len (max_total_tokens=262144). Please request fewer output tokens.":
    # https://github.com/NousResearch/hermes-agent/issues/102494): the prompt is not the problem, so shrinking it
    # cannot help; the request must ask for less.
    _tag("output_over_window", "cannot be greater than max_model_len"),
    # Codex's own backend answering 404 with an empty body during an outage ("unexpected status 404 Not Found: Unknown
    # error, url: https://chatgpt.com/backend-api/codex/responses": https://github.com/openai/codex/issues/42538): that
    # route serves every other turn, so the server failed. Only ChatGPT's backend: the same words for another host
    # ("... url: https://api.deepseek.com/responses") are a route that server does not have.
    _tag("not_found_unknown_error", ("404 not found unknown error", "chatgpt com backend api")),
    # one-api's words for its saturated upstream ("当前分组上游负载已饱和, 请稍后再试": the group's upstream load is
    # saturated, try again later), under whatever code the relay gives it (insufficient_quota:
    # https://github.com/labring/FastGPT/issues/3856)
    _tag("relay_saturated", "负载已饱和"),
    # google-generativeai's ValueError on an answer without parts ("Invalid operation: The `response.text` quick
    # accessor requires the response to contain a valid `Part`, but none were returned. Please check the
    # `candidate.safety_ratings` ...": https://github.com/linyqh/NarratoAI/issues/26), read by
    # ``accessor_without_parts`` after a finish reason the text names
    _tag("accessor_without_parts", "quick accessor requires the response to contain a valid part",
         # ... and the Vertex SDK's ValueError for the same candidate ("Content has no parts.", alone or under
         # LiteLLM's VertexAIException: https://github.com/googleapis/python-aiplatform/issues/3257; "Response candidate
         # content has no parts (and thus no text). The candidate is likely blocked by the safety filters.")
         "content has no parts"),
    _tag("output_truncated",
         # VS Code Copilot Chat's error for a bring-your-own-key model's answer stopped by finish_reason "length"
         # ("Response too long.": https://github.com/microsoft/vscode/pull/324121)
         "response too long",
         # n8n's agents on an answer the output cap cut before any text ("The model reached its output token limit
         # before it returned an answer. Reduce the request scope or use another model.":
         # https://github.com/n8n-io/n8n/issues/38972)
         "reached its output token limit before",
         # "the AI output was truncated" in Chinese clients' words ("AI 输出被截断", then the stop reason:
         # https://github.com/doctoroyy/novel-copilot/pull/33)
         "输出被截断",
         # an answer whose stop reason is the length cap, as a client logs it ("summarize_empty_response
         # model=gpt-5-mini finish_reason=length": https://github.com/pvliesdonk/markdown-vault-mcp/issues/919)
         "finish_reason length",
         # Obsidian Copilot's notice ("The AI response was cut off because it reached the token limit. You can increase
         # the 'Token Limit' in model settings": https://github.com/logancyang/obsidian-copilot/issues/2694)
         "cut off because it reached the token limit",
         # clients' words for an answer cut at its output cap (Gemini CLI: "Model response was truncated because it
         # exceeded the token limit", "Model stream ended due to token limit exhaustion (MAX_TOKENS)"; Kilo: "The model
         # hit its output limit while reasoning")
         "response was truncated because", "token limit exhaustion", "hit its output limit",
         # Vertex's ResponseValidationError with the finish reason as its number (2: MAX_TOKENS): "The model response
         # did not complete successfully. Finish reason: 2.", "did not completed successfully" in some releases
         # (https://blog.g-gen.co.jp/entry/gemini-response-validation-error-caused-by-output-tokens)
         ("did not complete successfully", "finish reason 2"), ("finish reason 2", "finish message"),
         # hermes-agent's error for a turn whose output budget went to reasoning ("Model used all output tokens on
         # reasoning with none left for the response": https://github.com/NousResearch/hermes-agent/pull/3444)
         "used all output tokens",
         # Kilo's words for a provider that stopped at the output cap ("Provider ended the request: The maximum number
         # of completion tokens was reached.": https://github.com/Kilo-Org/kilocode/issues/6381)
         "maximum number of completion tokens was reached",
         # openai-python's LengthFinishReasonError without its class ("Could not parse response content as the length
         # limit was reached")
         "as the length limit was reached",
         # ragas' LLMDidNotFinishException ("The LLM generation was not completed. Please increase try increasing the
         # max_tokens and try again.")
         ("generation was not completed", "max_tokens"),
         # Mattermost Agents ("response incomplete: max tokens reached before completion"), Hermes ("Response remained
         # truncated after 3 continuation attempts"), a SillyTavern extension ("AI response JSON appears incomplete ...
         # Try increasing Max Response Length")
         "max tokens reached before completion", "remained truncated", ("incomplete", "max response length"),
         # ... and 2 MAX_TOKENS: the budget ran out before any text part; Strands' MaxTokensReachedException ("Agent
         # has reached an unrecoverable state due to max_tokens limit")
         ("quick accessor", "finish_reason is 2"), ("quick accessor", "finishreason is 2"), "due to max_tokens limit",
         "output token maximum", "reason: max_output_tokens",
         # Copilot Chat's notice ("Sorry, the response hit the length limit"), DSPy's warning ("LM response was
         # truncated due to exceeding max_tokens=4000")
         "response hit the length limit", "response was truncated due to exceeding max_tokens",
         # aider's token-limit report when the output hit its cap ("Output tokens: ~8,153 of 8,192 -- possibly exceeded
         # output limit!")
         "possibly exceeded output limit",
         # pydantic-ai when the output budget ran out mid tool call ("Model token limit (4096) exceeded while
         # generating a tool call ... Increase the `max_tokens` model setting"), Roo Code's notice for a thinking
         # model whose answer hit the limit ("Thinking complete, but output was truncated due to token limit")
         "increase the max_tokens model setting", "output was truncated due to token limit",
         # instructor's IncompleteOutputException (finish_reason "length" / stop_reason "max_tokens")
         "output is incomplete due to a max_tokens",
         # a chat client's notice for an answer whose finish_reason was "length", whatever the provider (ChatWise with
         # Kimi, Claude, Gemini: "This message is finished due to length, increasing max output tokens may help with
         # this": https://github.com/egoist/chatwise-releases/issues/1006, /875, /484)
         "finished due to length", ("due to length", "max output tokens"),
         # pydantic-ai when the output budget was spent before any answer (thinking took it all: "Model token limit
         # (8192) exceeded before any response was generated. Increase the `max_tokens` model setting":
         # https://github.com/pydantic/pydantic-ai/issues/3504): the prompt fits; the answer's budget does not
         "exceeded before any response was generated"),
    # A stream that ended without its terminal event (no finish_reason or stop_reason): retry.
    _tag("stream_cut",
         # the Rust HTTP stack's failure while a response body was still arriving (hyper/reqwest: "request or response
         # body error", "error decoding response body", under a CLI's "Failed to receive the next message":
         # https://github.com/aws/amazon-q-developer-cli/issues/1210): the body broke off, not a body that was wrong
         "request or response body error",
         # Codex's cut stream around a sub2api relay's bare "Upstream request failed" ("stream disconnected before
         # completion: Upstream request failed": https://github.com/Wei-Shaw/sub2api/issues/2814, /5303): the relay's
         # stream broke off, whatever its upstream did; all three corpus texts stream_incomplete (the relay's words
         # alone, or under its 502, stay a server fault)
         "stream disconnected before completion upstream request failed",
         # OpenCode's chunk timeout on a stream that stopped sending ("SSE read timed out":
         # https://github.com/anomalyco/opencode/issues/17336): the stream was under way, not the connection; both
         # corpus texts labelled stream_incomplete
         "sse read timed out",
         # CopilotKit's runtime when the agent's stream broke off ("Agent agent streaming connection was unexpectedly
         # terminated. This often indicates an error in the agent service (e.g., authentication failures, ...)"): the
         # causes it lists after are guesses
         "streaming connection was unexpectedly terminated",
         # a stream that closed before its first event (Cody: "Connection closed without receiving any events":
         # https://github.com/sourcegraph/jetbrains/issues/2200; Claude Code: "Stream ended without receiving any
         # events"): the answer never came, whatever the socket said
         "without receiving any events",
         # a client's count of answers cut off again and again ("The connection kept dropping mid-response after several
         # retries.": Freebuff, https://github.com/CodebuffAI/freebuff/issues/1025), as "Connection closed
         # mid-response" is Claude Code's: the words after it asking to check the network are its advice
         "dropping mid response", "dropped mid response",
         # Claude Code's idle watchdog after the answer had begun ("API Error: Stream idle timeout - partial response
         # received": https://github.com/anthropics/claude-code/issues/53020, /54472): the stream was cut, not a request
         # that never got an answer ("- no chunks received", a timeout)
         "partial response received",
         # undici's "terminated" for a body it was reading when the socket closed, printed with its cause ("terminated:
         # other side closed": Vercel AI SDK, https://github.com/vercel/ai/issues/9775, and llmgateway's upstream
         # stream, https://github.com/theopenco/llmgateway/pull/2980); both corpus texts of it are stream_incomplete.
         # Before the answer began, "Cannot connect to API: other side closed" stays the connection's fault
         "terminated other side closed",
         # Claude Code when a gateway's stream stopped after partial content ("API Error: The response stopped
         # arriving. The response above may be incomplete.": https://github.com/Sunnyender-org/cursor-sdk2api/issues/25)
         "response stopped arriving",
         # llama-server's web UI when its stream dropped mid-answer ("Stream connection lost and could not be resumed":
         # https://github.com/ggml-org/llama.cpp/issues/25158)
         "stream connection lost",
         # a client's SSE reader at a stream that stopped inside an event ("Z.AI SSE stream ended with an unterminated
         # event": https://github.com/tetsuo-ai/agenc-core/pull/2487)
         ("stream ended", "unterminated event"),
         # the Vercel AI SDK failing to read a 200 whose body undici cut ("Failed to process successful response\n
         # cause: TypeError: terminated": https://github.com/vercel/ai/pull/13668); without the cause the answer is
         # unreadable
         ("failed to process successful response", "typeerror terminated"),
         # the Claude apps' notice for an answer cut off mid-way ("Claude's response was interrupted. Please check your
         # network connection or contact support if the issue persists.":
         # https://github.com/wonderwhy-er/DesktopCommanderMCP/issues/98); not Copilot's "Response was interrupted due
         # to a server error", which the files read both ways
         "response was interrupted please check your network",
         # openai-node's AssistantStream when the run's stream ended before its final run event ("Final run has not been
         # received": https://github.com/openai/openai-node/issues/945)
         "final run has not been received",
         # aiohttp's body shorter than its Content-Length ("Not enough data to satisfy transfer length header.":
         # https://github.com/open-webui/open-webui/issues/24559)
         "not enough data to satisfy transfer length header",
         # a stream read that hit the end of its input ("🚨 Stream error → Unexpected EOF":
         # https://github.com/plandex-ai/plandex/issues/275; "streaming error: unexpected EOF")
         ("stream error", "unexpected eof"), ("streaming error", "unexpected eof"),
         # a Go client's server-sent-events reader at the same end (Envoy AI Gateway's route timeout cutting a long
         # answer: "read SSE stream: unexpected EOF": https://github.com/defilantech/LLMKube/issues/734)
         ("read sse stream", "unexpected eof"),
         # a client's reader cap on one stream line (Go's "bufio.Scanner: token too long":
         # https://github.com/dev2k6/command-code-proxy-server/issues/3; aiohttp's "Chunk too big":
         # https://github.com/open-webui/open-webui/issues/10302, and "Got more than 131072 bytes when reading":
         # .../pull/28114): the stream could not be read to its end
         "bufio scanner token too long", ("got more than", "bytes when reading"), "chunk too big",
         # sub2api reading an upstream Responses stream ("stream read error: http2: client connection lost":
         # https://github.com/Wei-Shaw/sub2api/issues/4698)
         "stream read error",
         # a body read that broke mid-answer: Go's net/http2 ("http2: response body closed"), Chromium's net errors
         # ("net::ERR_INVALID_CHUNKED_ENCODING", "ERR_INCOMPLETE_CHUNKED_ENCODING"), hyper's body stream under reqwest
         # ("stream closed because of a broken pipe"), a client's stall guard after chunks had come ("No stream activity
         # for 120000ms after 19 chunks", qwen-code)
         "http2 response body closed", "err_invalid_chunked_encoding", "err_incomplete_chunked_encoding",
         "stream closed because of a broken pipe", ("no stream activity", "chunks"),
         # a Responses stream that ended with no terminal event ("stream finished without response.completed event")
         "finished without response completed",
         # google-generativeai's BrokenResponseError ("Can not build a coherent char history after a broken streaming
         # response"), a Responses stream with no terminal event (hermes-agent: "fallback did not emit a terminal
         # response"), LibreChat's words for a stream that stopped ("The response is incomplete; it's either still
         # processing, was cancelled, or censored")
         "broken streaming response", "did not emit a terminal response", "the response is incomplete",
         # a relay whose upstream stream stopped before its terminal event (GPT-Load's upstream_stream_terminated:
         # "Upstream stream terminated before completion."), pi-ai's stop reason for an interrupted stream ("Unhandled
         # stop reason: abort": https://github.com/openclaw/openclaw/issues/18453)
         "stream terminated before completion", "unhandled stop reason abort",
         # the AWS event-stream decoder on a frame cut short (Continue over Bedrock: "Error processing Bedrock stream:
         # Truncated event message received"), Reactor Netty's connection closed mid-answer ("PrematureCloseException:
         # Connection prematurely closed DURING response"), Claude Code's stream that closed before its first event
         # ("Stream ended without receiving any events")
         "truncated event message", "prematurely closed during response", "stream ended without receiving",
         # a Responses stream that ended before its completed event (OpenHands: "Responses stream finished without a
         # completed response")
         "stream finished without a completed",
         # a web client's stream that broke off ("Gemini Web API call failed: Stream interrupted or truncated")
         "stream interrupted or truncated",
         # an Azure chat app's banner for a stream that broke mid-answer ("Stream interrupted: Something went wrong
         # while streaming the response. Please try again.": https://github.com/microsoft/simplechat/issues/1380)
         ("stream interrupted", "while streaming"),
         # a Responses stream that closed with no terminal event (Copilot CLI: "Stream completed without a
         # response.completed event"; Codex through a gateway: "response stream dropped before provider terminal event")
         "stream completed without a", "stream dropped before",
         # a body stream that failed mid-read: the browsers' fetch ("TypeError: Error in input stream", big-AGI and
         # chatbot-ui over Anthropic and Mistral), OkHttp's HTTP/2 reset ("StreamResetException: stream was reset:
         # INTERNAL_ERROR", anthropic-sdk-java), curl's error 18 ("transfer closed with outstanding read data
         # remaining")
         "error in input stream", "stream was reset", "transfer closed with outstanding read data",
         # undici's body shorter than its header said ("Response body length does not match content-length header")
         ("response body length", "content-length"),
         # an HTTP/2 stream the peer reset mid-answer (GitHub Copilot: "Request Error: Stream closed with error code
         # NGHTTP2_INTERNAL_ERROR", https://github.com/orgs/community/discussions/55575)
         "nghttp2_internal_error",
         # AnythingLLM's Ollama stream that broke ("Ollama:streaming - could not stream chat. Stream returned undefined
         # chunk")
         ("could not stream chat", "undefined chunk"),
         # Cherry Studio's diagnosis ("Response interrupted, check network stability or retry"), botocore's
         # ResponseStreamingError ("An error occurred while reading from response stream: ('Connection broken:
         # IncompleteRead")
         ("response interrupted", "network stability"), "error occurred while reading from response stream",
         # Codex's websocket closed before the terminal event ("websocket closed by server before
         # response.completed"), Cline's OpenRouter stream that ended on an error status ("OpenRouter Mid-Stream
         # Error: Stream terminated with error status but no error details provided")
         "closed by server before response completed", "stream terminated with error status",
         # @google/genai's stream reader when the body ended inside an object ("Incomplete JSON segment at the end"),
         # Go's net/http2 when the server shed the connection with streams in flight ("http2: server sent GOAWAY and
         # closed the connection; LastStreamID=795, ErrCode=ENHANCE_YOUR_CALM")
         "incomplete json segment", ("server sent goaway", "closed the connection"),
         # Go's net/http2 StreamError for one stream the peer reset ("stream error: stream ID 17; INTERNAL_ERROR;
         # received from peer", a Codex stream relayed raw by CLIProxyAPI)
         ("stream error stream id", "received from peer"),
         ("stream", "finish_reason"), ("stream", "finish reason"), ("stream", "stop_reason"),
         "stream ended without", "without a terminal event",
         # node-fetch's ERR_STREAM_PREMATURE_CLOSE: the body stream was cut before it ended.
         "premature close", "err_stream_premature_close",
         # Go's net/http2 StreamError ("stream error: stream ID 53; INTERNAL_ERROR; received from peer"): the server
         # reset this stream mid-answer (https://github.com/golang/net, http2/errors.go)
         ("stream error", "stream id"),
         # urllib3/requests' "Response ended prematurely" (https://github.com/gpustack/gpustack/issues/2698),
         # Claude Code's "Connection closed mid-response", a proxy's "Stream error: error decoding response body",
         # and an SSE event whose JSON was cut ("failed to decode event payload: unexpected end of JSON input").
         "response ended prematurely", "connection closed mid response",
         # reqwest's body decode error named by any stream wrapper ("Stream error: ...", goose's "Stream decode error:
         # error decoding response body": https://github.com/aaif-goose/goose/issues/8021)
         ("stream", "error decoding response body"), ("event payload", "unexpected end of json input"),
         # reqwest's decode error (its body stream broke mid-read) in Codex's words: "stream disconnected before
         # completion: Transport error: network error: error decoding"
         ("stream disconnected", "error decoding"),
         # openai-node's stream helper when no chunk closed a choice ("missing finish_reason for choice 0"), Claude
         # Code's "Streaming response ended before any complete data was received", a chat UI's "An error occurred while
         # streaming response. network error", Gemini CLI's "Unknown error from LLM stream"
         "missing finish_reason for choice", "streaming response ended before", "stream ended before",
         "error occurred while streaming", ("while streaming", "network error"), "error from llm stream",
         # autogen's stream reader when no chunk carried a finish reason ("No stop reason found")
         "no stop reason found",
         # ollama-js when Ollama's stream ended without its done message, in every app built on it (Flowise, Cline, the
         # Ollama VS Code extension: "Did not receive done or success response in stream.":
         # https://github.com/ollama/ollama-vscode/issues/59, https://github.com/cline/cline/issues/5935), and Dify's
         # Xinference client in the words above with "during" ("xinference: An error occurred during streaming.")
         "did not receive done or success response in stream", "error occurred during streaming"),
    # The answer had begun and its body was cut before it ended: httpx's RemoteProtocolError ("peer closed connection
    # without sending complete message body (incomplete chunked read)", https://github.com/encode/httpx/issues/3087),
    # aiohttp's ClientPayloadError ("Response payload is not completed",
    # https://github.com/aio-libs/aiohttp/issues/4581), a Responses stream closed before its terminal event (Codex:
    # "stream closed before response.completed", https://github.com/router-for-me/CLIProxyAPI/issues/1071). Resend.
    _tag("body_cut",
         # Cherry Studio's stream reader meeting a network error after the answer began ("Error consuming stream:
         # TypeError: network error": https://github.com/CherryHQ/cherry-studio/issues/8385)
         ("error consuming stream", "network error"),
         # reqwest's body read that hyper failed ("kind: Decode, source: hyper::Error(Body, Error { kind:
         # Io(Kind(ConnectionReset)) })": https://github.com/warpdotdev/warp/issues/7471, /7763): the answer had begun
         "hyper error body",
         "without sending complete message body", "incomplete chunked read", "response payload is not completed",
         # aiohttp's TransferEncodingError alone, in its older words too ("400, message: Not enough data for satisfy
         # transfer length header.": the 400 is aiohttp's parser code, not a status:
         # https://github.com/vllm-project/vllm/issues/6885)
         "satisfy transfer length header",
         # urllib3's (requests') words for the same cut: the chunked body ended before its last chunk ("Connection
         # broken: InvalidChunkLength(got length b'', 0 bytes read)", "Connection broken: IncompleteRead(0 bytes
         # read)": https://github.com/acheong08/ChatGPT/issues/1004, https://github.com/lm-sys/FastChat/issues/2219)
         "invalidchunklength", ("connection broken", "incompleteread"),
         "stream closed before"),
    # A stream that broke its own protocol (a proxy's translated SSE): events out of order, a block never started.
    _tag("malformed_stream",
         # openai-node's Responses stream accumulator meeting events out of order ("When snapshot hasn't been set yet,
         # expected 'response.created' event, got ...": https://github.com/BerriAI/litellm/issues/32561)
         "expected response created event",
         # openai-python's Responses stream state meeting a relay's stream that opened with another event ("Expected to
         # have received `response.created` before `response.in_progress`": https://github.com/NousResearch/
         # hermes-agent/issues/8133)
         ("expected to have received", "response created before"),
         # a client meeting an event or chunk it cannot read: the Claude Agent SDK's "Unknown message type:
         # rate_limit_event" (a newer CLI's event), LangChain's merge of two chunks ("additional_kwargs[tool_calls]
         # already exists in this message chunk"), LiteLLM's "Unable to parse ollama chunk"
         "unknown message type", "already exists in this message chunk", ("unable to parse", "chunk"),
         "unexpected event order", "content block not found",
         # LobeChat's StreamChunkError ("Error parsing the message chunk of the streaming request"), go-openai's stream
         # reader ("stream has sent too many empty messages")
         "error parsing the message chunk", "too many empty messages"),
    # pydantic's json_invalid for a model validated from text with no status: the client parsing the model's
    # answer ("1 validation error for AgentOutput Invalid JSON: EOF while parsing a string ... [type=json_invalid":
    # LangHire over Ollama; graphiti's "1 validation error for ExtractedEntities\n  Invalid JSON:"). A server that
    # refuses a request body says so under its 400 (vLLM), which this tag is not read under.
    _tag("answer_json_invalid", ("validation error for", "invalid json")),
    # A client crashed parsing the answer: no JSON at all (an HTML error page, an empty body), or an object without
    # the completion's fields (JavaScript's TypeError reading 'choices' of undefined or null).
    # A client's parser refusing one streamed chunk it received (goose: "Failed to parse streaming chunk: missing field
    # delta: ..." on Azure's content-filter annotation chunk, "Stream decode error: Failed to parse streaming chunk:
    # invalid type: null, expected a string ..." on a tool call's null arguments: https://github.com/aaif-goose/goose/
    # issues/8641, /6796): the stream arrived and its content was wrong, whatever the words around it say of the
    # stream or of a missing field.
    _tag("chunk_refused", "failed to parse streaming chunk"),
    _tag("unparsable_answer",
         # duck.ai wrappers whose status call came back without the x-vqd-4 token a chat needs ("Missing VQD headers:
         # vqd=false, hash=true", duck_chat's "No x-vqd-4"): the answer lacks what the client must read
         "missing vqd headers", "no x vqd 4",
         # Azure's Copilot agent SDK given an activity it did not expect ("Agent failed to generate a response:
         # Unexpected copilot activity received.")
         "unexpected copilot activity",
         # an OpenAI-shaped answer with nothing in its choices, as a game mod's client reports it ("OpenAI API response
         # does not contain valid choices")
         "does not contain valid choices",
         # a Swift client's stream decoder given bytes it cannot read ("Stream error: cannot decode raw data"), and the
         # protobuf reader of Google's Files API given a status type it does not know ("Can not find message
         # descriptor by type_url: type.googleapis.com/...")
         "cannot decode raw data", "can not find message descriptor",
         # an agent graph given an answer without the tool call it needs (Flowise: "Error buildAgentGraph - No tool
         # calls found in the response.": https://github.com/FlowiseAI/Flowise/issues/3842; an evaluation harness's)
         "no tool calls found in the response",
         # the JSON readers of client libraries given an answer they cannot read: yajl's, as R's jsonlite prints it on
         # a stream's glued objects ("lexical error: invalid char in json text.":
         # https://github.com/JBGruber/rollama/issues/14), upickle's on an answer missing a field its Scala type needs
         # ("missing keys in dictionary: id at index 421": sttp-openai); and a client's own words for an answer of the
         # wrong shape ("Invalid response format from Gemini API": CommitSage), "from" naming who answered (a
         # request's response_format is refused in other words)
         "lexical error invalid char in json text", "missing keys in dictionary", "invalid response format from",
         # a realtime client's event reader given an event it has no type for: openai-agents-python's pydantic check
         # on Azure's beta-shaped events ("Failed to validate server event: {'type': 'session.created', ...}":
         # https://github.com/openai/openai-agents-python/issues/1748), a Go dictation tool's decoder ("unknown server
         # event type: transcription_session.created": https://github.com/richiejp/VoxInput/issues/22)
         "failed to validate server event", "unknown server event type",
         # ... and an API's answer a client says it could not parse ("The WordAi API returned a malformed JSON response:
         # Null": https://github.com/RebelCode/wp-rss-aggregator/issues/22)
         "returned a malformed json response",
         # big-AGI's wrapper for an answer it could not read ("[Service Parsing Issue] Anthropic: Unexpected content
         # block start location (2).": https://github.com/enricoros/big-AGI/issues/917)
         "service parsing issue",
         # openai4j's SSE reader on a line that is no event (OpenRouter's ": OPENROUTER PROCESSING" keep-alive comment:
         # "SSEFormatException: Invalid sse format! : OPENROUTER PROCESSING", https://github.com/Lambdua/openai4j/
         # issues/90)
         "invalid sse format",
         # an agent's check of the structured answer it asked for ("No namePlan function call found in response. The
         # model failed to generate a valid response.": https://github.com/plandex-ai/plandex/issues/266)
         "failed to generate a valid response",
         # LangChain's functions agent on a function call whose arguments are no JSON ("Could not parse tool input:
         # {'name': 'AI_tool', 'arguments': 'What is ...?'} because the arguments is not valid JSON."):
         # https://github.com/langchain-ai/langchain/issues/10433)
         "could not parse tool input",
         # ... and other agents' words for the model's tool call they could not read: AnythingLLM's ("[AgentLLM -
         # llama3:8b-instruct-q8_0] Invalid function tool call: Missing name or arguments in function call..":
         # https://github.com/Mintplex-Labs/anything-llm/issues/1657), smolagents' ("Error in generating tool call with
         # model: The JSON blob you used is invalid ...": https://github.com/huggingface/smolagents/issues/122)
         "missing name or arguments in function call", "error in generating tool call with model",
         # a client that got a string where a completion object belongs, reading its fields (Semantic Kernel over
         # Azure: "AttributeError("'str' object has no attribute 'usage'")":
         # https://github.com/microsoft/semantic-kernel/issues/9171; a relay's answer: "... attribute 'choices'")
         "str object has no attribute usage", "str object has no attribute choices",
         # a Rust SSE client handed a body of another type (rig over Ollama: "SSE error err=InvalidContentType(
         # \"application/x-ndjson\", ...)": https://github.com/0xPlaygrounds/rig/issues/861)
         "invalidcontenttype",
         # a proxy that got a 200 whose body is no JSON ("Custom OpenAI returned status 200 non-JSON body (generate):
         # expected value at line 1 column 1": https://github.com/TriDefender/zcode-api/issues/28)
         "non json body",
         # serde_json's Display of its error (a Rust client's) on an answer cut inside a value ("EOF while parsing a
         # value at line 1 column 284": https://github.com/pythops/tenere/issues/51); not its Debug form quoted in a
         # provider's complaint about the request's tool-call arguments ('Error("EOF while parsing a value", line: 1')
         "eof while parsing a value at line",
         # MemGPT/Letta on a local model's answer that is no JSON ("Failed to parse JSON from local LLM response -
         # error: Failed to decode JSON from LLM output": https://github.com/letta-ai/letta/pull/269, /issues/278)
         "failed to decode json from llm output", "failed to parse json from local llm response",
         # a client that could not read the answer ("Failed to parse JSON from SSE message":
         # https://github.com/bentoml/OpenLLM/issues/864; paperless-ai's "Invalid API response structure":
         # https://github.com/admonstrator/zettelrobbe/issues/153)
         "failed to parse json from sse", "invalid api response structure",
         # JSON parsers stopping inside an answer: Jackson's "Unexpected end-of-input in VALUE_STRING" (a stream chunk
         # cut: https://github.com/langchain4j/langchain4j/issues/1848) and WebKit's JSON.parse failure ("The string did
         # not match the expected pattern.": https://github.com/ChatGPTNextWeb/NextChat/issues/3743)
         "unexpected end of input", "string did not match the expected pattern",
         # Gson stopping inside an answer ("java.io.EOFException: End of input at line 1 column 1025 path
         # $.context[0]", a streamed Ollama line cut: https://github.com/langchain4j/langchain4j/issues/1750;
         # https://github.com/CJCrafter/ChatGPT-Java-API/issues/30), and Cody's words for an answer it could not read
         # ("received no parseable response data from Anthropic": https://github.com/sourcegraph/jetbrains/issues/2212,
         # /2214)
         "end of input at line", "no parseable response",
         # anthropic-sdk-python on a tool input the model wrote as no JSON ("Unable to parse tool parameter JSON from
         # model"), Dart's JSON decoder ("FormatException: Unexpected character (at character 1)"), a client reading
         # an NDJSON stream ("Failed to parse JSONL"), LiteLLM's stream chunk that is no JSON ("Error parsing chunk:
         # Expecting property name ... Received chunk: {", whatever class it raises; not a relay's error body after
         # "Raw response:")
         "parse tool parameter json from model", "unexpected character at character", "failed to parse jsonl",
         ("error parsing chunk", "received chunk"), ("error parsing chunk", "expecting property name"),
         # a client that got an answer it could not read as JSON (cua's OAICompat client: "Error in API call: Response
         # is not JSON format": https://github.com/trycua/cua/issues/288)
         "response is not json",
         # the Vercel AI SDK's check of a streamed tool call's fields (InvalidResponseDataError: "Expected 'id' to be a
         # string.", "Expected 'function.name' to be a string.": https://github.com/CherryHQ/cherry-studio/issues/
         # 12397, https://github.com/Kilo-Org/kilocode/issues/9639); a request's "Expected 'content' to be a string or
         # an array" is llama.cpp's 400 and stays a request defect under it
         "expected id to be a string", "expected function name to be a string",
         # a gateway's words for Gemini's MALFORMED_FUNCTION_CALL, under its 500 ("The function call generated by the
         # model is invalid": https://github.com/epam/ai-dial-adapter-vertexai/issues/490)
         "function call generated by the model is invalid",
         # a model's tool call its server or client could not parse (LM Studio: "Failed to parse tool call: Expected
         # ..."; Claude Code: "The model's tool call could not be parsed"; smolagents: "Error while parsing tool call
         # from model output")
         "failed to parse tool call", "tool call could not be parsed", "parsing tool call from model output",
         # llama-server's chat parser on the model's own output it could not split into content and tool calls
         # ("Failed to parse input at pos 1246: <|start|>assistant<|channel|>final ...", under its 500 with type
         # server_error: https://github.com/ItzCrazyKns/Vane/issues/1066); a resend draws another output
         "failed to parse input at pos",
         # the JVM's and .NET's JSON readers on an answer that is no JSON (Jackson: "JsonParseException: Unexpected
         # character ('<' (code 60))"; System.Text.Json: "'<' is an invalid start of a value", "JsonReaderException: 'd'
         # is invalid after a property name"), Spring's RestClient on an answer of another content type ("Error while
         # extracting response for type [...]", "Could not extract response: no suitable HttpMessageConverter")
         "jsonparseexception", "is an invalid start of a value", "jsonreaderexception",
         "error while extracting response for type", "could not extract response",
         # Jackson's strict binding of an answer that grew a field ("Unrecognized field "system_fingerprint" (class
         # ...ChatCompletionResponse), not marked as ignorable": https://github.com/OtterMind/Chat2DB/issues/901)
         "not marked as ignorable",
         # Gemini CLI's stream reader on a line it cannot read ("Unexpected line format in response: ,")
         "unexpected line format in response",
         # LiteLLM's words for a body it could not decode ("OpenrouterException - Unable to get json response")
         "unable to get json response",
         # a client that asked for JSON and got prose (SkyrimNet: "Failed to parse LLM response as JSON"), or an object
         # it could not use ("LLM returned invalid response (type=ChatCompletion)")
         "failed to parse llm response", "llm returned invalid response",
         # a relay's adapter that got no SSE stream back ("response is not 'text/event-stream'"), openai-node's
         # accumulator on an event type it does not know ("Unhandled response stream event: {"type":"keepalive"...}")
         ("response is not", "text event stream"), "unhandled response stream event",
         # the Firebase AI Logic and Google AI Dart SDKs meeting a field they cannot read ("Unhandled format for Part:
         # {thought: true, thoughtSignature: ...}", "Unhandled ContentModality format AUDIO"), Lua's cjson on a body
         # that is no JSON ("Expected value but found invalid token at character 1": gp.nvim) or cut short ("Expected
         # value but found unexpected end of string at character 65537": https://github.com/codota/tabnine-nvim/issues/
         # 151)
         "unhandled format for", "unhandled contentmodality format", "expected value but found invalid token",
         # ... and an enum value they do not know ("Unhandled FinishReason format" for UNEXPECTED_TOOL_CALL:
         # https://github.com/firebase/flutterfire/issues/18181), their other enums likewise
         "unhandled finishreason format", "unhandled blockreason format", "unhandled harmcategory format",
         "unhandled harmprobability format",
         "expected value but found unexpected end of string",
         # the OpenAI Agents SDK's ModelBehaviorError text without its class ("Invalid output type":
         # https://github.com/openai/openai-agents-js/issues/139, /261)
         "invalid output type",
         # the AI SDK's own words when a 200's body would not parse ("Failed to process successful response"),
         # kotlinx.serialization on an empty body ("Expected start of the object '{', but had 'EOF' instead"), an SSE
         # client handed an HTML page ("SSE request received unexpected content-type text/html"), JavaScript's
         # JSON.parse on an SSE line ("Unexpected token "d", "data: ..." is not a valid JSON")
         "failed to process successful response", "expected start of the object",
         ("unexpected content type", "text html"), "is not a valid json",
         # an HTML page where the answer's JSON was expected, however the parser words it ("Failed to parse JSON from
         # ...: Unexpected token '<', "<!doctype "); a framework that found no text where the answer should hold it
         # ("\\"text\\" field not found in the last element of response[...]. Unexpected output format"); Bedrock Nova's
         # tool call it could not form ("Model produced invalid sequence as part of ToolUse")
         ("unexpected token", "doctype"), ("field not found", "unexpected output format"),
         "model produced invalid sequence",
         # a Go client's decode of the provider's answer into its response struct ("json: cannot unmarshal number
         # 1742893830.8691158 into Go struct field ChatCompletionResponse.created of type int64"); a request struct
         # in the same words is the request's defect
         ("cannot unmarshal", "chatcompletionresponse"), ("cannot unmarshal", "completionresponse"),
         # the model's tool call or header the server could not parse (Ollama: "error parsing tool call: invalid
         # character ']'", vLLM's harmony parser: "unexpected tokens remaining in message header")
         "error parsing tool call", "unexpected tokens remaining in message header",
         # a Rust client's serde error on an answer it reads into a struct (Codex: "failed to parse ErrorResponse:
         # invalid type: null, expected struct Error", an Azure answer whose "error" was null; ollama-rs: "invalid type:
         # integer `707`, expected struct GenerationResponse at line 1 column 3", a stream's chunk-size line read as
         # the answer: https://github.com/pepperoni21/ollama-rs/issues/12)
         ("invalid type", "expected struct"),
         # Zed's "error deserializing Mistral API response", goose's "Response body is not valid JSON: error decoding
         # response body: expected value at line 1 column 1"
         ("error deserializing", "api response"), "response body is not valid json",
         # GPT4All's ChatAPI worker ("ChatAPI responded with invalid json"); an app that names where the bad JSON came
         # from, the model ("Recieved invalid JSON from ChatGPT. All JSON repair efforts failed.": Notion Voice Notes
         # on Pipedream, https://github.com/TomFrankly/pipedream-notion-voice-notes/issues/73; "Received incorrect
         # json from LLM": https://github.com/wAIfu-DEV/w-AI-fu/issues/56)
         "responded with invalid json", "invalid json from", "incorrect json from",
         # async-openai's JSONDeserialize ("failed to deserialize api response: expected value at line 1 column 1")
         "failed to deserialize api response",
         # Codex when the terminal event it read lacks a field ("failed to parse ResponseCompleted: missing field
         # `id`"), the Vercel AI SDK's NoObjectGeneratedError for an answer its schema refuses ("No object
         # generated: response did not match schema.")
         "failed to parse responsecompleted", "response did not match schema",
         # OpenAI's 500 when the model's own output failed its validation ("The model produced invalid content")
         "model produced invalid content",
         "expecting value: line 1 column 1", ("unexpected token", "is not valid json"),
         "unexpected end of json input",
         # V8's JSON.parse at any position ("Unexpected token < in JSON at position 0", "Unexpected non-whitespace
         # character after JSON at position 124": NDJSON or SSE read as one document, llm.js over Ollama:
         # https://github.com/themaximalist/llm.js/issues/28), and the same trailing data in Go's encoding/json
         # ("invalid character 'd' after top-level value") and Python's json ("Extra data: line 2 column 1 (char 124)")
         "json at position", "after top level value", "extra data line",
         ("cannot read properties of undefined", "reading 'choices'"),
         ("cannot read properties of null", "reading 'choices'"),
         ("cannot read properties of undefined", "reading 'candidates'"),
         ("cannot read properties of null", "reading 'candidates'"),
         ("cannot read property 'choices' of",),
         # serde's "missing field `choices`" (a Rust gateway parsing the answer), Swift's DecodingError on a body that
         # is not a completion, llhttp's "Parse Error: Expected HTTP/" (node-fetch reading bytes that are not HTTP)
         ("failed to parse response", "missing field"), "decodingerror context", "parse error expected http",
         # Swift's DecodingError as a client prints it whole ("[Decoding Error > Data Corrupted] Cannot initialize
         # StopReasonOpenAI from invalid String value endturn. Coding Path: [CodingKeys(stringValue: \"choices\", ...":
         # an Alfred workflow over OpenRouter, https://github.com/zeitlings/ayai-gpt-nexus/issues/9)
         "decoding error data corrupted", ("coding path", "codingkeys stringvalue"),
         # words about the answer itself: LiteLLM's "Invalid response object" and "Empty or invalid response from LLM
         # endpoint", Claude Code's "API returned an empty or malformed response (HTTP 200)", new-api's
         # "bad_response_body" (it could not decode the upstream's answer)
         "invalid response object", "empty or invalid response", "empty or malformed response", "malformed response",
         "bad_response_body",
         # node-fetch's FetchError of type invalid-json ("invalid json response body at <url> reason: ...") and a chat
         # app's own words for it (Cherry Studio: "Invalid JSON Response"): the answer was not the JSON it should be
         "invalid json response",
         # System.Text.Json in the OpenAI .NET SDK reading an error body whose code is a number ("The requested
         # operation requires an element of type 'String', but the target element has type 'Number'.": Microsoft Q&A
         # 5555284)
         "the requested operation requires an element of type",
         # Gemini's bad-call finish reasons, as a client reports them ("Response stopped due to malformed function
         # call."): the answer was malformed, as the soft path reads MALFORMED_FUNCTION_CALL
         *_BAD_CALLS),
    # The same bad-call finish reasons on their own: they name the answer, so they outrank a validator's generic
    # request-defect words around them (pydantic-ai's "Field required [type=missing, input_value={'finishReason':
    # 'MALFORMED_FUNCTION_CALL'}]" while validating Gemini's answer: https://github.com/pydantic/pydantic-ai/issues/631)
    _tag("model_bad_call", *_BAD_CALLS),
    # openai<1.0's APIError quoting the body it could not use ("Invalid response object from API: 'Internal Server
    # Error' (HTTP response code was 500)"): the quoted body says what failed, not the words around it.
    _tag("quoted_answer", "invalid response object from api"),
    # The AI SDK's error for a chunk or body that failed its response schema ("AI_TypeValidationError: Type validation
    # failed: Value: {...}"): the words inside are the refused value's, read first by any phrase rule (an error event's
    # overload or content filter); when none reads them, the answer could not be read.
    _tag("answer_failed_schema", "type validation failed", "ai_typevalidationerror",
         # ... and a schema library's issue list printed alone (zod's: "expected", "code", "path", "message" per issue),
         # its path starting at a field only an answer has: a Chat Completions choice, a Gemini candidate, a Responses
         # output item (the AI SDK's ZodError on LM Studio's /v1/responses without output[].content[].annotations, in
         # ElizaOS: https://github.com/lmstudio-ai/lmstudio-bug-tracker/issues/1089; on a Gemini candidate's grounding
         # chunk without its uri; on a tool-call delta typed null); every such corpus text is labelled
         # malformed_response
         ("path choices 0", "expected"), ("path candidates 0", "expected"), ("path output 0", "expected")),
    # A client that could not use the answer, in its own words and with no status (the wording is also a server's
    # refusal of a request body, so under a status the status decides): Go's encoding/json on a line that is not JSON
    # ("invalid character 'i' looking for beginning of value", the Ollama CLI), the AI SDK's JSONParseError and
    # NoObjectGeneratedError ("JSON parsing failed: Text: ...", "No object generated: could not parse the response"), a
    # client's "Failed to parse JSON response", openai<1.0 raising on a 200 it could not read ("HTTP code 200 from API
    # (...)"), Python's TypeError on a missing part of it ("'NoneType' object is not subscriptable"), pydantic-ai's
    # retries spent on answers that failed validation, and Roo's and Cline's answer with no tool call in it.
    _tag("answer_unreadable",
         # .NET's System.Text.Json reading an answer's field as a type it is not ("Cannot get the value of a token type
         # 'Number' as a string.": Betalgo.OpenAI, https://github.com/betalgo/openai/issues/266)
         "cannot get the value of a token type",
         # a Chinese client's "error while parsing the response data" ("解析响应数据时发生错误": new-api's playground,
         # its SSE keep-alive lines reaching the JSON parser, https://github.com/QuantumNous/new-api/pull/1276)
         "解析响应数据",
         # aiohttp's ContentTypeError when an answer meant to be JSON is not ("Attempt to decode JSON with unexpected
         # mimetype: text/plain": https://github.com/mishl-dev/Discord-AI-Chatbot/issues/184), read with no status only
         # (under a 5xx it is the server's error page: https://github.com/bespokelabsai/curator/pull/141)
         "attempt to decode json with unexpected mimetype",
         # a judge model's answer that did not parse ("Evaluation LLM outputted an invalid JSON":
         # https://github.com/confident-ai/deepeval/issues/929); Swift's DecodingError ("The data couldn't be read
         # because it is missing": https://github.com/BoltAI/BoltAI/issues/312); async-openai's decode of an answer
         # ("JSONDeserialize(Error(\"missing field `prompt_tokens_details`\" ...":
         # https://github.com/64bit/async-openai/issues/283); Dart's jsonDecode of a body that is no JSON
         # ("FormatException: Unexpected character (at offset 0)": https://github.com/firebase/flutterfire/issues/17719)
         "outputted an invalid json", "couldn t be read because it is missing", "jsondeserialize",
         "unexpected character at offset",
         # reqwest-eventsource's InvalidContentType, printed as "Invalid header value: <content type>": the answer came
         # as JSON or an HTML page, not an event stream (aichat: 'Invalid header value: "text/html; charset=utf-8"',
         # https://github.com/sigoden/aichat/issues/349; Tabby's StreamError around 'Invalid header value:
         # "application/json"')
         "invalid header value text", "invalid header value application",
         # Java's NullPointerException on an answer parsed without its choices (Gson: 'Cannot load from object array
         # because "com.google.gson.Gson.fromJson(String, java.lang.Class).choices" is null':
         # https://github.com/rebane2001/aimobs/issues/2), as a Go client's "choices is null" on an empty chunk
         "choices is null",
         # gptel's words for a body it could not parse ("ChatGPT error (nil): Malformed JSON in response.":
         # https://github.com/karthink/gptel/issues/60): the answer's JSON, not the request's; only without a status:
         # under one ("Gemini error (HTTP/2 503): Malformed JSON in response.") it could not read the error body
         "malformed json in response",
         # kotlinx.serialization missing a field of an answer it decodes ("Field 'permission' is required for type with
         # serial name 'com.aallam.openai.api.model.Model', but it was missing": https://github.com/aallam/openai-kotlin/
         # issues/249); only without a status: under a 500 it is the SDK failing to read the error body
         "required for type with serial name",
         # a client that could not read a stream event or a chunk (GitHub's app: "Failed to parse Anthropic message
         # stream event: EOF while parsing a value"; the OpenAI .NET SDK: "Unknown ChatFinishReason value"; Mistral's
         # SDK: "2 validation errors for Unmarshaller")
         ("failed to parse", "stream event"), "unknown chatfinishreason value",
         # ... any enum of the OpenAI .NET SDK's answer models the same way, with .NET's ArgumentOutOfRangeException
         # suffix ("Unknown ReasoningStatus value. (Parameter 'value')": https://github.com/openai/openai-dotnet/
         # issues/993)
         ("unknown", "value parameter value"), "validation errors for unmarshaller",
         "validation error for unmarshaller",
         # openai-node's stream helper assembling the final message from chunks that never carried a role ("missing
         # role for choice 0": https://github.com/danny-avila/LibreChat/issues/1221), a Rust client's SSE reader
         # ("failed to parse SSE data: missing field `choices`"), a relay that could not read its upstream's answer
         # (GPT-Load's upstream_protocol_error: "Upstream returned an unsupported response.")
         "missing role for choice", "failed to parse sse", "returned an unsupported response",
         # a client's reader refusing the answer's shape: serde ("data did not match any variant of untagged enum
         # Part", Zed over Gemini), Jackson on SSE lines read as JSON ("Unrecognized token 'data': was expecting (JSON
         # String, Number, ..."), Swift's Foundation ("The data couldn't be read because it isn't in the correct
         # format"), LangChain's "Received response with null value for `choices`", Python code that met None where the
         # answer should hold a value (Dify: "'NoneType' object is not iterable", "'>' not supported between instances
         # of 'NoneType' and 'int'"), Google's JS SDK ("[GoogleGenerativeAI Error]: Failed to parse stream")
         "did not match any variant of untagged enum", ("unrecognized token", "was expecting"),
         "isn t in the correct format", ("null value for", "choices"), "nonetype object is not iterable",
         "between instances of nonetype", "failed to parse stream",
         # Firefox's JSON.parse on an answer that is no JSON ("JSON.parse: unexpected end of data at line 1 column 1")
         ("json parse", "unexpected end of data"), ("json parse", "unexpected character"),
         # an answer without its first choice, in a gateway's words (meclaw: 'ResponseShape("missing choices[0]")')
         "missing choices", "looking for beginning of value", "json parsing failed", "ai_jsonparseerror",
         # a Python client indexing a field the answer lacks ("KeyError: 'candidates'", "KeyError: 'choices'")
         ("keyerror", "candidates"), ("keyerror", "choices"),
         # a provider's thinking answer without the reasoning its next tool turn must replay ("The provider omitted
         # reasoning required to replay this tool turn"), iFlow CLI's "响应格式错误" (response format error)
         "omitted reasoning required to replay", "响应格式错误",
         ("no object generated", "could not parse the response"), "failed to parse json response",
         # ... or when the model answered without the tool call that carries the object (the Vercel AI SDK's "No
         # object generated: the tool was not called.": https://github.com/dzhng/deep-research/issues/76,
         # https://github.com/L-Qun/awesome-mcp-chat/issues/1; both corpus texts malformed_response)
         ("no object generated", "the tool was not called"),
         "http code 200 from api", "nonetype object is not subscriptable",
         ("exceeded maximum retries", "for result validation"), ("exceeded maximum retries", "for output validation"),
         "failed to use any tools", "did not use a tool in your previous response"),
    # A client's validator refusing the finish reason the answer carried (autogen's "1 validation error for
    # CreateResult finish_reason Input should be 'stop', ... or 'content_filter' [type=literal_error,
    # input_value='end_turn'"): the list names the values it takes, the refused one says what came.
    # Rust's serde the same way ("failed to deserialize api response: unknown variant ``, expected one of `stop`,
    # `length`, `tool_calls`, `content_filter`, `function_call`": async-openai).
    _tag("finish_value_refused", ("finish_reason", "type literal_error"), ("stop_reason", "type literal_error"),
         ("unknown variant", "expected one of", "content_filter")),
    # The SDKs' APIUserAbortError ("Request was aborted."): the caller's own abort signal, not a provider's answer.
    _tag("caller_abort", "request was aborted", "apiuseraborterror"),
    # Google's NOT_FOUND in its own words ("Requested entity was not found."): read by itself only where no status
    # came with it, as clients print it (a model the Gemini API or Code Assist does not serve:
    # https://github.com/jenslys/opencode-gemini-auth/issues/79); under a 404 the status rules read it, and xAI's
    # "Some requested entity was not found" beside "No handler found on route" is a wrong URL
    _tag("entity_not_found", "requested entity was not found"),
    # Windows' WSAECONNREFUSED (10061) in words, as .NET, Python and Go print it on Windows
    _tag("connect_refused", "target machine actively refused", "machine actively refused it",
         # Codex's probe of a local Ollama ("OSS setup failed: No running Ollama server detected. Start it with:
         # `ollama serve`": https://github.com/openai/codex/issues/6158): nothing answered on the local port
         "no running ollama server detected"),
    # curl's refused proxy tunnel ("curl: (56) CONNECT tunnel failed, response 403", as curl_cffi raises it in
    # unofficial claude.ai and Grok web clients)
    _tag("proxy_tunnel", "connect tunnel failed",
         # ... and the JVM clients' words for it: OkHttp's ("Unexpected response code for CONNECT: 301", ProxyAI in a
         # JetBrains IDE behind a proxy: https://github.com/carlrobertoh/ProxyAI/issues/961), HttpURLConnection's
         # ("Unable to tunnel through proxy. Proxy returns \"HTTP/1.1 407\"")
         "unexpected response code for connect", "unable to tunnel through proxy",
         # urllib3's ProxyError ("Caused by ProxyError('Cannot connect to proxy.', OSError('Tunnel connection failed:
         # 405 Method Not Allowed'))": the configured proxy is no forward proxy, https://github.com/ZHO-ZHO-ZHO/
         # ComfyUI-Gemini/issues/23), whatever status the proxy answered; httpx given a SOCKS proxy without its extra
         # ("Using SOCKS proxy, but the 'socksio' package is not installed": Open WebUI with HTTPS_PROXY=socks5://...,
         # https://github.com/open-webui/open-webui/issues/15683): no request left the host
         "tunnel connection failed", "cannot connect to proxy", "socksio package is not installed"),
    # DuckDuckGo's AI chat when the conversation's whole history is over its input limit, under its 429, as duck.ai
    # wrappers and gpt4free pass it on ('{"action":"error","status":429,"type":"ERR_INPUT_LIMIT"}'; gpt4free's
    # maintainer: every earlier message counts, start a new conversation)
    _tag("history_over_input", "err_input_limit",
         # Bing chat's cap on one conversation's turns, as chathub shows it ("Sorry, you have reached chat turns limit
         # in this conversation."): a new, shorter conversation goes on
         "chat turns limit in this conversation"),
    # A route the server does not have, named in a wrapper's text without its status: Go net/http's default 404
    # body, a client's "<url> not found, verify your API base", Kong's "no Route matched".
    _tag("route_missing",
         # Azure OpenAI's 404 for a deployment or path that does not exist ("Resource not found"), without its status as
         # LiteLLM's APIError prints it: the route is missing for every key
         "resource not found",
         # Fireworks' answer for a path it does not serve, as an AI-SDK app prints it without the 404 ("Path not found:
         # /chat/completions"); a path no right base URL builds is read before (the rule request_url_misbuilt)
         "path not found",
         # Groq's "Unknown request URL: POST /v1/chat/completions", a gateway without the provider configured (Bifrost:
         # "failed to get config for provider anthropic: not found")
         "unknown request url", ("config for provider", "not found"),
         # Kilo Code's Codex provider ("Codex API endpoint not found.")
         "api endpoint not found",
         # Bedrock's control-plane endpoint asked for InvokeModel ("The requested operation is not recognized by the
         # service."), DashScope's InvalidURL ("Invalid URL provided in your request.":
         # https://www.alibabacloud.com/help/ en/model-studio/developer-reference/error-code): a wrong base URL or path
         "requested operation is not recognized by the service", "invalid url provided",
         "404 page not found", ("not found", "verify your api base"),
         ("not found", "check your api base"), "no route matched with those values",
         # Continue's hint after a 404 from its base URL ("you forgot to add '/v1' to the end of your 'apiBase'"), Baidu
         # Qianfan's error 3 for a URL that names no API ("Unsupported openapi method":
         # https://cloud.baidu.com/doc/WENXINWORKSHOP/s/tlmyncueh)
         ("forgot to add", "apibase"), "unsupported openapi method",
         # Spring's NoResourceFoundException for a path it does not serve ("No static resource
         # api-openai/v1/chat/completions/chat/completions."), a Kubernetes gateway with no HTTPRoute for the model
         # (AIBrix: "httproutes.gateway.networking.k8s.io \"DeepSeek-R1-router\" not found")
         "no static resource", ("httproutes gateway networking k8s io", "not found")),
    # The call returned, but with nothing in it (wrappers that raise on an empty answer).
    _tag("empty_answer",
         # a relay's log of an answer with nothing in it ("请求返回空响应", the request returned an empty response;
         # "空响应次数达到限制": hajimi giving up after its retries of empty answers,
         # https://github.com/wyeeeee/hajimi/issues/238)
         "空响应",
         # a Copilot web bridge whose answer stream ended without any text ("Invalid response: stream produced no
         # text")
         "stream produced no text",
         # a client whose call came back with nothing from the model ("ConnectError: [unknown] No response from model",
         # Cursor's Connect-RPC error, no socket fault: https://github.com/cursor/cursor/issues/3217; "No response from
         # model after retry. Return empty.")
         "no response from model",
         # Gemini's unset finish reason, the candidate carrying nothing ("I can't talk further about that because of
         # FINISH_REASON_UNSPECIFIED issue.", Khoj's reply: https://github.com/khoj-ai/khoj/issues/939)
         "finish_reason_unspecified",
         # hermes-agent's retries of empty answers spent ("Max retries (3) for empty content exceeded.":
         # https://github.com/NousResearch/hermes-agent/pull/2124)
         ("max retries", "for empty content"),
         # an embedding call answered with none (AnythingLLM: "Ollama returned an empty embedding for chunk!":
         # https://github.com/Mintplex-Labs/anything-llm/issues/3243)
         "returned an empty embedding",
         # the Anthropic TypeScript SDK's MessageStream when the response carried no event at all ("request ended
         # without sending any chunks": https://github.com/anthropics/claude-code/issues/489), and pydantic-ai's stream
         # with no part ("Streamed response ended without content or tool calls":
         # https://github.com/pydantic/pydantic-ai/issues/3238)
         "ended without sending any chunks", "response ended without content",
         # LangChain's Ollama client when the stream it read carried no chunk at all ("No data received from Ollama
         # stream.": https://github.com/ollama/ollama/issues/1329)
         "no data received from ollama stream",
         # a connector's words for an answer with nothing in it (Semantic Kernel's HunYuan connector: "HunYuan API
         # doesn't return any data.": https://github.com/Richasy/Bili.Copilot/issues/774); LiteLLM's for a stream that
         # ended with no choice ("LiteLLM response stream must include at least one choice":
         # https://github.com/onyx-dot-app/onyx/issues/11613)
         "doesn t return any data", "didn t return any data", "stream must include at least one choice",
         # LLM Vision's for a Gemini candidate with no parts ("No content parts were returned from Google API":
         # https://github.com/valentinfrlch/ha-llmvision/issues/471)
         "no content parts were returned",
         # openai<1.0's OpenAIObject refusing the empty text a model answered ("You cannot set content to an empty
         # string. We interpret empty strings as None in requests.": https://github.com/BerriAI/litellm/issues/535)
         "cannot set content to an empty string",
         # an agent's own text for an answer with nothing in it, whatever causes it then guesses at (OpenFang: "The
         # model returned an empty response. This usually means the model is overloaded, ...":
         # https://github.com/RightNow-AI/openfang/issues/479)
         "model returned an empty response",
         # Onyx's error for a stream that ended with no text and no tool call ("The selected model returned no final
         # answer before the stream completed.": https://github.com/onyx-dot-app/onyx/pull/13332)
         "returned no final answer",
         # google-generativeai's quick accessor on a candidate with no part at all ("The `response.text` quick accessor
         # only works when the response contains a valid `Part`, but none was returned. Check the
         # `candidate.safety_ratings` ...": https://github.com/google-gemini/deprecated-generative-ai-python/issues/373),
         # no stop value named (a stated one is read first: a block, a cut answer)
         ("quick accessor", "but none was returned"),
         # ... and on one whose stop value is 1, STOP: the model finished without a part, no block and no cut
         ("quick accessor", "finish_reason is 1 "), ("quick accessor", "finishreason is 1 "),
         # an upstream stream with no event at all ("upstream returned empty stream response":
         # https://github.com/BenedictKing/ccx/issues/85); .NET's System.Text.Json on an empty body ("The input does not
         # contain any JSON tokens": https://github.com/niltor/DeepSeekSDK-NET/issues/3)
         "empty stream response", "does not contain any json tokens",
         # an embeddings answer with no vectors (the OpenAI SDK: "No embedding data received")
         "no embedding data received",
         # LlamaIndex's agent step given no message by the model ("Error in step 'run_agent_step': Got empty message")
         "got empty message",
         # an answer with nothing in it in clients' words: Void ("Response from model was empty"), oh-my-pi ("Assistant
         # returned empty stop after retry cap"), SillyTavern's Poe bridge ("Could not extract reply in 5 attempts"),
         # Jackson on an empty body ("No content to map due to end-of-input")
         ("response from", "was empty"), "returned empty stop", "could not extract reply",
         "no content to map due to end of input",
         # clients' words for an answer with nothing in it (LangChain.js: "No chunks returned from Anthropic API";
         # Flowise: "No response stream received from Bedrock"; the OpenRouter AI SDK provider: "No choice in OpenRouter
         # completion response"; LobeChat: "The request returned empty"), in Japanese ("空の応答": an empty answer)
         "no chunks returned", "no response stream received", "no choice in", "request returned empty", "空の応答",
         # FastGPT's i18n key for an empty answer, as its logs print it ("chat:LLM_model_response_empty")
         "llm_model_response_empty",
         # Claude Code's turn that ended with no assistant message ("No assistant message found")
         "no assistant message found",
         # an answer whose content was empty in a client's words ("OpenAI-compatible response content was empty"),
         # FastGPT's "模型流响应为空" (the model's stream response is empty)
         "response content was empty", "响应为空",
         # "返回为空" (returned empty): Inspur Yuan's "模型返回为空" (the model returned nothing, then "please try
         # changing the input": https://github.com/Shawn-IEITSystems/Yuan-1.0/issues/47), LobeChat's Chinese
         # connection check "测试返回为空" (the test request came back empty)
         "返回为空",
         # an empty answer named in two words ("Error: Empty response!" of a Telegram bot over the ChatGPT web backend:
         # https://github.com/F33RNI/GPT-Telegramus/issues/143); every corpus text holding them labels them so
         "empty response",
         # promptfoo's Gemini provider ("No output found in response: {"content":{},"finishReason":"STOP"...}")
         "no output found in response",
         # an answer with nothing in it, in clients' words: Jan ("No response received from the model"), Agnai
         # ("received empty response"), 9router ("200 OK but response body was empty"), Hermes ("response.output is
         # empty"), llm_wiki ("no actual response content")
         "no response received from the model", "received empty response", "response body was empty",
         "output is empty", "no actual response content",
         # LangChain's stream with no chunk ("No generations found in stream", "No generation chunks were returned")
         "no generations found in stream", "no generation chunks were returned",
         # Cursor relaying an empty answer ("Provider did not send back a response ... Empty provider response.")
         "empty provider response",
         # OpenClaw after an empty assistant turn ("Agent couldn't generate a response. Please try again.")
         "couldn't generate a response",
         # iFlow CLI's Chinese for an answer with no choices ("OpenAI 响应格式无效 - 缺少或空的 choices 数组")
         "空的 choices",
         # OpenHands' LLMNoResponseError ("LLM did not return a response"), AnythingLLM's Ollama provider ("text
         # response was empty"), AstrBot's "All chat models failed: EmptyModelOutputError: OpenAI completion has no
         # usable output" and its Chinese "API 返回的 completion 为空"
         "llm did not return a response", "llmnoresponseerror", "text response was empty", "has no usable output",
         "completion 为空",
         # the Vercel AI SDK's empty answers ("Empty response body", "No image generated.", NoObjectGeneratedError's
         # "No object generated: the model did not return a response."), Roo Code's "Cerebras API Error: No
         # response body"
         "empty response body", "no image generated", "the model did not return a response",
         "api error no response body",
         # forge's "Empty completion received - no content, tool calls, or valid finish reason"; a Chinese client's
         # "API 返回的 candidate.content.parts 为空" (the answer's parts, candidates or choices are empty: AstrBot)
         "empty completion received", "parts 为空", "candidates 为空", "choices 为空",
         # Kong's ai-proxy when the upstream's answer had no body to transform (a 500 of its own)
         "no response body found when transforming response",
         # the Vertex AI SDK's accessor on a candidate without text ("Cannot get the response text."); a block reason
         # printed with it decides first ("content has no parts" is ``accessor_without_parts``')
         "cannot get the response text",
         # ... and the SDK's guess at a safety block, printed with a finish reason that names none (Vertex's
         # "Candidate: {"finish_reason": "OTHER"}": https://github.com/GoogleCloudPlatform/generative-ai/issues/344)
         ("likely blocked by the safety filters", "finish_reason other"),
         "empty model response", "empty response from", "returned an empty response",
         "returned empty response", "produced an empty response", "model returned no content",
         # a wrapper raised on a candidate that finished normally (FinishReason.STOP) with no text in it
         ("blocked or incomplete", "finishreason stop"),
         # Cline's and pydantic-ai's words for an answer with no content (no assistant message, no candidate).
         "did not provide any assistant messages", "returned an empty or unparsable response",
         "expected at least one candidate", "content field missing from",
         # the AI SDK's InvalidResponseDataError and LiteLLM's check on an answer with choices: []
         "response contained no choices", "response contained no embeddings", "choices is less than 1",
         # LiteLLM's APIError for a Gemini answer it turned into no choices ("Response was missing 'choices' key":
         # https://github.com/BerriAI/litellm/pull/40294), llm.js refusing Ollama's done message with content ""
         # ("No content provided": https://github.com/themaximalist/llm.js/pull/4), a client's "openai returned empty
         # content" (https://github.com/whiteguo233/OpenBiliClaw/issues/27)
         "missing choices key", "no content provided", "returned empty content",
         # Kilo Code's "The provider repeatedly ended the response before returning usable output."
         "before returning usable output",
         # the AI SDK's NoOutputGeneratedError ("No output generated. Check the stream for errors."), a CLI's "LLM
         # returned an empty summary": the model's answer held nothing
         "no output generated", "llm returned an empty", "llm returned empty",
         # the AI SDK's NoTextGeneratedError ("No text generated."), a proxy's EmptyResponseError, Copilot Chat's
         # "Sorry, no response was returned.", Gemini CLI's empty streams ("Model stream ended with empty response
         # text.", "Model stream was invalid or completed without valid content.")
         "no text generated", "notextgeneratederror", "emptyresponseerror", "no response was returned",
         # ... and in Copilot Chat's Russian and Turkish interfaces ("no answer was returned":
         # https://github.com/microsoft/vscode-copilot-release/issues/4400; "the model unexpectedly returned no
         # answer": https://github.com/microsoft/vscode/issues/254635)
         "никакого ответа не возвращено", "yan\u0131t d\u00f6nd\u00fcrmedi",
         # an answer a client found None or empty (crewAI: "Invalid response from LLM call - None or empty."): its
         # words about what came back outrank the "invalid response" around them
         ("response", "none or empty"), ("response", "null or empty"), ("response", "empty or none"),
         "ended with empty response text", "completed without valid content",
         # a client that found no text in the answer it parsed ("no content in Gemini response":
         # https://github.com/xalgorix/xalgorix/issues/430; Genkit Go's "no valid candidates were found in the generate
         # response"), a generation that came back empty in a client's words ("[Generation Failed] Empty result
         # returned", DeepCode's "LLM returned empty result": https://github.com/HKUDS/DeepCode/issues/78)
         ("no content in", "response"), "no valid candidates", "empty result returned", "returned an empty result",
         "returned empty result",
         # Paperless-AI's Ollama client when the answer held nothing it could use ("Error: No response data from Ollama
         # API")
         "no response data from"),
    # FastChat's canned text for its own failures, sent with a 400 and code 50001 ("**NETWORK ERROR DUE TO HIGH
    # TRAFFIC. PLEASE REGENERATE OR REFRESH THIS PAGE.**": fastchat/constants.py SERVER_ERROR_MSG,
    # https://github.com/chatchat-space/Langchain-Chatchat/issues/2083): its worker failed, whatever the words say.
    _tag("fastchat_server_error", "network error due to high traffic"),
    # Google's canonical message for DEADLINE_EXCEEDED, whatever status the service put on it: a 503 UNAVAILABLE
    # (Gemini: {"code": 503, "message": "Deadline expired before operation could complete.", "status": "UNAVAILABLE"}),
    # a Live session's close frame ("1011 (internal error) Deadline expired before operation could complete."): the
    # call ran out of time, which the status's own reading (load, a server fault) does not say.
    _tag("deadline_expired", "deadline expired before operation could complete"),
    # Ollama's server unable to write its own answer, an embedding model having produced NaN ("failed to encode
    # response: json: unsupported value: NaN", under its 500: https://github.com/HKUDS/LightRAG/issues/1870; all three
    # corpus texts server_error): the words of a request defect after it are the encoder's, not the caller's, so the
    # status reads it (``request_defect_as_5xx`` stands aside)
    _tag("answer_unencodable", "failed to encode response"),
    _tag("server_fault",
         # gpt-oss's harmony parser on the serving side meeting a token out of its format ("Unexpected token 12606 while
         # expecting start token 200006", openai_harmony's HarmonyError from vLLM: https://github.com/vllm-project/
         # vllm/issues/22515, and as Bedrock's and OpenRouter's
         # upstreams pass it on; all three corpus texts server_error): the server's decoding, no request defect
         "while expecting start token",
         # ChatGPT web's own apology, as an unofficial client passes on its detail ("Hmm...something seems to have gone
         # wrong. Maybe try me again in a little bit.")
         "something seems to have gone wrong",
         # the Chinese free-api relays' own failure of a call to the web service behind them ("服务暂时不可用" then
         # "第三方响应错误": service temporarily unavailable, third-party response error), a sign-in failure aside
         "第三方响应错误",
         # Ollama's server when its model runner died mid-answer ("error reading llm response: read tcp ...: wsarecv:
         # An existing connection was forcibly closed by the remote host."): the server's fault, not the client's link
         "error reading llm response",
         # ChatGPT web's failure of a conversation on its side, as unofficial clients pass it on ("Something went wrong,
         # please try reloading the conversation.")
         "try reloading the conversation",
         # TRAE CN's failure of a request on its side ("请求失败" then "请尝试新建任务或者重启 TRAE (2001)": the request
         # failed, start a new task or restart TRAE; the wave of reports staff fixed server-side the same day:
         # https://github.com/Trae-AI/TRAE/issues/2172; both corpus texts server_error)
         "请尝试新建任务或者重启",
         # a Go service's recovered panic, logged before its 500 ("[Recovery] ... panic recovered: runtime error: index
         # out of range [0] with length 0": https://github.com/linweiyuan/go-chatgpt-api/issues/79): the server's bug
         "panic recovered",
         # Xinference's actor RPC when the process serving the model died ("xoscar.errors.ServerClosed: Remote server
         # 0.0.0.0:44339 closed", most often a crash or an OOM kill: https://github.com/xorbitsai/inference/issues/1896)
         ("remote server", "closed"),
         # a client naming the 500's class in its own sentence ("HTTP request failed: InternalServerError"), with no
         # status and no other words
         "request failed internalservererror",
         # Claude Code's words for a stream the server broke off ("API Error: Server error mid-response":
         # https://github.com/dwgx/WindsurfAPI/issues/245); a service's apology for an outage ("We are experiencing
         # technical difficulties right now. Please try again later": https://github.com/warpdotdev/warp/issues/2860;
         # Colab's Gemini panel: "We're running into technical difficulties right now. Try again in a little bit!":
         # https://github.com/googlecolab/colabtools/issues/5132)
         "server error mid response", "technical difficulties",
         # Coze's code 5000 ("We're currently experiencing server issues. Please try your request again after a short
         # delay.": https://github.com/coze-dev/coze-js/issues/179); a Go server's crash on a nil pointer, as a relay
         # reports it ("Panic detected, error: runtime error: invalid memory address or nil pointer dereference":
         # https://github.com/labring/FastGPT/issues/1340), the server's fault whatever "invalid" says
         "experiencing server issues", "nil pointer dereference",
         # a Chinese backend's generic "system exception" (an enterprise gateway's "Error: 系统异常":
         # https://github.com/adhikasp/mcp-client-cli/issues/26)
         "系统异常",
         # a client's sentence for the provider's failure ("OpenAI encountered a server error, possibly due to high
         # server load": https://github.com/dmMaze/BallonsTranslator/issues/221)
         "encountered a server error",
         # Ollama's runner that never came up ("Error: no suitable llama servers found":
         # https://github.com/ollama/ollama/issues/6985); ollama-client's heading for a server's 5xx ("Ollama at ...
         # returned an error while generating a response": https://github.com/Shishir435/ollama-client/issues/366);
         # the Cloudflare Workers runtime's own failure ("internal error; reference = ...":
         # https://github.com/cloudflare/workers-sdk/issues/10857)
         "no suitable llama servers found", "returned an error while generating a response", "internal error reference",
         # Cloudflare's 520 page, whose title is all a client may keep ("api.openai.com | 520: Web server is returning
         # an unknown error": https://github.com/crmne/ruby_llm/issues/606)
         "web server is returning an unknown error",
         # Cursor's "A server error has occurred" (https://github.com/cursor/cursor/issues/70); "the model's answer
         # failed" in Chinese (Trae: "模型响应失败, 请稍后重试", https://github.com/Trae-AI/TRAE/issues/442; not
         # "模型请求失败", "the model request failed", which LangBot puts before every error, its timeouts too)
         "a server error has occurred", "模型响应失败",
         # ... and its English words for a failed model call with its own code ("Model Request failed. Please try again
         # later. (3003)", "(4054)": https://github.com/Trae-AI/TRAE/issues/2308, /2507); all five corpus texts are
         # labelled server_error
         ("model request failed", "please try again later"),
         # a provider's words for its own failed inference ("The model was unable to complete inference due to an
         # internal error."), Azure Front Door's page in front of an unavailable service ("Our services aren't
         # available right now")
         "unable to complete inference due to an internal error", "our services aren t available right now",
         # vLLM's AsyncEngineDeadError text ("Task finished unexpectedly. This should never happen!"), without its class
         "task finished unexpectedly",
         # a C++ server that crashed on an exception ("terminate called after throwing an instance of
         # 'std::runtime_error'": ik_llama.cpp), the error code a client names ("code: internal_server_error", Zed's
         # cloud; not a wrapper's own label before a connection error)
         "terminate called after throwing", "code internal_server_error",
         # a server that says it is broken rather than busy: vLLM's faulted engine ("The engine has faulted and cannot
         # accept new requests"), llama-swap's failed process ("Process can not ProxyRequest, state is failed"),
         # TabbyAPI's aborted completion ("Maybe the model was unloaded?")
         "engine has faulted", "state is failed", "model was unloaded",
         # Coze's 5000 ("service internal error, please retry after")
         "service internal error",
         # Together's 529 ("Error on our servers"), iFlytek Spark's engine ("引擎网络异常": engine network fault)
         "error on our servers", "引擎网络异常",
         # a relay's generator failing ("An error occurred while generating the response: list index out of range")
         "an error occurred while generating the response",
         # GitHub Copilot's CLI engine ("Response was interrupted due to a server error. Retrying...")
         "interrupted due to a server error",
         # Windsurf's "Cascade has encountered an internal error in this step", the Copilot CLI's "Request failed due
         # to a transient API error", Copilot Chat's "Reason: Server error. Stream terminated", Kilo Code's "OpenAI
         # Codex service error. Please try again later."
         "encountered an internal error", "transient api error", "server error stream terminated",
         ("service error", "please try again later"),
         # an engine's failed run in its own words (Android AICore: "error code 11-RESPONSE PROCESSING ERROR: Inference
         # failed."; Venice's documented 500 "Inference processing failed")
         "inference failed", "inference processing failed",
         # ... and whose last attempt met a 502 or 500 ("Last error: Bad Gateway"); Codex's "stream disconnected before
         # completion: response.failed event received" (the response failed upstream, no detail given)
         "last error bad gateway", "last error internal server error", "response failed event received",
         # Google's INTERNAL answer ("Internal error encountered.") as a client's retry loop prints its last error with
         # no status ("Failed after 3 attempts. Last error: Internal error encountered.":
         # https://github.com/link-assistant/agent/pull/103)
         "internal error encountered",
         # a websocket closed with code 1011 (RFC 6455: the server met an unexpected condition), as the websockets
         # library prints it ("received 1011 (internal error) Internal error occurred."; Gemini Live)
         "1011 internal error",
         "an error occurred while processing your request", "internal server error",
         # LobeChat's "the server seems to have run into some difficulty" (an upstream failure it cannot name)
         ("服务器", "遇到了一些困难"),
         # "server error", "internal error", "system error" in Chinese clients' and relays' words
         "服务器错误", "服务器内部错误", "内部错误", "系统错误",
         "runner process has terminated", "server process has terminated",
         # the CUDA runtime's own failure in a local runner's log ("CUDA error: out of memory ... GGML_ASSERT: ...
         # !\"CUDA error\"": https://github.com/ollama/ollama/issues/3431; every corpus text of it server_error)
         "cuda error",
         "error was encountered while running the model",
         "request failed during generation", "encountered an unexpected error during processing",
         "post predict",
         # A local server's engine or runner process died: every request fails until it restarts (Ollama's runner,
         # vLLM's V0 background loop and V1 EngineCore, LM Studio's model process).
         "runner process no longer running", "runner has unexpectedly stopped", "background loop has errored",
         "background loop is not running", "background loop is stopped", "enginecore encountered",
         "engine dead", "model has crashed",
         # vLLM's (and Aphrodite's) API server when its engine died and it shuts itself down ("MQLLMEngine is already
         # dead, terminating server process", "AsyncLLMEngine has failed, terminating server process", after
         # "RuntimeError: Engine loop has died": vllm/entrypoints/launcher.py,
         # https://github.com/vllm-project/vllm/issues/ 10024, /9230): every request fails until it is restarted
         "terminating server process", "engine loop has died",
         # Cloudflare's error 1101 page: the Worker serving the route threw a JavaScript exception
         # (https://developers.cloudflare.com/workers/observability/errors/), an AI gateway or proxy run as a Worker
         "worker threw exception",
         # An aggregator's upstream died mid-answer (OpenRouter's finish_reason "error", as wrappers print it),
         # or a gateway says its upstream call failed without blaming the request.
         "finish_reason error", "finish reason error", "upstream request failed",
         # an SDK's validator refusing the chunk's finish_reason 'error' (pydantic's input_value='error')
         ("finish_reason", "input_value error"),
         # a relay's bare failure of its upstream (ChatMock's {"error": {"message": "Upstream error"}}), and a server
         # error handed back with a request id to report (VS Code's language-model API)
         "upstream error", ("server error", "report", "request id"),
         # OpenAI's transient 500 wording, however a client prints the body; a relay's failed write of its own quota
         # ledger (one-api forks: "failed to update user quota after max retries"), no lack of quota
         "the server had an error while processing your request", "failed to update user quota",
         # Zhipu's finish_reason "network_error" (its inference failed mid-answer), as a client's retry banner prints it
         "finish_reason network_error", "finish reason network_error",
         # a server's or client's words for a failure it does not name (opencode's "Unexpected server error. Check
         # server logs", Xinference's "Failed to generate chat completion", a wrapper's "Unable to obtain a valid
         # response from Meta AI. Try again later.")
         "unexpected server error", "failed to generate chat completion", "unable to obtain a valid response"),
    _tag("ssl",
         # a TLS handshake that failed, in ESP-IDF's, Zig's and .NET's words ("TLS handshake failed over proxy tunnel",
         # "TlsInitializationFailed", the AuthenticationException "Authentication failed, see inner exception"; the
         # HttpRequestException around it, "The SSL connection could not be established", is ``tls_untrusted``'s)
         "tls handshake failed", "tlsinitializationfailed",
         "authentication failed see inner exception",
         "bad record mac", "ssl alert", "tls alert", "ssl handshake", "tlsv1 alert", "sslv3 alert",
         # mbedTLS (Godot's HTTPRequest: "TLS handshake error: -27648")
         "tls handshake error",
         "bad_record_mac"),
    _tag("disconnect",
         # OkHttp's ConnectException text, and curl's, naming the host it could not reach ("Failed to connect to
         # api.openai.com/31.13.94.49:443": https://github.com/carlrobertoh/ProxyAI/issues/340), whatever class a
         # wrapper gives it; only with no status (a client's "Failed to connect to API: 400 Bad Request" got an answer)
         "failed to connect to",
         # hyper's request that could not be sent on its connection ("client error (SendRequest)":
         # https://github.com/foundation-model-stack/fms-guardrails-orchestrator/issues/397); only with no status: a
         # relay's 502 around it is its upstream's failure
         ("client error", "sendrequest"),
         # a write to a connection the peer had closed (EPIPE: "[Errno 32] Broken pipe")
         "broken pipe",
         # hermes-agent's status line before its last attempt after the OpenAI client's connection failures
         # ("Transient APIConnectionError on custom — rebuilt client, waiting 6s before one last primary attempt.")
         "transient apiconnectionerror",
         # gRPC's reset stream ("Stream removed", google.api_core's Unknown around it), Node's HTTP/2 session error
         # ("Error [ERR_HTTP2_ERROR]: Protocol error")
         "stream removed", "err_http2_error",
         # n8n's HTTP node ("The connection to the server was closed unexpectedly, perhaps it is offline")
         ("connection to the server", "closed unexpectedly"),
         # the websockets library's abnormal closure (1006): the connection dropped without a close handshake
         "no close frame received or sent",
         # .NET's IOException when the peer closed the connection in the TLS handshake ("Authentication failed because
         # the remote party has closed the transport stream.")
         "closed the transport stream",
         "server disconnected", "peer closed connection", "connection reset by peer", "connection was closed",
         "network connection lost", "unexpected eof", "incomplete chunked read", "connection error",
         "response payload is not completed", "other side closed", "und_err_socket"),
    # A client with no live connection to its service (Zed: "Error interacting with language model not connected"), or
    # reconnecting (Codex: "Re-connecting... 1/5", "Reconnecting... waiting for network"): no request was cut, so unlike
    # a dropped connection it says nothing of the request's size.
    _tag("offline", "not connected", "reconnecting", "re connecting", "waiting for network"),
    # The websockets library's own keepalive giving up on a peer that stopped answering pings, which it reports with
    # the close code 1011, whose name is "internal error" ("sent 1011 (internal error) keepalive ping timeout; no close
    # frame received": a Gemini Live session, https://discuss.ai.google.dev/t/142838; CharacterAI's client,
    # https://github.com/kramcat/CharacterAI/issues/104): the connection timed out; the code's name is no server's word.
    _tag("keepalive_timeout", "keepalive ping timeout"),
    # "retry_delay": a RetryInfo printed as protobuf text (google-api-core), read by ``wait_from_text``.
    _tag("wait_words", "again", "retry", "reset", "resets", "wait", "after", "available", "retry_delay"),
)

TAGS: Final = {tag.name: tag for tag in _TAG_LIST}

# One index over every tag, so a text is scanned once for all of them. A phrase can only be present when
# its group's anchor word is one of the text's words, so only the anchors the text holds are looked at:
# - a one-word phrase is present exactly when its word is one of the text's words (no substring search);
# - every other group is keyed by its first (longest) phrase; the first phrases under the hit anchors are tested with
#   a substring test each (a phrase shared by several groups is tested once), the rest only on a hit.
# A one-pass regex alternation over all phrases was measured at 20 times the cost of this scan.
_ALL_ANCHORS: Final = frozenset().union(*(tag.anchors for tag in _TAG_LIST))
_WORD_TAGS: Final[dict[str, tuple[str, ...]]] = {
    anchor: tuple(tag.name for tag in _TAG_LIST if (f" {anchor} ",) in tag.by_anchor.get(anchor, ()))
    for anchor in _ALL_ANCHORS
}
_FIRSTS: Final[dict[str, tuple[str, ...]]] = {
    anchor: tuple(dict.fromkeys(group[0] for tag in _TAG_LIST for group in tag.by_anchor.get(anchor, ())
                                if group != (f" {anchor} ",)))
    for anchor in _ALL_ANCHORS
}
_GROUPS_BY_FIRST: Final[dict[str, tuple[tuple[str, tuple[str, ...]], ...]]] = {}
for _tag_obj in _TAG_LIST:
    for _anchor, _groups in _tag_obj.by_anchor.items():
        for _group in _groups:
            if _group != (f" {_anchor} ",):
                _GROUPS_BY_FIRST[_group[0]] = (*_GROUPS_BY_FIRST.get(_group[0], ()), (_tag_obj.name, _group[1:]))
    for _group in _tag_obj.unanchored:
        _GROUPS_BY_FIRST[_group[0]] = (*_GROUPS_BY_FIRST.get(_group[0], ()), (_tag_obj.name, _group[1:]))
_ANCHORS: Final = frozenset(a for a in _ALL_ANCHORS if _WORD_TAGS[a] or _FIRSTS[a])
_BY_ANCHOR: Final = {a: (_WORD_TAGS[a], _FIRSTS[a]) for a in _ANCHORS}  # one lookup per anchor in the scan
_UNANCHORED_FIRSTS: Final = tuple(dict.fromkeys(group[0] for tag in _TAG_LIST for group in tag.unanchored))
# The non-ASCII first phrases by one of their non-ASCII characters (the keys), as the ASCII ones by an anchor word: a
# text holding none of a phrase's key (a curly quote, an accented name, Chinese about something else) tests none of
# them. One scan for the key characters finds which to test (73 substring tests a non-ASCII text cost before).
_UNANCHORED_BY_KEY: Final[dict[str, tuple[str, ...]]] = {}
for _first in _UNANCHORED_FIRSTS:
    _key = next((c for c in _first if not c.isascii()), "")  # "": an ASCII phrase, keyed on nothing, always tested
    _UNANCHORED_BY_KEY[_key] = (*_UNANCHORED_BY_KEY.get(_key, ()), _first)
_UNANCHORED_KEY: Final = re.compile("[" + re.escape("".join(_UNANCHORED_BY_KEY)) + "]")
_NO_TAGS: Final[frozenset[str]] = frozenset()


def tags_in(norm: str, words: Iterable[str]) -> frozenset[str]:
    """Names of every tag with a phrase group present in the normalised text (``words``: its words)."""
    found: set[str] = set()
    for anchor in _ANCHORS.intersection(words):
        named, firsts = _BY_ANCHOR[anchor]
        if named:
            found.update(named)
        for first in firsts:
            if first in norm:
                for name, rest in _GROUPS_BY_FIRST[first]:
                    if name not in found and (not rest or all(map(norm.__contains__, rest))):
                        found.add(name)
    if not norm.isascii():
        for key in {"", *_UNANCHORED_KEY.findall(norm)}:
            for first in _UNANCHORED_BY_KEY.get(key, ()):
                if first in norm:
                    for name, rest in _GROUPS_BY_FIRST[first]:
                        if name not in found and all(map(norm.__contains__, rest)):
                            found.add(name)
    return frozenset(found) if found else _NO_TAGS


# A status line's reason phrase right after its own status ("status: 429 Too Many Requests" in go-openai's error,
# "(429 Too Many Requests) for url" in reqwest's, "HTTP/1.1 503 Service Unavailable") says nothing the status does not,
# and the status is read from the text already: its words are not the provider's. Read as provider wording they
# outranked what the provider did say ("429 Too Many Requests, message: The engine is currently overloaded" was a
# rate limit by the reason phrase alone).
# The pairs are ``_embedded.BARE_REASONS``' (the one table of reason phrases), for the statuses whose phrase a tag
# reads: a throttle's, load's, a timeout's, a server fault's words.
_REASON_PHRASES: Final = {str(status): phrase for phrase, status in BARE_REASONS.items()
                          if status in (408, 429, 500, 503, 504)}
_STATUS_LINE: Final = re.compile(" (" + "|".join(f"{code} {phrase}" for code, phrase in _REASON_PHRASES.items()) + ") ")


def _status_lines_dropped(norm: str) -> str:
    return _STATUS_LINE.sub(lambda m: f" {m.group(1)[:3]} ", norm)


# A key's environment variable (a word ending in ``_api_key``) said to be unset or required: "NVIDIA_NIM_API_KEY is not
# set" (a proxy's 503: https://github.com/Alishahryar1/free-claude-code/issues/91), "The OPENAI_API_KEY must be a
# non-empty string", "No OCO_API_KEY is set", "OpenAI Realtime provider requires OPENAI_API_KEY", "Unauthenticated.
# Configure AI_GATEWAY_API_KEY" (a 500), "Either ANTHROPIC_API_KEY or CLAUDE_CODE_OAUTH_TOKEN is required" (a CI
# action with neither secret: https://github.com/sgl-project/sglang-jax/pull/1178). Read by ``with_derived`` only when
# the text holds such a word; the tag is ``key_unset``.
_KEY_UNSET: Final = re.compile(
    r" [a-z0-9_]+_api_key (?:or [a-z0-9_]+ )?(?:(?:environment variable|env var|variable) )?"
    r"(?:is not set|not set|is missing|is required|not configured|must be a non empty|must be set|is empty) "
    r"| (?:requires|no|missing|configure|set) [a-z0-9_]*_api_key ")
_KEY_UNSET_TAGS: Final = frozenset({"key_unset"})


def scan(text: str) -> tuple[str, frozenset[str]]:
    """The padded normalised text and its phrase tags (``normalize`` then ``tags_in``, without the word set); a status
    line's reason phrase after its status is left out of the tags (``_REASON_PHRASES``)."""
    if text.isascii():
        words = text.encode().translate(_TABLE).decode().split()
    else:
        words = _WIDE.sub(" ", text).encode("utf-8", "replace").translate(_TABLE).decode("utf-8", "replace").split()
    norm = " " + " ".join(words) + " "
    if not _REASON_CODES.isdisjoint(words) and (tagged := _status_lines_dropped(norm)) != norm:
        return norm, tags_in(tagged, tagged.split())
    return norm, tags_in(norm, words)


# OpenAI's retired model, its name between "the model" and "has been deprecated" ("The model `text-davinci-003` has been
# deprecated, learn more here: ...": its 404, and openai 0.x's InvalidRequestError with no status in course notebooks;
# all 7 such corpus texts are labelled model_not_found). The order matters: "The `functions` parameter has been
# deprecated; use tools with the model" is a request's field, not the model, and a model's name holds a digit ("the
# model name field has been deprecated" names none). Read by ``with_derived``; tag ``model_missing``.
_MODEL_RETIRED: Final = re.compile(r" the model ((?:\S+ ){1,8}?)has been deprecated ")
_MODEL_MISSING_TAGS: Final = frozenset({"model_missing"})
# The Dart SDKs (google_generative_ai, firebase_ai) on a candidate whose content holds no parts: "Unhandled format for
# Content: {}" or "... {role: model}", alone or before "This indicates a problem with the ... SDK" (all 4 corpus texts
# are labelled empty_response: https://github.com/google-gemini/deprecated-generative-ai-dart/issues/224). Content in
# a format the SDK does not know (parts it cannot read) stays an unreadable answer. Read by ``with_derived``; tag
# ``empty_answer``.
_CONTENT_WITHOUT_PARTS: Final = re.compile(r" unhandled format for content (?:role model )?(?:this indicates |$)")
_EMPTY_ANSWER_TAGS: Final = frozenset({"empty_answer"})
# Go's io.ErrUnexpectedEOF as the whole error: a body or stream that ended before it was complete (java.io.IOException
# "unexpected EOF"; Kiro-Go's error event for Amazon Q's stream cut mid-answer: https://github.com/Quorinex/Kiro-Go/
# issues/142); all 3 corpus texts of it alone are labelled stream_incomplete. After a request line ("Post ...:
# unexpected EOF") or a model runner's words it stays the transport fault or server error those read as. Read by
# ``with_derived``; tag ``stream_cut``.
_STREAM_CUT_TAGS: Final = frozenset({"stream_cut"})
# The caller's code and the installed SDK disagree, before any request: Python's AttributeError on an SDK module or
# client ("module 'openai' has no attribute 'ChatCompletion'", "'AsyncOpenAI' object has no attribute 'responses'":
# https://github.com/home-assistant/core/issues/151021; boto3's control-plane client, "'Bedrock' object has no
# attribute 'invoke_model'": https://github.com/aws-samples/amazon-bedrock-workshop/issues/116), its ImportError
# ("cannot import name 'Anthropic' from 'anthropic'", "No module named 'openai.error'"), and JavaScript's "OpenAI is not
# a constructor" (openai-node's v3 code on v4). Every call fails alike until the code or the SDK changes; all 22 such
# corpus texts are labelled format_error. An answer's missing field ("'NoneType' object has no attribute 'choices'") is
# not among them. Read by ``with_derived``; tag ``client_code_mismatch``.
_CLIENT_CODE_MISMATCH: Final = re.compile(
    r" module (?:[a-z0-9_]+ ){1,4}has no attribute | (?:async)?(?:azure)?(?:openai|anthropic(?:bedrock|vertex)?"
    r"|bedrock(?:runtime)?) object has no attribute | cannot import name [a-z0-9_]+ from | no module named "
    r"| is not a constructor ")
_CLIENT_CODE_MISMATCH_TAGS: Final = frozenset({"client_code_mismatch"})
# serde's error for an answer without a field the client's type requires, with the place it stopped ("missing field
# `parts` at line 1 colunm 45": Zed reading a Gemini chunk, https://github.com/zed-industries/zed/issues/29043; "error
# decoding response body: missing field `id` at line 8 column 1"): the client could not read the answer. Not a server's
# refusal of the request's own JSON ("Failed to deserialize the JSON body into the target type: missing field
# `messages` at line 1 column 123", axum behind TGI and vLLM's router; "failed to parse request"). Read by
# ``with_derived``; tag ``unparsable_answer``.
_ANSWER_FIELD_MISSING: Final = re.compile(r" missing field [a-z0-9_]+ at line \d+ colu(?:mn|nm) \d+ ")
_UNPARSABLE_ANSWER_TAGS: Final = frozenset({"unparsable_answer"})


def with_derived(norm: str, tags: frozenset[str]) -> frozenset[str]:
    """``tags`` and the tags no phrase list can hold, read from the normalised text by pattern: ``key_unset`` for a
    key's environment variable said to be unset or required (``_KEY_UNSET``), ``model_missing`` for a model said to be
    deprecated (``_MODEL_RETIRED``), ``empty_answer`` for a Dart SDK's content without parts
    (``_CONTENT_WITHOUT_PARTS``), ``stream_cut`` for Go's unexpected EOF alone (``_STREAM_CUT_TAGS``),
    ``client_code_mismatch`` for the caller's code and its SDK disagreeing (``_CLIENT_CODE_MISMATCH``),
    ``unparsable_answer`` for serde's missing field in an answer (``_ANSWER_FIELD_MISSING``)."""
    if "_api_key " in norm and _KEY_UNSET.search(norm):
        tags = tags | _KEY_UNSET_TAGS
    if " has been deprecated " in norm and (named := _MODEL_RETIRED.search(norm)) is not None and any(
            c.isdigit() for c in named.group(1)):
        tags = tags | _MODEL_MISSING_TAGS
    if " unhandled format for content " in norm and _CONTENT_WITHOUT_PARTS.search(norm):
        tags = tags | _EMPTY_ANSWER_TAGS
    if norm == " unexpected eof ":
        tags = tags | _STREAM_CUT_TAGS
    if ((" has no attribute " in norm or " cannot import name " in norm or " no module named " in norm
         or " is not a constructor " in norm) and _CLIENT_CODE_MISMATCH.search(norm)):
        tags = tags | _CLIENT_CODE_MISMATCH_TAGS
    if (" missing field " in norm and " json body " not in norm and " parse request " not in norm
            and _ANSWER_FIELD_MISSING.search(norm)):
        tags = tags | _UNPARSABLE_ANSWER_TAGS
    return tags


_REASON_CODES: Final = frozenset(_REASON_PHRASES)


def has(facts: ErrorFacts, tag: str) -> bool:
    """Whether the facts' text carries one of the phrase groups of ``tag``."""
    return tag in facts.tags
