"""The integrator case of van Middendorp's Twente thesis (seed 004) as the thesis reports it.

TechCo Security Management sells its open access control platform through certified system
integrators, its customers, and co-creates technical integrations with them in direct
interactions (seed 004 l.182-192). The study interviewed people of five Dutch system
integrators (l.198) and reports, per resource-integrating practice, how TechCo performed
within the practice's drivers and what came of it (§4.1, l.225-323; §4.2.3, l.352-362).

Written here: the five integrators (customers of the demo's TechCo firm), one interaction
per reported episode of each RI practice, the customer's driver assessments, the alignment
and the value formation outcome the thesis states. Where the thesis rates no driver (the
Promoting & Sharing wishes) or states no outcome (Diagnosing & Designing: "less or even
negative value is more likely"), nothing is recorded. The thesis anonymises the integrators
and dates nothing: which integrator voiced which episode, and the dates, are the demo's
(interviews were held during Covid-19 regulations, l.204, so the episodes are put in 2020).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import NamedTuple

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.demo_graph import STARTED, DemoGraph, K, label_of
from kg.demo_interactions import AFFECTED_PRACTICE

FIRM_SLUG = "techco"  # the demo's TechCo firm (kg.demo_cases.FIRMS)
SOURCE = "van Middendorp (Twente thesis), seed 004"

# The five Dutch system integrators (l.198): long-lasting relationships, all of them
# customers who co-create integrations with TechCo (l.192), hence active customers.
INTEGRATORS = ("a", "b", "c", "d", "e")
CASE_CUSTOMERS = len(INTEGRATORS)
RELATIONSHIP_SINCE = date(2015, 1, 1)  # "longlasting" (l.198); the year is the demo's


class Episode(NamedTuple):
    slug: str
    integrator: str
    day: date
    channel: str
    practice: str
    drivers: tuple[tuple[str, str], ...]  # (driver, performance) as the customer judged
    alignment: str | None
    outcome: str | None
    summary: str


EPISODES = (
    # §4.1.1 (l.231-249): integrators involved too late, a passive provider, too little
    # collaboration in the first phase; "There was no good fit" (l.237). The outcome is
    # only said to be likely worse (l.239), so none is recorded.
    Episode(
        "dd-late-involvement",
        "a",
        date(2020, 9, 14),
        "FaceToFaceMeeting",
        "DiagnosingAndDesigning",
        (
            ("CustomerInvolvement", "Insufficient"),
            ("ProactiveAttitude", "Insufficient"),
            ("Collaboration", "Insufficient"),
        ),
        "Misaligned",
        None,
        "Integration project designed from TechCo's own point of view; the integrator was "
        "involved after important decisions were made (seed 004 l.233-237).",
    ),
    # §4.1.2 and §4.2.3 (l.257, l.263-267, l.362): unclear communication during an
    # implementation and documentation too technical to convince the end-customer; "a poor
    # performance within these drivers contributed to misalignment ... This resulted in
    # value co-destruction" (l.362).
    Episode(
        "pi-technical-documentation",
        "b",
        date(2020, 10, 5),
        "Telephone",
        "ProducingAndImplementing",
        (("Communication", "Insufficient"), ("Documentation", "Insufficient")),
        "Misaligned",
        "ValueCoDestruction",
        "Integration documentation too technical to convince the end-customer; questions "
        "during implementation answered inadequately, causing delay (seed 004 l.257, l.265, "
        "l.362).",
    ),
    # §4.1.2 (l.255, l.275-277): informed by e-mail about integrations to be released,
    # communication "nowadays better than before"; being transparent "contributes to value
    # co-creation" (l.277).
    Episode(
        "pi-informed-of-releases",
        "c",
        date(2020, 11, 2),
        "Email",
        "ProducingAndImplementing",
        (("Informing", "Sufficient"), ("Communication", "Sufficient")),
        "Aligned",
        "ValueCoCreation",
        "Informed about integrations that will be released, which helps design solutions "
        "for end-customers (seed 004 l.255, l.275-277).",
    ),
    # §4.1.3 (l.281-291): joint whitepapers and shared success stories are wished for as
    # opportunities; the thesis rates no performance and states no outcome.
    Episode(
        "ps-joint-success-stories",
        "d",
        date(2020, 11, 23),
        "FaceToFaceMeeting",
        "PromotingAndSharing",
        (),
        None,
        None,
        "The integrator asks TechCo to use its solution in a whitepaper and to promote "
        "success stories together (seed 004 l.283, l.289).",
    ),
    # §4.1.4 (l.297-323): no timely response, TechCo redirecting to the other vendor
    # instead of taking responsibility, a support desk that takes too long; "This
    # ultimately led to losing my customer" (l.305); co-destruction is a decline in at least
    # one actor's well-being (l.123).
    Episode(
        "sa-functionality-issue",
        "e",
        date(2020, 12, 7),
        "SupportDesk",
        "SupportingAndAssisting",
        (
            ("AdequateResponse", "Insufficient"),
            ("Responsibility", "Insufficient"),
            ("Support", "Insufficient"),
        ),
        "Misaligned",
        "ValueCoDestruction",
        "Functionality issue in an integration: TechCo and the other vendor redirected the "
        "integrator to each other and it lost its end-customer (seed 004 l.299-305, "
        "l.309-323).",
    ),
)


def add_integrator_case(g: DemoGraph) -> None:
    """Add the integrator case to ``g``: integrators, interactions, assessments, outcomes.

    Deterministic (no random draws) and independent of the demo's size; it needs the demo's
    TechCo firm, which ``kg.demo`` mints from ``kg.demo_cases.FIRMS``.
    """
    firm = g.iri("firm", FIRM_SLUG)
    customers: dict[str, URIRef] = {}
    for letter in INTEGRATORS:
        customer = customers[letter] = g.iri("customer", f"{FIRM_SLUG}-integrator-{letter}")
        label = f"System integrator {letter.upper()} (NL)"
        g.labelled(customer, K.Customer, label)
        g.add((customer, K.customerOf, firm))
        g.add((customer, K.customerRole, K.ActiveCustomerRole))
        g.add((customer, K.typology, K.B2B))
        g.add((customer, K.country, Literal("NL")))
        g.add((customer, K.businessField, Literal("Security systems integration")))
        g.add((customer, DCTERMS.source, Literal(f"{SOURCE} l.198")))
        assignment = g.iri("role-assignment", f"{FIRM_SLUG}-integrator-{letter}-1")
        g.labelled(
            assignment,
            K.CustomerRoleAssignment,
            f"{label} as active customer from {RELATIONSHIP_SINCE.isoformat()}",
        )
        g.add((assignment, K.assignedTo, customer))
        g.add((assignment, K.assignedRole, K.ActiveCustomerRole))
        g.add((assignment, K.validFrom, g.day(RELATIONSHIP_SINCE)))
    for episode in EPISODES:
        _episode(g, firm, customers[episode.integrator], episode)


def _episode(g: DemoGraph, firm: URIRef, customer: URIRef, episode: Episode) -> None:
    i = g.iri("interaction", f"{FIRM_SLUG}-{episode.slug}")
    practice = label_of(episode.practice)
    g.labelled(
        i,
        K.Interaction,
        f"{practice} with system integrator "
        f"{episode.integrator.upper()}, {episode.day.isoformat()}",
    )
    g.add((i, K.byFirm, firm))
    g.add((i, K.withCustomer, customer))
    started = datetime(episode.day.year, episode.day.month, episode.day.day, 10, tzinfo=UTC)
    g.add((i, STARTED, Literal(started)))
    g.add((i, K.channel, K[episode.channel]))
    g.add((i, K.inSphere, K.JointSphere))
    g.add((i, K.riPractice, K[episode.practice]))
    g.add((i, K.summary, Literal(episode.summary)))
    g.add((i, DCTERMS.source, Literal(SOURCE)))
    judgement = None
    if episode.alignment is not None:
        # Alignment per RI practice (E3, seed 004 l.333): judged against the integrator's
        # own practice the RI practice affects, explained by the drivers it rated.
        judgement = g.iri("alignment", f"{FIRM_SLUG}-{episode.slug}")
        g.labelled(
            judgement,
            K.PracticeAlignment,
            f"{practice} in {episode.slug}: {episode.alignment.lower()}",
        )
        g.add((judgement, K.alignmentIn, i))
        g.add((judgement, K.alignedPractice, K[episode.practice]))
        g.add((judgement, K.alignmentStatus, K[episode.alignment]))
        g.add((judgement, K.againstCustomerPractice, _affected(g, customer, episode.practice)))
    if episode.outcome is not None:
        g.add((i, K.valueOutcome, K[episode.outcome]))
        if judgement is not None:
            g.add((judgement, K.resultsIn, K[episode.outcome]))
    for driver, performance in episode.drivers:
        slug = f"{FIRM_SLUG}-{episode.slug}-{driver[0].lower()}{driver[1:]}"
        assessment = g.iri("assessment", slug)
        g.labelled(
            assessment,
            K.DriverAssessment,
            f"{label_of(driver)} in {episode.slug}: {performance.lower()}",
        )
        g.add((assessment, K.assessedIn, i))
        g.add((assessment, K.driver, K[driver]))
        g.add((assessment, K.performance, K[performance]))
        g.add((assessment, K.evaluatedBy, customer))
        if judgement is not None:
            g.add((judgement, K.drivenBy, assessment))


def _affected(g: DemoGraph, customer: URIRef, practice: str) -> URIRef:
    """The integrator's own value-creating practice that ``practice`` affects, in the
    wording of the demo's other customers (``AFFECTED_PRACTICE``). Each integrator voices
    one episode, so each practice is recorded once."""
    slug, label = AFFECTED_PRACTICE[practice]
    letter = str(customer).rsplit("-", 1)[-1]
    iri = g.iri("practice", f"{FIRM_SLUG}-integrator-{letter}-{slug}")
    g.labelled(iri, K.ValueCreatingPractice, f"System integrator {letter.upper()}: {label}")
    g.add((iri, K.practiceOf, customer))
    return iri
