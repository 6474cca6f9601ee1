"""What a diagnosis says: frozen records, one per component, every evidence item an IRI."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rdflib.term import URIRef

from kg.diagnosis.quotes import Quote


@dataclass(frozen=True)
class Share:
    """``count`` of ``of``; ``value`` is None when ``of`` is 0 (nothing to share)."""

    count: int
    of: int

    @property
    def value(self) -> float | None:
        return self.count / self.of if self.of else None


@dataclass(frozen=True)
class Position:
    """Component 1: the firm in the interaction framework of seed 000 in the period.

    ``knowledge`` maps ``for``/``about``/``from`` to its share of the distinct items of
    knowledge the firm's interactions generated (an item of two kinds counts in both).
    ``base_from`` says where the customer base came from (``ckm:customerBaseSize`` or
    ``recorded customers``), ``partners_from`` where the knowledge partners did
    (``ckm:integratedCustomerCount`` or ``knowledge-partner role``).
    """

    knowledge: dict[str, Share]
    customer_base: int
    base_from: str
    active_customers: Share
    knowledge_partners: Share
    partners_from: str
    partner_share_in_range: bool | None
    value_areas: dict[URIRef, int]
    gives_value_back: bool
    evidence: tuple[URIRef, ...]


@dataclass(frozen=True)
class Candidate:
    """Component 2: one customer's readiness as a knowledge partner, each part visible.

    ``components`` maps a component name to its value in [0, 1]; ``readiness`` is their
    mean weighted by the yardsticks ``weight_<component>``.
    """

    customer: URIRef
    label: str
    is_partner: bool
    components: dict[str, float]
    readiness: float
    evidence: tuple[URIRef, ...]


@dataclass(frozen=True)
class CoDestructionPath:
    """Driver rated insufficient, then a misaligned practice, then value co-destruction."""

    driver: URIRef
    judgement: URIRef
    interaction: URIRef


@dataclass(frozen=True)
class PracticeStatus:
    """Component 3: one resource-integrating practice against the customers' practices."""

    practice: URIRef
    label: str
    judgements: int
    aligned: int
    misaligned: int
    customer_practices: tuple[URIRef, ...]
    insufficient_drivers: tuple[URIRef, ...]
    paths: tuple[CoDestructionPath, ...]
    evidence: tuple[URIRef, ...]


@dataclass(frozen=True)
class Alignment:
    """Component 3 whole: every practice, and the driver on most co-destruction paths."""

    practices: tuple[PracticeStatus, ...]
    fix_first: URIRef | None
    fix_first_label: str | None
    fix_first_paths: int
    driver_labels: dict[URIRef, str]


@dataclass(frozen=True)
class SubCategoryPosition:
    """Component 4: the latest scale position (0 conventional .. 1 co-creation) in the
    period of one sub-category of the analysing model; ``level`` names its third."""

    category: URIRef
    category_label: str
    sub_category: URIRef
    label: str
    position: float | None
    level: str
    assessment: URIRef | None


@dataclass(frozen=True)
class Challenge:
    """A co-creation challenge observed at the firm and the enablers that answer it."""

    challenge: URIRef
    label: str
    enablers: tuple[URIRef, ...]
    evidence: tuple[URIRef, ...]


@dataclass(frozen=True)
class Maturity:
    """Component 4 whole."""

    positions: tuple[SubCategoryPosition, ...]
    challenges: tuple[Challenge, ...]


@dataclass(frozen=True)
class Finding:
    """Component 5: what the diagnosis finds, what to do, the passage it rests on and the
    evidence it counts."""

    code: str
    component: str
    statement: str
    recommendation: str
    quote: Quote
    evidence: tuple[URIRef, ...]


@dataclass(frozen=True)
class Period:
    """The days a diagnosis covers, both inclusive; None: open."""

    start: date | None
    end: date | None
