"""Each compiled rule on a toy ontology, with its entailments written out by hand.

Every case is also checked against ``reasonable`` (the reference ``ReferenceReasoner``), so a
hand-written expectation that ``reasonable`` disagrees with fails too.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace
from rdflib.namespace import OWL, RDF, XSD

from kg.reasoning import CompiledReasoner, ReferenceReasoner

T = Namespace("https://toy.example/ontology#")
EX = Namespace("https://toy.example/data/")
PREFIXES = """
@prefix t: <https://toy.example/ontology#> .
@prefix ex: <https://toy.example/data/> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
TOY_ONTOLOGY = """
t:Agent a owl:Class .
t:Person a owl:Class ; rdfs:subClassOf t:Agent .
t:Customer a owl:Class ; rdfs:subClassOf t:Person .
t:Client a owl:Class ; owl:equivalentClass t:Customer .
t:Firm a owl:Class .
t:Workshop a owl:NamedIndividual , t:Channel .
t:Mail a owl:NamedIndividual , t:Channel .
t:worksFor a owl:ObjectProperty ; rdfs:domain t:Person ; rdfs:range t:Firm .
t:employs a owl:ObjectProperty ; owl:inverseOf t:worksFor .
t:managedBy a owl:ObjectProperty ; rdfs:subPropertyOf t:worksFor .
t:hires a owl:ObjectProperty ; rdfs:subPropertyOf t:employs ; rdfs:range t:Client .
t:channel a owl:ObjectProperty , owl:FunctionalProperty .
t:name a owl:DatatypeProperty .
t:nickname a owl:DatatypeProperty , owl:FunctionalProperty .
t:WorkshopMeeting owl:equivalentClass [ a owl:Restriction ;
    owl:onProperty t:channel ; owl:hasValue t:Workshop ] .
t:ChannelUse owl:equivalentClass [ a owl:Restriction ;
    owl:onProperty t:channel ; owl:someValuesFrom t:Channel ] .
t:Employer owl:equivalentClass [ a owl:Restriction ;
    owl:onProperty t:employs ; owl:someValuesFrom t:Customer ] .
t:Linked owl:equivalentClass [ a owl:Restriction ;
    owl:onProperty t:knows ; owl:someValuesFrom owl:Thing ] .
t:FirmCustomer owl:equivalentClass [ owl:intersectionOf ( t:Customer t:Firm ) ] .
t:Party owl:equivalentClass [ owl:unionOf ( t:Firm t:Person ) ] .
"""


def turtle(text: str) -> set:
    return set(Graph().parse(data=PREFIXES + text, format="turtle"))


@pytest.fixture(scope="module")
def toy() -> tuple[ReferenceReasoner, CompiledReasoner]:
    ontology = Graph().parse(data=PREFIXES + TOY_ONTOLOGY, format="turtle")
    return ReferenceReasoner(ontology), CompiledReasoner(ontology)


# reasonable types owl:Thing and owl:Nothing as classes, and the filter keeps that (they
# are no subject of the ontology): every call without ``about`` entails these two.
ALWAYS = {(OWL.Thing, RDF.type, OWL.Class), (OWL.Nothing, RDF.type, OWL.Class)}


def entailed(toy, data: str, about: set | None = None) -> set:
    """The entailments of ``data`` but the two ``ALWAYS`` has, after checking the
    compiled rules answered and agree with ``reasonable``."""
    reference, compiled = toy
    triples = turtle(data)
    before = compiled.fallbacks
    got = compiled.entailments(triples, about)
    assert compiled.fallbacks == before, "reasonable answered, not the compiled rules"
    assert got == reference.entailments(triples, about)
    if about is None:
        assert got >= ALWAYS
    return got - ALWAYS


def test_owl_thing_and_nothing_are_classes_even_without_data(toy):
    reference, compiled = toy
    assert compiled.entailments(set()) == reference.entailments(set()) == ALWAYS


def types(node, *classes) -> set:
    return {(node, RDF.type, cls) for cls in classes}


def test_cax_sco_gives_every_superclass(toy):
    assert entailed(toy, "ex:a a t:Customer .") == types(EX.a, T.Person, T.Agent, T.Client, T.Party)


def test_cax_eqc_goes_both_ways(toy):
    assert types(EX.a, T.Customer) <= entailed(toy, "ex:a a t:Client .")


def test_prp_dom_and_prp_rng(toy):
    assert entailed(toy, "ex:a t:worksFor ex:f .") == (
        types(EX.a, T.Person, T.Agent, T.Party)
        | types(EX.f, T.Firm, T.Party)
        | {(EX.f, T.employs, EX.a)}
    )


def test_prp_spo1_then_domain_and_inverse(toy):
    assert {(EX.a, T.worksFor, EX.f), (EX.f, T.employs, EX.a)} <= entailed(
        toy, "ex:a t:managedBy ex:f ."
    )


def test_prp_inv_from_the_inverse_side(toy):
    assert (EX.a, T.worksFor, EX.f) in entailed(toy, "ex:f t:employs ex:a .")


