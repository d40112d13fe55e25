"""Run the stages over article folders: incremental, batched, parallel (processes or Dask), committed per batch."""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import socket
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
from spacy.attrs import IS_PUNCT, IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc
from tqdm import tqdm

from pipeline import __version__, claims
from pipeline.ingest import (
    DEFAULT_MAX_BYTES,
    Excluded,
    Selection,
    SourceFile,
    check_roots,
    discover,
    read_document,
)
from pipeline.normalise import Normalised, load_aliases, normalise
from pipeline.recognise import (
    doc_entities,
    doc_numbers,
    doc_sentences,
    doc_tokens,
    load_nlp,
    model_meta,
    sentence_index,
)
from pipeline.records import Document, IngestError, NumberMention, Sentence
from pipeline.schemas import COUNT_FIELDS, DOCUMENT_TABLES, to_arrow
from pipeline.write import Manifest, Store, part_name

DEFAULT_BATCH_SIZE = 64
ENGINES = ("local", "dask")
GERMAN_LANGS = ("de", "und")  # "und": too short to tell, kept


@dataclass
class RunSummary:
    """What a run did; printed by the CLI and stored in the ``runs`` table."""

    run_id: str
    out: str
    model: str
    counts: Counter = field(default_factory=Counter)
    entities_by_label: Counter = field(default_factory=Counter)
    errors_by_kind: Counter = field(default_factory=Counter)
    excluded: list[Excluded] = field(default_factory=list)  # left out by name (--exclude, skip list)
    words: int = 0
    seconds: float = 0.0

    @property
    def words_per_second(self) -> float:
        return self.words / self.seconds if self.seconds > 0 else 0.0


@dataclass(frozen=True, slots=True)
class Options:
    """Settings every worker needs to process a batch (picklable)."""

    model: str | None = None
    tokens: bool = False
    aliases: str | None = None
    skip_non_german: bool = False
    max_chars: int = DEFAULT_MAX_BYTES  # longest text the model accepts (spaCy's max_length)


# --------------------------------------------------------------------------- per document
def document_rows(
    document: Document,
    doc: Doc,
    sentences: Sequence[Sentence],
    numbers: Sequence[NumberMention],
    result: Normalised,
    *,
    tokens: bool = False,
) -> dict[str, list[dict]]:
    """All output rows of one processed document, keyed by table name."""
    did = document.doc_id
    rows: dict[str, list[dict]] = {t: [] for t in DOCUMENT_TABLES}
    rows["documents"].append(
        {
            "doc_id": did,
            "path": document.path,
            "published": document.published,
            "published_date": _published_date(document.published),
            "title": document.title,
            "text": document.text,
            "n_sentences": len(sentences),
            "n_chars": len(document.text),
            "lang": document.lang,
            "encoding": document.encoding,
            "content_hash": document.content_hash,
        }
    )
    span = lambda x: {"doc_id": did, "sent_idx": x.sent_idx, "start": x.start, "end": x.end, "text": x.text}  # noqa: E731
    rows["sentences"] = [
        {"doc_id": did, "sent_idx": s.idx, "start": s.start, "end": s.end, "text": s.text} for s in sentences
    ]
    for ent, res in zip(result.entities, result.resolutions, strict=True):
        rows["entities"].append(
            {
                **span(ent),
                "label": ent.label,
                "norm": res.norm,
                "ref_id": res.ref_id,
                "country": res.country,
                "note": res.note,
            }
        )
    for num in numbers:
        rows["numbers"].append(
            {
                **span(num),
                "value": num.value,
                "low": num.low,
                "high": num.high,
                "kind": num.kind,
                "vague": num.vague,
                "unit": num.unit,
            }
        )
    for fig in result.troop_figures:
        figure_id = hashlib.sha1(f"{did}:{fig.start}:{fig.end}".encode()).hexdigest()[:16]
        rows["troop_figures"].append(
            {"figure_id": figure_id, **span(fig), "low": fig.low, "high": fig.high, "qualifier": fig.qualifier,
             "country": fig.country, "status": fig.status, "attribution": fig.attribution, "sentence": fig.sentence}
        )  # fmt: skip
    rows["people"] = [
        {
            "doc_id": did,
            "person_id": p.person_id,
            "name": p.name,
            "roles": list(p.roles),
            "mentions": p.mentions,
        }
        for p in result.people
    ]
    rows["places"] = [
        {"doc_id": did, "place_id": p.place_id, "name": p.name, "country": p.country, "kind": p.kind,
         "lat": p.lat, "lon": p.lon, "geonames_id": p.geonames_id, "mentions": p.mentions}
        for p in result.places
    ]  # fmt: skip
    rows["organisations"] = [
        {"doc_id": did, "org_id": o.org_id, "name": o.name, "country": o.country, "kind": o.kind,
         "mentions": o.mentions}
        for o in result.organisations
    ]  # fmt: skip
    if tokens:
        rows["tokens"] = list(token_rows(did, doc, sentences))
    return rows


