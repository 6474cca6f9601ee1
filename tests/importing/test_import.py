"""Imports through the real write road: all or nothing, the refusal report, skipping
invalid rows, idempotency, updates, dry runs, user mappings and the export back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.graph import KnowledgeGraph
from kg.importing import (
    ImportInputError,
    ImportRefused,
    MappingError,
    SourceFileError,
    SourceInput,
    UnknownMapping,
    mapping_named,
    run_import,
    shipped_mapping,
    write_rejects,
)
from kg.importing.export import export_rows
from kg.importing.report import REJECT_COLUMNS
from kg.importing.yarrrml import MappingDocument
from kg.vocab import CKM, DATA_GRAPH
from kg.write.delta import adding
from tests.importing.conftest import (
    BASE,
    BROKEN,
    EXAMPLES,
    MALFORMED,
    VIENNA,
    data_quads,
    dump_bytes,
    inputs_of,
    run,
)

CUSTOMER = f"{BASE}customer/"

# Every problem of examples/crm/broken/: (file, row, column, rule). Rows count the header
# as row 1. examples/crm/broken/README.md explains each.
BROKEN_PROBLEMS = {
    ("customers.csv", 3, "typology", "import:unknown-term"),
    ("customers.csv", 4, "customer_id", "import:key-missing"),
    ("customers.csv", 5, "employees", "import:integer"),
    ("customers.csv", 6, "country", "import:unknown-term"),
    ("customers.csv", 8, "firm_id", "ckmsh:Customer-customerOf"),
    ("interactions.csv", 3, "start", "import:date"),
    ("interactions.csv", 4, "channel", "import:unknown-term"),
    ("interactions.csv", 5, "channel, sphere", "ckmsh:Interaction-jointSphereDirectChannel"),
    ("interactions.csv", 6, "satisfaction", "ckmsh:Interaction-satisfaction"),
    ("interactions.csv", 7, "customer_id", "ckmsh:Interaction-withCustomer"),
    ("interactions.csv", 8, "customer_id", "import:rejected-reference"),
    ("interactions.csv", 9, "start", "ckmsh:Interaction-timeOrder"),
    ("interactions.csv", 10, None, "import:row-shape"),
    ("knowledge.csv", 3, "interaction_id", "ckmsh:KnowledgeFromCustomers-wasGeneratedBy"),
    ("knowledge.csv", 4, "about_customer_id", "ckmsh:KnowledgeAboutCustomers-aboutCustomer"),
    ("contributions.csv", 3, "customer_id", "ckmsh:Contribution-activeContributor"),
}


def subjects_of(graph: KnowledgeGraph, cls: URIRef) -> set[str]:
    return {str(q[0]) for q in graph.quads(None, RDF.type, cls, DATA_GRAPH)}


def test_the_sample_exports_import_cleanly(imported: KnowledgeGraph, sample_report):
    assert sample_report.written and not sample_report.rejected
    counts = {name: vars(c) for name, c in sample_report.resources.items()}
    assert counts["customer"] == {"created": 120, "updated": 0, "unchanged": 0}
    assert counts["interaction"]["created"] == 300
    assert counts["knowledge"]["created"] == 144
    assert counts["contribution"]["created"] == 45
    assert sample_report.rows_read["customers.csv"] == 120
    assert f"{CUSTOMER}K-10001" in subjects_of(imported, CKM.Customer)
    # the same IRIs as the REST API's: {base}{kind}/{key}
    assert f"{BASE}interaction/A-2024-0001" in subjects_of(imported, CKM.Interaction)
    assert sample_report.activity and sample_report.activity.startswith("urn:ckm:activity:")


def test_importing_the_same_files_again_changes_nothing(imported: KnowledgeGraph):
    before = dump_bytes(imported)
    report = run(imported, inputs_of(EXAMPLES))
    assert dump_bytes(imported) == before  # not even a provenance record
    assert {c.created + c.updated for c in report.resources.values()} == {0}
    assert report.resources["interaction"].unchanged == 300


def test_a_changed_row_updates_its_resource_and_nothing_else(imported: KnowledgeGraph):
    text = (EXAMPLES / "customers.csv").read_bytes().decode("cp1252")
    old = "K-10001;Zimmerei Schneider Innsbruck;alpentech;passiv;b2b;at;12;Zimmerei;-"
    new = "K-10001;Zimmerei Schneider Innsbruck;alpentech;aktiv;b2b;at;;Zimmerei;-"
    assert old in text
    edited = SourceInput("customers.csv", "customers.csv", text.replace(old, new).encode())
    note = (URIRef(f"{CUSTOMER}K-10001"), RDFS.comment, Literal("met at the fair"), DATA_GRAPH)
    imported.write(adding([note]))  # a property the mapping does not map
    before = data_quads(imported)
    report = run(imported, [edited])
    after = data_quads(imported)
    customer = URIRef(f"{CUSTOMER}K-10001")
    assert vars(report.resources["customer"]) == {"created": 0, "updated": 1, "unchanged": 119}
    assert before - after == {
        (customer, CKM.customerRole, CKM.PassiveCustomerRole, DATA_GRAPH),
        (customer, CKM.employeeCount, Literal(12), DATA_GRAPH),
    }
    assert after - before == {(customer, CKM.customerRole, CKM.ActiveCustomerRole, DATA_GRAPH)}
    assert note in after


def test_types_given_elsewhere_survive_a_reimport(imported: KnowledgeGraph):
    firm = URIRef(f"{BASE}firm/alpentech")
    imported.write(adding([(firm, RDF.type, CKM.SME, DATA_GRAPH)]))
    report = run(imported, inputs_of(EXAMPLES, "firms.csv"))
    assert vars(report.resources["firm"]) == {"created": 0, "updated": 0, "unchanged": 1}
    assert (firm, RDF.type, CKM.SME, DATA_GRAPH) in data_quads(imported)


def test_one_bad_row_refuses_the_whole_import_and_names_every_problem(graph: KnowledgeGraph):
    before = dump_bytes(graph)
    with pytest.raises(ImportRefused) as refused:
        run(graph, inputs_of(BROKEN))
    assert dump_bytes(graph) == before
    report = refused.value.report
    assert not report.written
    assert {(p.file, p.row, p.column, p.rule) for p in report.problems} == BROKEN_PROBLEMS
    by_place = {(p.file, p.row): p for p in report.problems}
    assert by_place["interactions.csv", 4].value == "Brieftaube"
    assert "Telephone" in by_place["interactions.csv", 4].message  # the known terms
    assert by_place["interactions.csv", 7].value == "K-9999"
    assert by_place["customers.csv", 8].value == "nordtech"
    assert "whose row (customers.csv row 3) was rejected" in by_place["interactions.csv", 8].message
    assert "direct channel" in by_place["interactions.csv", 5].message
    assert "nothing was written" in refused.value.report.refusal_text()


def test_a_shacl_refusal_alone_leaves_the_graph_untouched(imported: KnowledgeGraph):
    """Rows that clean well but break a shape: the graph is as before, byte for byte."""
    before = dump_bytes(imported)
    rows = (
        "interaction_id,firm_id,customer_id,start,channel,sphere,satisfaction\n"
        "A-2024-0001,alpentech,K-10007,2025-05-06,Telefon,gemeinsam,4\n"
        "A-NEW-1,alpentech,K-10007,2025-05-07,Umfrage,gemeinsam,9\n"
    )
    with pytest.raises(ImportRefused) as refused:
        run(imported, [SourceInput("interactions.csv", "interactions.csv", rows.encode())])
    assert dump_bytes(imported) == before
    assert {(p.row, p.rule) for p in refused.value.report.problems} == {
        (3, "ckmsh:Interaction-satisfaction"),
        (3, "ckmsh:Interaction-jointSphereDirectChannel"),
    }


def test_skip_invalid_writes_the_valid_rows_and_rejects_the_rest(graph: KnowledgeGraph):
    report = run(graph, inputs_of(BROKEN), skip_invalid=True)
    assert report.written
    assert {(p.file, p.row, p.column, p.rule) for p in report.problems} == BROKEN_PROBLEMS
    assert subjects_of(graph, CKM.Customer) == {f"{CUSTOMER}K-1", f"{CUSTOMER}K-6"}
    assert subjects_of(graph, CKM.Interaction) == {f"{BASE}interaction/A-1"}
    assert subjects_of(graph, CKM.Contribution) == {f"{BASE}contribution/B-1"}
    assert len(report.rejected) == 16


def test_the_rejects_file_holds_each_rejected_row_with_its_reason(graph: KnowledgeGraph):
    report = run(graph, inputs_of(BROKEN, "customers.csv", "firms.csv"), skip_invalid=True)
    buffer = io.StringIO()
    assert write_rejects(report.rejected, buffer) == 5
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    assert list(rows[0])[: len(REJECT_COLUMNS)] == list(REJECT_COLUMNS)
    by_row = {r["reject_row"]: r for r in rows}
    assert set(by_row) == {"3", "4", "5", "6", "8"}
    assert by_row["3"]["typology"] == "Großkunde"
    assert by_row["3"]["reject_rule"] == "import:unknown-term"
    assert "typology.tsv" in by_row["3"]["reject_reason"]
    assert by_row["5"]["reject_column"] == "employees"
    assert by_row["8"]["reject_rule"] == "ckmsh:Customer-customerOf"
    assert by_row["8"]["name"] == "Tischlerei Eder Ried"


def test_fixed_rejects_import_again(graph: KnowledgeGraph):
    report = run(graph, inputs_of(BROKEN, "customers.csv", "firms.csv"), skip_invalid=True)
    buffer = io.StringIO()
    write_rejects(report.rejected, buffer)
    fixed = (
        buffer.getvalue()
        .replace("Großkunde", "B2B")
        .replace(",Holzbau Moser GmbH", "K-3,Holzbau Moser GmbH")
        .replace("ca. 50", "50")
        .replace("Europa", "AT")
        .replace("nordtech", "alpentech")
    )
    again = run(graph, [SourceInput("customers.csv", "rejects.csv", fixed.encode())])
    assert vars(again.resources["customer"])["created"] == 5


def test_a_dry_run_reports_and_writes_nothing(graph: KnowledgeGraph):
    before = dump_bytes(graph)
    report = run(graph, inputs_of(EXAMPLES), dry_run=True)
    assert dump_bytes(graph) == before
    assert not report.written and report.dry_run
    assert report.resources["customer"].created == 120
    refused_dry = run(graph, inputs_of(BROKEN), dry_run=True, skip_invalid=True)
    assert len(refused_dry.rejected) == 16 and dump_bytes(graph) == before
    with pytest.raises(ImportRefused):
        run(graph, inputs_of(BROKEN), dry_run=True)


def test_only_the_files_given_are_imported(graph: KnowledgeGraph):
    report = run(graph, inputs_of(EXAMPLES, "firms.csv", "customers.csv"))
    assert set(report.resources) >= {"firm", "customer"}
    assert subjects_of(graph, CKM.Interaction) == set()


def test_a_missing_optional_column_is_read_as_empty_and_noted(graph: KnowledgeGraph):
    run(graph, inputs_of(EXAMPLES, "firms.csv"))
    rows = "customer_id,name,firm_id\nK-1,Tischlerei Huber,alpentech\n"
    report = run(graph, [SourceInput("customers.csv", "customers.csv", rows.encode())])
    assert report.resources["customer"].created == 1
    assert any("no column 'typology'" in note for note in report.notes)


@pytest.mark.parametrize(
    ("inputs", "error", "message"),
    [
        ([SourceInput("customers.csv", "c.csv", b"name\nHuber\n")], SourceFileError, "key"),
        (
            [
                SourceInput(
                    "interactions.csv", "i.csv", (MALFORMED / "interactions.csv").read_bytes()
                )
            ],
            SourceFileError,
            "line 3",
        ),
        ([SourceInput("customers.csv", "c.csv", b"PK\x03\x04")], SourceFileError, "Excel"),
        ([SourceInput("orders.csv", "orders.csv", b"id\n1\n")], ImportInputError, "orders"),
        ([], ImportInputError, "no file"),
    ],
)
def test_bad_input_is_refused_before_anything_runs(graph, inputs, error, message):
    before = dump_bytes(graph)
    with pytest.raises(error) as raised:
        run(graph, inputs)
    assert message in str(raised.value)
    assert dump_bytes(graph) == before


def test_an_unknown_time_zone_is_bad_input(graph: KnowledgeGraph):
    with pytest.raises(ImportInputError, match="time zone"):
        run(graph, inputs_of(EXAMPLES, "firms.csv"), timezone="Mars/Olympus")


def test_unknown_mappings_and_invalid_yarrrml_are_bad_input(tmp_path: Path):
    with pytest.raises(UnknownMapping):
        mapping_named("nope")
    with pytest.raises(MappingError, match="no subject"):
        MappingDocument.parse("mappings:\n  x:\n    sources: [[a.csv~csv]]\n", "x")
    with pytest.raises(MappingError, match="not CSV"):
        MappingDocument.parse("mappings:\n  x:\n    sources: [[a.json~jsonpath]]\n    s: a\n", "x")
    with pytest.raises(MappingError, match="YAML"):
        MappingDocument.parse("mappings: [", "x")


OWN_MAPPING = """
prefixes:
  id: http://example.org/ignored/
  ckm: https://w3id.org/ckm#
  rdfs: http://www.w3.org/2000/01/rdf-schema#