def test_cls_hv2_types_by_value_and_cls_hv1_gives_the_value(toy):
    assert types(EX.m, T.WorkshopMeeting) <= entailed(toy, "ex:m t:channel t:Workshop .")
    assert (EX.m, T.channel, T.Workshop) in entailed(toy, "ex:m a t:WorkshopMeeting .")


def test_cls_svf1_with_a_filler_typed_by_the_ontology(toy):
    assert types(EX.m, T.ChannelUse) <= entailed(toy, "ex:m t:channel t:Mail .")


def test_cls_svf1_when_the_filler_type_comes_last(toy):
    # hires gives "f employs a" and "a a Client"; a becomes a Customer only after the
    # employs link was seen: the rule must look back along employs from the new type.
    got = entailed(toy, "ex:f t:hires ex:a .")
    assert types(EX.f, T.Employer) <= got


def test_cls_svf2_owl_thing_needs_no_type(toy):
    assert entailed(toy, "ex:a t:knows ex:b .") == types(EX.a, T.Linked)


def test_cls_int1_needs_every_part_and_cls_int2_gives_them(toy):
    assert not types(EX.a, T.FirmCustomer) & entailed(toy, "ex:a a t:Customer .")
    assert types(EX.a, T.FirmCustomer) <= entailed(toy, "ex:a a t:Customer , t:Firm .")
    assert types(EX.b, T.Customer, T.Firm) <= entailed(toy, "ex:b a t:FirmCustomer .")


def test_cls_uni_from_any_member(toy):
    assert types(EX.f, T.Party) == entailed(toy, "ex:f a t:Firm .")


def test_prp_fp_makes_values_the_same_and_eq_rep_copies_their_statements(toy):
    # Two values of a functional property are the same node: what is said of one is
    # said of the other, in subject and object position (eq-rep-s, eq-rep-o).
    got = entailed(toy, "ex:m t:channel ex:c1 , ex:c2 . ex:c1 t:name 'one' . ex:x t:knows ex:c2 .")
    assert {(EX.c2, T.name, Literal("one")), (EX.x, T.knows, EX.c1)} <= got


def test_prp_fp_on_literals_rewrites_every_triple_with_that_literal(toy):
    # reasonable makes "x" owl:sameAs "y" and substitutes it in every object position,
    # other subjects' triples included.
    got = entailed(toy, 'ex:a t:nickname "x" , "y" . ex:b t:name "x" .')
    assert (EX.b, T.name, Literal("y")) in got


def test_asserted_same_as_is_symmetric_transitive_and_substituted(toy):
    got = entailed(toy, "ex:a owl:sameAs ex:b . ex:b owl:sameAs ex:c . ex:c t:worksFor ex:f .")
    assert {(EX.a, T.worksFor, EX.f), (EX.b, T.worksFor, EX.f)} <= got
    assert {(EX.f, T.employs, node) for node in (EX.a, EX.b, EX.c)} <= got


def test_same_as_between_predicates_goes_to_reasonable(toy):
    reference, compiled = toy
    data = turtle("ex:p owl:sameAs ex:q . ex:a ex:p ex:b .")
    before = compiled.fallbacks
    assert compiled.entailments(data) == reference.entailments(data)
    assert (EX.a, EX.q, EX.b) in compiled.entailments(data)
    assert compiled.fallbacks == before + 2


def test_owl_same_as_is_never_output(toy):
    got = entailed(toy, "ex:m t:channel ex:c1 , ex:c2 .")
    assert not [t for t in got if t[1] == OWL.sameAs]


def test_typed_string_literal_comes_back_plain(toy):
    # reasonable returns "v"^^xsd:string as the plain "v": a data triple written with the
    # typed form reappears as an entailment in the plain form.
    data = {(EX.a, T.name, Literal("v", datatype=XSD.string))}
    reference, compiled = toy
    got = compiled.entailments(data)
    assert got == reference.entailments(data) == {(EX.a, T.name, Literal("v"))} | ALWAYS


def test_about_keeps_only_those_subjects(toy):
    assert entailed(toy, "ex:a t:worksFor ex:f .", about={EX.f}) == (
        types(EX.f, T.Firm, T.Party) | {(EX.f, T.employs, EX.a)}
    )


def test_nothing_about_ontology_terms_nor_blank_nodes(toy):
    got = entailed(toy, "t:Workshop t:worksFor ex:f . ex:a t:worksFor [ t:name 'n' ] .")
    assert {s for s, _p, _o in got} == {EX.a, EX.f}


@pytest.mark.parametrize(
    "axiom",
    [
        "t:Customer rdfs:subClassOf t:Firm .",
        "t:knows rdfs:domain t:Firm .",
        "t:knows a owl:FunctionalProperty .",
        "t:knows owl:inverseOf t:knownBy .",
        "ex:Local owl:equivalentClass [ owl:unionOf ( t:Firm ) ] .",
    ],
)
def test_data_adding_an_axiom_goes_to_reasonable(toy, axiom):
    reference, compiled = toy
    data = turtle("ex:a t:knows ex:b ; a t:Customer . " + axiom)
    before = compiled.fallbacks
    assert compiled.entailments(data) == reference.entailments(data)
    assert compiled.fallbacks == before + 1


