"""Ingest: decoding, date header, boilerplate, ids, titles and error rows."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.ingest import (
    InputPathError,
    Selection,
    boilerplate_lines,
    check_roots,
    default_exclude_patterns,
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
    found = {Path(f.path).name: f for f in discover([tmp_path]).files}
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
    assert [Path(f.path).name for f in discover([tmp_path]).files] == ["a.txt", "b.txt", "c.txt"]


# --------------------------------------------------------------------------- which files are read
def names(tmp_path: Path, selection: Selection | None = None, root: Path | None = None) -> list[str]:
    """Paths (relative to tmp_path) of the files discover() would read."""
    found = discover([root or tmp_path], selection)
    return [Path(f.path).relative_to(tmp_path).as_posix() for f in found.files]


def touch(tmp_path: Path, *rels: str) -> None:
    for rel in rels:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("Die Bundeswehr verlegt 300 Soldaten nach Litauen.", encoding="utf-8")


def test_skip_names_table_parses() -> None:
    patterns = default_exclude_patterns()  # read_lines raises on a duplicate or an empty table
    assert {"README*", "LICENSE*", "CHANGES*", "SOURCE*", "INDEX*", ".*"} <= set(patterns)


@pytest.mark.parametrize(
    "name",
    [
        "README.md", "readme.txt", "ReadMe.MD", "README-de.md", "LICENSE.txt", "Licence.md", "license",
        "CHANGES.md", "CHANGELOG.md", "changes.txt", "SOURCE.md", "sources.txt", "INDEX.md", "index.md",
        "_index.md", "COPYING.txt", "AUTHORS.md", "CONTRIBUTING.md", "NOTICE.txt", ".hidden.txt",
        ".~lock.artikel.txt#", "artikel.txt~",
    ],
)  # fmt: skip
def test_usual_non_article_names_are_skipped(name: str) -> None:
    assert Selection.make().excluded_by(name) is not None
    assert Selection.make().excluded_by(f"2024/maerz/{name}") is not None  # at any depth


@pytest.mark.parametrize(
    "name",
    [
        "001.txt", "a000.txt", "2025-07-14-kim-empfaengt-lawrow.md", "Bundeswehr verlegt Truppen.txt",
        "nato-gipfel-in-vilnius.txt", "Lage in der Ostukraine.md", "Über den Abzug aus Mali.txt",
        "meldung_readme_nicht.txt", "quellenlage.md", "aenderungen-im-haushalt.txt", "lizenzstreit.md",
    ],
)  # fmt: skip
def test_article_names_are_read(name: str) -> None:
    selection = Selection.make()
    assert selection.wanted(name) and selection.excluded_by(name) is None


def test_default_globs_are_txt_and_md_in_any_case() -> None:
    selection = Selection.make()
    assert all(selection.wanted(n) for n in ("a.txt", "b.md", "C.TXT", "d.Md"))
    assert not any(selection.wanted(n) for n in ("e.csv", "f.json", "g.txt.bak", "h.html", "txt"))


def test_a_folder_with_a_readme_gives_only_the_articles(tmp_path: Path) -> None:
    touch(tmp_path, "README.md", "LICENSE", "CHANGES.md", "SOURCE.md", "index.md", "001.txt", "002.md",
          "ressort/003.txt", "ressort/README.txt", ".git/HEAD.md", ".git/objects/x.txt")  # fmt: skip
    assert names(tmp_path) == ["001.txt", "002.md", "ressort/003.txt"]
    found = discover([tmp_path])
    skipped = {Path(e.path).relative_to(tmp_path).as_posix(): e.pattern for e in found.excluded}
    # files that would have been read and folders not entered; LICENSE (no .txt/.md) is not an article anyway
    assert skipped == {
        "README.md": "README*", "CHANGES.md": "CHANGES*", "SOURCE.md": "SOURCE*", "index.md": "INDEX*",
        "ressort/README.txt": "README*", ".git": ".*",
    }  # fmt: skip
    assert [e.path for e in found.excluded] == sorted(e.path for e in found.excluded)


def test_glob_replaces_the_default_suffixes(tmp_path: Path) -> None:
    touch(tmp_path, "001.txt", "002.md", "003.TXT", "sub/004.txt", "sub/005.text")
    assert names(tmp_path, Selection.make("*.txt")) == ["001.txt", "003.TXT", "sub/004.txt"]
    assert names(tmp_path, Selection.make(["*.md", "*.text"])) == ["002.md", "sub/005.text"]
    assert names(tmp_path, Selection.make("00[12].*")) == ["001.txt", "002.md"]


def test_exclude_adds_to_the_skip_list_and_matches_folders(tmp_path: Path) -> None:
    touch(tmp_path, "README.md", "001.txt", "entwurf-002.txt", "archiv/003.txt", "2024/004.txt",
          "2024/entwuerfe/005.txt", "2025/006.txt")  # fmt: skip
    selection = Selection.make(exclude=["entwurf*", "archiv"])
    assert names(tmp_path, selection) == ["001.txt", "2024/004.txt", "2024/entwuerfe/005.txt", "2025/006.txt"]
    # a pattern with / matches the path below the input folder
    assert names(tmp_path, Selection.make(exclude="2024/*")) == [
        "001.txt", "2025/006.txt", "archiv/003.txt", "entwurf-002.txt"
    ]  # fmt: skip
    assert names(tmp_path, Selection.make(exclude="**/entwuerfe")) == [
        "001.txt", "2024/004.txt", "2025/006.txt", "archiv/003.txt", "entwurf-002.txt"
    ]  # fmt: skip
    # a glob with / selects by path
    assert names(tmp_path, Selection.make(glob="2024/*.txt")) == ["2024/004.txt"]


def test_default_excludes_can_be_turned_off(tmp_path: Path) -> None:
    touch(tmp_path, "README.md", "001.txt", ".versteckt.txt")
    assert names(tmp_path, Selection.make(default_excludes=False)) == [".versteckt.txt", "001.txt", "README.md"]
    assert names(tmp_path, Selection.make(exclude="001*", default_excludes=False)) == [
        ".versteckt.txt", "README.md"
    ]  # fmt: skip


def test_a_file_named_as_input_is_always_read(tmp_path: Path) -> None:
    touch(tmp_path, "README.md", "001.txt", "notiz.csv")
    found = discover([tmp_path, tmp_path / "README.md", tmp_path / "notiz.csv"], Selection.make(exclude="*.md"))
    assert [Path(f.path).name for f in found.files] == ["001.txt", "README.md", "notiz.csv"]
    assert found.excluded == []  # named as input: not listed as skipped


def test_empty_patterns_are_refused() -> None:
    with pytest.raises(ValueError, match="empty glob"):
        Selection.make(glob=[""])
    with pytest.raises(ValueError, match="empty exclude"):
        Selection.make(exclude=[" "])


@pytest.mark.parametrize("name", ["gibt-es-nicht", "artikel/fehlt.txt", "Ordner mit Leerzeichen"])
def test_a_missing_input_path_is_a_usage_error_naming_it(tmp_path: Path, name: str) -> None:
    touch(tmp_path, "001.txt")
    missing = tmp_path / name
    with pytest.raises(InputPathError, match="does not exist") as info:
        check_roots([tmp_path, missing])
    assert str(missing) in str(info.value)
    with pytest.raises(InputPathError):
        discover([tmp_path, missing])


def test_a_broken_link_as_input_is_a_usage_error(tmp_path: Path) -> None:
    os.symlink(tmp_path / "weg", tmp_path / "link")
    with pytest.raises(InputPathError, match="broken symbolic link"):
        check_roots([tmp_path / "link"])


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_input_folder_is_a_usage_error(tmp_path: Path) -> None:
    folder = tmp_path / "gesperrt"
    folder.mkdir()
    folder.chmod(0)
    try:
        with pytest.raises(InputPathError, match="cannot be read"):
            check_roots([folder])
    finally:
        folder.chmod(0o755)


def test_problems_inside_an_input_folder_stay_error_rows(tmp_path: Path) -> None:
    touch(tmp_path, "001.txt")
    os.symlink(tmp_path / "weg.txt", tmp_path / "verschwunden.txt")
    found = {Path(f.path).name: f for f in discover([tmp_path]).files}
    assert found["verschwunden.txt"].problem.error == "dangling_symlink"
    assert found["001.txt"].problem is None


@pytest.mark.parametrize(
    "pattern,rel,hit",
    [
        ("*.txt", "2024/maerz/meldung.txt", True),  # no /: the name at any depth
        ("*.TXT", "meldung.txt", True),  # case-insensitive
        ("2024/*.txt", "2024/meldung.txt", True),
        ("2024/*.txt", "2024/maerz/meldung.txt", False),  # * stays within one folder name
        ("2024/**/*.txt", "2024/maerz/meldung.txt", True),
        ("2024/**/*.txt", "2024/meldung.txt", True),  # ** may match no folder
        ("**/entwuerfe", "entwuerfe", True),
        ("**/entwuerfe", "politik/entwuerfe", True),
        ("archiv/", "archiv", True),  # a trailing / is dropped
        ("/archiv", "politik/archiv", False),  # a path pattern starts at the input folder
        ("Übersicht*", "übersicht-märz.md", True),
    ],
)
def test_pattern_matching(pattern: str, rel: str, hit: bool) -> None:
    assert Selection.make(exclude=pattern, default_excludes=False).excluded_by(rel) == (pattern.rstrip("/") if hit else None)
