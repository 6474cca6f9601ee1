"""Consistency, satisfiability and entailments with HermiT, run through owlready2."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import owlready2


@dataclass(frozen=True)
class Classification:
    """What HermiT concluded of an ontology (and optional individuals)."""

    consistent: bool
    unsatisfiable_classes: list[str]
    types_of: dict[str, set[str]]

    def inferred_types(self, individual_iri: str) -> set[str]:
        """Every class IRI HermiT places ``individual_iri`` in (asserted and inferred)."""
        return self.types_of.get(individual_iri, set())


def classify(ontology_file: Path, extra_files: Iterable[Path] = ()) -> Classification:
    """Run HermiT over an RDF/XML ontology plus RDF/XML ABox files, in a fresh world.

    Nothing is written anywhere: owlready2's quadstore lives in memory.
    Raises:
        owlready2.OwlReadyError subclasses when a file cannot be read.
    """
    world = owlready2.World()
    ontology = world.get_ontology(ontology_file.resolve().as_uri()).load()
    for extra in extra_files:
        ontology.imported_ontologies.append(world.get_ontology(extra.resolve().as_uri()).load())
    try:
        with ontology:
            owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
    except owlready2.OwlReadyInconsistentOntologyError:
        return Classification(consistent=False, unsatisfiable_classes=[], types_of={})
    unsatisfiable = sorted(c.iri for c in world.inconsistent_classes())
    types_of = {
        individual.iri: {c.iri for c in individual.is_a if hasattr(c, "iri")}
        | {a.iri for c in individual.is_a if hasattr(c, "ancestors") for a in c.ancestors()}
        for individual in world.individuals()
    }
    return Classification(consistent=True, unsatisfiable_classes=unsatisfiable, types_of=types_of)
