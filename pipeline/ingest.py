"""Ingest stage: article folders → cleaned Document records (decoding, date header, boilerplate) or error records."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

from pipeline.records import Document, IngestError
from pipeline.resources import read_lines, read_tsv

log = logging.getLogger(__name__)

DEFAULT_GLOBS = ("*.txt", "*.md")  # --glob replaces them
DEFAULT_MAX_BYTES = 2_000_000  # news articles are far smaller; --max-bytes raises it
TITLE_MAX_CHARS = 160

# " date 2025-07" or " date 2025-07-14" opening the file; the article may follow on the line.
DATE_HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4}-\d{2}(?:-\d{2})?)\b[ \t]*")
WORD = re.compile(r"[^\W\d_]+")
MD_HEADING = re.compile(r"\A#{1,6}[ \t]+(.+?)[ \t#]*\Z")

# Magic numbers of common binary formats (checked before any decoding).
BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\x1f\x8b", "gzip archive"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
)


class IngestFailure(Exception):
    """A file that cannot become a Document; ``kind`` names the error class."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True, slots=True)
class SourceFile:
    """A file found by :func:`discover`, or a path that could not be read as one."""

    path: str
    problem: IngestError | None = None


class InputPathError(ValueError):
    """A path named as input does not exist or cannot be read: a usage error, so nothing is run."""


@dataclass(frozen=True, slots=True)
class Excluded:
    """A file that :func:`discover` would have read, or a folder it did not enter, left out by name.

    ``pattern`` is the exclude pattern that matched; a folder's path ends with a separator.
    """

    path: str
    pattern: str


@dataclass(frozen=True, slots=True)
class Selection:
    """Which entries under an input folder are articles: names matching ``globs`` and no ``exclude``.

    Patterns are shell patterns matched case-insensitively against the entry's name, or,
    when they contain ``/``, against its path relative to the input folder.
    """

    globs: tuple[str, ...] = DEFAULT_GLOBS
    exclude: tuple[str, ...] = ()

    @classmethod
    def make(
        cls,
        glob: str | Iterable[str] | None = None,
        exclude: str | Iterable[str] | None = None,
        *,
        default_excludes: bool = True,
    ) -> Selection:
        """``glob`` replaces the default ``*.txt``/``*.md``; ``exclude`` adds to the default skip list."""
        globs = _patterns(glob, "glob") or DEFAULT_GLOBS
        extra = _patterns(exclude, "exclude")
        return cls(globs, (*default_exclude_patterns(), *extra) if default_excludes else extra)

    def wanted(self, rel: str) -> bool:
        """True when the entry at ``rel`` (relative to its input folder) matches a glob."""
        return any(matches(pattern, rel) for pattern in self.globs)

    def excluded_by(self, rel: str) -> str | None:
        """The first exclude pattern that matches ``rel``, or None."""
        return next((pattern for pattern in self.exclude if matches(pattern, rel)), None)


@cache
def default_exclude_patterns() -> tuple[str, ...]:
    """Names that are not articles (READMEs, licences, index files, dotfiles), from ``skip_names.txt``."""
    return read_lines("skip_names.txt")


def _patterns(value: str | Iterable[str] | None, what: str) -> tuple[str, ...]:
    items = (value,) if isinstance(value, str) else tuple(value or ())
    cleaned = tuple(str(item).strip().rstrip("/") for item in items)
    if any(not item for item in cleaned):
        raise ValueError(f"empty {what} pattern")
    return cleaned


def matches(pattern: str, rel: str) -> bool:
    """Case-insensitive shell-pattern match of ``pattern`` against a relative path ``rel``.

    A pattern without ``/`` is matched against the last component (the name); one with
    ``/`` against the whole path, component by component (``*`` stays within one folder
    name, a ``**`` component matches any number of folders).
    """
    pattern, rel = pattern.casefold(), rel.casefold()
    if "/" not in pattern:
        return fnmatchcase(rel.rsplit("/", 1)[-1], pattern)
    return _match_parts(tuple(p for p in pattern.split("/") if p), tuple(rel.split("/")))


def _match_parts(patterns: tuple[str, ...], parts: tuple[str, ...]) -> bool:
    if not patterns:
        return not parts
    if patterns[0] == "**":
        return any(_match_parts(patterns[1:], parts[i:]) for i in range(len(parts) + 1))
    return bool(parts) and fnmatchcase(parts[0], patterns[0]) and _match_parts(patterns[1:], parts[1:])


@dataclass(frozen=True, slots=True)
class Discovery:
    """What :func:`discover` found: the files to read (or their problems) and what it left out by name."""

    files: list[SourceFile]
    excluded: list[Excluded]


