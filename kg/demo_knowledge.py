"""Demo customer knowledge for, about and from customers (seed 003), and the contributions
of active customers and knowledge partners that rest on it (Lettner et al. 2022, §4.2)."""

from __future__ import annotations

import random
from datetime import timedelta

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS

from kg.demo_cases import (
    ABOUT,
    CONTRIBUTION_FOR_CONTENT,
    CONVERSATION_CHANNELS,
    CUSTOMER_ONLY_CONTENT,
    FOR,
    FROM,
    KIND_AREA,
    KNOW_HOW_CONTENT,
    ORGANISATION_CONTENT,
    PARTNER,
    PASSIVE,
    PERSON_CONTENT,
    PERSON_STATEMENTS,
    STATEMENTS,
    WINDOW_END,
)
from kg.demo_graph import (
    GENERATED_BY,
    A,
    DemoGraph,
    InteractionRecord,
    K,
    KnowledgeRecord,
    label_of,
)

# =======================================================================================
# Customer knowledge
# =======================================================================================


def add_knowledge(
    g: DemoGraph, rng: random.Random, interactions: list[InteractionRecord]
) -> list[KnowledgeRecord]:
    """About one piece of knowledge for, about or from the customer per two interactions."""
    records: list[KnowledgeRecord] = []
    for interaction in interactions:
        if rng.random() < 0.5:
            records.append(_knowledge_item(g, rng, interaction, len(records) + 1))
    return records


def _knowledge_item(
    g: DemoGraph, rng: random.Random, interaction: InteractionRecord, number: int
) -> KnowledgeRecord:
    customer = interaction.customer
    firm = customer.firm
    unsuited = ORGANISATION_CONTENT if customer.is_person else PERSON_CONTENT
    flow, content = rng.choice(
        [fc for fc in interaction.scenario.knowledge if fc[1] not in unsuited]
    )
    k = g.iri("knowledge", f"k{number:06d}")
    templates = (customer.is_person and PERSON_STATEMENTS.get(content)) or STATEMENTS[content]
    statement = rng.choice(templates).format(
        topic=interaction.topic, offering=interaction.offering_label
    )
    from_customer = flow == FROM
    if flow == ABOUT:
        g.labelled(k, K.KnowledgeAboutCustomers, f"{label_of(content)} about {customer.label}")
        g.add((k, K.aboutCustomer, customer.iri))
        # Told by the customer in conversation: knowledge about and from the customer.
        told = interaction.channel in CONVERSATION_CHANNELS and rng.random() < 0.5
        if told:
            g.add((k, A, K.KnowledgeFromCustomers))
            from_customer = True
        g.add((k, K.knowledgeSource, customer.iri if told else firm.iri))
    elif flow == FROM:
        g.labelled(k, K.KnowledgeFromCustomers, f"{label_of(content)} from {customer.label}")
        g.add((k, K.knowledgeSource, customer.iri))
    else:
        g.labelled(k, K.KnowledgeForCustomers, f"{label_of(content)} for {customer.label}")
        g.add((k, K.recipient, customer.iri))
        g.add((k, K.knowledgeSource, firm.iri))
    g.add((k, K.content, K[content]))
    g.add((k, K.statement, Literal(statement)))
    tacit = flow != FOR and interaction.channel in CONVERSATION_CHANNELS and rng.random() < 0.6
    g.add((k, K.tacitness, K.Tacit if tacit else K.Explicit))
    know_what = content not in KNOW_HOW_CONTENT and (content != "Experience" or rng.random() < 0.5)
    g.add((k, K.knowledgeLevel, K.KnowWhat if know_what else K.KnowHow))
    for store in _stores(rng, interaction.channel, tacit, firm.spec.memory_bound):
        g.add((k, K.storedIn, K[store]))
    if content not in CUSTOMER_ONLY_CONTENT:
        g.add((k, K.concernsOffering, interaction.offering))
    g.add((k, GENERATED_BY, interaction.iri))
    g.add((k, DCTERMS.created, g.day(interaction.day)))
    return KnowledgeRecord(
        k, customer, content, interaction.day, interaction.role, from_customer, know_what
    )