def token_rows(doc_id: str, doc: Doc, sentences: Sequence[Sentence]) -> Iterator[dict]:
    find = sentence_index(sentences)
    for tok in doc:
        if tok.is_space:
            continue
        yield {
            "doc_id": doc_id, "sent_idx": find(tok.idx), "token_idx": tok.i, "start": tok.idx,
            "end": tok.idx + len(tok.text), "text": tok.text, "lemma": tok.lemma_ or None,
            "pos": tok.pos_ or None, "tag": tok.tag_ or None, "morph": str(tok.morph) or None,
            "ent_iob": tok.ent_iob_ or "O", "ent_type": tok.ent_type_ or None,
        }  # fmt: skip


def _published_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published if len(published) == 10 else f"{published}-01")
    except ValueError:
        return None


def count_words(doc: Doc) -> int:
    """Tokens that are neither space nor punctuation (vectorised: this runs on every document)."""
    if not len(doc):
        return 0
    return int((doc.to_array([IS_SPACE, IS_PUNCT]).sum(axis=1) == 0).sum())


# --------------------------------------------------------------------------- per batch
@dataclass
class BatchResult:
    """A processed batch, its tables written into the store's staging area."""

    part: str
    units: dict[str, str]  # path -> unit ("doc:<id>" or "err:<path>")
    hashes: dict[str, str]  # path -> content hash
    counts: Counter
    entities_by_label: Counter
    errors_by_kind: Counter
    words: int
    tables: tuple[str, ...] = ()  # tables that got a part file


@dataclass
class _Processed:
    """One recognised and normalised document, before its rows join the batch."""

    record: Document
    rows: dict[str, list[dict]]
    labels: Counter
    words: int


@cache
def _worker_state(options: Options) -> tuple[Language, object]:
    """The model and alias table, loaded once per process.

    The model accepts any text that ingest let through (``--max-bytes``), so a large file
    is either rejected up front with a clear error or processed, never failed halfway.
    """
    # the rules read the linguistic layer of the sentences with a number; the tokens table, of all
    nlp = load_nlp(options.model, linguistic="all" if options.tokens else "numbers")
    nlp.max_length = max(nlp.max_length, options.max_chars)
    return nlp, load_aliases(Path(options.aliases) if options.aliases else None)


