"""The guardrail policy schema, in the vocabulary Amazon Bedrock Guardrails users know.

A policy declares content filters, denied topics, word filters, sensitive information
(PII entities and custom regexes), prompt-attack detection, and contextual grounding and
relevance. Each declared key compiles into a check (``guardrails/``); an unknown key is an
error, so nothing declared is silently skipped. ``strength`` maps to a decision
threshold calibrated per check (see each model card in ``guardrails/models/``).
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

__all__ = [
    "BUILTIN_CHECK_KEYS",
    "PII_ENTITIES",
    "AuditConfig",
    "ContentFilterStrength",
    "ContentFiltersConfig",
    "CustomRegexConfig",
    "DeniedTopicConfig",
    "GroundingConfig",
    "GuardrailMessages",
    "GuardrailPolicyConfig",
    "PiiEntityConfig",
    "PromptAttackConfig",
    "SensitiveInfoConfig",
    "StreamConfig",
    "Strength",
    "WordFilterConfig",
]

Strength = Literal["none", "low", "medium", "high"]
TextDirection = Literal["input", "output"]
PiiAction = Literal["block", "mask", "detect"]

#: Presidio's entity names (the vocabulary users know) that genaiops can detect.
PII_ENTITIES = (
    "CREDIT_CARD",
    "CRYPTO",
    "DATE_TIME",
    "EMAIL_ADDRESS",
    "IBAN_CODE",
    "IP_ADDRESS",
    "LOCATION",
    "NRP",
    "ORGANIZATION",
    "PERSON",
    "PHONE_NUMBER",
    "TITLE",
    "URL",
    "US_BANK_NUMBER",
    "US_DRIVER_LICENSE",
    "US_ITIN",
    "US_PASSPORT",
    "US_SSN",
    "UK_NHS",
    "AGE",
    "ADDRESS",
    "ZIP_CODE",
)


#: the policy keys that built-in checks compile, in the order the engine runs them
BUILTIN_CHECK_KEYS = (
    "word_filters",
    "sensitive_information",
    "prompt_attacks",
    "denied_topics",
    "content_filters",
    "contextual_grounding",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ContentFilterStrength(_Strict):
    input: Strength = "none"
    output: Strength = "none"


class ContentFiltersConfig(_Strict):
    """Harmful-content categories, each with a strength per direction."""

    hate: ContentFilterStrength = ContentFilterStrength()
    insults: ContentFilterStrength = ContentFilterStrength()
    sexual: ContentFilterStrength = ContentFilterStrength()
    violence: ContentFilterStrength = ContentFilterStrength()
    misconduct: ContentFilterStrength = ContentFilterStrength()


class DeniedTopicConfig(_Strict):
    name: str = Field(min_length=1)
    definition: str = Field(min_length=10, description="what the topic is, in plain language")
    examples: list[str] = Field(default_factory=list, description="phrases that belong to it")
    allowed_examples: list[str] = Field(
        default_factory=list,
        description="ordinary texts that share the topic's words but must pass (customer "
        "questions, FAQ titles): a text at least as close to one of them as to the topic's "
        "definition and examples is not blocked by this topic",
    )
    directions: list[TextDirection] = ["input", "output"]
    strength: Literal["low", "medium", "high"] = Field(
        "medium",
        description="low: near paraphrases of the examples only; medium: also harmful "
        "requests clearly about the topic; high: also those loosely about it (tuned for "
        "harmful-content topics; business topics get false positives)",
    )

    @field_validator("allowed_examples")
    @classmethod
    def _no_blank(cls, v: list[str]) -> list[str]:
        if any(not text.strip() for text in v):
            raise ValueError("allowed_examples holds an empty text: remove it")
        return v


class WordFilterConfig(_Strict):
    words: list[str] = Field(default_factory=list, description="words or phrases, case-insensitive")
    profanity: bool = Field(False, description="also block the built-in profanity list")
    directions: list[TextDirection] = ["input", "output"]


class PiiEntityConfig(_Strict):
    type: str = Field(description="a Presidio entity name, e.g. EMAIL_ADDRESS")
    action: PiiAction = "mask"

    @field_validator("type")
    @classmethod
    def _known(cls, v: str) -> str:
        if v not in PII_ENTITIES:
            raise ValueError(f"unknown PII entity {v!r}; valid: {', '.join(PII_ENTITIES)}")
        return v


class CustomRegexConfig(_Strict):
    name: str = Field(min_length=1)
    pattern: str
    action: PiiAction = "mask"

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, v: str) -> str:
        try:
            re.compile(v)
        except re.error as exc:
            raise ValueError(f"not a valid regular expression: {exc}") from None
        return v


class SensitiveInfoConfig(_Strict):
    entities: list[PiiEntityConfig] = Field(default_factory=list)
    regexes: list[CustomRegexConfig] = Field(default_factory=list)
    directions: list[TextDirection] = ["input", "output"]


class PromptAttackConfig(_Strict):
    """Jailbreaks, instruction overrides, system-prompt extraction."""

    strength: Strength = "medium"
    document_strength: Strength | None = Field(
        None, description="strength for retrieved documents (default: strength)"
    )
    on_input: bool = True
    on_documents: bool = Field(True, description="instructions hidden in retrieved documents")

    def strength_for(self, direction: str) -> Strength:
        if direction == "document" and self.document_strength is not None:
            return self.document_strength
        return self.strength


class GroundingConfig(_Strict):
    grounding_threshold: float | None = Field(
        None, ge=0.0, le=0.99, description="block answers whose support score is below"
    )
    relevance_threshold: float | None = Field(
        None, ge=0.0, le=0.99, description="block answers whose relevance score is below"
    )
    judge_model: str | None = Field(None, description="optional model that judges support")
    scorer: Literal["lexical", "aligned"] = Field(
        "lexical",
        description="lexical: terms of each claim looked up in the sources (no model); "
        "aligned: each claim aligned to its best source window with MiniLM and scored by "
        "a small trained model (tolerates paraphrase in summaries and dialogue answers; "
        "threshold 0.51, see guardrails/models/grounding_align.md)",
    )
    without_sources: Literal["block", "allow"] = Field(
        "block",
        description="an answer with no source to check it against (nothing retrieved, or "
        "an app without a knowledge base): block it (an ungrounded factual answer is "
        "unsupported) or allow it (grounding does not apply; relevance still does)",
    )


class GuardrailMessages(_Strict):
    blocked_input: str = "Sorry, I can't help with that request."
    blocked_output: str = "Sorry, I can't provide that answer."


class StreamConfig(_Strict):
    """How an answer is streamed through the output checks."""

    mode: Literal["sentence", "buffered"] = Field(
        "sentence",
        description="sentence: release each sentence once the checks that can judge part of "
        "an answer (PII, words, content, topics) passed it, the final verdict (grounding) "
        "before the stream ends; buffered: release nothing until every check passed",
    )
    max_pending_tokens: int = Field(
        48, ge=4, le=4096, description="release a long sentence in windows of this many pieces"
    )


class AuditConfig(_Strict):
    """What the audit (the ``asks`` table) keeps of each ask."""

    redact: Literal["policy", "all", "none"] = Field(
        "policy",
        description="policy: mask the PII entities and regexes this policy blocks or masks; "
        "all: every PII entity genaiops detects; none: keep texts as they were",
    )
    keep_blocked_text: bool = Field(
        False, description="keep (redacted) the text of a blocked question or answer"
    )


PLUGIN_CHECK_KEY = "kind"


class GuardrailPolicyConfig(_Strict):
    """A guardrail policy. Every key declared here is enforced; unknown keys are errors, so
    a check that this version cannot run is never silently skipped."""

    mode: Literal["enforce", "shadow"] = Field(
        "enforce", description="shadow: record what would be blocked, block nothing"
    )
    stream: StreamConfig = StreamConfig()
    audit: AuditConfig = AuditConfig()
    max_chars: int | None = Field(
        100_000,
        ge=1,
        description=(
            "a text longer than this is blocked before any check runs (finding type "
            "limit), so that no text holds a worker for seconds; null: no limit"
        ),
    )
    long_text_encoder: Literal["quantized", "exact"] = Field(
        "quantized",
        description=(
            "MiniLM for the windows of long texts in the topic and content checks: "
            "quantized (8-bit integer products, built into the cache on first use, about "
            "2x faster, cosine ~0.99) or exact (the knowledge bases' model)"
        ),
    )
    checks: list[dict[str, Any]] = Field(
        default_factory=list,
        description="plug-in checks: {kind: NAME, ...options}, options per the kind's schema",
    )

    @field_validator("checks")
    @classmethod
    def _plugin_checks(cls, v: list[dict[str, Any]]) -> list[dict[str, Any]]:
        from genaiops.plugins import checks

        for i, entry in enumerate(v):
            kind = entry.get(PLUGIN_CHECK_KEY)
            if not isinstance(kind, str) or kind not in checks:
                raise ValueError(
                    f"checks[{i}].kind: unknown guardrail check {kind!r}; registered: "
                    f"{', '.join(checks.names())}"
                )
            if kind in BUILTIN_CHECK_KEYS:
                raise ValueError(f"checks[{i}]: declare {kind} with the policy key {kind}:")
            schema = getattr(checks.get(kind), "config_model", None)
            options = {k: x for k, x in entry.items() if k != PLUGIN_CHECK_KEY}
            if schema is not None:
                try:
                    schema.model_validate(options)
                except ValidationError as exc:
                    first = exc.errors()[0]
                    loc = ".".join(str(p) for p in first["loc"])
                    raise ValueError(f"checks[{i}].{loc}: {first['msg']}") from None
            elif options:
                raise ValueError(f"checks[{i}]: the {kind} check takes no options")
        return v

    messages: GuardrailMessages = GuardrailMessages()
    content_filters: ContentFiltersConfig | None = None
    denied_topics: list[DeniedTopicConfig] = Field(default_factory=list)
    word_filters: WordFilterConfig | None = None
    sensitive_information: SensitiveInfoConfig | None = None
    prompt_attacks: PromptAttackConfig | None = None
    contextual_grounding: GroundingConfig | None = None