@cache
def boilerplate_lines() -> frozenset[str]:
    """Lines that are dropped when they stand alone (case-insensitive), from ``boilerplate.txt``."""
    return frozenset(line.casefold() for line in read_lines("boilerplate.txt"))


def check_roots(paths: Iterable[str | os.PathLike[str]]) -> None:
    """Raise InputPathError, naming the path, for an input that does not exist or cannot be read.

    Only the paths named as input are checked: problems inside a folder found while
    walking it stay error rows of the run.
    """
    for root in paths:
        path = Path(root)
        if not path.exists():
            what = "is a broken symbolic link" if path.is_symlink() else "does not exist"
            raise InputPathError(f"input path {str(path)!r} {what}")
        try:
            if path.is_dir():
                with os.scandir(path) as entries:
                    next(entries, None)
            elif path.is_file():
                with open(path, "rb"):
                    pass
            else:
                raise InputPathError(f"input path {str(path)!r} is neither a file nor a folder")
        except OSError as exc:
            raise InputPathError(f"input path {str(path)!r} cannot be read: {exc.strerror or exc}") from exc


def discover(paths: Iterable[str | os.PathLike[str]], selection: Selection | None = None) -> Discovery:
    """All article files under ``paths`` (files or folders, recursive), sorted for determinism.

    Folders yield the files whose names match ``selection``'s globs and none of its
    exclude patterns (an excluded folder is not entered); a file named in ``paths`` is
    always read. Dangling symlinks, unreadable folders and symlink loops inside a folder
    become problems rather than exceptions, so one bad entry never stops a batch; an
    input path that does not exist raises InputPathError (see :func:`check_roots`).
    """
    selection = selection or Selection.make()
    roots = [Path(root) for root in paths]
    check_roots(roots)
    found: dict[str, SourceFile] = {}
    excluded: dict[str, Excluded] = {}
    for root_path in roots:
        if root_path.is_file():
            found[str(root_path)] = SourceFile(str(root_path))
            continue
        for item in _walk(root_path, selection):
            if isinstance(item, Excluded):
                excluded.setdefault(item.path, item)
            else:
                found.setdefault(item.path, item)
    files = [found[key] for key in sorted(found)]
    return Discovery(files, [excluded[key] for key in sorted(excluded) if key not in found])