def process_batch(
    out: str, items: Sequence[Document | IngestError], options: Options, run_id: str
) -> BatchResult:
    """Recognise and normalise a batch of documents and stage its Parquet part.

    Runs in the main process, a worker process or a Dask worker alike; a failure in
    one document becomes an ``errors`` row for that file and the batch goes on.
    """
    nlp, aliases = _worker_state(options)
    units: dict[str, str] = {}
    hashes: dict[str, str] = {}
    counts: Counter = Counter()
    labels: Counter = Counter()
    errors: Counter = Counter()
    failed = [d for d in items if isinstance(d, IngestError)]
    docs = []
    for d in items:
        if isinstance(d, Document) and _skipped(d, options.skip_non_german):
            failed.append(
                IngestError(d.path, "ingest", "non_german", f"language detected as {d.lang!r}; skipped")
            )
        elif isinstance(d, Document):
            docs.append(d)
    doc_hashes = {d.path: _state_hash(d, options.skip_non_german) for d in items if isinstance(d, Document)}
    processed = _recognise(nlp, aliases, docs, failed, tokens=options.tokens)
    tables, processed = _document_tables(processed, failed)
    for item in processed:
        units[item.record.path] = f"doc:{item.record.doc_id}"
        hashes[item.record.path] = item.record.content_hash
        labels.update(item.labels)
    error_rows = []
    for err in failed:
        error_rows.append(
            {
                "path": err.path,
                "stage": err.stage,
                "error": err.error,
                "message": err.message,
                "run_id": run_id,
            }
        )
        units[err.path] = f"err:{err.path}"
        hashes[err.path] = doc_hashes.get(err.path) or f"error:{err.error}"
        errors[err.error] += 1
    tables["errors"] = to_arrow("errors", error_rows)
    for table in DOCUMENT_TABLES:
        counts[table] = tables[table].num_rows
    counts["errors"] = len(failed)
    # the run id keeps the name new: an error unit ("err:<path>") of a changed file may
    # come back in a batch of the same units, and a live part is never overwritten
    part = part_name([*units.values(), f"run:{run_id}"])
    written = Store(out).stage(part, tables)
    words = sum(item.words for item in processed)
    return BatchResult(part, units, hashes, counts, labels, errors, words, tuple(written))


def _recognise(
    nlp: Language, aliases: object, docs: Sequence[Document], failed: list[IngestError], *, tokens: bool
) -> list[_Processed]:
    """Recognise and normalise the documents; a failing one becomes an ``IngestError``.

    Runs in a spaCy memory zone: the strings and lexemes of the batch are freed at the
    end, so a worker's memory does not grow with the vocabulary of the corpus. No Doc
    may outlive the zone; the rows hold plain Python values.
    """
    processed: list[_Processed] = []
    with nlp.memory_zone():
        for doc_record, doc in zip(docs, _pipe(nlp, docs, failed), strict=True):
            if doc is None:
                continue
            try:
                sentences = doc_sentences(doc)
                entities = doc_entities(doc, sentences)
                numbers = doc_numbers(doc)
                # the troop rules read the tokens of the sentences that hold a number
                words = doc_tokens(doc, sentences, only={n.sent_idx for n in numbers})
                result = normalise(doc_record.text, sentences, entities, numbers, aliases, tokens=words)
                doc_rows = document_rows(doc_record, doc, sentences, numbers, result, tokens=tokens)
            except Exception as exc:  # noqa: BLE001 - one bad document must not stop the batch
                failed.append(IngestError(doc_record.path, "normalise", type(exc).__name__, str(exc)))
                continue
            labels = Counter(e.label for e in result.entities)
            processed.append(_Processed(doc_record, doc_rows, labels, count_words(doc)))
    return processed


def _document_tables(
    processed: list[_Processed], failed: list[IngestError]
) -> tuple[dict[str, pa.Table], list[_Processed]]:
    """The batch's document tables, schema-checked in one go per table.

    Only when that fails is each document checked alone: the ones that do not fit
    become ``errors`` rows and the rest of the batch is kept.
    """
    try:
        return _concat_tables(processed), processed
    except Exception:  # noqa: BLE001 - find the culprit below
        pass
    fitting = []
    for item in processed:
        try:
            _concat_tables([item])
        except Exception as exc:  # noqa: BLE001
            failed.append(IngestError(item.record.path, "normalise", type(exc).__name__, str(exc)))
            continue
        fitting.append(item)
    return _concat_tables(fitting), fitting


def _concat_tables(processed: Sequence[_Processed]) -> dict[str, pa.Table]:
    return {t: to_arrow(t, [row for item in processed for row in item.rows[t]]) for t in DOCUMENT_TABLES}