mappings:
  kunde:
    sources:
      - [Kunden.csv~csv]
    s: id:customer/$(Kundennummer)
    po:
      - [a, ckm:Customer]
      - [rdfs:label, $(Firmenname)]
      - [ckm:customerOf, id:firm/alpentech~iri]
      - [ckm:customerRole, ckm:$(Status)~iri]
      - [ckm:country, $(Land)]
"""


def test_a_users_own_mapping_maps_their_columns(graph: KnowledgeGraph, tmp_path: Path):
    run(graph, inputs_of(EXAMPLES, "firms.csv"))
    path = tmp_path / "crm.yarrrml.yml"
    path.write_text(OWN_MAPPING, encoding="utf-8")
    document = mapping_named(str(path))
    assert document.source_names() == ["Kunden.csv"]
    rows = "Kundennummer;Firmenname;Status;Land\n 4711 ;Bäckerei Maier;Stammkunde;Bayern\n"
    rows = rows.replace("Stammkunde", "passiv").replace("Bayern", "Deutschland")
    report = run_import(
        graph, document, [SourceInput("Kunden.csv", "Kunden.csv", rows.encode())], VIENNA
    )
    assert report.resources["kunde"].created == 1
    customer = URIRef(f"{CUSTOMER}4711")  # the id: prefix is the store's base IRI
    quads = set(graph.quads(customer, None, None, DATA_GRAPH))
    assert (customer, CKM.country, Literal("DE"), DATA_GRAPH) in quads
    assert (customer, CKM.customerRole, CKM.PassiveCustomerRole, DATA_GRAPH) in quads


def test_exported_rows_import_again_unchanged(imported: KnowledgeGraph):
    document = shipped_mapping("default")
    for source, count in [("customers.csv", 120), ("interactions.csv", 300)]:
        buffer = io.StringIO()
        assert export_rows(imported, document, source, buffer) == count
        report = run(
            imported, [SourceInput(source, f"exported-{source}", buffer.getvalue().encode())]
        )
        assert not report.rejected
        assert {c.created + c.updated for c in report.resources.values()} == {0}


def test_export_writes_the_import_layout(imported: KnowledgeGraph):
    buffer = io.StringIO()
    export_rows(imported, shipped_mapping("default"), "interactions.csv", buffer)
    rows = list(csv.DictReader(io.StringIO(buffer.getvalue())))
    first = next(r for r in rows if r["interaction_id"] == "A-2024-0002")
    assert first["channel"] == "Telephone" and first["sphere"] == "CustomerSphere"
    assert first["customer_id"] == "K-10049" and first["satisfaction"] == "4"
    with pytest.raises(ImportInputError):
        export_rows(imported, shipped_mapping("default"), "orders.csv", io.StringIO())


CHAIN = {
    "customers.csv": "customer_id,name,firm_id,role\nK-1,Tischlerei Huber,alpentech,aktiv\n",
    "interactions.csv": "interaction_id,firm_id,customer_id,start,channel,sphere\n"
    "A-1,alpentech,K-1,03.02.2025,Brieftaube,Kunde\n",
    "knowledge.csv": "knowledge_id,direction,content,statement,source_customer_id,interaction_id\n"
    "W-1,from,Idee,Tablet-Bedienung,K-1,A-1\n",
    "contributions.csv": "contribution_id,customer_id,knowledge_id,area\nB-1,K-1,W-1,operativ\n",
}


def chain(**changes: str) -> list[SourceInput]:
    files = {**CHAIN, **changes}
    return [SourceInput(name, name, text.encode()) for name, text in files.items()]


def test_rows_that_need_a_rejected_row_are_rejected_with_the_reason(graph: KnowledgeGraph):
    run(graph, inputs_of(EXAMPLES, "firms.csv"))
    report = run(graph, chain(), skip_invalid=True)
    problems = {(p.file, p.column, p.rule): p for p in report.problems}
    assert set(problems) == {
        ("interactions.csv", "channel", "import:unknown-term"),
        ("knowledge.csv", "interaction_id", "import:rejected-reference"),
        ("contributions.csv", "knowledge_id", "import:rejected-reference"),
    }
    assert (
        "(interactions.csv row 2) was rejected"
        in problems["knowledge.csv", "interaction_id", "import:rejected-reference"].message
    )
    assert report.resources["customer"].created == 1


def test_a_reference_to_a_stored_resource_survives_its_rows_rejection(graph: KnowledgeGraph):
    run(graph, inputs_of(EXAMPLES, "firms.csv"))
    fixed = CHAIN["interactions.csv"].replace("Brieftaube", "Telefon")
    run(graph, chain(**{"interactions.csv": fixed}))
    report = run(graph, chain(), skip_invalid=True)  # A-1 stays as stored
    assert [(p.file, p.rule) for p in report.problems] == [
        ("interactions.csv", "import:unknown-term")
    ]
