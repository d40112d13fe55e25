"""Normalisation stage: entity mentions and numbers → canonical people, places, organisations, troop figures."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.normalise.orgs import find_known_organisations, relabel_mentions, resolve_organisations
from pipeline.normalise.people import AliasTable, load_aliases, relabel_people, resolve_people
from pipeline.normalise.places import (
    drop_canton_codes,
    extend_place_mentions,
    find_known_places,
    relabel_settlements,
    resolve_misc,
    resolve_places,
)
from pipeline.normalise.troops import extract_troop_figures
from pipeline.records import (
    EntityMention,
    NumberMention,
    Organisation,
    Person,
    Place,
    Resolution,
    Sentence,
    Token,
    TroopFigure,
)

__all__ = ["Normalised", "normalise", "load_aliases", "AliasTable"]


@dataclass(frozen=True, slots=True)
class Normalised:
    """Everything normalisation derives from one document."""

    entities: list[EntityMention]  # the model's mentions, relabelled, plus gazetteer finds
    resolutions: list[Resolution]  # parallel to ``entities``
    people: list[Person]
    places: list[Place]
    organisations: list[Organisation]
    troop_figures: list[TroopFigure]


def normalise(
    text: str,
    sentences: Sequence[Sentence],
    entities: Sequence[EntityMention],
    numbers: Sequence[NumberMention],
    aliases: AliasTable | None = None,
    *,
    tokens: Sequence[Token] = (),
) -> Normalised:
    """Resolve every entity mention of one document and extract its troop figures.

    The model's mentions are checked first: obvious label errors are fixed ("Kreml" as
    LOC → ORG, "Putins" as LOC after "Wladimir Putin" → PER) and organisations, countries
    and regions of the shipped tables that the model missed are added, never overriding
    a mention of the model. ``tokens`` (the Doc's tokens with lemma, POS and morphology)
    give the troop-figure rules their linguistic layer.
    """
    entities = relabel_people(text, relabel_mentions(text, relabel_settlements(text, entities), aliases))
    entities = drop_canton_codes(text, extend_place_mentions(text, entities))  # "St. Johann"; "… FR" no org
    starts = [s.start for s in sentences]
    found = [
        *find_known_organisations(text, entities, aliases, starts),
        *find_known_places(text, entities, starts),
    ]
    entities = sorted([*entities, *found], key=lambda e: (e.start, e.end))
    resolutions: list[Resolution | None] = [None] * len(entities)

    def by_label(label: str) -> tuple[list[int], list[EntityMention]]:
        idx = [i for i, e in enumerate(entities) if e.label == label]
        return idx, [entities[i] for i in idx]

    def place(idx: list[int], found: Sequence[Resolution]) -> None:
        for i, res in zip(idx, found, strict=True):
            resolutions[i] = res

    per_idx, per = by_label("PER")
    people = resolve_people(text, per, aliases, context=entities)
    place(per_idx, people.resolutions)
    loc_idx, loc = by_label("LOC")
    places = resolve_places(text, loc, context=entities)
    place(loc_idx, places.resolutions)
    org_idx, org = by_label("ORG")
    orgs = resolve_organisations(text, org, aliases, sentences)
    place(org_idx, orgs.resolutions)
    misc_idx, misc = by_label("MISC")
    place(misc_idx, resolve_misc(misc))
    final = [r if r is not None else Resolution(None, None, note="unresolved") for r in resolutions]
    troops = extract_troop_figures(text, sentences, numbers, entities, final, tokens=tokens)
    return Normalised(entities, final, list(people.referents), list(places.referents), list(orgs.referents), troops)
