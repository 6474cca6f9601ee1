"""Properties of the shapes file as a whole: it accepts the ontology and documents itself."""

from __future__ import annotations

from rdflib import RDF, RDFS, SH, BNode, Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL

CKM = Namespace("https://w3id.org/ckm#")
CKMSH = "https://w3id.org/ckm/shapes#"

# Parameters that make a node shape itself a constraint (as opposed to a mere container of
# property shapes), and parameters that identify a property shape.
NODE_CONSTRAINT_PARAMETERS = (
    SH["or"],
    SH["and"],
    SH["not"],
    SH.xone,
    SH["class"],
    SH.node,
    SH["in"],
    SH.hasValue,
    SH.datatype,
    SH.closed,
    SH.sparql,
)
TARGET_PARAMETERS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)

# The instance classes of the vocabulary; each needs a node shape targeting it.
INSTANCE_CLASSES = (
    "Firm",
    "Customer",
    "Offering",
    "CustomerSegment",
    "CustomerRoleAssignment",
    "CustomerKnowledge",
    "KnowledgeForCustomers",
    "KnowledgeAboutCustomers",
    "KnowledgeFromCustomers",
    "Interaction",
    "DirectInteraction",
    "IndirectInteraction",
    "Contribution",
    "KnowledgePartnership",
    "CKMInitiative",
    "DriverAssessment",
)


def _shapes_with_targets(shapes: Graph) -> set[URIRef]:
    return {s for p in TARGET_PARAMETERS for s in shapes.subjects(p, None)}


def _property_shapes(shapes: Graph) -> set:
    """Property shapes of the targeting node shapes (nested helper shapes excluded)."""
    return {p for s in _shapes_with_targets(shapes) for p in shapes.objects(s, SH.property)}


def test_the_ontology_alone_produces_no_result(ontology_graph, validate):
    """Controlled-list individuals, classes and properties of the ontology are not data."""
    assert validate(ontology_graph) == []


def test_the_shapes_graph_is_a_valid_shacl_shapes_graph(shapes_graph):
    # Every property shape linked from a node shape has a path.
    for shape in _property_shapes(shapes_graph):
        assert shapes_graph.value(shape, SH.path) is not None, shape


def test_every_property_shape_has_an_iri_a_message_and_a_severity(shapes_graph):
    for shape in _property_shapes(shapes_graph):
        assert isinstance(shape, URIRef) and str(shape).startswith(CKMSH), shape
        assert shapes_graph.value(shape, SH.message) is not None, f"{shape}: no sh:message"
        assert shapes_graph.value(shape, SH.severity) in (SH.Violation, SH.Warning, SH.Info), (
            f"{shape}: no sh:severity"
        )
        assert shapes_graph.value(shape, DCTERMS.source) is not None, f"{shape}: no source"


def test_every_node_level_constraint_has_a_message_and_a_severity(shapes_graph):
    constrained = {
        s
        for s in _shapes_with_targets(shapes_graph)
        if any(shapes_graph.value(s, p) is not None for p in NODE_CONSTRAINT_PARAMETERS)
    }
    assert constrained, "expected node-level rules such as the joint-sphere rule"
    for shape in constrained:
        assert isinstance(shape, URIRef), shape
        assert shapes_graph.value(shape, SH.message) is not None, f"{shape}: no sh:message"
        assert shapes_graph.value(shape, SH.severity) in (SH.Violation, SH.Warning, SH.Info), (
            f"{shape}: no sh:severity"
        )
    for constraint in shapes_graph.objects(None, SH.sparql):
        assert shapes_graph.value(constraint, SH.message) is not None


def test_no_property_shape_is_shared_or_anonymous(shapes_graph):
    """A shared property shape would be reported twice; a blank one cannot be cited."""
    for shape in _property_shapes(shapes_graph):
        assert not isinstance(shape, BNode)
        owners = list(shapes_graph.subjects(SH.property, shape))
        assert len(owners) == 1, f"{shape} is used by {owners}"


def test_every_targeting_shape_names_its_literature(shapes_graph):
    for shape in _shapes_with_targets(shapes_graph):
        assert shapes_graph.value(shape, DCTERMS.source) is not None, f"{shape}: no source"
        assert shapes_graph.value(shape, RDFS.label) is not None, f"{shape}: no label"


def test_every_instance_class_of_the_vocabulary_has_a_node_shape(shapes_graph):
    targeted = set(shapes_graph.objects(None, SH.targetClass))
    missing = [name for name in INSTANCE_CLASSES if CKM[name] not in targeted]
    assert missing == []


def _defined_subclasses(ontology: Graph, base: URIRef) -> set[URIRef]:
    """Classes defined as ``base`` and a restriction, without asserting rdfs:subClassOf base.

    Without a reasoner their asserted members are not members of ``base``, so every shape
    targeting ``base`` must target them too.
    """
    found = set()
    for defined, equivalent in ontology.subject_objects(OWL.equivalentClass):
        conjuncts = ontology.value(equivalent, OWL.intersectionOf)
        if conjuncts is None or base not in set(ontology.items(conjuncts)):
            continue
        if base not in set(ontology.transitive_objects(defined, RDFS.subClassOf)):
            found.add(defined)
    return found


def test_members_of_defined_subclasses_are_validated_like_their_base_class(
    ontology_graph, shapes_graph
):
    """A node typed only ckm:DirectInteraction must still meet every interaction rule."""
    for shape, base in shapes_graph.subject_objects(SH.targetClass):
        targets = set(shapes_graph.objects(shape, SH.targetClass))
        missing = {
            defined
            for defined in _defined_subclasses(ontology_graph, base)
            if targets.isdisjoint(ontology_graph.transitive_objects(defined, RDFS.subClassOf))
        }
        assert missing == set(), f"{shape} targets {base} but not {sorted(missing)}"


def test_every_ckm_term_used_by_the_shapes_is_declared_in_the_ontology(
    ontology_graph, shapes_graph
):
    used = {
        term
        for triple in shapes_graph
        for term in triple
        if isinstance(term, URIRef) and str(term).startswith(str(CKM))
    }
    declared = {s for s in ontology_graph.subjects() if isinstance(s, URIRef)}
    assert sorted(used - declared) == []


def test_closed_lists_in_the_shapes_match_the_ontology_classes(ontology_graph, shapes_graph):
    """Every sh:in member is a named individual typed in the ontology (no typo, no stray)."""
    for list_head in shapes_graph.objects(None, SH["in"]):
        for member in shapes_graph.items(list_head):
            types = set(ontology_graph.objects(member, RDF.type))
            assert OWL.NamedIndividual in types, f"{member} is not an individual of the ontology"
