"""Ingest: decoding, date header, boilerplate, ids, titles and error rows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.ingest import (
    boilerplate_lines,
    detect_language,
    discover,
    drop_boilerplate,
    guess_title,
    read_document,
    split_date_header,
)
from pipeline.records import Document, IngestError

ARTICLE = " date 2025-07 Russlands Außenminister Sergej Lawrow reiste nach Wonsan.\n\nAnzeige\n\nDort traf er Kim Jong Un."


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


@pytest.mark.parametrize(
    "encoded,encoding",
    [
        (ARTICLE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "utf-8-sig"),
        (ARTICLE.encode("utf-16"), "utf-16"),  # with BOM
        (ARTICLE.encode("utf-16-be").join([b"\xfe\xff", b""]), "utf-16"),
        (ARTICLE.encode("cp1252"), "cp1252"),
    ],
)
def test_decodings_give_the_same_document(tmp_path: Path, encoded: bytes, encoding: str) -> None:
    doc = read_document(write(tmp_path, "a.txt", encoded))
    assert isinstance(doc, Document)
    assert doc.encoding == encoding
    assert doc.published == "2025-07"
    assert doc.text == "Russlands Außenminister Sergej Lawrow reiste nach Wonsan.\n\nDort traf er Kim Jong Un."
    assert "Anzeige" not in doc.text


def test_doc_id_is_stable_and_derived_from_cleaned_text(tmp_path: Path) -> None:
    a = read_document(write(tmp_path, "a.txt", ARTICLE.encode("utf-8")))
    b = read_document(write(tmp_path, "b.txt", ARTICLE.encode("utf-16")))
    assert isinstance(a, Document) and isinstance(b, Document)
    assert a.doc_id == b.doc_id and len(a.doc_id) == 16
    assert a.content_hash != b.content_hash


def test_nfc_normalisation(tmp_path: Path) -> None:
    decomposed = "Mu\u0308nchen und Ko\u0308ln".encode()
    doc = read_document(write(tmp_path, "a.txt", decomposed))
    assert isinstance(doc, Document) and doc.text == "München und Köln"


@pytest.mark.parametrize(
    "raw,kind",
    [
        (b"", "empty"),
        (b"   \n\n\t  \n", "empty"),
        (b"Anzeige\n\nWerbung\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "binary"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary"),
        (b"abc\x00def\x00", "binary"),
        (b"Text mit \x81\x8d\x8f\x90\x9d unbekannten Bytes", "decode"),
    ],
)
def test_bad_input_gives_an_error_record(tmp_path: Path, raw: bytes, kind: str) -> None:
    result = read_document(write(tmp_path, "bad.txt", raw))
    assert isinstance(result, IngestError)
    assert result.error == kind and result.stage == "ingest" and result.message


def test_too_large_file(tmp_path: Path) -> None:
    result = read_document(write(tmp_path, "big.txt", b"Wort " * 1000), max_bytes=100)
    assert isinstance(result, IngestError) and result.error == "too_large"
    assert "--max-bytes" in result.message


@pytest.mark.parametrize(
    "text,published,rest",
    [
        (" date 2025-07 Text", "2025-07", "Text"),
        (" date 2024-02-29\nText", "2024-02-29", "\nText"),
        ("date 2023-10\n\nText", "2023-10", "\n\nText"),
        ("Kein Datum hier", None, "Kein Datum hier"),
        ("Ein date 2025-07 im Satz", None, "Ein date 2025-07 im Satz"),
    ],
)
def test_date_header(text: str, published: str | None, rest: str) -> None:
    assert split_date_header(text) == (published, rest)


def test_boilerplate_only_whole_lines() -> None:
    text = "Erster Absatz.\n\nAnzeige\n\n  Mehr zum Thema  \n\nDie Anzeige wurde erstattet."
    assert drop_boilerplate(text) == "Erster Absatz.\n\nDie Anzeige wurde erstattet."
    assert "anzeige" in boilerplate_lines()


@pytest.mark.parametrize(
    "text,title",
    [
        ("# Nordkorea schickt Truppen\n\nText.", "Nordkorea schickt Truppen"),
        ("Nordkorea schickt weitere Soldaten\n\nDer Text folgt.", "Nordkorea schickt weitere Soldaten"),
        ("Ein ganzer Satz als Anfang.\n\nMehr Text.", None),
        ("Nur eine Zeile", None),
    ],
)
def test_title(text: str, title: str | None) -> None:
    assert guess_title(text) == title


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Die Bundeswehr hat mehr Soldaten in das Land geschickt, als es geplant war.", "de"),
        ("The army has sent more troops to the country than it had planned to.", "en"),
        ("Le gouvernement a envoyé des soldats dans le pays et les gens sont inquiets.", "fr"),
        ("Wonsan", "und"),
    ],
)
def test_detect_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_discover_walks_recursively_and_reports_problems(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "x.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "a" / "y.md").write_text("Text.", encoding="utf-8")
    (tmp_path / "a" / "ignored.csv").write_text("x", encoding="utf-8")
    (tmp_path / "dir.txt").mkdir()
    os.symlink(tmp_path / "missing.txt", tmp_path / "dangling.txt")
    os.symlink(tmp_path, tmp_path / "a" / "loop")
    found = {Path(f.path).name: f for f in discover([tmp_path])}
    assert {"x.txt", "y.md", "dir.txt", "dangling.txt"} <= set(found)
    assert "ignored.csv" not in found
    assert found["x.txt"].problem is None
    assert found["dangling.txt"].problem.error == "dangling_symlink"
    assert found["dir.txt"].problem.error == "not_a_file"
    # the symlink loop is reported once, not followed forever
    assert sum(1 for f in found.values() if f.problem and f.problem.error == "symlink_loop") <= 1


def test_discover_is_sorted(tmp_path: Path) -> None:
    for name in ("c.txt", "a.txt", "b.txt"):
        (tmp_path / name).write_text("Text.", encoding="utf-8")
    assert [Path(f.path).name for f in discover([tmp_path])] == ["a.txt", "b.txt", "c.txt"]
