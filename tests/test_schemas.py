"""Schemas are declared once, enforced at the write boundary, and documented in the README."""

from __future__ import annotations

import pytest

from pipeline.schemas import SCHEMAS, TABLES, SchemaMismatchError, schema_markdown, to_arrow
from tests.conftest import ROOT


def test_readme_documents_every_table_exactly() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- schemas:start -->", 1)[1].split("<!-- schemas:end -->", 1)[0]
    assert schema_markdown() in section, "README table docs are stale: regenerate with python -m pipeline.schemas"


@pytest.mark.parametrize("table", TABLES)
def test_every_column_has_a_description(table: str) -> None:
    schema = SCHEMAS[table]
    assert schema.metadata[b"description"]
    for field in schema:
        assert field.metadata and field.metadata[b"description"], f"{table}.{field.name}"


CONTRACT = {
    "documents": ["doc_id", "path", "published", "title", "text", "n_sentences"],
    "sentences": ["doc_id", "sent_idx", "start", "end", "text"],
    "entities": ["doc_id", "sent_idx", "start", "end", "text", "label", "norm", "ref_id"],
    "numbers": ["doc_id", "sent_idx", "start", "end", "text", "value", "low", "high", "kind"],
    "troop_figures": ["doc_id", "sent_idx", "start", "end", "text", "low", "high", "qualifier", "country", "status", "sentence"],
    "people": ["doc_id", "person_id", "name", "roles", "mentions"],
    "places": ["doc_id", "place_id", "name", "country", "kind", "lat", "lon", "mentions"],
    "organisations": ["doc_id", "org_id", "name", "country", "kind", "mentions"],
    "errors": ["path", "stage", "error", "message"],
    "runs": ["run_id", "started", "finished", "model", "model_version", "lagebild_version", "counts"],
}


@pytest.mark.parametrize("table,columns", CONTRACT.items())
def test_contract_columns_are_present(table: str, columns: list[str]) -> None:
    assert set(columns) <= set(SCHEMAS[table].names)


ORG = {"doc_id": "a", "org_id": "o", "name": "X", "country": None, "kind": "other", "mentions": 1}


def test_to_arrow_rejects_wrong_columns_and_nulls() -> None:
    with pytest.raises(SchemaMismatchError):
        to_arrow("organisations", [{"doc_id": "a", "org_id": "o", "name": "X"}])
    with pytest.raises(SchemaMismatchError):
        to_arrow("organisations", [{**ORG, "name": None}])
    with pytest.raises(SchemaMismatchError):
        to_arrow("organisations", [{**ORG, "mentions": "many"}])
    table = to_arrow("organisations", [ORG])
    assert table.schema == SCHEMAS["organisations"]
