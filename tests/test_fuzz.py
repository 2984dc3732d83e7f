"""Fuzzing at scale: over 10,000 generated inputs through the batch function
of the CLI's and Spark's workers, with no crash and no hang.

Each hypothesis example is a batch of documents built from the cases that
stall or break text pipelines: long unpunctuated runs, sentences of 10,000
tokens, deep brackets and nested quotes, mixed scripts, control characters
and trigger words repeated many times.  Every document runs under a time
budget (``doc_timeout``): a hang fails the test as a ``timeout`` outcome, a
crash as an ``extract`` one.  The batch function is the real one
(``running.batch.process_batch``), so analysis, rules, coding and records
are all exercised, in the fast path and, for a share of the batches, the
exhaustive one.
"""

from __future__ import annotations

import json
import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from eventx.analysis.tokens import MAX_SENTENCE_TOKENS
from eventx.records.document import Document
from eventx.running.batch import Outcome, process_batch

EXAMPLES = 420
DOCUMENTS_PER_EXAMPLE = 24  # 420 x 24 = 10,080 inputs
TIME_BUDGET = 60.0  # seconds per document: far above any real one

TRIGGERS = [
    "signed", "sign", "agreement", "treaty", "deal", "met", "meeting", "talks", "visit",
    "visited", "summit", "exercise", "exercises", "drills", "ceasefire", "cease-fire",
    "truce", "violated", "violation", "breach", "held", "hosted", "concluded", "war games",
]  # fmt: skip
NAMES = [
    "China", "Pakistan", "India", "Russia", "Ukraine", "NATO", "the United Nations",
    "Putin", "Gen. Wei Fenghe", "Islamabad", "Beijing", "Hamas", "Israel", "the Taliban",
    "Kazakh", "Tajik", "Ivorian", "Bosnia", "U.S.", "EU", "the two Koreas",
]  # fmt: skip
WORDS = [
    "the", "of", "and", "in", "on", "a", "to", "with", "said", "after", "not", "will",
    "would", "if", "could", "officials", "troops", "army", "minister", "president",
    "week", "Monday", "last", "year", "2020", "1999", "two", "three", "border", "forces",
]  # fmt: skip
SCRIPTS = [
    "مفاوضات السلام", "和平谈判", "переговоры", "शांति वार्ता", "협상", "שיחות",
    "🙂🚀", "ℌ𝔢𝔩𝔩𝔬", "e\u0301\u0301\u0301", "\u200b\u200d\u2060", "ǅ ǈ ǋ",
]  # fmt: skip
CONTROLS = ["\x00", "\x01", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\u2028", "\u2029", "\r"]
PUNCTUATION = [".", ",", ";", ":", "?", "!", "—", "-", "(", ")", "[", "]", '"', "'", "“", "”"]
VOCABULARY = TRIGGERS + NAMES + WORDS


def _run(rng: random.Random, length: int, words: list[str], sep: str = " ") -> str:
    return sep.join(rng.choice(words) for _ in range(length))


def long_run(rng: random.Random) -> str:
    """Thousands of words with no sentence punctuation, names and triggers among them."""
    return _run(rng, rng.randint(300, 1500), WORDS * 6 + NAMES + TRIGGERS)


def huge_sentence(rng: random.Random) -> str:
    """One sentence of 10,000 tokens, commas and all."""
    return _run(rng, 10_000, [*VOCABULARY, ",", "and"]) + "."


def brackets(rng: random.Random) -> str:
    """Brackets and quotes nested hundreds deep around event sentences."""
    depth = rng.randint(1, 200)
    opens = "".join(rng.choice(["(", "[", "“", '"', "'", "«", "{"]) for _ in range(depth))
    closes = "".join(rng.choice([")", "]", "”", '"', "'", "»", "}"]) for _ in range(depth))
    middle = f"{rng.choice(NAMES)} and {rng.choice(NAMES)} {rng.choice(TRIGGERS)}"
    return f"{opens}{middle}{closes} said {opens}{_run(rng, 20, VOCABULARY)}{closes}."


def mixed_scripts(rng: random.Random) -> str:
    return _run(rng, rng.randint(5, 150), [*VOCABULARY, *SCRIPTS, *PUNCTUATION])


def controls(rng: random.Random) -> str:
    return _run(rng, rng.randint(5, 300), [*VOCABULARY, *CONTROLS, *PUNCTUATION], sep="")


def repeated_triggers(rng: random.Random) -> str:
    """One trigger word a thousand times, with names among them."""
    trigger = rng.choice(TRIGGERS)
    return _run(rng, rng.randint(100, 600), [trigger] * 8 + NAMES + ["and", ","])


def news_like(rng: random.Random) -> str:
    sentences = [
        f"{rng.choice(NAMES)} and {rng.choice(NAMES)} {rng.choice(TRIGGERS)} "
        f"{_run(rng, rng.randint(0, 30), VOCABULARY)}{rng.choice(PUNCTUATION)}"
        for _ in range(rng.randint(1, 8))
    ]
    return rng.choice([" ", "\n", "\n\n", ""]).join(sentences)


def tiny(rng: random.Random) -> str:
    return "".join(rng.choice([*PUNCTUATION, *CONTROLS, " ", "\n", "a", "é"]) for _ in range(8))


# shape and weight: the long ones are rarer, so that 10,000 inputs take minutes
SHAPES = {
    long_run: 1,
    repeated_triggers: 1,
    brackets: 2,
    mixed_scripts: 3,
    controls: 4,
    news_like: 3,
    tiny: 6,
}


@st.composite
def batches(draw: st.DrawFn) -> list[Document]:
    """A batch of documents of every shape, from one random seed."""
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    shapes = rng.choices(list(SHAPES), weights=list(SHAPES.values()), k=DOCUMENTS_PER_EXAMPLE)
    texts = [shape(rng) for shape in shapes]
    if rng.random() < 1 / 40:  # one batch in forty holds a 10,000-token sentence
        texts[0] = huge_sentence(rng)  # (from the seed: hypothesis favours boundary draws)
    published = draw(st.sampled_from([None, "2020-11-30", "1999-01-01"]))
    return [
        Document(id=f"doc-{i}", text=text, published=None if published is None else _day(published))
        for i, text in enumerate(texts)
    ]


def _day(value: str) -> object:
    import datetime as dt

    return dt.date.fromisoformat(value)


def _check(outcomes: list[Outcome], documents: list[Document]) -> None:
    assert [o.source for o in outcomes] == [d.id for d in documents]
    for outcome in outcomes:
        assert outcome.error is None, json.loads(outcome.error)
        for line in outcome.events:
            record = json.loads(line)
            assert 0 <= record["trigger"]["start"] < record["trigger"]["end"]
            assert record["sentence"]["start"] <= record["trigger"]["start"]


@settings(
    max_examples=EXAMPLES,
    deadline=None,  # the time budget is per document (TIME_BUDGET), not per example
    derandomize=True,  # the same 10,080 inputs on every run, so a failure reproduces
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(batches(), st.sampled_from(["fast"] * 7 + ["exhaustive"]))
def test_no_generated_input_crashes_or_hangs(documents: list[Document], mode: str) -> None:
    outcomes = process_batch(list(documents), mode=mode, doc_timeout=TIME_BUDGET)
    _check(outcomes, documents)


def test_a_10000_token_sentence_is_analysed_in_pieces() -> None:
    """The longest case on its own: cut into pieces, it is extracted in the
    fast and the exhaustive mode with the same events."""
    text = huge_sentence(random.Random(7))
    document = Document(id="huge", text=text)
    fast = process_batch([document], mode="fast", doc_timeout=TIME_BUDGET)
    full = process_batch([document], mode="exhaustive", doc_timeout=TIME_BUDGET)
    _check(fast, [document])
    assert fast[0].events == full[0].events
    assert len(text.split()) > 20 * MAX_SENTENCE_TOKENS