def _pipe(nlp: Language, docs: Sequence[Document], failed: list[IngestError]) -> Iterator[Doc | None]:
    """nlp.pipe over the documents; if the batch fails, retry one by one to isolate the culprit."""
    try:
        yield from list(nlp.pipe(d.text for d in docs))
        return
    except Exception:  # noqa: BLE001
        pass
    for d in docs:
        try:
            yield nlp(d.text)
        except Exception as exc:  # noqa: BLE001
            failed.append(IngestError(d.path, "recognise", type(exc).__name__, str(exc)))
            yield None


# --------------------------------------------------------------------------- the run
def run(
    paths: Sequence[str | os.PathLike[str]],
    out: str | os.PathLike[str] = "data",
    model: str | None = None,
    *,
    tokens: bool = False,
    workers: int | None = 1,
    engine: str = "local",
    scheduler: str | None = None,
    prune: bool = False,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skip_non_german: bool = False,
    aliases: str | os.PathLike[str] | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: bool | None = None,
    claim_window: int = claims.DEFAULT_WINDOW_DAYS,
    glob: str | Sequence[str] | None = None,
    exclude: str | Sequence[str] | None = None,
    default_excludes: bool = True,
) -> RunSummary:
    """Process every article under ``paths`` into the Parquet tables in ``out``.

    Folders are read recursively: files whose names match ``glob`` (default ``*.txt``
    and ``*.md``), except those matching ``exclude`` or, with ``default_excludes``, the
    usual non-article names (README, LICENSE, … and dotfiles; ``resources/skip_names.txt``).
    A path that does not exist or cannot be read raises InputPathError before anything is
    written. Only new or changed files are processed (content hash); rows of files that
    disappeared, or are now excluded, are removed only with ``prune``. Each batch is
    committed on its own, so a killed run loses nothing already committed and the next
    run completes the work.
    At the end the troop figures of the whole folder are grouped into claims (``claims`` and
    ``figure_claims``, committed with the run's row; ``claim_window``: the most days between
    two reports of one claim).
    """
    if engine not in ENGINES:
        raise ValueError(f"engine must be one of {ENGINES}, not {engine!r}")
    if isinstance(paths, str | os.PathLike):  # one path, not its characters
        paths = [paths]
    selection = Selection.make(glob, exclude, default_excludes=default_excludes)
    check_roots(paths)  # a typo in an input path is a usage error, not an error row
    started = dt.datetime.now(dt.UTC)
    t0 = time.perf_counter()
    options = Options(model, tokens, str(aliases) if aliases else None, skip_non_german, max_bytes)
    meta = model_meta(model)  # raises ModelNotFoundError before anything is touched
    run_id = (
        started.strftime("%Y%m%dT%H%M%S%fZ")
        + "-"
        + hashlib.sha1(f"{socket.gethostname()}:{os.getpid()}".encode()).hexdigest()[:6]
    )
    store = Store(out)
    summary = RunSummary(run_id, str(out), model or "de_lagebild")
    with store.lock():
        store.publish(recover=True)
        manifest = store.manifest
        found = discover(paths, selection)
        files = found.files
        summary.excluded = found.excluded
        summary.counts["files"] = len(files)
        summary.counts["excluded"] = len(found.excluded)
        duplicates: dict[str, dict] = {}
        todo = _plan(files, manifest, summary.counts, max_bytes, skip_non_german, duplicates)
        show = sys.stderr.isatty() if progress is None else progress
        bar = tqdm(total=len(files), unit="file", disable=not show, desc="lagebild")
        bar.update(summary.counts["unchanged"])
        for result in _execute(str(out), todo, options, run_id, engine, workers, scheduler, batch_size):
            _commit_batch(store, result)
            summary.counts.update({k: v for k, v in result.counts.items()})
            summary.entities_by_label.update(result.entities_by_label)
            summary.errors_by_kind.update(result.errors_by_kind)
            summary.words += result.words
            bar.update(len(result.units))
        bar.close()
        if duplicates:  # same text under another path: no new rows, just remember the file
            new = store.manifest.copy()
            produced = {unit for units in new.parts.values() for unit in units}
            # only where the text did become rows: else the next run processes this copy itself
            new.files.update({p: e for p, e in duplicates.items() if e["unit"] in produced})
            store.commit(new)
        if prune:
            summary.counts["pruned"] = _prune(store, {f.path for f in files})
        summary.seconds = time.perf_counter() - t0
        summary.model = model_name(meta, model)
        _commit_run(store, summary, started, meta.get("version"), claim_window)
    return summary


