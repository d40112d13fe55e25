"""Corpus generators for the runner tests: real-ish German articles, the bad-input corpus, a stand-in model."""

from __future__ import annotations

import gzip
import os
import random
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

# --------------------------------------------------------------------------- good articles
HEADLINES = (
    "Russland verlegt weitere Truppen an die Grenze",
    "Nato berät über neue Hilfen für die Ukraine",
    "Bundeswehr verstärkt Präsenz in Litauen",
    "Kim Jong Un empfängt Delegation aus Moskau",
    "Pistorius kündigt Reform der Bundeswehr an",
    "UN warnen vor humanitärer Krise",
)
SENTENCES = (
    "Nach Angaben des Verteidigungsministeriums wurden rund {n} Soldaten nach {place} verlegt.",
    "Wladimir Putin sagte am Dienstag in Moskau, die Lage sei unter Kontrolle.",
    "Bundeskanzler Olaf Scholz reiste am {day}. Juli nach {place}.",
    "Die Nato kündigte an, bis zu {n} zusätzliche Soldaten in Litauen zu stationieren.",
    "Verteidigungsminister Boris Pistorius besuchte die Truppe in {place}.",
    "Bei den Kämpfen wurden mindestens {small} Menschen getötet und {small2} verletzt.",
    "Die Bundeswehr beteiligt sich mit etwa {small3} Soldatinnen und Soldaten an der Mission.",
    "Nordkorea soll Russland mehr als {n} Soldaten zur Verfügung gestellt haben.",
    "Die Vereinten Nationen riefen beide Seiten zur Zurückhaltung auf.",
    "Der Konflikt kostete nach Schätzungen bereits {money} Millionen Euro.",
    "Kim Jong Un traf sich in Pjöngjang mit dem russischen Außenminister Sergej Lawrow.",
    "Die Regierung in Kiew forderte weitere Luftabwehrsysteme.",
    "Das Treffen dauerte nach Angaben von Teilnehmern knapp {hours} Stunden.",
    "Am Abend demonstrierten Tausende Menschen in {place} für den Frieden.",
)
PLACES = ("Berlin", "Kiew", "Moskau", "Litauen", "Polen", "Wilna", "Charkiw", "Warschau")
STANDIN_PATTERNS = (
    ("PER", "Wladimir Putin"),
    ("PER", "Olaf Scholz"),
    ("PER", "Boris Pistorius"),
    ("PER", "Kim Jong Un"),
    ("PER", "Sergej Lawrow"),
    ("ORG", "Nato"),
    ("ORG", "Bundeswehr"),
    ("ORG", "Vereinten Nationen"),
    *(("LOC", p) for p in (*PLACES, "Russland", "Ukraine", "Nordkorea", "Pjöngjang")),
)


def article(i: int, n_sentences: int = 6) -> str:
    """Article ``i``: a date header, a headline and ``n_sentences`` sentences (deterministic)."""
    rng = random.Random(i)
    body = []
    for template in rng.sample(SENTENCES, n_sentences):
        body.append(
            template.format(
                n=f"{rng.randrange(1, 60) * 1000:,}".replace(",", "."),
                small=rng.randrange(2, 90),
                small2=rng.randrange(2, 90),
                small3=rng.randrange(100, 900),
                place=rng.choice(PLACES),
                day=rng.randrange(1, 29),
                money=rng.randrange(2, 500),
                hours=rng.randrange(2, 9),
            )
        )
    paragraphs = [" ".join(body[:3]), " ".join(body[3:])]
    return (
        f" date 2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d} {HEADLINES[i % len(HEADLINES)]}\n\n"
        + ("\n\n".join(p for p in paragraphs if p) + f"\n\n(Meldung {i})\n")
    )