def _stores(rng: random.Random, channel: str, tacit: bool, memory_bound: float) -> list[str]:
    """Where the knowledge is kept; tacit knowledge often stays in people's memories."""
    if tacit:
        return ["PersonalMemory"] if rng.random() < memory_bound else ["CRMSystem"]
    if channel == "SurveyForm":
        return ["SurveyDatabase"]
    if channel == "SupportDesk":
        return ["TicketingSystem"]
    if channel == "Email":
        if rng.random() < memory_bound:
            return ["EmailCorrespondence"]
        return ["EmailCorrespondence", "CRMSystem"]
    return ["CRMSystem"]


# =======================================================================================
# Contributions
# =======================================================================================


def add_contributions(g: DemoGraph, rng: random.Random, knowledge: list[KnowledgeRecord]) -> None:
    """Value-adding activities of active customers and knowledge partners (Lettner §4.2).

    Each rests on knowledge the customer gave while already active; its kind is one the
    customer's case reported, and its value area is the kind's area.
    """
    number = 0
    warned: set[URIRef] = set()  # firms with an early-warning contribution
    eligible: list[KnowledgeRecord] = []
    for item in knowledge:
        customer = item.customer
        if (
            not item.from_customer
            or PASSIVE in (customer.role, item.role)
            or item.content not in CONTRIBUTION_FOR_CONTENT
        ):
            continue
        eligible.append(item)
        share = 0.6 if customer.role == PARTNER else 0.35
        if rng.random() >= share * customer.firm.spec.contribution_rate:
            continue
        kind = _contribution_kind(rng, item)
        number += 1
        _contribution(g, rng, number, item, kind)
        if kind == "EarlyWarning":
            warned.add(customer.firm.iri)
    # Lettner l.149: "All nine companies recognize customers as knowledge partners as a
    # sort of an early warning system for future events": a case firm the draws left
    # without one gets an early warning from its first knowledge partner's (else active
    # customer's) knowledge.
    for item in sorted(eligible, key=lambda k: k.customer.role != PARTNER):
        firm = item.customer.firm
        if firm.iri in warned or "EarlyWarning" not in firm.spec.contribution_kinds:
            continue
        number += 1
        _contribution(g, rng, number, item, "EarlyWarning")
        warned.add(firm.iri)


def _contribution(
    g: DemoGraph, rng: random.Random, number: int, item: KnowledgeRecord, kind: str
) -> None:
    """One contribution of ``kind`` resting on ``item``, dated after the knowledge."""
    customer = item.customer
    contribution = g.iri("contribution", f"n{number:06d}")
    g.labelled(contribution, K.Contribution, f"{label_of(kind)} by {customer.label}")
    g.add((contribution, K.contributedBy, customer.iri))
    g.add((contribution, K.contributionTo, customer.firm.iri))
    g.add((contribution, K.basedOnKnowledge, item.iri))
    g.add((contribution, K.contributionKind, K[kind]))
    g.add((contribution, K.valueArea, K[KIND_AREA[kind]]))
    done = min(item.day + timedelta(days=rng.randint(3, 90)), WINDOW_END)
    g.add((contribution, DCTERMS.date, g.day(done)))


def _contribution_kind(rng: random.Random, item: KnowledgeRecord) -> str:
    allowed = item.customer.firm.spec.contribution_kinds
    kinds = [k for k in CONTRIBUTION_FOR_CONTENT[item.content] if k in allowed]
    if not item.know_what:  # word of mouth passes on know-what (Lettner §4.2)
        kinds = [k for k in kinds if k != "WordOfMouth"]
    if not kinds:
        return "ProductDevelopment"
    return rng.choices(kinds, [3] + [1] * (len(kinds) - 1))[0]
