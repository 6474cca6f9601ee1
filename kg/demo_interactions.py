"""Demo interactions with their channel, sphere, style and value formation, and the driver
assessments and alignment of their resource-integrating practices (van Middendorp, seed 004)."""

from __future__ import annotations

import random
from bisect import bisect
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate

from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.demo_cases import (
    CHANNEL_LABEL,
    DIRECT_CHANNELS,
    DRIVER_FINDING,
    DRIVERS,
    INTERACTIONS_PER_ROLE,
    MISALIGNMENT_RATE,
    PARTNER,
    PARTNER_JOINT_INTERACTIONS,
    PASSIVE,
    SCENARIO_WEIGHTS,
    SCENARIOS,
    WINDOW_DAYS,
    WINDOW_START,
    Scenario,
)
from kg.demo_graph import (
    STARTED,
    CustomerRecord,
    DemoGraph,
    FirmRecord,
    InteractionRecord,
    K,
    label_of,
    weighted,
)

# =======================================================================================
# Interactions and driver assessments
# =======================================================================================

# The customer's own value-creating practice each RI practice affects, in the seed's words
# for a system integrator (van Middendorp l.190: "identifying the needs of end-customers,
# offering the best-fitting total security solution and implementing and integrating";
# l.362: "the customers' practice of convincing the customer"; l.299: a timely response lets the
# customer service and maintain, and inform its end-customer): slug and label.
AFFECTED_PRACTICE = {
    "DiagnosingAndDesigning": ("identifying-needs", "identifying the needs of its own customers"),
    "ProducingAndImplementing": (
        "implementing-solutions",
        "implementing the solution at its own customers' sites",
    ),
    "PromotingAndSharing": ("convincing-customers", "convincing its own customers"),
    "SupportingAndAssisting": (
        "servicing-solutions",
        "servicing and maintaining the solutions in use",
    ),
}


def add_interactions(
    g: DemoGraph, rng: random.Random, customers: list[CustomerRecord]
) -> list[InteractionRecord]:
    """About eight interactions per customer in 2024-2025, in date order per customer."""
    records = []
    practices: set[URIRef] = set()  # the customers' value-creating practices recorded
    for customer in customers:
        low, high = INTERACTIONS_PER_ROLE[customer.role]
        days = sorted(
            WINDOW_START + timedelta(days=rng.randrange(WINDOW_DAYS))
            for _ in range(rng.randint(low, high))
        )
        # Partners' first contacts are personal, so every partnership has some (§4.4).
        joint_left = PARTNER_JOINT_INTERACTIONS if customer.partnership is not None else 0
        for day in days:
            record = _interaction(
                g, rng, customer, day, len(records) + 1, joint_left > 0, practices
            )
            joint_left -= record.scenario.joint
            records.append(record)
    return records


def _scenarios_for(
    firm: FirmRecord, role: str, organisation: bool, joint_only: bool
) -> tuple[list[Scenario], list[int]]:
    """The scenarios open to a customer and their cumulative weights (cached per firm)."""
    key = (role, organisation, joint_only)
    cached = firm.scenario_cache.get(key)
    if cached is None:
        pairs = [
            (SCENARIOS[name], weight)
            for name, weight in SCENARIO_WEIGHTS[firm.spec.profile]
            if role in SCENARIOS[name].roles
            and (organisation or not SCENARIOS[name].organisations_only)
            and (SCENARIOS[name].joint or not joint_only)
        ]
        scenarios = [s for s, _ in pairs]
        cached = firm.scenario_cache[key] = (scenarios, list(accumulate(w for _, w in pairs)))
    return cached


def _interaction(
    g: DemoGraph,
    rng: random.Random,
    customer: CustomerRecord,
    day: date,
    number: int,
    joint_only: bool,
    practices: set[URIRef],
) -> InteractionRecord:
    firm = customer.firm
    role = customer.role_on(day)
    scenarios, cum_weights = _scenarios_for(firm, role, not customer.is_person, joint_only)
    scenario = scenarios[bisect(cum_weights, rng.random() * cum_weights[-1])]
    channel = rng.choice(scenario.channels)
    offering, offering_label = rng.choice(firm.offerings)
    slug = f"i{number:06d}"
    record = InteractionRecord(
        g.iri("interaction", slug),
        slug,
        customer,
        day,
        role,
        scenario,
        channel,
        offering,
        offering_label,
        rng.choice(firm.spec.topics),
    )
    i = record.iri
    title = CHANNEL_LABEL[channel].capitalize()
    g.labelled(i, K.Interaction, f"{title} with {customer.label}, {day.isoformat()}")
    g.add((i, K.byFirm, firm.iri))
    g.add((i, K.withCustomer, customer.iri))
    hour = rng.randint(8, 17) if channel in DIRECT_CHANNELS else rng.randint(7, 22)
    minute = rng.choice((0, 15, 30, 45))
    started = datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)
    g.add((i, STARTED, Literal(started)))
    g.add((i, K.channel, K[channel]))
    g.add((i, K.inSphere, K[scenario.sphere]))
    style = _style(rng, scenario, customer, role)
    if style is not None:
        g.add((i, K.ckmStyle, K[style]))
        initiative = next((it for it, styles in customer.initiatives if style in styles), None)
        if initiative is not None:
            g.add((i, K.partOfInitiative, initiative))
    if scenario.joint and customer.partnership is not None:
        g.add((i, K.partOfPartnership, customer.partnership))
    summary = scenario.summary.format(
        customer=customer.label,
        topic=record.topic,
        offering=offering_label,
        channel=CHANNEL_LABEL[channel],
    )
    _value_formation(g, rng, record, summary, practices)
    return record


