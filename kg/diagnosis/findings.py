"""Component 5: findings and recommendations, each citing a seed passage and its evidence.

Each rule reads the other components only; its quote comes from ``quotes.ttl`` and its
evidence is the IRIs it counts. A rule that finds nothing adds nothing.
"""

from __future__ import annotations

from rdflib.term import URIRef

from kg.diagnosis.model import Alignment, Candidate, Finding, Maturity, Position
from kg.diagnosis.quotes import quote
from kg.diagnosis.yardsticks import value
from kg.vocab import CKM

AREA_NAMES = {
    CKM.OperativeArea: "operative",
    CKM.OrganizationalArea: "organisational",
    CKM.StrategicArea: "strategic",
}


def _percent(share: float | None) -> str:
    return "n/a" if share is None else f"{100 * share:.1f} %"


def position_findings(firm: URIRef, position: Position) -> list[Finding]:
    """The partner share outside the observed range; value areas not reached; no
    knowledge from customers; no value given back."""
    found = []
    share = position.knowledge_partners
    if position.partner_share_in_range is False:
        low, high = value("partner_share_min"), value("partner_share_max")
        side = "below" if share.value < low else "above"
        found.append(
            Finding(
                "partner-share-outside-range",
                "position",
                f"Knowledge partners are {share.count} of a customer base of {share.of} "
                f"({_percent(share.value)}), {side} the observed range of "
                f"{_percent(low)} to {_percent(high)}.",
                "Identify more knowledge partners among the active customers"
                if side == "below"
                else "Concentrate on fewer knowledge partners so that a personal, trusting "
                "partnership stays possible",
                quote("partner-share-range"),
                (firm,),
            )
        )
    missing = [AREA_NAMES[a] for a, n in position.value_areas.items() if a in AREA_NAMES and n == 0]
    if missing:
        found.append(
            Finding(
                "value-areas-not-reached",
                "position",
                f"No contribution of the period reaches the {' or '.join(missing)} value area.",
                "Involve knowledge partners in " + " and ".join(missing) + " issues as well",
                quote("three-value-areas"),
                tuple(e for e in position.evidence),
            )
        )
    if position.knowledge["from"].of and position.knowledge["from"].count == 0:
        found.append(
            Finding(
                "no-knowledge-from-customers",
                "position",
                f"None of the {position.knowledge['from'].of} items of knowledge of the period "
                "is knowledge from customers.",
                "Open interactions in which active customers can share their knowledge",
                quote("intrinsic-knowledge-base"),
                position.evidence,
            )
        )
    if not position.gives_value_back:
        found.append(
            Finding(
                "no-value-given-back",
                "position",
                "No CKM initiative of the firm gives value back to its customers.",
                "Give part of the value created together back to the customers taking part",
                quote("cooperation-worthwhile"),
                (firm,),
            )
        )
    return found


def candidate_findings(candidates: tuple[Candidate, ...]) -> list[Finding]:
    """The readiest customer not yet a knowledge partner; crowding-out risks; knowledge
    partners without a trust assessment."""
    found = []
    prospects = [c for c in candidates if not c.is_partner]
    if prospects:
        best = prospects[0]
        found.append(
            Finding(
                "readiest-candidate",
                "candidates",
                f"{best.label} is the readiest customer not yet a knowledge partner "
                f"(readiness {best.readiness:.2f}).",
                f"Approach {best.label} as a knowledge partner",
                quote("active-and-relevant-knowledge"),
                best.evidence,
            )
        )
    crowded = [c for c in candidates if c.components["crowding"] < 1.0]
    if crowded:
        found.append(
            Finding(
                "crowding-out-risk",
                "candidates",
                f"{len(crowded)} customer(s) meet crowding-out factors (money, deadlines, "
                "threats, evaluations).",
                "Remove extrinsic rewards and controls from the partnerships",
                quote("crowding-out-money"),
                tuple(e for c in crowded for e in c.evidence),
            )
        )
    untrusted = [c for c in candidates if c.is_partner and c.components["trust"] == 0.0]
    if untrusted:
        found.append(
            Finding(
                "partners-without-trust",
                "candidates",
                f"{len(untrusted)} knowledge partner(s) have no recorded trust assessment.",
                "Assess, and build, the trust in each knowledge partnership before its design",
                quote("trust-basis"),
                tuple(c.customer for c in untrusted),
            )
        )
    return found


def alignment_findings(alignment: Alignment) -> list[Finding]:
    """The driver to fix first, when there are co-destruction paths."""
    if alignment.fix_first is None:
        return []
    paths = [p for s in alignment.practices for p in s.paths if p.driver == alignment.fix_first]
    return [
        Finding(
            "driver-to-fix-first",
            "alignment",
            f"The driver {alignment.fix_first_label!r} is rated insufficient on "
            f"{alignment.fix_first_paths} path(s) to value co-destruction, more than any other.",
            f"Improve {alignment.fix_first_label} first",
            quote("drivers-decide-alignment"),
            tuple(sorted({alignment.fix_first, *(p.judgement for p in paths)}, key=str)),
        )
    ]


def maturity_findings(maturity: Maturity) -> list[Finding]:
    """Sub-categories at the conventional end; challenges no enabler answers."""
    found = []
    conventional = [p for p in maturity.positions if p.level == "conventional"]
    if conventional:
        found.append(
            Finding(
                "conventional-sub-categories",
                "maturity",
                f"{len(conventional)} sub-categor{'y' if len(conventional) == 1 else 'ies'} "
                f"of the analysing model {'sits' if len(conventional) == 1 else 'sit'} at the "
                "conventional end: " + ", ".join(p.label for p in conventional) + ".",
                "Move these sub-categories towards the co-creation approach first",
                quote("range-between-approaches"),
                tuple(p.assessment for p in conventional if p.assessment is not None),
            )
        )
    unanswered = [c for c in maturity.challenges if not c.enablers]
    if unanswered:
        found.append(
            Finding(
                "challenges-without-enabler",
                "maturity",
                f"{len(unanswered)} observed challenge(s) have no enabler answering them: "
                + ", ".join(c.label for c in unanswered)
                + ".",
                "Answer each challenge with interaction (dialogue), access, transparency and "
                "involvement together",
                quote("all-four-elements"),
                tuple(e for c in unanswered for e in (c.challenge, *c.evidence)),
            )
        )
    return found
