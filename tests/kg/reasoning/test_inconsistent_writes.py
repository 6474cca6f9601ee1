"""Writes that would make the graph inconsistent with the ontology (OWL 2 RL) are refused
through the real write road, naming the axiom, with nothing written; so are they with
the user's own ontology extensions (``CKM_EXTRA_ONTOLOGY``), which also entail.

The clashes were worked out by hand from the CKM ontology: ``ckm:PassiveCustomer
owl:disjointWith ckm:ActiveCustomer`` (cax-dw); the channels are ``owl:AllDifferent``
(eq-diff2); ``owl:Nothing`` has no members (cls-nothing2).
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from rdflib import URIRef
from rdflib.namespace import OWL, RDF

from kg.config import Settings
from kg.errors import InconsistentWrite, OntologyUnusable, ReservedTerm, RestoreRefused
from kg.graph import KnowledgeGraph
from kg.reasoning import RULES
from kg.vocab import CKM, INFERRED_GRAPH
from kg.write.delta import Delta
from tests.kg.conftest import EX, PREFIXES, SMALL_TTL, data_quads, dump_bytes, iri, turtle_delta
from tests.kg.test_cli import ckm, dump, write

MORE_PREFIXES = (
    "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
    "@prefix ext: <http://example.org/extension#> .\n"
)


def delta(text: str) -> Delta:
    """A delta adding ``text`` (Turtle; owl: and ext: declared beside the usual)."""
    return turtle_delta(MORE_PREFIXES + text)


def refused(graph: KnowledgeGraph, delta: Delta) -> InconsistentWrite:
    """The refusal of ``delta``, after checking the store did not change."""
    before = dump_bytes(graph)
    with pytest.raises(InconsistentWrite) as caught:
        graph.write(delta)
    assert dump_bytes(graph) == before, "a refused write changed the store"
    return caught.value


@pytest.fixture
def small_graph(tmp_path: Path):
    graph = KnowledgeGraph.open(Settings(store=tmp_path / "store"))
    graph.write(turtle_delta(SMALL_TTL.read_text()))
    yield graph
    graph.close()


def test_a_passive_customer_made_active_is_refused_naming_the_disjointness(small_graph):
    # Bella's role is passive: she is a ckm:PassiveCustomer by its definition (cls-int1),
    # which owl:disjointWith ckm:ActiveCustomer.
    error = refused(small_graph, turtle_delta("ex:bella a ckm:ActiveCustomer ."))
    [clash] = error.report.inconsistencies
    assert clash.rule == "cax-dw"
    assert clash.axiom == "ckm:PassiveCustomer owl:disjointWith ckm:ActiveCustomer"
    assert iri("bella") in clash.nodes
    assert "cax-dw" in str(error) and "nothing" not in clash.message
    assert error.report.as_dict()["consistent"] is False


def test_sameas_between_individuals_declared_all_different_is_refused(small_graph):
    error = refused(
        small_graph,
        delta(
            "[] a owl:AllDifferent ; owl:members ( ex:acme ex:bella ) . "
            "ex:acme owl:sameAs ex:bella ."
        ),
    )
    rules = {clash.rule for clash in error.report.inconsistencies}
    assert "eq-diff2" in rules
    clash = next(c for c in error.report.inconsistencies if c.rule == "eq-diff2")
    assert "owl:AllDifferent" in clash.axiom


def test_sameas_with_an_ontology_term_is_refused_before_reasoning(small_graph):
    """The channels are declared all different in the ontology, but data cannot say an
    ontology term is the same as anything at all (kg/write/admission.py)."""
    with pytest.raises(ReservedTerm, match="term of the ontology"):
        small_graph.write(delta("ckm:Workshop owl:sameAs ckm:SurveyForm ."))


def test_a_member_of_owl_nothing_is_refused(small_graph):
    error = refused(small_graph, delta("ex:acme a owl:Nothing ."))
    assert [c.rule for c in error.report.inconsistencies] == ["cls-nothing2"]


def test_same_and_different_individuals_are_refused(small_graph):
    error = refused(
        small_graph,
        delta("ex:acme owl:sameAs ex:bella . ex:acme owl:differentFrom ex:bella ."),
    )
    assert "eq-diff1" in {c.rule for c in error.report.inconsistencies}


def test_a_removal_that_leaves_a_clash_is_refused_and_one_that_repairs_it_passes(small_graph):
    # Bella turns active and is asserted an active customer; turning her passive again
    # while the assertion stays clashes; dropping the assertion too repairs it.
    passive = data_quads("ex:bella ckm:customerRole ckm:PassiveCustomerRole .")
    active = data_quads("ex:bella ckm:customerRole ckm:ActiveCustomerRole .")
    asserted = data_quads("ex:bella a ckm:ActiveCustomer .")
    small_graph.write(Delta(removed=passive, added=active | asserted))
    error = refused(small_graph, Delta(removed=active, added=passive))
    assert [c.rule for c in error.report.inconsistencies] == ["cax-dw"]
    small_graph.write(Delta(removed=active | asserted, added=passive))
    inferred = set(small_graph.quads(iri("bella"), RDF.type, None, INFERRED_GRAPH))
    assert (iri("bella"), RDF.type, CKM.PassiveCustomer, INFERRED_GRAPH) in inferred


def test_consistent_writes_still_pass(small_graph):
    receipt = small_graph.write(turtle_delta("ex:acme a ckm:ActiveCustomer ."))
    assert receipt.added == 1


def test_one_inconsistent_write_among_concurrent_ones_is_refused_alone(small_graph):
    import threading

    outcomes: dict[str, object] = {}

    def run(name: str, text: str) -> None:
        try:
            outcomes[name] = small_graph.write(turtle_delta(text))
        except Exception as error:  # recorded for the assertion below
            outcomes[name] = error

    threads = [
        threading.Thread(target=run, args=(f"w{n}", f'ex:acme rdfs:comment "note {n}" .'))
        for n in range(3)
    ] + [threading.Thread(target=run, args=("bad", "ex:bella a ckm:ActiveCustomer ."))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert isinstance(outcomes["bad"], InconsistentWrite)
    assert all(not isinstance(outcomes[f"w{n}"], Exception) for n in range(3))


# -- the command line ------------------------------------------------------------------


def test_ckm_load_of_inconsistent_data_exits_1_with_the_clash(tmp_path: Path):
    store = tmp_path / "store"
    assert ckm(store, "load", str(SMALL_TTL)).exit_code == 0
    before = dump(store)
    bad = write(tmp_path, "bad.ttl", PREFIXES + "ex:bella a ckm:ActiveCustomer .\n")
    result = ckm(store, "load", str(bad))
    assert result.exit_code == 1, result.output
    assert "cax-dw" in result.stdout
    assert "ckm:PassiveCustomer owl:disjointWith ckm:ActiveCustomer" in result.stdout
    assert "nothing was written" in result.stderr
    assert dump(store) == before


# -- user ontology extensions --------------------------------------------------------------

EXTENSION = (
    MORE_PREFIXES
    + PREFIXES
    + """