def _style(
    rng: random.Random, scenario: Scenario, customer: CustomerRecord, role: str
) -> str | None:
    """A CKM style coherent with the customer's role; passive customers follow none.

    Joint intellectual property needs an organisation that is a knowledge partner.
    """
    if role == PASSIVE:
        return None
    styles = [
        s
        for s in scenario.styles
        if s != "JointIntellectualProperty" or (role == PARTNER and not customer.is_person)
    ]
    return rng.choice(styles) if styles else None


def _value_formation(
    g: DemoGraph,
    rng: random.Random,
    record: InteractionRecord,
    summary: str,
    practices: set[URIRef],
) -> None:
    """Practice, its alignment, satisfaction, outcome and summary of one interaction.

    The outcome follows from the alignment of the practice enacted (van Middendorp l.333:
    the level of alignment of each RI practice "decides whether value co-creation or value
    co-destruction will emerge"); without a practice alignment no outcome is recorded, for
    satisfaction is not alignment and the seed ties no outcome to it. Value co-creation
    needs a customer who is not passive that day (l.33: "willing to act as a value
    co-creator"; roles in the demo never fall back to passive); aligned practices do not
    destroy value and misaligned ones do not co-create it (§2.4, §5.1).
    """
    i = record.iri
    scenario = record.scenario
    alignment = outcome = judgement = None
    if scenario.practices and rng.random() < record.customer.firm.spec.ri_rate:
        practice = rng.choice(scenario.practices)
        judgement, alignment, finding = _practice(g, rng, record, practice, practices)
        summary = f"{summary} {finding}"
        if alignment == "Aligned" and rng.random() < 0.85:
            outcome = "ValueCoCreation"
        elif alignment == "Misaligned" and rng.random() < 0.7:
            outcome = "ValueCoDestruction"
    satisfaction = _satisfaction(rng, alignment)
    if satisfaction is not None:
        g.add((i, K.satisfaction, g.typed(satisfaction, XSD.integer)))
    if outcome == "ValueCoCreation" and record.role == PASSIVE:
        outcome = None
    if outcome is not None and judgement is not None:
        # One practice per interaction in the demo: its outcome is the interaction's.
        g.add((judgement, K.resultsIn, K[outcome]))
        g.add((i, K.valueOutcome, K[outcome]))
    g.add((i, K.summary, Literal(summary)))


def _satisfaction(rng: random.Random, alignment: str | None) -> int | None:
    """A 1-5 rating for about 70 % of the interactions, always for assessed practices."""
    if alignment == "Aligned":
        return rng.choices((3, 4, 5), (1, 3, 3))[0]
    if alignment == "Misaligned":
        return rng.choices((1, 2, 3), (2, 3, 2))[0]
    if rng.random() >= 0.7:
        return None
    return rng.choices((1, 2, 3, 4, 5), (1, 2, 5, 7, 5))[0]


def _practice(
    g: DemoGraph,
    rng: random.Random,
    record: InteractionRecord,
    practice: str,
    practices: set[URIRef],
) -> tuple[URIRef, str, str]:
    """Record an RI practice, the customer's driver assessments and the practice's
    alignment against the customer's value-creating practice it affects.

    A misaligned practice has at least one insufficient driver and an aligned one none:
    driver performance sets the level of alignment (van Middendorp l.358-360). Returns the
    practice alignment, its status and a sentence on the decisive driver.
    """
    i = record.iri
    g.add((i, K.riPractice, K[practice]))
    misaligned = rng.random() < MISALIGNMENT_RATE[practice]
    alignment = "Misaligned" if misaligned else "Aligned"
    judgement = g.iri("alignment", f"{record.slug}-{practice[0].lower()}{practice[1:]}")
    g.labelled(
        judgement,
        K.PracticeAlignment,
        f"{label_of(practice)} in {record.slug}: {alignment.lower()}",
    )
    g.add((judgement, K.alignmentIn, i))
    g.add((judgement, K.alignedPractice, K[practice]))
    g.add((judgement, K.alignmentStatus, K[alignment]))
    g.add(
        (judgement, K.againstCustomerPractice, _affected_practice(g, record, practice, practices))
    )
    drivers = DRIVERS[practice]
    assessed = rng.sample(drivers, rng.randint(1, len(drivers)))
    decisive = weighted(rng, tuple(assessed))
    for driver, _ in assessed:
        insufficient = misaligned and (driver == decisive or rng.random() < 0.3)
        performance = "Insufficient" if insufficient else "Sufficient"
        assessment = g.iri("assessment", f"{record.slug}-{driver[0].lower()}{driver[1:]}")
        label = f"{label_of(driver)} in {record.slug}: {performance.lower()}"
        g.labelled(assessment, K.DriverAssessment, label)
        g.add((assessment, K.assessedIn, i))
        g.add((assessment, K.driver, K[driver]))
        g.add((assessment, K.performance, K[performance]))
        g.add((assessment, K.evaluatedBy, record.customer.iri))
        g.add((judgement, K.drivenBy, assessment))
    finding = DRIVER_FINDING[decisive][0 if misaligned else 1]
    return judgement, alignment, f"{'Issue' if misaligned else 'Went well'}: {finding}."


def _affected_practice(
    g: DemoGraph, record: InteractionRecord, practice: str, practices: set[URIRef]
) -> URIRef:
    """The customer's own value-creating practice that ``practice`` affects, recorded once
    per customer."""
    slug, label = AFFECTED_PRACTICE[practice]
    customer = record.customer
    iri = g.iri("practice", f"{str(customer.iri).rsplit('/', 1)[-1]}-{slug}")
    if iri not in practices:
        practices.add(iri)
        g.labelled(iri, K.ValueCreatingPractice, f"{customer.label}: {label}")
        g.add((iri, K.practiceOf, customer.iri))
    return iri