def model_name(meta: dict, model: str | None) -> str:
    """The model's package-style name (``de_core_news_sm``, ``de_lagebild``) for the runs table."""
    name, lang = meta.get("name"), meta.get("lang", "de")
    if not name:
        return model or "de_lagebild"
    return name if name.startswith(f"{lang}_") else f"{lang}_{name}"


def _plan(
    files: Sequence[SourceFile],
    manifest: Manifest,
    counts: Counter,
    max_bytes: int,
    skip_non_german: bool,
    duplicates: dict[str, dict],
) -> Iterator[Document | IngestError]:
    """Read the files that are new or changed since the manifest; count the rest.

    A file whose cleaned text equals one already processed (same doc_id) yields no
    new rows; it is recorded in ``duplicates`` and counted.
    """
    live = {entry["unit"] for entry in manifest.files.values()}
    for item in files:
        known = manifest.files.get(item.path)
        if item.problem is not None:
            if known and known["hash"] == f"error:{item.problem.error}":
                counts["unchanged"] += 1
                continue
            counts["changed" if known else "added"] += 1
            yield item.problem
            continue
        record = read_document(item.path, max_bytes=max_bytes)
        digest = _state_hash(record, skip_non_german)
        if known and known["hash"] == digest:
            counts["unchanged"] += 1
            continue
        counts["changed" if known else "added"] += 1
        if _skipped(record, skip_non_german):  # becomes a non_german error row in process_batch
            counts["skipped"] += 1
        elif isinstance(record, Document):
            unit = f"doc:{record.doc_id}"
            if unit in live:
                counts["duplicates"] += 1
                duplicates[item.path] = {"hash": digest, "unit": unit}
                continue
            live.add(unit)
        yield record


def _skipped(record: Document | IngestError, skip_non_german: bool) -> bool:
    return skip_non_german and isinstance(record, Document) and record.lang not in GERMAN_LANGS


def _state_hash(record: Document | IngestError, skip_non_german: bool) -> str:
    """What the manifest remembers of a file: its content hash, marked when it was skipped.

    The mark makes a skipped article unchanged on the next run with ``--skip-non-german``
    and changed (so processed) on the next run without it.
    """
    if isinstance(record, IngestError):
        return f"error:{record.error}"
    return f"skip:{record.content_hash}" if _skipped(record, skip_non_german) else record.content_hash


def _batches(items: Iterable[Document | IngestError], size: int) -> Iterator[list[Document | IngestError]]:
    batch: list[Document | IngestError] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _execute(
    out: str,
    todo: Iterable[Document | IngestError],
    options: Options,
    run_id: str,
    engine: str,
    workers: int | None,
    scheduler: str | None,
    batch_size: int,
) -> Iterator[BatchResult]:
    """Process batches serially, in a process pool, or on Dask; yield results in input order."""
    batches = _batches(todo, batch_size)
    if engine == "dask":
        yield from _execute_dask(out, batches, options, run_id, workers, scheduler)
        return
    n = workers or os.cpu_count() or 1
    if n <= 1:
        for batch in batches:
            yield process_batch(out, batch, options, run_id)
        return
    context = multiprocessing.get_context("spawn")  # no fork of a threaded parent
    with ProcessPoolExecutor(n, mp_context=context, initializer=_worker_state, initargs=(options,)) as pool:
        yield from _bounded(lambda b: pool.submit(process_batch, out, b, options, run_id), batches, 2 * n)


def _bounded(submit: Callable[[list], Future], batches: Iterable[list], limit: int) -> Iterator[BatchResult]:
    """Keep at most ``limit`` batches in flight (bounded memory), yield in order."""
    pending: list[Future] = []
    for batch in batches:
        pending.append(submit(batch))
        if len(pending) >= limit:
            yield pending.pop(0).result()
    for fut in pending:
        yield fut.result()