ext:VipCustomer a owl:Class ; rdfs:subClassOf ckm:Customer ;
    owl:disjointWith ckm:PassiveCustomer .
ext:Membership a owl:Class ; owl:hasKey ( ext:memberNumber ) .
"""
)


def extended(tmp_path: Path, text: str, name: str = "extension.ttl") -> Settings:
    path = tmp_path / name
    path.write_text(text)
    return Settings(store=tmp_path / "store", extra_ontology=str(path))


def test_an_extension_entails_and_its_axioms_refuse(tmp_path: Path):
    graph = KnowledgeGraph.open(extended(tmp_path, EXTENSION))
    try:
        graph.write(turtle_delta(SMALL_TTL.read_text()))
        # cax-sco from the extension: a VIP customer is a ckm:Customer.
        graph.write(
            turtle_delta(
                "@prefix ext: <http://example.org/extension#> . ex:acme a ext:VipCustomer ."
            )
        )
        inferred = set(graph.quads(iri("acme"), RDF.type, None, INFERRED_GRAPH))
        assert (iri("acme"), RDF.type, CKM.Customer, INFERRED_GRAPH) not in inferred  # asserted
        # prp-key (which reasonable lacks): two memberships with one number are one.
        graph.write(
            delta(
                ' ex:m1 a ext:Membership ; ext:memberNumber "7" ; ext:holder ex:acme .'
                ' ex:m2 a ext:Membership ; ext:memberNumber "7" .'
            )
        )
        assert next(graph.quads(iri("m2"), None, iri("acme"), INFERRED_GRAPH), None)
        # cax-dw from the extension: Bella is passive.
        error = refused(
            graph,
            turtle_delta(
                "@prefix ext: <http://example.org/extension#> . ex:bella a ext:VipCustomer ."
            ),
        )
        [clash] = error.report.inconsistencies
        assert clash.axiom == "ext:VipCustomer owl:disjointWith ckm:PassiveCustomer"
    finally:
        graph.close()


def test_the_stored_ontology_graph_holds_the_extension(tmp_path: Path):
    graph = KnowledgeGraph.open(extended(tmp_path, EXTENSION))
    try:
        vip = "http://example.org/extension#VipCustomer"
        assert graph.ask(f"ASK {{ GRAPH <urn:ckm:graph:ontology> {{ <{vip}> a ?c }} }}")
    finally:
        graph.close()


def test_adding_an_extension_to_a_filled_store_rebuilds_the_inferences(tmp_path: Path):
    graph = KnowledgeGraph.open(Settings(store=tmp_path / "store"))
    graph.write(turtle_delta(SMALL_TTL.read_text()))
    graph.close()
    text = MORE_PREFIXES + PREFIXES + "ckm:SME rdfs:subClassOf ext:SmallBusiness ."
    graph = KnowledgeGraph.open(extended(tmp_path, text))
    try:
        small_business = URIRef("http://example.org/extension#SmallBusiness")
        inferred = set(graph.quads(iri("medsoft"), RDF.type, None, INFERRED_GRAPH))
        assert (iri("medsoft"), RDF.type, small_business, INFERRED_GRAPH) in inferred
    finally:
        graph.close()


def test_an_inconsistent_extension_is_refused_at_start_naming_the_axioms(tmp_path: Path):
    # ckm:Workshop is a direct channel, which owl:disjointWith ckm:IndirectChannel.
    text = PREFIXES + "ckm:Workshop a ckm:IndirectChannel ."
    with pytest.raises(
        OntologyUnusable, match="ckm:DirectChannel owl:disjointWith ckm:IndirectChannel"
    ):
        KnowledgeGraph.open(extended(tmp_path, text))


@pytest.mark.parametrize(
    ("text", "reason"),
    [(None, "cannot read"), ("ckm:a ckm:b", "not valid Turtle")],
    ids=["missing", "malformed"],
)
def test_a_bad_extension_file_is_refused_at_start_naming_it(tmp_path: Path, text, reason):
    settings = Settings(store=tmp_path / "store", extra_ontology=str(tmp_path / "ext.ttl"))
    if text is not None:
        (tmp_path / "ext.ttl").write_text(PREFIXES + text)
    with pytest.raises(OntologyUnusable, match=reason) as caught:
        KnowledgeGraph.open(settings)
    assert "ext.ttl" in str(caught.value)


def test_ckm_exits_2_naming_a_bad_extension(tmp_path: Path, monkeypatch):
    monkeypatch.setenv("CKM_EXTRA_ONTOLOGY", str(tmp_path / "nowhere.ttl"))
    result = ckm(tmp_path / "store", "load", str(SMALL_TTL))
    assert result.exit_code == 2
    assert "nowhere.ttl" in result.stderr


def test_the_start_up_report_warns_of_a_rule_only_the_reference_engine_runs(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    # Two terms of the ontology made the same: the compiled rules cannot hold it.
    text = MORE_PREFIXES + PREFIXES + "ext:Client owl:sameAs ckm:Customer ."
    with caplog.at_level(logging.INFO, logger="ckm.reasoning"):
        graph = KnowledgeGraph.open(extended(tmp_path, text))
        graph.write(delta("ex:x a <http://example.org/extension#Client> ."))
        graph.close()
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(
        "eq-rep-p" in w and "ckm:Customer" in w and "reference engine" in w for w in warnings
    )
    report = next(r.getMessage() for r in caplog.records if r.getMessage().startswith("OWL 2 RL"))
    assert "cax-dw" in report  # the shipped ontology's rules are listed too


def test_ckm_reason_rules_prints_the_report_of_the_ontology_in_use(tmp_path: Path, monkeypatch):
    path = tmp_path / "ext.ttl"
    path.write_text(EXTENSION)
    monkeypatch.setenv("CKM_EXTRA_ONTOLOGY", str(path))
    result = ckm(tmp_path / "store", "reason", "--rules")
    assert result.exit_code == 0, result.output
    assert "prp-key" in result.stdout and "ext:Membership" in result.stdout
    assert f"of {len(RULES)} rules" in result.stdout
    assert OWL.hasKey  # (the rule the shipped ontology alone does not trigger)
    assert EX


def test_a_clash_stored_before_the_check_does_not_block_writes_that_leave_it(small_graph):
    # A store filled before this check existed may hold a clash (an unchecked restore
    # loads one too): writes that do not bring a clash about pass, an erasure among them.
    import io

    from kg.store.base import DumpFormat

    dump = io.BytesIO()
    small_graph.dump(dump, DumpFormat.NQUADS)
    clash = "<http://example.org/id/bella> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
    clash += "<https://w3id.org/ckm#ActiveCustomer> <urn:ckm:graph:data> .\n"
    clashing = io.BytesIO(dump.getvalue() + clash.encode())
    with pytest.raises(RestoreRefused, match="inconsistent"):
        small_graph.restore(clashing, DumpFormat.NQUADS, data_only=True)
    small_graph.restore(io.BytesIO(clashing.getvalue()), DumpFormat.NQUADS, unchecked=True)
    small_graph.write(turtle_delta('ex:bella rdfs:comment "still passive, really" .'))
    # …but a write adding a clash of its own is refused.
    error = refused(small_graph, delta("ex:bella a owl:Nothing ."))
    assert [c.rule for c in error.report.inconsistencies] == ["cls-nothing2"]
    plan, _receipt = small_graph.erase_customer(iri("bella"))
    assert plan.delta.removed
