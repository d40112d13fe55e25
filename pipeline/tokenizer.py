"""German tokenization additions: gender-inclusive forms (Soldat:innen, Bürger*innen) and abbreviations (poln., Hptm.) stay one token."""

from __future__ import annotations

import re

from spacy.attrs import ORTH
from spacy.language import Language
from spacy.util import compile_infix_regex, registry

from pipeline.resources import read_lines

ABBREVIATIONS = "abbreviations.txt"

# Gender-inclusive endings after a gender sign (":", "*", "_", "·", "/"): one token, any model.
GENDER_SUFFIX = r"(?:in|innen)(?![^\W\d_])"
GENDER_SIGNS = ":*_·"
GENDER_FORM = re.compile(rf"[^\W\d_]{{2,}}[{re.escape(GENDER_SIGNS)}]{GENDER_SUFFIX}")


def _protect(pattern: str) -> str:
    """Return an infix pattern that never splits at a gender sign before a gender ending."""
    guard = rf"(?![{re.escape(GENDER_SIGNS)}]{GENDER_SUFFIX})"
    return f"{guard}(?:{pattern})"


def fix_gender_forms(nlp: Language) -> Language:
    """Keep ``Soldat:innen``, ``Ärzt:in``, ``Bürger*innen`` … whole in ``nlp``'s tokenizer.

    Works on any German pipeline (blank, trained, ``de_core_news_*``): every infix rule
    that could split at a gender sign gets a negative look-ahead, so behaviour elsewhere
    (``12:30``, ``Uhr:``) is unchanged. Idempotent.
    """
    tokenizer = nlp.tokenizer
    if getattr(tokenizer, "_lagebild_gender_fix", False) or nlp.meta.get("_lagebild_gender_fix"):
        return nlp
    infixes = list(nlp.Defaults.infixes or [])
    if tokenizer.infix_finditer is not None:
        # Prefer the patterns the loaded tokenizer actually uses (a model may differ).
        pattern = getattr(tokenizer.infix_finditer, "__self__", None)
        if pattern is not None and getattr(pattern, "pattern", None):
            infixes = [pattern.pattern]
    protected = [_protect(p) if _may_split_gender(p) else p for p in infixes]
    tokenizer.infix_finditer = compile_infix_regex(protected).finditer
    nlp.meta["_lagebild_gender_fix"] = True
    return nlp


def add_abbreviations(nlp: Language) -> Language:
    """Keep German abbreviations with a full stop whole ("poln.", "Hptm.", "stv.",
    ``abbreviations.txt``) in ``nlp``'s tokenizer, so no sentence ends inside "(poln. Armia
    Krajowa)". Special cases only: nothing else changes. Idempotent."""
    for form in read_lines(ABBREVIATIONS):
        nlp.tokenizer.add_special_case(form, [{ORTH: form}])
        if form[0].islower():
            nlp.tokenizer.add_special_case(form.capitalize(), [{ORTH: form.capitalize()}])
    return nlp


def _may_split_gender(pattern: str) -> bool:
    try:
        compiled = re.compile(pattern)
    except re.error:  # pragma: no cover - spaCy patterns always compile
        return True
    return any(compiled.search(f"Soldat{sign}innen") for sign in GENDER_SIGNS)


@registry.callbacks("lagebild.gender_forms.v1")
def create_gender_forms_callback():
    """``[initialize.before_init]`` / ``[nlp.before_creation]`` hook for spaCy configs."""

    def apply(nlp: Language) -> Language:
        return fix_gender_forms(nlp)

    return apply
