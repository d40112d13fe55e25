"""Every output table's pyarrow schema, declared once, with a description of each column."""

from __future__ import annotations

import pyarrow as pa

# 2: organisations.country and organisations.kind (a folder written by version 1 lacks them
# and an incremental run would not rewrite its unchanged documents: use a new --out folder).
SCHEMA_VERSION = "2"


def _f(name: str, type_: pa.DataType, doc: str, nullable: bool = True) -> pa.Field:
    return pa.field(name, type_, nullable=nullable, metadata={"description": doc})


def _schema(doc: str, *fields: pa.Field) -> pa.Schema:
    return pa.schema(list(fields), metadata={"description": doc, "schema_version": SCHEMA_VERSION})


_DOC_ID = _f("doc_id", pa.string(), "Document id: first 16 hex digits of sha256 of the cleaned text", False)
_SENT = _f("sent_idx", pa.int32(), "Sentence index within the document (0-based)", False)
_START = _f("start", pa.int32(), "Start character offset into documents.text", False)
_END = _f("end", pa.int32(), "End character offset (exclusive) into documents.text", False)
_TEXT = _f("text", pa.string(), "The covered text, equal to documents.text[start:end]", False)

COUNT_FIELDS = (
    "files", "documents", "added", "changed", "unchanged", "pruned", "errors", "skipped",
    "sentences", "tokens", "entities", "numbers", "troop_figures", "people", "places",
    "organisations",
)  # fmt: skip

