"""Plain record types that flow forward between the stages (no spaCy objects, no I/O)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Document:
    """One ingested article; ``text`` is the cleaned text every offset refers to."""

    doc_id: str
    path: str
    published: str | None  # "YYYY-MM" or "YYYY-MM-DD" as written in the header
    title: str | None
    text: str
    content_hash: str  # sha256 of the raw file bytes (changes detection)
    encoding: str
    lang: str = "und"  # ISO 639-1 code from a stop-word profile, "und" when unsure


@dataclass(frozen=True, slots=True)
class IngestError:
    """A file that could not be turned into a Document."""

    path: str
    stage: str
    error: str  # short machine-readable kind, e.g. "empty", "binary", "decode"
    message: str


@dataclass(frozen=True, slots=True)
class Sentence:
    idx: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """One word or punctuation token of the Doc, with what the linguistic layer says of it.

    ``lemma``, ``pos`` (Universal POS), ``tag`` (STTS) and ``morph`` (UD features,
    "Case=Nom|Number=Plur") are empty strings when the model does not assign them.
    """

    i: int  # token index within the document
    sent_idx: int
    start: int
    end: int
    text: str
    lemma: str = ""
    pos: str = ""
    tag: str = ""
    morph: str = ""


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named-entity span as recognised (label PER | LOC | ORG | MISC)."""

    sent_idx: int
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A number expression found in the text with its parsed meaning.

    ``value`` is set for exact numbers; ``low``/``high`` bound ranges and vague
    quantities ("Tausende" → low 1000, high None). ``kind`` is one of cardinal |
    year | date | time | ordinal | percent | money | phone | other.
    """

    sent_idx: int
    start: int
    end: int
    text: str
    value: float | None
    low: float | None
    high: float | None
    kind: str
    vague: bool = False
    unit: str | None = None  # currency code or other unit when known


@dataclass(frozen=True, slots=True)
class Resolution:
    """What normalisation made of one entity mention."""

    norm: str | None  # canonical name (None when the mention is dropped)
    ref_id: str | None  # person_id / place_id / org_id, or a country code for MISC
    country: str | None = None  # ISO 3166-1 alpha-2 where known
    note: str | None = None  # why a mention was dropped or left unresolved


@dataclass(frozen=True, slots=True)
class Person:
    person_id: str
    name: str
    roles: tuple[str, ...]
    mentions: int


@dataclass(frozen=True, slots=True)
class Place:
    place_id: str
    name: str
    country: str | None
    kind: str  # country | city | region | other
    lat: float | None
    lon: float | None
    geonames_id: int | None
    mentions: int


@dataclass(frozen=True, slots=True)
class Organisation:
    org_id: str
    name: str
    mentions: int
    country: str | None = None  # ISO 3166-1 alpha-2 of its state; None for international bodies
    kind: str = "other"  # government | military | party | company | media | international | armed_group | other


@dataclass(frozen=True, slots=True)
class TroopFigure:
    sent_idx: int
    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    qualifier: str  # exact | approx | up_to | at_least | more_than | less_than | range | vague
    country: str | None
    status: str  # deployed | planned | stationed | killed | wounded | ... | other
    attribution: str | None
    sentence: str


@dataclass(slots=True)
class ResolvedEntities:
    """Output of one resolver: one Resolution per input mention, plus the referents."""

    resolutions: list[Resolution] = field(default_factory=list)
    referents: list = field(default_factory=list)
