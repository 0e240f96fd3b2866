"""The contextual grounding and relevance check, on handcrafted cases with the real MiniLM
embedder (no shared data, no model other than MiniLM)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

import numpy as np
import pytest

from genaiops.config import ModelConfigBase
from genaiops.config_guardrails import GroundingConfig
from genaiops.guardrails.base import Finding
from genaiops.guardrails.claims import opposite_stems, split_claims, split_sentences, terms
from genaiops.guardrails.grounding import GroundingCheck
from genaiops.guardrails.grounding_align import ARTIFACT, FEATURES, WEIGHTS_SHA256, load_model
from genaiops.knowledge.embedders import MiniLMEmbedder
from genaiops.models.base import (
    ChatOptions,
    ChatResult,
    Message,
    ModelProvider,
    TokenCallback,
    Usage,
)

SOURCES = [
    "# Trailhawk 2 Electric Mountain Bike\n\n"
    "The Trailhawk 2 is our full-suspension electric mountain bike. The Trailhawk 2 costs "
    "$2,899. It replaced the original Trailhawk with a stiffer frame.\n\n"
    "## Key Specifications\n\n- Price: $2,899\n- Battery capacity: 720 Wh\n- Weight: 24.8 kg",
    "Fenwick Cycles was founded in 2014 in Portland, Oregon, by Maya Fenwick. Customer "
    "support can be reached by phone at 555-0142.",
]
QUESTION = "How much does the Trailhawk 2 cost?"
DEFAULT = 0.85  # the card's recommended production threshold


@pytest.fixture(scope="module")
def embedder() -> MiniLMEmbedder:
    emb = MiniLMEmbedder()
    emb.warm_up()
    return emb


@pytest.fixture(scope="module")
def check(embedder: MiniLMEmbedder) -> GroundingCheck:
    return GroundingCheck(
        GroundingConfig(grounding_threshold=DEFAULT, relevance_threshold=0.5), embedder
    )


def names(findings: Sequence[Finding]) -> set[str]:
    return {f.name for f in findings}


@pytest.mark.parametrize(
    "answer",
    [
        "The Trailhawk 2 costs $2,899.",
        "The answer is $2,899.",
        "$2899 is the correct answer based on the text.",
        "Based on the context, the Trailhawk 2 is priced at 2,899 dollars. I hope this helps!",
        "According to the provided information, the price of the Trailhawk 2 is $2,899.00.",
    ],
)
def test_supported_answer_with_filler_passes(check: GroundingCheck, answer: str) -> None:
    assert check.check(answer, "output", SOURCES, QUESTION) == []
    assert check.scores(answer, SOURCES, QUESTION)["grounding"] >= 0.9


def test_wrong_number_is_blocked_and_named(check: GroundingCheck) -> None:
    findings = check.check("The Trailhawk 2 costs $2,499.", "output", SOURCES, QUESTION)
    assert names(findings) == {"grounding"}
    f = findings[0]
    assert f.type == "grounding" and f.action == "BLOCKED"
    assert f.score < 0.3
    assert "2,499" in f.explanation
    assert (f.start, f.end) == (0, len("The Trailhawk 2 costs $2,499."))


def test_unsupported_name_is_blocked(check: GroundingCheck) -> None:
    answer = "Fenwick Cycles was founded in 2014 by John Carver."
    findings = check.check(answer, "output", SOURCES, "Who founded Fenwick Cycles?")
    assert names(findings) == {"grounding"}
    assert "John" in findings[0].explanation and "Carver" in findings[0].explanation
    ok = check.check(
        "Fenwick Cycles was founded by Maya Fenwick.", "output", SOURCES, "Who founded it?"
    )
    assert ok == []


def test_only_the_unsupported_claim_is_weak(check: GroundingCheck) -> None:
    report = check.analyze(
        "The Trailhawk 2 costs $2,899. Its battery holds 900 Wh.", SOURCES, QUESTION
    )
    assert [c.support >= 0.9 for c in report.claims] == [True, False]
    weak = report.weakest
    assert weak is not None and weak.unsupported_numbers == ("900",)
    assert report.grounding == weak.support
    assert weak.text == "Its battery holds 900 Wh."


def test_scattered_facts_support_less_than_one_sentence(check: GroundingCheck) -> None:
    sources = [
        "Cia Berg is a Swedish television presenter and singer. David Lee Roth is an "
        "American rock vocalist. In 1990 the Rock and Roll Hall of Fame inducted Roth."
    ]
    q = "Who was inducted into the Rock and Roll Hall of Fame, David Lee Roth or Cia Berg?"
    right = check.scores("Roth was inducted into the Rock and Roll Hall of Fame.", sources, q)
    wrong = check.scores("Cia Berg was inducted into the Rock and Roll Hall of Fame.", sources, q)
    assert right["grounding"] == 1.0
    assert wrong["grounding"] < DEFAULT


def test_a_premise_of_the_question_is_not_evidence(check: GroundingCheck) -> None:
    """A price the question asserts and the sources do not have is as unsupported as an
    invented one, with or without the question."""
    q = "Does the Trailhawk 2 cost $3,100?"
    with_q = check.analyze("Yes, the Trailhawk 2 costs $3,100.", SOURCES, q)
    without = check.analyze("Yes, the Trailhawk 2 costs $3,100.", SOURCES)
    assert with_q.grounding == without.grounding < 0.3
    assert with_q.weakest is not None and "3,100" in with_q.weakest.unsupported
    # words of the question still earn partial credit: restating is not inventing
    assert check.scores("The Trailhawk 2 costs $2,899.", SOURCES, q)["grounding"] >= 0.9


def test_a_plain_contradiction_is_unsupported(check: GroundingCheck) -> None:
    sources = ["We ship to the United States, Canada and Japan. We do not ship to Mexico."]
    no = check.analyze("No, we do not ship to Japan.", sources, "Do you ship to Japan?")
    assert no.grounding <= 0.5 and no.weakest is not None
    assert "not" in " ".join(no.weakest.unsupported)
    assert check.scores("We do not ship to Mexico.", sources)["grounding"] == 1.0
    assert check.scores("We ship to Japan.", sources)["grounding"] == 1.0


def test_abstentions_and_yes_no_claim_nothing(check: GroundingCheck) -> None:
    for answer in ("I don't know.", "The context does not mention the warranty.", "No."):
        assert check.scores(answer, SOURCES)["grounding"] == 1.0


def test_no_sources_blocks_a_factual_answer(check: GroundingCheck) -> None:
    findings = check.check("The Trailhawk 2 costs $2,899.", "output", [], QUESTION)
    assert names(findings) == {"grounding"}
    assert "no sources" in findings[0].explanation


def test_without_sources_is_a_declared_choice() -> None:
    allow = GroundingCheck(GroundingConfig(grounding_threshold=0.85, without_sources="allow"))
    assert allow.check("The Trailhawk 2 costs $2,899.", "output", [], QUESTION) == []
    # with sources, grounding applies as ever
    found = allow.check("The Trailhawk 2 costs $2,499.", "output", SOURCES, QUESTION)
    assert names(found) == {"grounding"}


def test_off_topic_answer_fails_relevance(check: GroundingCheck) -> None:
    # grounded in the sources, but it answers another question
    answer = "Customer support can be reached by phone at 555-0142."
    findings = check.check(answer, "output", SOURCES, QUESTION)
    assert names(findings) == {"relevance"}
    assert findings[0].score < 0.5
    on_topic = check.scores("The Trailhawk 2 costs $2,899.", SOURCES, QUESTION)["relevance"]
    assert on_topic >= 0.9
    # a short answer is judged through the sentence it comes from
    short = check.scores("$2,899", SOURCES, QUESTION)["relevance"]
    assert short >= 0.5


def test_yes_no_relevance(embedder: MiniLMEmbedder) -> None:
    check = GroundingCheck(GroundingConfig(relevance_threshold=0.5), embedder)
    assert check.scores("Yes.", ["x"], "Is the Trailhawk 2 electric?")["relevance"] == 1.0
    assert check.scores("No.", ["x"], "How much does it cost?")["relevance"] == 0.0


def test_thresholds_are_respected(embedder: MiniLMEmbedder) -> None:
    answer = "The Trailhawk 2 costs $2,899 and weighs 30 kg."  # one invented number
    score = GroundingCheck(GroundingConfig(grounding_threshold=0.5), embedder).scores(
        answer, SOURCES, QUESTION
    )["grounding"]
    assert 0 < score < 0.5
    assert (
        GroundingCheck(GroundingConfig(grounding_threshold=0.0), embedder).check(
            answer, "output", SOURCES, QUESTION
        )
        == []
    )
    below = GroundingCheck(GroundingConfig(grounding_threshold=round(score, 4)), embedder)
    assert below.check(answer, "output", SOURCES, QUESTION) == []  # not below: equal
    above = GroundingCheck(GroundingConfig(grounding_threshold=0.99), embedder)
    assert names(above.check(answer, "output", SOURCES, QUESTION)) == {"grounding"}
    # only the configured score is checked
    rel_only = GroundingCheck(GroundingConfig(relevance_threshold=0.1), embedder)
    assert rel_only.check(answer, "output", SOURCES, QUESTION) == []
    assert rel_only.check(answer, "output", SOURCES, None) == []  # no question, no relevance
    nothing = GroundingCheck(GroundingConfig(), embedder)
    assert nothing.check(answer, "output", SOURCES, QUESTION) == []


def test_direction_filter(check: GroundingCheck) -> None:
    assert GroundingCheck.directions == frozenset({"output"})
    bad = "The Trailhawk 2 costs $2,499."
    assert check.check(bad, "input", SOURCES, QUESTION) == []
    assert check.check(bad, "document", SOURCES, QUESTION) == []
    assert check.check(bad, "output", SOURCES, QUESTION) != []


def test_constructor_does_no_io() -> None:
    check = GroundingCheck(GroundingConfig(grounding_threshold=0.5))
    assert check._embedder is None  # loaded on first relevance use only
    # grounding alone never needs the embedder
    assert check.check("It costs $5.", "output", SOURCES) != []
    assert check._embedder is None


class FakeJudge(ModelProvider):
    kind = "fake"

    def __init__(self, reply: str | Exception) -> None:
        super().__init__("judge", ModelConfigBase(provider="fake"))
        self.reply = reply
        self.prompts: list[str] = []

    def chat(
        self,
        messages: Sequence[Message],
        options: ChatOptions | None = None,
        on_token: TokenCallback | None = None,
    ) -> ChatResult:
        self.prompts.append(messages[-1].content)
        if isinstance(self.reply, Exception):
            raise self.reply
        return ChatResult(self.reply, Usage(10, 3), "judge", "stop", 0.01, 0.01)


def test_judge_rating_is_blended() -> None:
    cfg = GroundingConfig(grounding_threshold=0.6, judge_model="judge")
    answer = "The Trailhawk 2 costs $2,899."
    judge = FakeJudge("RATING: 2")
    check = GroundingCheck(cfg, judge=judge)
    report = check.analyze(answer, SOURCES, QUESTION, relevance=False)
    assert report.heuristic_grounding == 1.0 and report.judge_rating == 0.2
    assert report.grounding == pytest.approx(0.6)
    assert "$2,899" in judge.prompts[0] and QUESTION in judge.prompts[0]
    findings = GroundingCheck(
        GroundingConfig(grounding_threshold=0.7), judge=FakeJudge("RATING: 2")
    ).check(answer, "output", SOURCES, None)
    assert names(findings) == {"grounding"} and "judge rated 2/10" in findings[0].explanation


@pytest.mark.parametrize("reply", ["I cannot say", RuntimeError("down")])
def test_judge_failure_falls_back_to_the_heuristic(reply: str | Exception) -> None:
    check = GroundingCheck(GroundingConfig(grounding_threshold=0.5), judge=FakeJudge(reply))
    report = check.analyze("The Trailhawk 2 costs $2,899.", SOURCES, relevance=False)
    assert report.grounding == 1.0 and report.judge_rating is None
    assert "heuristic score only" in report.judge_note


def test_terms_normalise_numbers_names_and_plurals() -> None:
    keys = {t.key: t.kind for t in terms("Prices: $2,899.00 for two bikes, the fourth Model X.")}
    assert keys["2899"] == "number" and keys["2"] == "number" and keys["#4th"] == "number"
    assert keys["bike"] == "word" and keys["price"] == "word"
    assert keys["model"] == "name"
    assert [t.key for t in terms("Muñoz and Munoz's")] == ["munoz", "munoz"]


def test_claims_and_sentences_split() -> None:
    claims = split_claims("The answer is 2014. It was founded in Portland; Maya led it. Why?")
    assert [c.text for c in claims] == [
        "The answer is 2014.",
        "It was founded in Portland",
        "Maya led it.",
    ]
    sentences = split_sentences(
        ["Magazine founded in 1844.First for Women is newer. Dr. Smith left."]
    )
    assert [s.text for s in sentences] == [
        "Magazine founded in 1844.",
        "First for Women is newer.",
        "Dr. Smith left.",
    ]
    assert sentences[1].passage == 1  # glued text starts a new paragraph


# -- the aligned scorer (paraphrase-tolerant), on a source written for these tests ----------

HARBOR = [
    "Harbor Freight Lines moves refrigerated cargo between Rotterdam and Oslo. The company "
    "operates eleven ships and employs about 640 people. Its newest vessel, the Nordlys, "
    "entered service in 2021 and cut fuel use by 18 percent compared with the older ships. "
    "Bookings can be changed free of charge until 48 hours before departure."
]
ALIGNED_T = 0.51  # the threshold chosen on val (models/grounding_align_metrics.json)


@pytest.fixture(scope="module")
def aligned(embedder: MiniLMEmbedder) -> GroundingCheck:
    return GroundingCheck(
        GroundingConfig(grounding_threshold=ALIGNED_T, scorer="aligned"), embedder
    )


def test_aligned_weights_match_their_sha256_and_threshold() -> None:
    digest = hashlib.sha256(ARTIFACT.read_bytes()).hexdigest()
    assert digest == WEIGHTS_SHA256
    metrics = json.loads((ARTIFACT.parent / "grounding_align_metrics.json").read_text())
    assert metrics["sha256"] == WEIGHTS_SHA256 and metrics["threshold"] == ALIGNED_T
    assert load_model().names == FEATURES


def test_aligned_golden_scores() -> None:
    """Ties the shipped weights to the featurizer's order: a well-covered claim scores
    high; the same claim with the opposite-word feature set scores low."""
    model = load_model()
    covered = [0.9, 0.9, 0.9, 0.8, 0.8, 0.9, 0, 0, 0.1, 0, 0, 0, 0, 2.5, 0, 0, 0, 0, 0]
    assert len(covered) == len(FEATURES)
    assert model.predict(covered) == pytest.approx(0.8515, abs=1e-3)
    flipped = [*covered[:12], 1.0, *covered[13:]]
    assert model.predict(flipped) == pytest.approx(0.0107, abs=1e-3)
    swapped = [*covered[:18], 1.0]  # the substitution feature
    assert model.predict(swapped) == pytest.approx(0.4850, abs=1e-3)


def test_aligned_golden_score_with_minilm(aligned: GroundingCheck) -> None:
    report = aligned.analyze(
        "Harbor Freight Lines runs refrigerated shipping from Rotterdam to Oslo with a fleet "
        "of 11 vessels.",
        HARBOR,
        relevance=False,
    )
    assert [c.aligned for c in report.claims] == [pytest.approx(0.489, abs=0.01)]


@pytest.mark.parametrize(
    "answer",
    [
        "Sure! Their latest ship, the Nordlys, started operating in 2021 and uses 18% less "
        "fuel than the older vessels. Hope that helps!",
    ],
)
def test_aligned_passes_faithful_paraphrases_the_lexical_scorer_blocks(
    aligned: GroundingCheck, check: GroundingCheck, answer: str
) -> None:
    assert aligned.check(answer, "output", HARBOR) == []
    assert check.scores(answer, HARBOR)["grounding"] < DEFAULT  # lexical, 0.85: blocked
    # lighter paraphrases pass both
    for light in (
        "The company operates 11 ships and employs around 640 staff.",
        "Bookings may be changed without charge until 48 hours prior to departure.",
    ):
        assert aligned.check(light, "output", HARBOR) == []


@pytest.mark.parametrize(
    ("answer", "why"),
    [
        ("Harbor Freight Lines sails from Rotterdam to Oslo with a fleet of 12 vessels.", "12"),
        ("Bookings can not be changed free of charge until 48 hours before departure.", ""),
        ("The Nordlys entered service in 2021 and also carries passengers to Bergen.", "Bergen"),
        ("The company operates eleven ships and was founded by Erik Vang.", "Erik"),
    ],
)
def test_aligned_blocks_unsupported_edits(aligned: GroundingCheck, answer: str, why: str) -> None:
    findings = aligned.check(answer, "output", HARBOR)
    assert names(findings) == {"grounding"}
    assert why in findings[0].explanation
    weak = aligned.analyze(answer, HARBOR, relevance=False).weakest
    assert weak is not None and weak.aligned is not None and weak.evidence


def test_a_name_swapped_for_another_of_the_same_source_is_unsupported(
    aligned: GroundingCheck,
) -> None:
    """The hard case of entity swaps: the claim copies its source sentence but puts a name
    that the source uses elsewhere ("Oslo", a port) where it names the ship ("Nordlys"):
    every word of the claim is in the sources, so only the substitution shows it."""
    swapped = "Its newest vessel, the Oslo, entered service in 2021."
    assert names(aligned.check(swapped, "output", HARBOR)) == {"grounding"}
    assert aligned.check(swapped.replace("Oslo", "Nordlys"), "output", HARBOR) == []


@pytest.mark.parametrize(
    ("claim", "source", "expected"),
    [
        # a name or number put where the source has another one
        (
            "All of Montgomery was subject to Norman rule.",
            "All of Wales was subject to Norman rule, said Roger of Montgomery.",
            True,
        ),
        (
            "The Smc21-branch counteracts recombination.",
            "The Mms21-branch counteracts recombination intermediates.",
            True,
        ),
        ("They sold 1200 bikes in 2021.", "The company sold 1,000 bikes in 2021.", True),
        # paraphrases: numbers restated, names replaced by pronouns, reordered, reworded
        ("They sold 1000 bikes in 2021.", "The company sold 1,000 bikes in 2021.", False),
        ("They sold three bikes.", "The company sold 3 bikes.", False),
        ("In 2021 Fenwick sold 1,000 bikes.", "Fenwick sold 1,000 bikes in 2021.", False),
        ("Sales grew because demand rose.", "Demand rose, so sales grew at Fenwick.", False),
        # not a copy of the source: left to the other features
        ("Alice likes tea.", "The shop was founded by Bob in Leeds in 1990.", False),
    ],
)
def test_substitution(claim: str, source: str, expected: bool) -> None:
    from genaiops.guardrails.grounding_align import substitution

    assert substitution(claim, source) is expected


def test_aligned_embeds_only_the_sentences_a_claim_could_restate(
    embedder: MiniLMEmbedder,
) -> None:
    """Claims and source sentences go to the sentence encoder (in the engine, the policy's
    long-text encoder), and only the sentences sharing the most words with a claim, with
    their neighbours: a retrieved chunk's other sentences are never embedded."""
    from genaiops.guardrails.base import CheckServices

    class Counting(MiniLMEmbedder):
        def __init__(self) -> None:
            super().__init__(threads=1)
            self.seen: list[str] = []

        def embed(self, texts: Sequence[str]) -> np.ndarray:
            self.seen += list(texts)
            return super().embed(texts)

    filler = [f"Store {n} in Leeds opens at nine and closes at six." for n in range(12)]
    sources = [" ".join([*filler[:6], *HARBOR, *filler[6:]])]
    sentences = Counting()
    check = GroundingCheck(
        GroundingConfig(grounding_threshold=ALIGNED_T, scorer="aligned"),
        embedder,
        sentence_embedder=sentences,
    )
    claim = "Harbor Freight Lines operates eleven ships and employs about 640 people."
    assert check.check(claim, "output", sources) == []
    # the claim itself, then its candidate sentences and their neighbours: at most the two
    # filler sentences around the passage, never the other ten
    assert sentences.seen[0] == claim and 2 <= len(sentences.seen) <= 7
    assert sum("Leeds" in s for s in sentences.seen) <= 2
    swapped = "Its newest vessel, the Oslo, entered service in 2021."
    assert names(check.check(swapped, "output", sources)) == {"grounding"}
    # the engine gives the check its policy's long-text encoder for sentences
    services = CheckServices(embedder=embedder)
    built = GroundingCheck.from_config(
        GroundingConfig(grounding_threshold=ALIGNED_T, scorer="aligned"), services
    )
    assert isinstance(built, GroundingCheck)
    assert built._sentence_embedder is services.long_text_embedder()


def test_an_off_topic_claim_is_aligned_for_real(embedder: MiniLMEmbedder) -> None:
    """A claim sharing no word with the sources has no candidate sentence and so no aligned
    evidence: not the first sentence picked among zero vectors (which once lifted an
    off-topic answer's relevance to 1.0)."""
    config = GroundingConfig(
        grounding_threshold=ALIGNED_T, scorer="aligned", relevance_threshold=0.5
    )
    sources = [
        "Harbor Freight Lines moves refrigerated cargo between Rotterdam and Oslo. Pets are "
        "welcome aboard.",
        "Bookings can be changed free of charge until 48 hours before departure.",
    ]
    question = "Which ports does Harbor Freight Lines sail between?"
    check = GroundingCheck(config, embedder)
    assert names(check.check("Bananas are yellow.", "output", sources, question)) == {
        "grounding",
        "relevance",
    }


def test_substitution_skips_text_too_long_to_be_a_sentence() -> None:
    """difflib is quadratic or worse on repetitive text (500 repeated tokens took 3 s): a
    claim over 120 tokens is not compared, whatever it holds."""
    from genaiops.guardrails.grounding_align import SUBSTITUTION_MAX_TOKENS, substitution

    long_claim = " ".join(["0"] * (SUBSTITUTION_MAX_TOKENS + 1)) + " Oslo"
    assert not substitution(long_claim, " ".join(["0", "1"] * 500) + " Bergen")
    short = " ".join(["0"] * 10)
    assert substitution(short + " Oslo", short + " Bergen")