SCHEMAS: dict[str, pa.Schema] = {
    "documents": _schema(
        "One row per article",
        _DOC_ID,
        _f("path", pa.string(), "Path of the source file as given on the command line", False),
        _f("published", pa.string(), "Publication date from the ' date YYYY-MM[-DD]' header"),
        _f("published_date", pa.date32(), "published as a date (first day of the month if no day)"),
        _f("title", pa.string(), "Headline: Markdown heading or short first line, else null"),
        _f("text", pa.string(), "Cleaned article text that all offsets refer to", False),
        _f("n_sentences", pa.int32(), "Number of sentences", False),
        _f("n_chars", pa.int32(), "Length of text in characters", False),
        _f("lang", pa.string(), "Detected language (ISO 639-1), 'und' when unsure"),
        _f("encoding", pa.string(), "Encoding the file was decoded with", False),
        _f("content_hash", pa.string(), "sha256 of the raw file bytes", False),
    ),
    "sentences": _schema("One row per sentence", _DOC_ID, _SENT, _START, _END, _TEXT),
    "tokens": _schema(
        "One row per token (only with --tokens)",
        _DOC_ID,
        _SENT,
        _f("token_idx", pa.int32(), "Token index within the document", False),
        _START,
        _END,
        _TEXT,
        _f("lemma", pa.string(), "Lemma (the default model's edit-tree lemmatizer, or the model's own)"),
        _f("pos", pa.string(), "Universal POS tag"),
        _f("tag", pa.string(), "STTS part-of-speech tag (fine-grained)"),
        _f("morph", pa.string(), "Morphological features, UD style: 'Case=Nom|Number=Plur'"),
        _f("ent_iob", pa.string(), "Entity IOB tag (B, I, O)"),
        _f("ent_type", pa.string(), "Entity label of the token, if any"),
    ),
    "entities": _schema(
        "One row per named-entity mention",
        _DOC_ID,
        _SENT,
        _START,
        _END,
        _TEXT,
        _f("label", pa.string(), "PER | LOC | ORG | MISC", False),
        _f("norm", pa.string(), "Canonical name (nominative, roles removed); null if dropped"),
        _f("ref_id", pa.string(), "person_id / place_id / org_id, or ISO country code for MISC"),
        _f("country", pa.string(), "ISO 3166-1 alpha-2 country of the referent, if known"),
        _f("note", pa.string(), "Why the mention was dropped or left unresolved"),
    ),
    "numbers": _schema(
        "One row per number expression",
        _DOC_ID,
        _SENT,
        _START,
        _END,
        _TEXT,
        _f("value", pa.float64(), "Exact value; null for ranges and vague quantities"),
        _f("low", pa.float64(), "Lower bound (equals value when exact)"),
        _f("high", pa.float64(), "Upper bound (equals value when exact; null when open)"),
        _f(
            "kind",
            pa.string(),
            "cardinal | year | date | time | ordinal | percent | money | phone | other",
            False,
        ),
        _f("vague", pa.bool_(), "True for vague quantities such as 'Tausende'", False),
        _f("unit", pa.string(), "Currency code or other unit, if any"),
    ),
    "troop_figures": _schema(
        "One row per mention of a number of military personnel",
        _f("figure_id", pa.string(), "Id of this figure: hash of doc_id and offsets", False),
        _DOC_ID,
        _SENT,
        _START,
        _END,
        _TEXT,
        _f("low", pa.int64(), "Lower bound; equals high when exact; null when open"),
        _f("high", pa.int64(), "Upper bound; null when open ('mehr als 10.000')"),
        _f(
            "qualifier",
            pa.string(),
            "exact | approx | up_to | at_least | more_than | less_than | range | vague",
            False,
        ),
        _f("country", pa.string(), "ISO 3166-1 alpha-2 of the troops' nationality or army"),
        _f(
            "status",
            pa.string(),
            "deployed | planned | stationed | killed | wounded | killed_or_wounded | captured | missing | mobilized | strength | other",
            False,
        ),
        _f("attribution", pa.string(), "Source named for the figure, if any"),
        _f("sentence", pa.string(), "Text of the sentence holding the figure", False),
    ),
    "people": _schema(
        "One row per person per document",
        _DOC_ID,
        _f("person_id", pa.string(), "Stable id from the alias-normalised canonical name", False),
        _f("name", pa.string(), "Canonical full name (longest form in the document)", False),
        _f("roles", pa.list_(pa.string()), "Roles and titles used for the person", False),
        _f("mentions", pa.int32(), "Number of mentions in the document", False),
    ),
    "places": _schema(
        "One row per place per document",
        _DOC_ID,
        _f("place_id", pa.string(), "Stable id of the place", False),
        _f("name", pa.string(), "Canonical German nominative name", False),
        _f("country", pa.string(), "ISO 3166-1 alpha-2 (null for supranational places)"),
        _f("kind", pa.string(), "country | city | region | other", False),
        _f("lat", pa.float64(), "Latitude (WGS84)"),
        _f("lon", pa.float64(), "Longitude (WGS84)"),
        _f("geonames_id", pa.int64(), "GeoNames id, where known"),
        _f("mentions", pa.int32(), "Number of mentions in the document", False),
    ),
    "organisations": _schema(
        "One row per organisation per document",
        _DOC_ID,
        _f(
            "org_id",
            pa.string(),
            "Stable id from the alias-normalised canonical name; for a state body or party also from its country",
            False,
        ),
        _f("name", pa.string(), "Canonical name (nominative; O2: with its nationality adjective)", False),
        _f(
            "country",
            pa.string(),
            "ISO 3166-1 alpha-2 of the state it belongs to or is based in; null for international bodies or unknown",
        ),
        _f(
            "kind",
            pa.string(),
            "government | military | party | company | media | international | armed_group | other",
            False,
        ),
        _f("mentions", pa.int32(), "Number of mentions in the document", False),
    ),
    "errors": _schema(
        "One row per file that could not be processed",
        _f("path", pa.string(), "Path of the file", False),
        _f("stage", pa.string(), "Stage that failed: ingest | recognise | normalise | write", False),
        _f("error", pa.string(), "Error kind, e.g. empty | binary | decode | too_large", False),
        _f("message", pa.string(), "Human-readable explanation", False),
        _f("run_id", pa.string(), "Run that recorded the error", False),
    ),
    "claims": _schema(
        "One row per claim: a troop figure as reported across the folder's articles (rebuilt by every run)",
        _f("claim_id", pa.string(), "Id of the claim: hash of country, status family, bounds and first figure_id", False),
        _f("country", pa.string(), "ISO 3166-1 alpha-2 of the troops' nationality or army"),
        _f("status", pa.string(), "The most common status of its figures (troop_figures.status)", False),
        _f("low", pa.int64(), "Lower bound of the figure as most reports state it"),
        _f("high", pa.int64(), "Upper bound of the figure as most reports state it"),
        _f("qualifier", pa.string(), "Qualifier of that form (troop_figures.qualifier)", False),
        _f("text", pa.string(), "Text of the first figure stated in that form", False),
        _f("first_published", pa.date32(), "Publication date of the earliest report"),
        _f("last_published", pa.date32(), "Publication date of the latest report"),
        _f("n_documents", pa.int32(), "Number of articles reporting it", False),
        _f("n_figures", pa.int32(), "Number of troop figures in the claim", False),
        _f("attributions", pa.list_(pa.string()), "Distinct normalised sources its figures name", False),
        _f("doc_ids", pa.list_(pa.string()), "Articles reporting it, earliest first", False),
        _f("doc_id", pa.string(), "Article of the earliest report", False),
        _f("sent_idx", pa.int32(), "Sentence of the earliest report (0-based)", False),
        _f("start", pa.int32(), "Start offset of the earliest report into documents.text", False),
        _f("end", pa.int32(), "End offset (exclusive) of the earliest report", False),
    ),
    "figure_claims": _schema(
        "One row per troop figure: its claim and normalised source (rebuilt by every run)",
        _f("figure_id", pa.string(), "troop_figures.figure_id", False),
        _f("claim_id", pa.string(), "claims.claim_id of the claim the figure reports", False),
        _DOC_ID,
        _SENT,
        _START,
        _END,
        _TEXT,
        _f("source", pa.string(), "Normalised attribution: 'Geheimdienst (EE)', 'Wolodymyr Selenskyj'"),
    ),
    "runs": _schema(
        "One row per run of `lagebild run`",
        _f("run_id", pa.string(), "Id of the run", False),
        _f("started", pa.timestamp("us", tz="UTC"), "Start time", False),
        _f("finished", pa.timestamp("us", tz="UTC"), "End time", False),
        _f("model", pa.string(), "Model name or path", False),
        _f("model_version", pa.string(), "Model version from its meta.json"),
        _f("lagebild_version", pa.string(), "Lagebild version", False),
        _f("counts", pa.struct([pa.field(n, pa.int64()) for n in COUNT_FIELDS]), "What the run did", False),
        _f("seconds", pa.float64(), "Wall-clock seconds", False),
        _f("words_per_second", pa.float64(), "Words processed per second"),
    ),
}