def make_good_corpus(folder: Path, n: int, *, start: int = 0) -> list[Path]:
    """Write ``n`` articles ``a000.txt`` … into ``folder``; returns their paths."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(start, start + n):
        path = folder / f"a{i:03d}.txt"
        path.write_text(article(i), encoding="utf-8")
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- bad input
GERMAN = (
    "Die Bundesregierung will die Bundeswehr bis zum Jahr 2029 deutlich vergrößern. "
    "Nach Angaben des Ministeriums sollen dafür rund 20.000 zusätzliche Soldaten angeworben werden. "
    "Verteidigungsminister Boris Pistorius sagte in Berlin, man sei auf einem guten Weg.\n"
)
ENGLISH = (
    "The government wants to expand the armed forces by the year 2029. According to the ministry, "
    "about 20,000 additional soldiers are to be recruited for this purpose. The minister said in "
    "Berlin that they were on the right track and that the plan would be ready in the spring.\n"
)
BIG_BYTES = 50 * 1024 * 1024
Maker = Callable[[Path], None]


def _write(data: bytes) -> Maker:
    return lambda path: path.write_bytes(data)


def _big(path: Path) -> None:
    block = (GERMAN * 40).encode("utf-8")
    with open(path, "wb") as fh:
        for _ in range(BIG_BYTES // len(block) + 1):
            fh.write(block)


def _png() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def _pdf() -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n" + GERMAN.encode()


# name -> (how to make it, expected error kind or None for a good document)
BAD_FILES: dict[str, tuple[Maker, str | None]] = {
    "empty.txt": (_write(b""), "empty"),
    "whitespace.txt": (_write(b"  \n\t\n   \r\n"), "empty"),
    "image.txt": (_write(_png()), "binary"),
    "archive.txt": (_write(gzip.compress(GERMAN.encode(), mtime=0)), "binary"),
    "paper.txt": (_write(_pdf()), "binary"),
    "invalid-utf8.txt": (_write(GERMAN.encode() + b"\x81\x8d\x9d kaputt " + GERMAN.encode()), "decode"),
    "latin1.txt": (_write(("Größere Übungen in Köln. " + GERMAN).encode("cp1252")), None),
    "utf16.txt": (_write(("Ärger über Truppenabzug. " + GERMAN).encode("utf-16")), None),
    "big.txt": (_big, "too_large"),
    "long-lines.txt": (_write((GERMAN.strip() + " ").encode() * 400), None),
    "name with spaces.txt": (_write(("Titel mit Leerzeichen\n\n" + GERMAN).encode()), None),
    "emoji 🚀 Meldung.txt": (_write(("Meldung mit Emoji\n\n" + GERMAN + "Noch ein Satz.\n").encode()), None),
    "new\nline.txt": (
        _write(("Zeilenumbruch im Namen\n\n" + GERMAN + "Ein weiterer Satz.\n").encode()),
        None,
    ),
    "english.txt": (_write(ENGLISH.encode()), None),  # good, lang "en"; non_german when skipped
    "unreadable.txt": (_write(GERMAN.encode() + b"Nicht lesbar.\n"), "unreadable"),
    "loop.txt": (lambda p: os.symlink(p.name, p), "symlink_loop"),
    "loopdir": (lambda p: os.symlink(".", p, target_is_directory=True), "symlink_loop"),  # folder in itself
    "dangling.txt": (lambda p: os.symlink("does-not-exist.txt", p), "dangling_symlink"),
    "folder.txt": (lambda p: p.mkdir(), "not_a_file"),
    "notes.csv": (_write(b"a,b\n1,2\n"), None),  # not an article: ignored, no row
}
IGNORED = ("notes.csv",)


def make_bad_corpus(folder: Path) -> dict[str, str | None]:
    """Write the bad-input corpus into ``folder``; returns file name -> expected error kind.

    ``None`` means the file must become a good document. The unreadable file is left out
    where chmod 000 does not stop reading (running as root).
    """
    folder.mkdir(parents=True, exist_ok=True)
    expected: dict[str, str | None] = {}
    for name, (make, kind) in BAD_FILES.items():
        make(folder / name)
        if name in IGNORED:
            continue
        expected[name] = kind
    unreadable = folder / "unreadable.txt"
    unreadable.chmod(0)
    if _can_read(unreadable):  # root ignores permissions: nothing to test here
        unreadable.unlink()
        del expected["unreadable.txt"]
    return expected


def _can_read(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            fh.read(1)
    except PermissionError:
        return False
    return True


# --------------------------------------------------------------------------- model and tables
def make_standin_model(folder: Path) -> str:
    """A tiny German pipeline (tokenizer + entity ruler) saved to ``folder``: fast, deterministic."""
    import spacy

    if not (folder / "meta.json").exists():
        nlp = spacy.blank("de")
        ruler = nlp.add_pipe("entity_ruler")
        ruler.add_patterns([{"label": label, "pattern": text} for label, text in STANDIN_PATTERNS])
        nlp.meta["name"] = "standin"
        nlp.to_disk(folder)
    return str(folder)


OFFSET_TABLES = ("sentences", "tokens", "entities", "numbers", "troop_figures")
TABLES = ("documents", "sentences", "tokens", "entities", "numbers", "troop_figures", "people",
          "places", "organisations", "errors")  # fmt: skip


def read_table(out: Path, table: str) -> pa.Table:
    """The live rows of one table (the parts the manifest names), as a pyarrow Table."""
    from pipeline.schemas import SCHEMAS

    folder = out / table
    files = sorted(folder.glob("*.parquet")) if folder.exists() else []
    if not files:
        return SCHEMAS[table].empty_table()
    return pa.concat_tables(pq.read_table(f, schema=SCHEMAS[table]) for f in files)


def table_rows(out: Path, table: str, *, drop: tuple[str, ...] = ("run_id",)) -> list[tuple]:
    """Sorted row tuples of a table, for comparing two output folders by content."""
    data = read_table(out, table)
    data = data.drop_columns([c for c in drop if c in data.column_names])
    return sorted(tuple(repr(v) for v in row.values()) for row in data.to_pylist())


def assert_offsets(out: Path) -> None:
    """``documents.text[start:end] == text`` for every row of every table with offsets."""
    texts = {d["doc_id"]: d["text"] for d in read_table(out, "documents").to_pylist()}
    for table in OFFSET_TABLES:
        for row in read_table(out, table).to_pylist():
            assert texts[row["doc_id"]][row["start"] : row["end"]] == row["text"], (table, row)


def all_rows(out: Path) -> dict[str, list[tuple]]:
    return {t: table_rows(out, t) for t in TABLES}