def test_an_ontology_individual_made_the_same_goes_to_reasonable(toy):
    # Two channels for one meeting: Workshop = Mail, and the hasValue restriction on
    # Workshop now holds of Mail too (eq-rep-o rewrites the axiom).
    reference, compiled = toy
    data = turtle("ex:m t:channel t:Workshop , t:Mail . ex:n t:channel t:Mail .")
    before = compiled.fallbacks
    got = compiled.entailments(data)
    assert got == reference.entailments(data)
    assert types(EX.n, T.WorkshopMeeting) <= got
    assert compiled.fallbacks == before + 1


def test_an_ontology_equating_two_of_its_terms_goes_to_the_reference_engine():
    # t:Client owl:sameAs t:Customer: every rule about either would have to be rewritten
    # (eq-rep-s, eq-rep-p, eq-rep-o on axioms); the reference engine answers every call.
    ontology = Graph().parse(
        data=PREFIXES + "t:Customer rdfs:subClassOf t:Person . t:Client owl:sameAs t:Customer .",
        format="turtle",
    )
    reference, compiled = ReferenceReasoner(ontology), CompiledReasoner(ontology)
    data = turtle("ex:a a t:Client .")
    assert compiled.entailments(data) == reference.entailments(data)
    assert (EX.a, RDF.type, T.Person) in compiled.entailments(data)
    assert compiled.fallbacks == 2
    assert [note.rule for note in compiled.coverage.warnings] == ["eq-rep-p"]


# -- the fixpoint does not depend on the order the data comes in ---------------------------

ORDER_CASES = {
    # cls-maxqc3: the counted class may come last (from a range), after the restriction
    # and the links were seen.
    "cls-maxqc3": (
        "t:Parented rdfs:subClassOf [ a owl:Restriction ; owl:onProperty t:parent ;"
        " owl:maxQualifiedCardinality 1 ; owl:onClass t:Woman ] ."
        " t:hasDaughter rdfs:range t:Woman .",
        'ex:a a t:Parented ; t:parent ex:p1 , ex:p2 . ex:p1 a t:Woman ; t:name "P" .'
        " ex:x t:hasDaughter ex:p2 .",
        (EX.p2, T.name, Literal("P")),
    ),
    # prp-key: the class may come last (from a domain), or a key value (from a
    # subproperty).
    "prp-key": (
        "t:Member owl:hasKey ( t:number t:club ) . t:joined rdfs:domain t:Member ."
        " t:inClub rdfs:subPropertyOf t:club .",
        'ex:a t:number "1" ; t:inClub ex:c ; t:name "A" ; t:joined ex:c .'
        ' ex:b a t:Member ; t:number "1" ; t:club ex:c .',
        (EX.b, T.name, Literal("A")),
    ),
    # cls-avf: the restriction's type may come after the link.
    "cls-avf": (
        "t:Vegan rdfs:subClassOf [ a owl:Restriction ; owl:onProperty t:eats ;"
        " owl:allValuesFrom t:Plant ] . t:pledged rdfs:domain t:Vegan .",
        "ex:a t:eats ex:x ; t:pledged ex:p .",
        (EX.x, RDF.type, T.Plant),
    ),
    # prp-spo2 and prp-trp: any link of a chain may come last (from a subproperty).
    "prp-spo2": (
        "t:p owl:propertyChainAxiom ( t:q t:r t:s ) . t:part a owl:TransitiveProperty ."
        " t:rr rdfs:subPropertyOf t:r . t:subpart rdfs:subPropertyOf t:part .",
        "ex:a t:q ex:b . ex:b t:rr ex:c . ex:c t:s ex:d ."
        " ex:d t:part ex:e . ex:e t:subpart ex:f . ex:f t:part ex:g .",
        (EX.a, T.p, EX.d),
    ),
}


@pytest.mark.parametrize("name", sorted(ORDER_CASES))
def test_the_compiled_fixpoint_does_not_depend_on_the_order_of_the_data(name):
    import random

    from kg.reasoning.compiled.chaining import Chaining
    from kg.reasoning.terms import Numbering

    ontology_text, data_text, expected = ORDER_CASES[name]
    ontology = Graph().parse(data=PREFIXES + ontology_text, format="turtle")
    reference, compiled = ReferenceReasoner(ontology), CompiledReasoner(ontology)
    data = sorted(turtle(data_text))
    wanted = compiled.entailments(set(data))
    assert wanted == reference.entailments(set(data))
    assert expected in wanted
    schema, base = compiled._schema, compiled._base
    results = set()
    for seed in range(40):
        random.Random(seed).shuffle(data)
        numbering = Numbering(base=schema.numbering)
        number = numbering.number
        chaining = Chaining(schema, base, numbering.term)
        derived = chaining.run([(number(s), number(p), number(o)) for s, p, o in data])
        term = numbering.term
        results.add(frozenset((term(s), term(p), term(o)) for s, p, o in derived))
    assert len(results) == 1, "the order of the data changed what was derived"
