"""Shared plumbing of the demo generator: the quad collector, term access and the records.

The records hold what one generator step hands to the next (firms to customers, customers to
interactions, interactions to knowledge, knowledge to contributions).
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD
from rdflib.term import Node

from kg.demo_cases import ACTIVE, LABELS, PARTNER, PASSIVE, FirmSpec, Scenario, SegmentSpec
from kg.vocab import CKM, DATA_GRAPH

Quad = tuple[URIRef, URIRef, Node, URIRef]
Triple = tuple[URIRef, URIRef, Node]


class _Terms:
    """Attribute access to the terms of a namespace, each URIRef built once.

    rdflib's ``Namespace`` builds a new URIRef on every attribute access, which shows when
    millions of triples are generated.
    """

    def __init__(self, namespace: Namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = self._namespace[name]
        setattr(self, name, term)
        return term

    def __getitem__(self, name: str) -> URIRef:
        return getattr(self, name)


K = _Terms(CKM)
A = RDF.type
LABEL = RDFS.label
STARTED = PROV.startedAtTime
GENERATED_BY = PROV.wasGeneratedBy

# The ckm:CustomerRole of each demo role.
ROLE_TERM = {
    PASSIVE: K.PassiveCustomerRole,
    ACTIVE: K.ActiveCustomerRole,
    PARTNER: K.KnowledgePartnerRole,
}

# =======================================================================================
# Records built while generating
# =======================================================================================


@dataclass(slots=True)
class FirmRecord:
    spec: FirmSpec
    iri: URIRef
    offerings: list[tuple[URIRef, str]]
    segments: list[tuple[URIRef, SegmentSpec]]
    scenario_cache: dict[tuple[str, bool, bool], tuple[list[Scenario], list[int]]] = field(
        default_factory=dict
    )


@dataclass(slots=True)
class CustomerRecord:
    iri: URIRef
    label: str
    firm: FirmRecord
    role: str
    is_person: bool
    history: list[tuple[str, date]]  # (role, valid from), oldest first
    motives: list[str] = field(default_factory=list)
    partnership: URIRef | None = None
    consumer: URIRef | None = None  # who uses what the account buys, if not its purchaser
    initiatives: list[tuple[URIRef, tuple[str, ...]]] = field(default_factory=list)

    def role_on(self, day: date) -> str:
        """The role the customer held on ``day``."""
        current = self.history[0][0]
        for role, start in self.history:
            if start <= day:
                current = role
        return current


@dataclass(slots=True)
class InteractionRecord:
    iri: URIRef
    slug: str
    customer: CustomerRecord
    day: date
    role: str  # the customer's role on that day
    scenario: Scenario
    channel: str
    offering: URIRef
    offering_label: str
    topic: str


@dataclass(slots=True)
class KnowledgeRecord:
    iri: URIRef
    customer: CustomerRecord
    content: str
    day: date
    role: str  # the customer's role when the knowledge was generated
    from_customer: bool
    know_what: bool


class DemoGraph:
    """Collects the demo triples and mints resource IRIs below ``base_iri``."""

    def __init__(self, base_iri: str) -> None:
        self.base = base_iri
        self.quads: list[Quad] = []
        self._append = self.quads.append
        self._literals: dict[tuple[object, URIRef], Literal] = {}

    def add(self, triple: Triple) -> None:
        self._append((*triple, DATA_GRAPH))

    def iri(self, kind: str, slug: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{slug}")

    def typed(self, value: date | int, datatype: URIRef) -> Literal:
        """A date or integer literal; the few distinct values are built once."""
        key = (value, datatype)
        literal = self._literals.get(key)
        if literal is None:
            lexical = value.isoformat() if isinstance(value, date) else str(value)
            literal = self._literals[key] = Literal(lexical, datatype=datatype)
        return literal

    def day(self, value: date) -> Literal:
        return self.typed(value, XSD.date)

    def labelled(self, subject: URIRef, kind: URIRef, label: str) -> None:
        self.add((subject, A, kind))
        self.add((subject, LABEL, Literal(label)))


# =======================================================================================
# Small helpers
# =======================================================================================


def weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    values, weights = zip(*pairs, strict=True)
    return rng.choices(values, weights)[0]


def label_of(local_name: str) -> str:
    """``"TrendSignal"`` -> ``"Trend signal"``."""
    return LABELS.get(local_name) or re.sub(r"(?<!^)([A-Z])", r" \1", local_name).capitalize()


def random_day(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))
