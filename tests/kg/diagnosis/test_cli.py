"""``ckm diagnose`` as a user runs it: the three formats, the period, clear refusals."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app
from tests.kg.diagnosis.conftest import DATA, NORDTECH

runner = CliRunner()


def ckm(store: Path, *args: str):
    return runner.invoke(app, ["--store", str(store), *args])


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    result = ckm(path, "load", str(DATA / "nordtech.ttl"))
    assert result.exit_code == 0, result.output
    return path


def test_table(store) -> None:
    result = ckm(store, "diagnose", "--firm", str(NORDTECH), "--from", "2025-01-01", "--to",
                 "2025-03-31")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Diagnosis of Nordtech (2025-01-01 to 2025-03-31)")
    assert "knowledge from customers       2/6 = 33.3 %" in result.stdout


def test_json(store) -> None:
    result = ckm(store, "diagnose", "--firm", str(NORDTECH), "--format", "json")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["firm"] == {"@id": str(NORDTECH)}
    assert document["position"]["knowledge"]["from"]["share"] == 0.375


def test_html(store) -> None:
    result = ckm(store, "diagnose", "--firm", str(NORDTECH), "--format", "html")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("<!DOCTYPE html>")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["--firm", "http://example.org/id/nobody"], 1, "no firm http://example.org/id/nobody"),
        (["--firm", "not an iri"], 2, "--firm takes an absolute IRI"),
        (["--firm", str(NORDTECH), "--from", "2025-13-01"], 2, "--from takes a date"),
        (["--firm", str(NORDTECH), "--from", "2025-02-01", "--to", "2025-01-01"], 2, "after"),
    ],
)
def test_refusals_are_clear(store, args, code, message) -> None:
    result = ckm(store, "diagnose", *args)
    assert result.exit_code == code
    assert message in result.output
    assert "Traceback" not in result.output


def test_a_firm_report_holds_its_diagnosis(store, tmp_path) -> None:
    out = tmp_path / "report.html"
    result = ckm(store, "report", "--out", str(out), "--firm", str(NORDTECH))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert '<section id="diagnosis">' in html
    assert "driver to fix first</td><td>adequate response" in html
    assert "Cara KG is the readiest customer not yet a knowledge partner" in html


def test_a_report_of_all_firms_has_no_diagnosis(store, tmp_path) -> None:
    out = tmp_path / "report.html"
    assert ckm(store, "report", "--out", str(out)).exit_code == 0
    assert '<section id="diagnosis">' not in out.read_text(encoding="utf-8")


def test_store_then_trend(tmp_path) -> None:
    path = tmp_path / "store"
    assert ckm(path, "load", str(DATA / "nordtech.ttl")).exit_code == 0
    firm = ["--firm", str(NORDTECH)]
    first = ckm(path, "diagnose", *firm, "--to", "2025-03-31", "--trend", "--store")
    assert first.exit_code == 0, first.output
    assert "no stored diagnosis of this firm to compare with" in first.stdout
    assert "diagnosis stored as http://localhost:8000/id/diagnosis/nordtech-" in first.output
    # the whole year against the first quarter: cara's April interaction and pa4 come in
    second = ckm(path, "diagnose", *firm, "--to", "2025-12-31", "--trend", "--format", "json")
    assert second.exit_code == 0, second.output
    changes = {
        c["figure"]: (c["then"], c["now"]) for c in json.loads(second.stdout)["trend"]["changes"]
    }
    assert changes["active customers"] == (0.1, 0.15)  # 2 of 20, then 3 of 20
    assert changes["knowledge from customers"] == (2 / 6, 3 / 8)
    assert changes["driver to fix first"] == ("support", "adequate response")
    assert changes["co-destruction paths"] == (3, 4)
    assert "knowledge for customers" not in changes  # 3 of 6, then 4 of 8: both 0.5
    text = ckm(path, "diagnose", *firm, "--to", "2025-12-31", "--trend")
    assert "active customers: 0.100 -> 0.150" in text.stdout


def test_a_stored_diagnosis_is_a_validated_dated_write(tmp_path) -> None:
    from kg.diagnosis.stored import latest_stored, store_diagnosis
    from tests.kg.diagnosis.conftest import nordtech_graph

    graph = nordtech_graph(tmp_path / "store")
    try:
        iri = store_diagnosis(graph, graph.diagnose(NORDTECH))
        stored = latest_stored(graph, NORDTECH)
        assert stored is not None and stored[0] == iri
        assert stored[2]["firm"] == {"@id": str(NORDTECH)}
        # the write road recorded the write: one activity of "ckm diagnose", 6 triples
        rows = graph.select(
            "PREFIX prov: <http://www.w3.org/ns/prov#> PREFIX ckm: <https://w3id.org/ckm#> "
            "PREFIX dcterms: <http://purl.org/dc/terms/> "
            "SELECT ?added WHERE { ?a a ckm:WriteActivity ; dcterms:source 'ckm diagnose' ; "
            "ckm:triplesAdded ?added }"
        )
        assert [int(r["added"]) for r in rows] == [6]
    finally:
        graph.close()
