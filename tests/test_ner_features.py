"""The NER model's lexicon features: the shipped table, the class lookup, the registered layer."""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.util import registry

from pipeline.ner_features import (
    N_CLASSES,
    LexiconClass,
    lexicon,
    lexicon_tok2vec,
    token_classes,
    word_classes,
)


def small_tok2vec():
    """A tiny spaCy tok2vec (width 32) to put the lexicon layer on."""
    return registry.architectures.get("spacy.HashEmbedCNN.v2")(
        width=32, depth=1, embed_size=500, window_size=1, maxout_pieces=2,
        subword_features=True, pretrained_vectors=None,
    )


def classes(word: str) -> LexiconClass:
    return LexiconClass(token_classes([word])[0])


def test_lexicon_table_is_shipped_and_large():
    table = lexicon()
    assert len(table) > 100_000
    assert all(0 < bits < N_CLASSES for bits in list(table.values())[:1000])


def test_names_places_and_words_have_their_classes():
    assert LexiconClass.GIVEN in classes("Olaf")
    assert LexiconClass.SURNAME in classes("Scholz")
    assert LexiconClass.GIVEN in classes("Sergej")  # Cyrillic locale, transliterated
    assert LexiconClass.PLACE in classes("Charkiw")
    assert LexiconClass.COUNTRY in classes("Russland")
    assert LexiconClass.COUNTRY in classes("russische")
    assert LexiconClass.COMMON_NOUN in classes("Soldaten")
    assert LexiconClass.ORG_WORD in classes("GmbH")


def test_genitive_falls_back_to_the_stem_and_unknown_is_zero():
    assert LexiconClass.SURNAME in classes("Scholz")
    assert classes("Olafs") == classes("Olaf")
    assert classes("Xqzvbrt") == LexiconClass(0)
    assert token_classes([]) == []


def test_custom_table():
    assert token_classes(["Ab", "Abs", "ab"], {"Ab": 3}) == [3, 0, 0]  # no fallback for short words


@pytest.mark.parametrize(
    ("word", "bits"),
    [
        ("Putin", 2), ("Putins", 2), ("Griechenland", 16), ("Griechenlandes", 16),
        ("Kádár’s", 2), ("Kádár's", 2), ("Kádár’", 2), ("TOKIO", 4), ("Tokio", 4),
        ("Tokios", 4), ("NATO", 0), ("Haus", 0), ("Hauses", 0),
    ],
)
def test_word_classes_fallbacks(word: str, bits: int):
    table = {"Putin": 2, "Griechenland": 16, "Kádár": 2, "Tokio": 4}
    assert word_classes(word, table) == bits


def test_layer_appends_a_lexicon_embedding_to_the_tok2vec_output():
    nlp = spacy.blank("de")
    docs = [nlp("Olaf Scholz besuchte Charkiw."), nlp("Die Soldaten der GmbH")]
    tok2vec = small_tok2vec()
    model = registry.architectures.get("lagebild.LexiconTok2Vec.v1")(tok2vec=tok2vec, width=8)
    assert model.get_dim("nO") == 40
    model.initialize(X=docs)
    out, backprop = model(docs, is_train=True)
    assert [a.shape for a in out] == [(len(docs[0]), 40), (len(docs[1]), 40)]
    backprop([model.ops.alloc2f(*a.shape) for a in out])
    # same words, same lexicon columns
    assert numpy.allclose(out[0][0, 32:], model.predict([nlp("Olaf")])[0][0, 32:])


def test_window_variant_mixes_neighbour_classes():
    nlp = spacy.blank("de")
    docs = [nlp("Olaf Scholz besuchte Charkiw."), nlp("Olaf Haus besuchte Charkiw.")]
    tok2vec = small_tok2vec()
    model = lexicon_tok2vec(tok2vec=tok2vec, width=8, window=1)
    model.initialize(X=docs)
    first, second = model.predict(docs)
    assert first.shape == (5, 40)
    # "Olaf" has the same classes in both, but its neighbour differs (surname vs common noun)
    assert not numpy.allclose(first[0, 32:], second[0, 32:])
    # "besuchte": neighbours differ ("Scholz" vs "Haus"); "Charkiw": same neighbours, same columns
    assert not numpy.allclose(first[2, 32:], second[2, 32:])
    assert numpy.allclose(first[3, 32:], second[3, 32:])


def test_factory_function_is_the_registered_one():
    assert registry.architectures.get("lagebild.LexiconTok2Vec.v1") is lexicon_tok2vec


def test_multi_hash_embed_with_lexicon_column():
    nlp = spacy.blank("de")
    docs = [nlp("Olaf Scholz besuchte Charkiw."), nlp("Soldaten")]
    embed = registry.architectures.get("lagebild.LexiconMultiHashEmbed.v1")(
        width=24, attrs=["LOWER", "SHAPE"], rows=[500, 100], include_static_vectors=False, lexicon_width=8
    )
    embed.initialize(X=docs)
    out = embed.predict(docs)
    assert [a.shape for a in out] == [(len(docs[0]), 24), (1, 24)]
    with pytest.raises(ValueError):
        registry.architectures.get("lagebild.LexiconMultiHashEmbed.v1")(
            width=24, attrs=["LOWER"], rows=[500, 100], include_static_vectors=False
        )