def _execute_dask(
    out: str,
    batches: Iterable[list],
    options: Options,
    run_id: str,
    workers: int | None,
    scheduler: str | None,
) -> Iterator[BatchResult]:
    from dask.distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        cluster = LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True)
        client = Client(cluster)
    try:
        limit = 2 * max(len(client.scheduler_info().get("workers", {})), 1)
        yield from _bounded(
            lambda b: client.submit(process_batch, out, b, options, run_id, pure=False), batches, limit
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _commit_batch(store: Store, result: BatchResult) -> None:
    """Make one staged batch live: replace older rows of the same files, update the manifest."""
    manifest = store.manifest
    new = manifest.copy()
    stale = {new.files[p]["unit"] for p in result.units if p in new.files}
    for path, unit in result.units.items():
        new.files[path] = {"hash": result.hashes[path], "unit": unit}
    redone = set(result.units.values())  # e.g. "err:<path>" of a file that failed again: new row wins
    _drop_units(store, new, (stale - _referenced(new)) | redone)
    new.parts[result.part] = sorted(set(result.units.values()))
    for table in result.tables:
        if result.part not in new.tables[table]:
            new.tables[table].append(result.part)
    store.commit(new)


def _referenced(manifest: Manifest) -> set[str]:
    return {entry["unit"] for entry in manifest.files.values()}


def _drop_units(store: Store, manifest: Manifest, units: set[str]) -> None:
    """Rewrite the parts holding ``units`` without their rows (into staging)."""
    if not units:
        return
    for part, part_units in list(manifest.parts.items()):
        if not units & set(part_units):
            continue
        keep = sorted(set(part_units) - units)
        new_part = part_name(keep) if keep else None
        for table in (*DOCUMENT_TABLES, "errors"):
            if part not in manifest.tables[table]:
                continue
            manifest.tables[table].remove(part)
            data = store.read_part(table, part)
            if data is None or new_part is None:
                continue
            data = data.filter(_keep_mask(table, data, keep))
            if data.num_rows:
                store.stage(new_part, {table: data})
                manifest.tables[table].append(new_part)
        del manifest.parts[part]
        if new_part is not None:
            manifest.parts[new_part] = keep


def _keep_mask(table: str, data: pa.Table, keep: Sequence[str]) -> pa.Array:
    if table == "errors":
        return pc.is_in(data["path"], pa.array([u[4:] for u in keep if u.startswith("err:")], pa.string()))
    return pc.is_in(data["doc_id"], pa.array([u[4:] for u in keep if u.startswith("doc:")], pa.string()))


def _prune(store: Store, seen: set[str]) -> int:
    manifest = store.manifest
    gone = [p for p in manifest.files if p not in seen]
    if not gone:
        return 0
    new = manifest.copy()
    new.files = {p: e for p, e in manifest.files.items() if p in seen}
    units = {manifest.files[p]["unit"] for p in gone}
    _drop_units(store, new, units - _referenced(new))
    store.commit(new)
    return len(gone)


def _commit_run(
    store: Store, summary: RunSummary, started: dt.datetime, model_version: str | None, claim_window: int
) -> None:
    """Commit the run's row and the claim tables rebuilt over the whole folder, in one manifest."""
    counts = {name: int(summary.counts.get(name, 0)) for name in COUNT_FIELDS}
    counts["documents"] = int(summary.counts.get("documents", 0))
    row = {
        "run_id": summary.run_id,
        "started": started,
        "finished": dt.datetime.now(dt.UTC),
        "model": summary.model,
        "model_version": model_version,
        "lagebild_version": __version__,
        "counts": counts,
        "seconds": summary.seconds,
        "words_per_second": summary.words_per_second,
    }
    part = f"run-{summary.run_id}"
    store.stage(part, {"runs": to_arrow("runs", [row])})
    manifest = store.manifest
    new = manifest.copy()
    new.runs.append(summary.run_id)
    new.tables["runs"].append(part)
    claims.update(store, new, claim_window)
    store.commit(new)
