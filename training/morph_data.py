"""Training data of the linguistic layer: UD German GSD gold plus HanTa-labelled news and speech sentences.

Usage: python training/morph_data.py [--hanta-sentences N] [--out training/work/morph/corpus]

Writes train.spacy and dev.spacy (DocBins):
- UD German GSD dev + test (gold lemma, UPOS, STTS, features; CC BY-SA 4.0), shuffled with seed 0;
  a tenth is the dev set that picks the best checkpoint. PUD is never read here: it is the test set.
- N sentences labelled by HanTa (LGPL-3.0; STTS tag and lemma only, so the morphologizer
  treats them as missing and learns features from the gold alone), half GermEval 2014 train
  (news and Wikipedia, CC BY 4.0), half Bundestag plenary speeches (official records), tokenised by
  Lagebild's own tokenizer so the training tokens are those the pipeline sees.
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import lzma  # noqa: E402
import random  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared/corpora"
GSD = [SHARED / "ud-german/de_gsd-ud-dev.conllu", SHARED / "ud-german/de_gsd-ud-test.conllu"]
GERMEVAL = SHARED / "germeval2014/derived/NER-de-train.4class-bio.tsv"
SPEECHES = SHARED / "unlabeled-de/bundestag-plenar-wp19-21.txt.xz"

# HanTa writes a few STTS tags its own way: verbs as VV(FIN), adjectives as ADJ(A), nominalised
# adjectives and infinitives as NNA/NNI, pronominal adverbs as PROAV (GSD: PAV).
HANTA_TAGS = {"ADJ(A)": "ADJA", "ADJ(D)": "ADJD", "NNA": "NN", "NNI": "NN", "PROAV": "PAV"}


def stts(hanta_tag: str) -> str:
    """HanTa's tag as a TIGER/GSD STTS tag: VV(FIN) → VVFIN, ADJ(A) → ADJA, PROAV → PAV."""
    if hanta_tag in HANTA_TAGS:
        return HANTA_TAGS[hanta_tag]
    if hanta_tag.startswith("$"):
        return hanta_tag
    return hanta_tag.replace("(", "").replace(")", "")


def gold_docs(vocab) -> list:
    """GSD dev + test as Docs (spaCy's CoNLL-U converter: syntactic words, 10 sentences a Doc)."""
    from spacy.tokens import DocBin

    docs = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in GSD:
            subprocess.run([sys.executable, "-m", "spacy", "convert", str(path), tmp, "-c", "conllu",
                            "-n", "10"], check=True, capture_output=True)  # fmt: skip
            docs += list(DocBin().from_disk(Path(tmp) / f"{path.stem}.spacy").get_docs(vocab))
    return docs


def germeval_sentences() -> Iterator[str]:
    from pipeline.bench import read_sentences

    yield from read_sentences(GERMEVAL)


def speech_sentences() -> Iterator[str]:
    """Paragraphs of plenary speech split at sentence ends, 6–60 words, repeats dropped."""
    seen: set[str] = set()
    with lzma.open(SPEECHES, "rt", encoding="utf-8") as fh:
        for line in fh:
            for sent in line.replace("! ", "!\n").replace("? ", "?\n").replace(". ", ".\n").split("\n"):
                sent = sent.strip()
                if 6 <= len(sent.split()) <= 60 and sent not in seen:
                    seen.add(sent)
                    yield sent


def sample(sentences: Iterator[str], n: int, seed: int, pool: int) -> list[str]:
    """``n`` sentences drawn at random (seeded) from the first ``pool``."""
    items = [s for _, s in zip(range(pool), sentences, strict=False)]
    return random.Random(seed).sample(items, min(n, len(items)))


def hanta_docs(nlp, texts: list[str]) -> list:
    """Each text tokenised by Lagebild's tokenizer, then tagged and lemmatised by HanTa."""
    from HanTa import HanoverTagger as ht

    tagger = ht.HanoverTagger("morphmodel_ger.pgz")
    docs = []
    for text in texts:
        doc = nlp.make_doc(text)
        words = [t for t in doc if not t.is_space]
        if not words:
            continue
        for tok, (_form, lemma, tag) in zip(words, tagger.tag_sent([t.text for t in words], taglevel=1),
                                            strict=True):  # fmt: skip
            tok.tag_ = stts(tag)
            tok.lemma_ = lemma
        for tok in doc:
            if tok.is_space:
                tok.tag_ = "_SP"
                tok.lemma_ = tok.text
        docs.append(doc)
    return docs


def gold_lemmas(docs: list) -> dict[tuple[str, str], str]:
    """(lowercased form, STTS tag) → the lemma GSD gives it in most of at least two occurrences."""
    from collections import Counter, defaultdict

    seen: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for doc in docs:
        for tok in doc:
            seen[(tok.lower_, tok.tag_)][tok.lemma_] += 1
    table = {}
    for key, lemmas in seen.items():
        lemma, n = lemmas.most_common(1)[0]
        if n >= 2 and n / sum(lemmas.values()) > 0.5:
            table[key] = lemma
    return table


def harmonise(silver: list, table: dict[tuple[str, str], str]) -> int:
    """Give HanTa's lemmas UD's conventions where GSD settles them ('ihm' → 'er', 'beiden' →
    'beide', 'Dies' → 'dieser'); and two tags HanTa gives against STTS: punctuation it calls XY
    or FM (typographic quotes „ “) becomes '$(', 'als'/'wie' as APPR KOKOM. Returns how many
    lemmas changed."""
    changed = 0
    for doc in silver:
        for tok in doc:
            if tok.is_punct and tok.tag_ in ("XY", "FM", "$"):
                tok.tag_ = "$("
            elif tok.lower_ in ("als", "wie") and tok.tag_ == "APPR":
                tok.tag_ = "KOKOM"  # STTS has no APPR 'als' ('als Präsident' is KOKOM)
            lemma = table.get((tok.lower_, tok.tag_))
            if lemma is not None and lemma != tok.lemma_:
                tok.lemma_ = lemma
                changed += 1
    return changed


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--hanta-sentences", type=int, default=12000)
    p.add_argument("--out", type=Path, default=REPO / "training/work/morph/corpus")
    args = p.parse_args(argv)
    from spacy.tokens import DocBin

    from pipeline.recognise import load_nlp

    nlp = load_nlp()
    gold = gold_docs(nlp.vocab)
    random.Random(0).shuffle(gold)
    n_dev = len(gold) // 10
    half = args.hanta_sentences // 2
    cache = args.out / f"silver-{args.hanta_sentences}.spacy"
    if cache.exists():
        silver = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        texts = sample(germeval_sentences(), half, 1, 30000) + sample(speech_sentences(), half, 2, 200000)
        silver = hanta_docs(nlp, texts)
        args.out.mkdir(parents=True, exist_ok=True)
        DocBin(docs=silver).to_disk(cache)
    changed = harmonise(silver, gold_lemmas(gold))
    args.out.mkdir(parents=True, exist_ok=True)
    DocBin(docs=gold[n_dev:] + silver).to_disk(args.out / "train.spacy")
    DocBin(docs=gold[:n_dev]).to_disk(args.out / "dev.spacy")
    print(f"gold train {sum(map(len, gold[n_dev:])):,} tokens, dev {sum(map(len, gold[:n_dev])):,}, "
          f"HanTa {len(silver):,} sentences {sum(map(len, silver)):,} tokens, {changed:,} lemmas harmonised "
          "with GSD's")  # fmt: skip


if __name__ == "__main__":
    main()
