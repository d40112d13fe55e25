"""Shared fixtures: the repo's paths, a session-wide pipeline, the optional ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.records import EntityMention

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def span_mentions(text: str, *spans: str, label: str) -> list[EntityMention]:
    """``label`` mentions for every occurrence of each span string in ``text`` (longest first,
    no overlap), in text order: the NER output a normaliser test stands on."""
    from pipeline.bench_normalise import mentions_of

    return mentions_of(text, {label: spans})
SHARED = ROOT.parent / "shared"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="also run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    from pipeline.recognise import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SHARED.exists():
        pytest.skip("../shared is not beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def sentencizer():
    """A blank German pipeline with the gender-form fix and a sentencizer (no model needed)."""
    import spacy

    from pipeline.tokenizer import fix_gender_forms

    nlp = fix_gender_forms(spacy.blank("de"))
    nlp.add_pipe("sentencizer")
    return nlp