def test_aligned_keeps_the_premise_and_contradiction_rules(aligned: GroundingCheck) -> None:
    q = "Does the Trailhawk 2 cost $3,100?"
    assert aligned.scores("Yes, the Trailhawk 2 costs $3,100.", SOURCES, q)["grounding"] < 0.3
    sources = ["We ship to the United States, Canada and Japan. We do not ship to Mexico."]
    assert aligned.scores("No, we do not ship to Japan.", sources)["grounding"] < ALIGNED_T
    assert aligned.scores("We ship to Japan.", sources)["grounding"] >= ALIGNED_T


def test_dialogue_framing_is_no_claim(check: GroundingCheck) -> None:
    answer = "Happy to help! The Trailhawk 2 costs $2,899. Let me know if you want more detail."
    assert [c.text for c in split_claims(answer)] == ["The Trailhawk 2 costs $2,899."]
    assert check.scores(answer, SOURCES)["grounding"] == 1.0
    # a number inside the framing is still a claim
    assert check.scores("Good question, it is $2,499.", SOURCES)["grounding"] < 0.3
    # the framing ends at its help word: a claim after it is checked, not swallowed
    for framed in (
        "Let me know if you have questions, our bikes cure cancer and never need servicing.",
        "Feel free to ask, the batteries never wear out.",
        "Let me know if the bikes cure cancer.",
    ):
        assert split_claims(framed), framed
        assert check.scores(framed, SOURCES)["grounding"] < 0.5, framed
    assert split_claims("Feel free to reach out if you need any more help.") == []


def test_opposite_stems() -> None:
    assert {"decreas", "reduc"} <= opposite_stems("increased")
    assert opposite_stems("fell") == {"rose"}
    assert opposite_stems("bicycle") == set()