# Tables whose rows belong to one document (replaced when the document changes).
DOCUMENT_TABLES = (
    "documents", "sentences", "tokens", "entities", "numbers", "troop_figures",
    "people", "places", "organisations",
)  # fmt: skip
# Tables rebuilt from the whole folder at the end of each run.
FOLDER_TABLES = ("claims", "figure_claims")
TABLES = (*DOCUMENT_TABLES, "errors", *FOLDER_TABLES, "runs")


class SchemaMismatchError(ValueError):
    """Rows do not fit the declared schema of their table."""


def to_arrow(table: str, rows: list[dict]) -> pa.Table:
    """Build a pyarrow Table for ``table`` from row dicts, enforcing the declared schema."""
    schema = SCHEMAS[table]
    names = set(schema.names)
    for row in rows[:1]:
        extra = set(row) - names
        missing = names - set(row)
        if extra or missing:
            raise SchemaMismatchError(f"{table}: extra columns {sorted(extra)}, missing {sorted(missing)}")
    try:
        out = pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as exc:
        raise SchemaMismatchError(f"{table}: {exc}") from exc
    for field in schema:
        if not field.nullable and out.column(field.name).null_count:
            raise SchemaMismatchError(f"{table}.{field.name} must not be null")
    return out


def schema_markdown() -> str:
    """The README's table reference, generated from the schemas (a test keeps them in sync)."""
    out: list[str] = []
    for table in TABLES:
        schema = SCHEMAS[table]
        out.append(f"#### `{table}` — {schema.metadata[b'description'].decode()}\n")
        out.append("| column | type | meaning |\n|---|---|---|")
        for f in schema:
            doc = f.metadata[b"description"].decode().replace("|", "\\|")
            out.append(f"| `{f.name}` | {f.type}{'' if f.nullable else ', not null'} | {doc} |")
        out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(schema_markdown())