def _walk(root: Path, selection: Selection) -> Iterator[SourceFile | Excluded]:
    seen_dirs: set[tuple[int, int]] = set()

    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, rel_folder = stack.pop()
        try:
            st = folder.stat()
        except OSError as exc:
            yield SourceFile(str(folder), IngestError(str(folder), "ingest", "unreadable", str(exc)))
            continue
        key = (st.st_dev, st.st_ino)
        if key in seen_dirs:
            yield SourceFile(
                str(folder), IngestError(str(folder), "ingest", "symlink_loop", "folder visited twice")
            )
            continue
        seen_dirs.add(key)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError as exc:
            yield SourceFile(str(folder), IngestError(str(folder), "ingest", "unreadable", str(exc)))
            continue
        for entry in entries:
            path = Path(entry.path)
            rel = f"{rel_folder}/{entry.name}" if rel_folder else entry.name
            is_article = selection.wanted(rel)
            pattern = selection.excluded_by(rel)
            if pattern is not None:  # listed when it would have been read or walked
                if _is_dir(entry):
                    yield Excluded(str(path) + os.sep, pattern)
                elif is_article:
                    yield Excluded(str(path), pattern)
                continue
            try:
                is_dir = entry.is_dir()  # follows symlinks
                is_file = entry.is_file()
            except OSError as exc:  # e.g. ELOOP on a self-referencing link
                kind = "symlink_loop" if "loop" in str(exc).lower() else "unreadable"
                yield SourceFile(str(path), IngestError(str(path), "ingest", kind, str(exc)))
                continue
            if is_dir:
                if is_article:
                    yield SourceFile(
                        str(path),
                        IngestError(str(path), "ingest", "not_a_file", "a folder named like an article"),
                    )
                stack.append((path, rel))
            elif is_file:
                if is_article:
                    yield SourceFile(str(path))
            elif entry.is_symlink() and is_article:
                yield SourceFile(
                    str(path), IngestError(str(path), "ingest", "dangling_symlink", "link target missing")
                )


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def read_document(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Document | IngestError:
    """Read one article file; never raises for bad input, returns an IngestError instead."""
    try:
        size = os.path.getsize(path)
        if size > max_bytes:
            raise IngestFailure(
                "too_large", f"{size} bytes exceeds the limit of {max_bytes} (raise it with --max-bytes)"
            )
        with open(path, "rb") as fh:
            raw = fh.read(max_bytes + 1)
        return parse_document(raw, path)
    except IngestFailure as exc:
        return IngestError(path, "ingest", exc.kind, str(exc))
    except OSError as exc:
        return IngestError(path, "ingest", "unreadable", exc.strerror or str(exc))


def parse_document(raw: bytes, path: str) -> Document:
    """Turn raw file bytes into a Document; raises IngestFailure for unusable input."""
    text, encoding = decode(raw)
    text = normalise_text(text)
    published, body = split_date_header(text)
    body = drop_boilerplate(body)
    if not body.strip():
        raise IngestFailure("empty", "no article text" if raw.strip() else "empty file")
    return Document(
        doc_id=make_doc_id(body),
        path=path,
        published=published,
        title=guess_title(body),
        text=body,
        content_hash=hashlib.sha256(raw).hexdigest(),
        encoding=encoding,
        lang=detect_language(body),
    )


@cache
def _stopwords() -> dict[str, frozenset[str]]:
    return {row["lang"]: frozenset(row["words"].split()) for row in read_tsv("stopwords.tsv")}


def detect_language(text: str, *, min_hits: int = 5) -> str:
    """ISO 639-1 code of the language whose function words cover most tokens; "und" if unsure."""
    words = [w.casefold() for w in WORD.findall(text[:20_000])]
    if not words:
        return "und"
    profiles = _stopwords()
    hits = {lang: sum(1 for w in words if w in stop) for lang, stop in profiles.items()}
    best = max(sorted(hits), key=lambda lang: hits[lang])
    ranked = sorted(hits.values(), reverse=True)
    if hits[best] < min(min_hits, max(len(words) // 10, 1)):
        return "und"
    if len(ranked) > 1 and ranked[1] * 1.5 > hits[best] and hits[best] < 20:
        return "und"
    return best


def decode(raw: bytes) -> tuple[str, str]:
    """Decode UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252 (logged as a warning)."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _strict(raw[3:], "utf-8", "utf-8-sig"), "utf-8-sig"
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(raw, "utf-16", "utf-16"), "utf-16"
    for magic, what in BINARY_MAGIC:
        if raw.startswith(magic):
            raise IngestFailure("binary", f"binary file ({what})")
    if b"\x00" in raw[:8192]:
        raise IngestFailure("binary", "binary file (NUL bytes)")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = _strict(raw, "cp1252", "UTF-8 or cp1252")
    log.warning("not valid UTF-8, decoded as cp1252")
    return text, "cp1252"


def _strict(raw: bytes, codec: str, label: str) -> str:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise IngestFailure("decode", f"cannot decode as {label}: {exc.reason} at byte {exc.start}") from exc
    if _control_share(text) > 0.05:
        raise IngestFailure("binary", "mostly control characters: not a text file")
    return text


def _control_share(text: str) -> float:
    sample = text[:8192]
    if not sample:
        return 0.0
    bad = sum(1 for ch in sample if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return bad / len(sample)


def normalise_text(text: str) -> str:
    """Unicode NFC, unified newlines, no BOM, no trailing spaces on lines."""
    text = unicodedata.normalize("NFC", text).replace("\ufeff", "")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def split_date_header(text: str) -> tuple[str | None, str]:
    """Return (published, rest) for a leading `` date YYYY-MM[-DD]`` header; text kept."""
    match = DATE_HEADER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def drop_boilerplate(text: str, lines: frozenset[str] | None = None) -> str:
    """Remove lines that consist only of boilerplate ("Anzeige", "Werbung" …); tidy blank runs."""
    drop = boilerplate_lines() if lines is None else lines
    kept = [ln for ln in text.split("\n") if ln.strip().casefold() not in drop]
    out: list[str] = []
    for line in kept:
        if not line.strip() and (not out or not out[-1].strip()):
            continue  # collapse runs of blank lines, none at the start
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(out)


def guess_title(text: str) -> str | None:
    """A Markdown heading or a short headline-like first line; else None."""
    first = text.lstrip().split("\n", 1)[0].strip()
    heading = MD_HEADING.match(first)
    if heading:
        return heading.group(1).strip()
    if first and len(first) <= TITLE_MAX_CHARS and not first.endswith((".", "!", "?", ":", '"', "“")):
        rest = text.lstrip()[len(first) :]
        if rest.strip():  # a one-line article has no separate title
            return first
    return None


def make_doc_id(text: str) -> str:
    """Stable id from the cleaned text: the same article gives the same id everywhere."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
