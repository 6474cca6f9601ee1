"""Stored diagnoses and the trend between two of them.

``ckm diagnose --store`` writes a diagnosis through the normal validated write road, as
one atomic write with its provenance record: a ``prov:Entity`` conforming to
``https://w3id.org/ckm/diagnosis#Diagnosis``, about the firm (``dcterms:subject``),
dated (``dcterms:created``), holding its JSON-LD document (``rdf:value``). The trend
compares the key figures of a diagnosis with those of the latest stored one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

from rdflib import Literal
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, XSD
from rdflib.term import URIRef

from kg.diagnosis import cells
from kg.diagnosis.diagnosis import Diagnosis
from kg.diagnosis.queries import run_step
from kg.diagnosis.rendering import VOCAB
from kg.graph import KnowledgeGraph
from kg.store.base import Quad
from kg.vocab import DATA_GRAPH
from kg.write.delta import adding
from kg.write.provenance import WriteContext

DIAGNOSIS_CLASS = URIRef(VOCAB + "Diagnosis")


def store_diagnosis(
    graph: KnowledgeGraph, diagnosis: Diagnosis, now: datetime | None = None
) -> URIRef:
    """Write ``diagnosis`` as one validated write; its IRI.

    Atomic: either the whole record and its provenance are committed or nothing is.
    Raises:
        ValidationRefused: the record breaks the shapes (nothing written).
    """
    iri, quads = diagnosis_record(graph.settings.base_iri, diagnosis, now)
    context = WriteContext(source="ckm diagnose", operation="diagnose --store")
    graph.write(adding(quads), context)
    return iri


def diagnosis_record(
    base_iri: str, diagnosis: Diagnosis, now: datetime | None = None
) -> tuple[URIRef, list[Quad]]:
    """The stored record of ``diagnosis`` (a dated ``prov:Entity`` minted under
    ``base_iri``, holding the JSON-LD document) and its IRI; nothing written."""
    moment = (now or datetime.now(UTC)).replace(microsecond=0)
    slug = cells.local_name(diagnosis.firm)
    iri = URIRef(f"{base_iri}diagnosis/{slug}-{moment:%Y%m%dT%H%M%SZ}")
    document = json.dumps(diagnosis.as_json(), sort_keys=True, ensure_ascii=False)
    triples = [
        (iri, RDF.type, PROV.Entity),
        (iri, RDFS.label, Literal(f"Diagnosis of {diagnosis.label}, {moment:%Y-%m-%d}")),
        (iri, DCTERMS.conformsTo, DIAGNOSIS_CLASS),
        (iri, DCTERMS.subject, diagnosis.firm),
        (
            iri,
            DCTERMS.created,
            Literal(moment.isoformat().replace("+00:00", "Z"), datatype=XSD.dateTime),
        ),
        (iri, RDF.value, Literal(document)),
    ]
    return iri, [(s, p, o, DATA_GRAPH) for s, p, o in triples]


def latest_stored(graph: KnowledgeGraph, firm: URIRef) -> tuple[URIRef, str, dict] | None:
    """The latest stored diagnosis of ``firm``: its IRI, when it was made, its document."""
    rows = run_step(graph, "stored-diagnoses", firm)
    if not rows:
        return None
    row = rows[0]
    return cells.iri(row, "diagnosis"), cells.text(row, "created"), json.loads(str(row["document"]))


@dataclass(frozen=True)
class Change:
    """One key figure then and now (None: not known then or now)."""

    figure: str
    then: float | str | None
    now: float | str | None

    @property
    def moved(self) -> bool:
        return self.then != self.now


def key_figures(document: dict) -> dict[str, float | str | None]:
    """The figures a trend compares, read from a diagnosis's JSON-LD document."""
    position = document["position"]
    figures: dict[str, float | str | None] = {
        f"knowledge {kind} customers": share["share"]
        for kind, share in position["knowledge"].items()
    }
    figures["active customers"] = position["activeCustomers"]["share"]
    figures["knowledge partners"] = position["knowledgePartners"]["share"]
    candidates = document["candidates"]
    figures["readiest customer"] = candidates[0]["label"] if candidates else None
    figures["driver to fix first"] = document["alignment"]["fixFirstLabel"]
    figures["co-destruction paths"] = sum(
        len(p["coDestructionPaths"]) for p in document["alignment"]["practices"]
    )
    for sub in document["maturity"]["positions"]:
        figures[f"position: {sub['label']}"] = sub["scalePosition"]
    figures["findings"] = len(document["findings"])
    return figures


def trend(previous: dict, current: Diagnosis) -> tuple[Change, ...]:
    """Every key figure of ``previous`` (a stored document) against ``current``."""
    then, now = key_figures(previous), key_figures(current.as_json())
    return tuple(
        Change(name, then.get(name), now.get(name)) for name in dict.fromkeys([*then, *now])
    )
