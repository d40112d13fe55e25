"""Lexicon token features for the NER model: a registered spaCy architecture that embeds list knowledge.

Each token gets the bit set of :class:`LexiconClass` values that the shipped lexicon
(``resources/ner_lexicon.tsv.gz``, built by ``scripts/build_ner_lexicon.py``) knows for it:
given name, surname, place, country or demonym, common noun, organisation word. The
architecture ``lagebild.LexiconTok2Vec.v1`` concatenates an embedding of that bit set to the
NER's tok2vec output, so the model learns how far to trust the lists; names the training
data never showed are still recognisable as names.

The table is part of the trained model (its classes are what the NER weights learnt from):
after rebuilding it, retrain the model.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import IntFlag
from functools import cache

import numpy
from spacy.attrs import ORTH
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Embed, Model, chain, concatenate, with_array
from thinc.types import Floats2d, Ints2d

from pipeline.resources import read_text

LEXICON = "ner_lexicon.tsv.gz"


class LexiconClass(IntFlag):
    """What the lists know about a token (bits; a token may be several)."""

    GIVEN = 1
    SURNAME = 2
    PLACE = 4
    PLACE_PART = 8
    COUNTRY = 16
    COMMON_NOUN = 32
    ORG_WORD = 64


N_CLASSES = 1 << len(LexiconClass)


@cache
def lexicon() -> dict[str, int]:
    """The shipped token → class-bits table, read once."""
    table: dict[str, int] = {}
    for line in read_text(LEXICON).splitlines():
        if line.startswith("#"):
            continue
        token, _, bits = line.partition("\t")
        table[token] = int(bits)
    return table


GENITIVE_ENDINGS = ("s", "es", "'s", "’s", "'", "’")


def word_classes(word: str, table: dict[str, int]) -> int:
    """Class bits of one word: the word itself, else its stem without a genitive ending
    (Putins → Putin, Griechenlandes → Griechenland, Kádár’s → Kádár), else an all-caps word
    in title case (TOKIO → Tokio)."""
    bits = table.get(word, 0)
    if bits or len(word) < 4:
        return bits
    for ending in GENITIVE_ENDINGS:
        if word.endswith(ending) and (bits := table.get(word[: -len(ending)], 0)):
            return bits
    if word.isupper() and word.isalpha():
        return table.get(word.title(), 0)
    return 0


def token_classes(words: Iterable[str], table: dict[str, int] | None = None) -> list[int]:
    """Class bits per word (:func:`word_classes`), from the shipped lexicon unless ``table``."""
    table = lexicon() if table is None else table
    return [word_classes(word, table) for word in words]


def lexicon_features() -> Model[list[Doc], list[Ints2d]]:
    """A layer without weights: docs → one (n_tokens, 1) array of class ids per doc."""
    return Model("lexicon_features", _features_forward)


# Class bits by ORTH hash, filled as words are met: a token costs one dict lookup instead of a
# Token object and its text. Hashes are stable across memory zones; the memo is emptied when
# it outgrows MEMO_SIZE, so a long run's memory stays bounded.
_MEMO: dict[int, int] = {}
MEMO_SIZE = 500_000


def _doc_classes(doc: Doc, table: dict[str, int]) -> numpy.ndarray:
    """One doc's class bits as an (n_tokens, 1) int32 array (:func:`word_classes` per token)."""
    if len(_MEMO) > MEMO_SIZE:
        _MEMO.clear()
    orths = doc.to_array(ORTH).tolist()
    for orth in set(orths).difference(_MEMO):
        _MEMO[orth] = word_classes(doc.vocab.strings[orth], table)
    return numpy.fromiter(map(_MEMO.__getitem__, orths), dtype="int32", count=len(orths)).reshape(-1, 1)


def _features_forward(
    model: Model[list[Doc], list[Ints2d]], docs: Sequence[Doc], is_train: bool
) -> tuple[list[Ints2d], object]:
    table = lexicon()
    out = [model.ops.asarray2i(_doc_classes(doc, table)) for doc in docs]
    return out, lambda d_out: []


@registry.architectures("lagebild.LexiconTok2Vec.v1")
def lexicon_tok2vec(
    tok2vec: Model[list[Doc], list[Floats2d]], width: int = 16, window: int = 0
) -> Model[list[Doc], list[Floats2d]]:
    """``tok2vec``'s vectors with an embedding (``width``) of each token's lexicon classes appended.

    ``window`` > 0 mixes in the classes of the ``window`` neighbours on each side (one Maxout
    layer), so that a token sees, e.g., that the next one is a known surname.
    """
    from thinc.api import Maxout, expand_window

    lexicon()  # read the table while the model loads, not on the first document
    per_token: Model = Embed(width, N_CLASSES, column=0)
    if window > 0:
        mix = Maxout(width, width * (2 * window + 1), nP=2, normalize=True)
        per_token = chain(per_token, expand_window(window), mix)
    embed = chain(lexicon_features(), with_array(per_token))
    model = concatenate(tok2vec, embed)
    if tok2vec.has_dim("nO"):
        model.set_dim("nO", tok2vec.get_dim("nO") + width)
    return model


@registry.architectures("lagebild.LexiconMultiHashEmbed.v1")
def lexicon_multi_hash_embed(
    width: int,
    attrs: list[str | int],
    rows: list[int],
    include_static_vectors: bool,
    lexicon_width: int = 16,
) -> Model[list[Doc], list[Floats2d]]:
    """spaCy's ``MultiHashEmbed`` with the lexicon-class embedding as one more input column.

    The hash embeddings (one per attribute), the static vectors (optional) and the lexicon
    embedding are concatenated and mixed by one Maxout layer into ``width``, so the encoder
    above sees the list knowledge of every token in its window.
    """
    from spacy.ml.featureextractor import FeatureExtractor
    from spacy.ml.staticvectors import StaticVectors
    from thinc.api import HashEmbed, Maxout, list2ragged, ragged2list

    if len(rows) != len(attrs):
        raise ValueError(f"Mismatched lengths: {len(rows)} vs {len(attrs)}")
    lexicon()
    embeddings = [
        HashEmbed(width, n_rows, column=i, seed=8 + i, dropout=0.0) for i, n_rows in enumerate(rows)
    ]
    parts: list[Model] = [
        chain(FeatureExtractor(attrs), list2ragged(), with_array(concatenate(*embeddings))),
        chain(lexicon_features(), list2ragged(), with_array(Embed(lexicon_width, N_CLASSES, column=0))),
    ]
    if include_static_vectors:
        parts.append(StaticVectors(width, dropout=0.0))
    concat_size = width * (len(attrs) + include_static_vectors) + lexicon_width
    return chain(
        concatenate(*parts),
        with_array(Maxout(width, concat_size, nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )
