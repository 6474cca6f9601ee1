"""Every normalisation a real export needs, on the shipped tables and on the sample files:
channel and other controlled-list spellings, dates, whole numbers, keys, trimming, empty
cells, and the way Excel saves CSV."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from kg.errors import SourceFileError
from kg.graph import KnowledgeGraph
from kg.importing.cells import Calendar, CellProblem, Integer, Key
from kg.importing.sources import SourceInput, read_table
from kg.importing.tables import TableSet
from kg.resources import ONTOLOGY_TTL
from kg.vocab import CKM, DATA_GRAPH
from tests.importing.conftest import BASE, EXAMPLES, MALFORMED

TABLES = TableSet.load()
PROV_STARTED = URIRef("http://www.w3.org/ns/prov#startedAtTime")


def looked_up(predicate: URIRef, cell: str) -> str | None:
    term = TABLES.for_property(predicate).lookup(cell)
    return None if term is None else term.text


@pytest.mark.parametrize(
    ("cell", "term"),
    [
        ("phone", "ckm:Telephone"),
        ("Telefon", "ckm:Telephone"),
        ("call", "ckm:Telephone"),
        ("TELEFONAT", "ckm:Telephone"),
        ("Telephone", "ckm:Telephone"),
        ("ckm:Telephone", "ckm:Telephone"),
        ("E-Mail", "ckm:Email"),
        ("e mail", "ckm:Email"),
        ("Teams", "ckm:VideoCall"),
        ("Kundenbesuch", "ckm:SiteVisit"),
        ("Messe", "ckm:TradeFair"),
        ("Umfrage", "ckm:SurveyForm"),
        ("Kundenportal", "ckm:SelfServicePortal"),
        ("Brieftaube", None),
    ],
)
def test_channel_spellings_in_several_languages(cell: str, term: str | None):
    assert looked_up(CKM.channel, cell) == term


@pytest.mark.parametrize(
    ("predicate", "cell", "term"),
    [
        (CKM.inSphere, "gemeinsam", "ckm:JointSphere"),
        (CKM.inSphere, "customer sphere", "ckm:CustomerSphere"),
        (CKM.inSphere, "Anbieter", "ckm:ProviderSphere"),
        (CKM.ckmStyle, "Co-Innovation", "ckm:MutualInnovation"),
        (CKM.ckmStyle, "gemeinsames Lernen", "ckm:TeamBasedCoLearning"),
        (RDF.type, "vom Kunden", "ckm:KnowledgeFromCustomers"),
        (RDF.type, "about", "ckm:KnowledgeAboutCustomers"),
        (RDF.type, "für Kunden", "ckm:KnowledgeForCustomers"),
        (CKM.customerRole, "Bestandskunde", "ckm:PassiveCustomerRole"),
        (CKM.customerRole, "Wissenspartner", "ckm:KnowledgePartnerRole"),
        (CKM.typology, "Behörde", "ckm:PublicSector"),
        (CKM.typology, "b2b", "ckm:B2B"),
        (CKM.country, "Österreich", "AT"),
        (CKM.country, "at", "AT"),
        (CKM.country, "Deutschland", "DE"),
        (CKM.valueArea, "strategisch", "ckm:StrategicArea"),
        (CKM.contributionKind, "Empfehlung", "ckm:WordOfMouth"),
        (CKM.content, "Reklamation", "ckm:Complaint"),
        (CKM.storedIn, "Salesforce", "ckm:CRMSystem"),
        (CKM.tacitness, "implizit", "ckm:Tacit"),
        (CKM.knowledgeLevel, "Faktenwissen", "ckm:KnowWhat"),
        (CKM.hasMotive, "Vertrauen", "ckm:TrustfulPartnershipMotive"),
    ],
)
def test_every_table_maps_its_spellings(predicate: URIRef, cell: str, term: str):
    assert looked_up(predicate, cell) == term


def test_every_term_of_a_table_is_an_individual_of_the_ontology():
    ontology = Graph().parse(ONTOLOGY_TTL)
    individuals = set(ontology.subjects(RDF.type, OWL.NamedIndividual)) | set(
        ontology.subjects(RDF.type, OWL.Class)
    )
    terms = {t.iri for table in TABLES.by_property.values() for t in table.terms.values()}
    assert terms - {None} <= individuals


def test_editable_tables_extend_the_shipped_ones(tmp_path):
    (tmp_path / "more-channels.tsv").write_text(
        "@property\tckm:channel\nckm:Telephone\tBrieftaube\n", encoding="utf-8"
    )
    extended = TableSet.load(tmp_path)
    assert extended.for_property(CKM.channel).lookup("Brieftaube").text == "ckm:Telephone"
    assert extended.for_property(CKM.channel).lookup("phone").text == "ckm:Telephone"


@pytest.mark.parametrize(
    ("cell", "date_only", "expected"),
    [
        ("03.02.2025", True, "2025-02-03"),
        ("2025-02-03", True, "2025-02-03"),
        ("3.2.2025", True, "2025-02-03"),
        ("03/02/2025", True, "2025-02-03"),
        ("03.02.25", True, "2025-02-03"),
        ("03.02.2025 14:30", True, "2025-02-03"),
        ("03.02.2025 14:30", False, "2025-02-03T14:30:00+01:00"),
        ("2025-02-03 14:30", False, "2025-02-03T14:30:00+01:00"),
        ("2025-07-03T09:15:00", False, "2025-07-03T09:15:00+02:00"),
        ("2025-02-03T14:30:00Z", False, "2025-02-03T14:30:00+00:00"),
        ("03.02.2025", False, "2025-02-03T00:00:00+01:00"),
    ],
)
def test_common_date_formats(cell: str, date_only: bool, expected: str):
    assert Calendar(TABLES.date_formats, "Europe/Vienna", date_only)(cell) == expected


@pytest.mark.parametrize("cell", ["31.02.2025", "gestern", "2025-13-01", "03.02."])
def test_impossible_dates_are_refused(cell: str):
    with pytest.raises(CellProblem) as problem:
        Calendar(TABLES.date_formats, "UTC", date_only=True)(cell)
    assert problem.value.rule == "import:date"


@pytest.mark.parametrize(
    ("cell", "expected"),
    [("12", "12"), ("1.200", "1200"), ("1'200", "1200"), ("1 200", "1200"), ("40,00", "40")],
)
def test_whole_numbers_as_spreadsheets_write_them(cell: str, expected: str):
    assert Integer()(cell) == expected


@pytest.mark.parametrize("cell", ["ca. 50", "12,5", "1.20", "viele"])
def test_what_is_not_a_whole_number_is_refused(cell: str):
    with pytest.raises(CellProblem):
        Integer()(cell)


def test_keys_become_iri_safe():
    assert Key()("K 1042/B") == "K-1042-B"
    assert Key()("K-10001") == "K-10001"
    with pytest.raises(CellProblem):
        Key()("///")


@pytest.mark.parametrize("cell", ["", "-", "n/a", "k.A.", "keine Angabe", "#N/A"])
def test_empty_markers_are_absent_values(cell: str):
    assert TABLES.is_empty(cell.strip())


def test_excel_csv_with_semicolons_and_windows_1252_is_read():
    data = (EXAMPLES / "customers.csv").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    table = read_table(SourceInput("customers.csv", "customers.csv", data))
    assert table.header[:3] == ["customer_id", "name", "firm_id"]
    assert table.cells(1)["name"] == "Stadtwerke Vöcklabruck"


def test_a_byte_order_mark_is_not_part_of_the_first_column():
    data = "\ufeffcustomer_id,name\nK-1,A\n".encode()
    assert read_table(SourceInput("c.csv", "c.csv", data)).header == ["customer_id", "name"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04...", "Excel workbook"),
        (b"", "empty"),
        (b"id,name,id\n1,a,2\n", "duplicate column"),
        ((MALFORMED / "interactions.csv").read_bytes(), "malformed CSV"),
    ],
)
def test_files_that_are_no_csv_are_refused(data: bytes, message: str):
    with pytest.raises(SourceFileError) as error:
        read_table(SourceInput("x.csv", "x.csv", data))
    assert message in str(error.value)


def _value(graph: KnowledgeGraph, kind: str, key: str, predicate: URIRef):
    subject = URIRef(f"{BASE}{kind}/{key}")
    return sorted(o for _s, _p, o, _g in graph.quads(subject, predicate, None, DATA_GRAPH))


def test_the_sample_files_arrive_normalised(imported: KnowledgeGraph):
    """Cells of examples/crm/ as exported, and what the graph holds for them."""
    # customers.csv row 3: "Behörde", "A"; row 6: "  Eder Holzbau GmbH ", "k.A."
    assert _value(imported, "customer", "K-10002", CKM.typology) == [CKM.PublicSector]
    assert _value(imported, "customer", "K-10002", CKM.country) == [Literal("AT")]
    assert _value(imported, "customer", "K-10005", RDFS.label) == [Literal("Eder Holzbau GmbH")]
    assert _value(imported, "customer", "K-10005", CKM.employeeCount) == []
    # row 14: "1.200" employees
    assert _value(imported, "customer", "K-10013", CKM.employeeCount) == [
        Literal("1200", datatype=XSD.integer)
    ]
    # interactions.csv row 2: " 2025-05-06 ", " Kundenbesuch", "gemeinsam", satisfaction "-"
    assert _value(imported, "interaction", "A-2024-0001", PROV_STARTED) == [
        Literal("2025-05-06T00:00:00+02:00", datatype=XSD.dateTime)
    ]
    assert _value(imported, "interaction", "A-2024-0001", CKM.channel) == [CKM.SiteVisit]
    assert _value(imported, "interaction", "A-2024-0001", CKM.inSphere) == [CKM.JointSphere]
    assert _value(imported, "interaction", "A-2024-0001", CKM.satisfaction) == []
    # rows 3 and 6: "phone", "call" (28.03.2024 16:15, Vienna winter time)
    assert _value(imported, "interaction", "A-2024-0002", CKM.channel) == [CKM.Telephone]
    assert _value(imported, "interaction", "A-2024-0005", CKM.channel) == [CKM.Telephone]
    assert _value(imported, "interaction", "A-2024-0005", PROV_STARTED) == [
        Literal("2024-03-28T16:15:00+01:00", datatype=XSD.dateTime)
    ]
    assert _value(imported, "interaction", "A-2024-0005", CKM.ckmStyle) == [CKM.MutualInnovation]
    # knowledge.csv row 6: "für Kunden", "23.4.2025", "tacit", "Salesforce"
    assert CKM.KnowledgeForCustomers in _value(imported, "knowledge", "W-0005", RDF.type)
    assert _value(imported, "knowledge", "W-0005", URIRef("http://purl.org/dc/terms/created")) == [
        Literal("2025-04-23", datatype=XSD.date)
    ]
    assert _value(imported, "knowledge", "W-0005", CKM.storedIn) == [CKM.CRMSystem]
    # contributions.csv row 2: firm "-" is no firm
    assert _value(imported, "contribution", "B-0001", CKM.contributionTo) == []
    assert _value(imported, "contribution", "B-0001", CKM.valueArea) == [CKM.OperativeArea]
