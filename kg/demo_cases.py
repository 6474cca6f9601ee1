"""Literature tables of the demo data set: pure data, no generator logic.

Every table here restates, in compact form, what the case studies report. The firms are the
nine SMEs of Lettner, Wilhelm, Guldenberg & Güttel (2022, Table 1 and §4), the provider of
van Middendorp's B2B case (TechCo Security Management and its certified system integrators,
seed 004) and the Finnish B2B ICT service company of the Laurea co-creation thesis (seed 002).
The interaction scenarios follow Grönroos & Voima (2013) on value spheres as used in seed 004,
and Gibbert, Leibold & Probst (2002) on CKM styles. The resource-integrating practices, their
alignment drivers and the customers' findings are van Middendorp's (§4.1-4.2). The statement
templates cover the knowledge for, about and from customers of the CKM literature summarised
in seed 003. The contribution kinds and value areas follow Lettner et al. (2022, §4.2, after
Wilhelm, Gueldenberg & Güttel 2013), and the partnership design follows Lettner et al. (§4.4).
Names of people, places and organisations are fictional, except the nine case names, which are
the paper's.

The nine cases (``FIRMS`` and ``CASES``), from seed 000 (``shared/seeds/000_*.txt``). Name,
location, employees and customer base are Table 1 verbatim (l.80-86; "FL" is written "LI",
ISO 3166). Table 1 gives no size of the customer base and no number of integrated customers:
the last two columns (base, int.) are illustrative, chosen within what the text says. The
Table 2 criteria per case and perspective are in ``demo_tables/table2_criteria.tsv``
(l.121-131, item by item).

=====================================  ===  ====  ============================  ====  ====
case (Table 1, l.80)                   loc  emp.  Customer Base (l.86)          base  int.
=====================================  ===  ====  ============================  ====  ====
Medical Software Company (A)           LI   15    B2C; partially B2B            800   40
Unique Technology (B)                  DE   35    B2B, building B2C             300   12
Software Solutions (C)                 LI   7     B2C                           1500  15
Creative Clothing (D)                  CH   14    B2B; partially B2C            250   7
Plastic Design (E)                     DE   200   B2B; partially B2C            300   3
Expert for Durex Technology (F)        DE   60    B2B                           350   10
Synthetic Material (G)                 DE   160   B2B (standard business), B2C  900   9
Knowledge Company (H)                  AT   6     B2C/Public Sector             120   5
Construction Company (I)               CH   45    B2B & B2C                     200   11
=====================================  ===  ====  ============================  ====  ====

All but I are owner-operated; I is an "Associated Company" (l.81). Business Field (l.84),
Growth Strategy (l.85) and the Table 2 definitions are in ``FIRMS`` and ``CASES``; the full
table, with every line cited, is ``docs/demo-cases.md``. How the two illustrative columns
are bounded:

- knowledge partners are "between 1 and 30%" of the entire customer base in most cases
  (l.173): every share here is 1-5 %;
- Plastic Design (E) integrates its customers least, "except for Plastic Design E" (l.150):
  the fewest integrated customers (3); Medical Software Company (A) has more active than
  passive customers because of individual customer projects (l.135): the most (40);
- F's system holds the history of "350 new customers" (l.133): a base of 350;
- the base "is in general larger for B2C than for B2B" (l.216): the B2C-led A and C have the
  largest bases;
- D "works with a local customer in each country" (l.149): 7, its seven countries.

The demo's generated knowledge partners are apportioned by the integrated column (one per case
first when there are at least nine). Partnership designs per case (``CaseProfile.methods``):
A invites customers to tour the company (l.175); C talks to them at the fair or in the shop
(l.177); I holds feedback sessions on technical aspects (l.147); E's customers say it could
have profited much more "if they would have taken more effort in communicating with us"
(l.150), so E's methods are social only and do not serve its partners' wish for information;
the other cases' methods are drawn from the list of l.175. Every case keeps a narrow customer
base (quality over quantity, l.173) and involves its partners operatively (l.145). A
partnership's ``ckm:fitsMotive`` is the partners' motives that its design serves
(``kg.demo.served_motives``), never a copy of them.

``kg.demo`` draws the demo data set from these tables.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import date
from pathlib import Path


def _items(text: str) -> tuple[str, ...]:
    """``"a | b | c"`` -> ``("a", "b", "c")``, ``""`` -> ``()``: compact lists in tables."""
    return tuple(item.strip() for item in text.split("|")) if text else ()


def _weights(text: str) -> tuple[tuple[str, int], ...]:
    """``"LI:4 CH:3"`` -> ``(("LI", 4), ("CH", 3))``."""
    return tuple((key, int(weight)) for key, weight in (p.split(":") for p in text.split()))


# The study window of the demo interactions.
WINDOW_START = date(2024, 1, 1)
WINDOW_END = date(2025, 12, 31)
WINDOW_DAYS = (WINDOW_END - WINDOW_START).days + 1

PASSIVE, ACTIVE, PARTNER = "passive", "active", "partner"

ROLE_LABEL = {PASSIVE: "passive customer", ACTIVE: "active customer", PARTNER: "knowledge partner"}
# Knowledge partners are a small share of the base (Lettner et al. §4.4: 1-30 %).
ROLE_SHARES = ((PASSIVE, 0.5), (ACTIVE, 0.3), (PARTNER, 0.2))
# Interactions per customer in the window: about eight on average.
INTERACTIONS_PER_ROLE = {PASSIVE: (2, 8), ACTIVE: (6, 14), PARTNER: (9, 17)}

B2B, B2C, PUBLIC = "B2B", "B2C", "PublicSector"

# =======================================================================================
# Literature tables: firms, segments, offerings, initiatives
# =======================================================================================


@dataclass(frozen=True, slots=True)
class SegmentSpec:
    """A firm-defined customer segment and what its customers look like."""

    slug: str
    label: str
    typology: str
    weight: int  # share of the firm's customers
    names: tuple[str, ...]  # patterns over {stem} {place} {legal} {first} {last}
    field: str | None = None  # business field of organisations; None: private persons
    employees: tuple[int, int] = (5, 250)


@dataclass(frozen=True, slots=True)
class InitiativeSpec:
    """A CKM initiative of a firm (Gibbert, Leibold & Probst 2002: styles, objective)."""

    slug: str
    label: str
    styles: tuple[str, ...]
    objective: str


@dataclass(frozen=True, slots=True)
class FirmSpec:
    """One case firm of the literature and what its demo customers look like."""

    slug: str
    label: str
    sme: bool
    country: str
    employees: int
    business_field: str
    comment: str
    source: str
    weight: int  # share of all demo customers
    countries: tuple[tuple[str, int], ...]  # where its customers are
    segments: tuple[SegmentSpec, ...]
    offerings: tuple[str, ...]  # "slug=label"
    topics: tuple[str, ...]  # what its customers talk about
    motives: tuple[str, ...]  # ckm:Motive local names observed in the case
    contribution_kinds: tuple[str, ...]  # ckm:ContributionKind local names observed
    profile: str  # key of SCENARIO_WEIGHTS
    ri_rate: float  # share of joint-sphere contacts recorded with an RI practice
    initiatives: tuple[InitiativeSpec, ...]
    contribution_rate: float = 1.0
    memory_bound: float = 0.25  # share of tacit knowledge kept only in a memory or mailbox


LETTNER = "Lettner, Wilhelm, Guldenberg & Güttel (2022), Table 1 and §4"
PERSONS = _items("{first} {last}")
# Every case names the trustful partnership; access to information is general (§4.3).
TRUST_INFO = _items("AccessToInformationMotive | TrustfulPartnershipMotive")
CORE_KINDS = _items("ProductDevelopment | MarketingAndSalesSupport | EarlyWarning")

# fmt: off
FIRMS: tuple[FirmSpec, ...] = (
    FirmSpec(
        slug="medsoft", label="Medical Software Company (A)", sme=True, country="LI",
        employees=15, business_field="Software",
        comment="Owner-operated; growth strategy: market and product; customer base B2C, "
        "partially B2B. Hospital doctors use the software but do not purchase it.",
        source=LETTNER + " (case A)", weight=8,
        countries=_weights("LI:4 CH:3 AT:2 DE:1"),
        segments=(
            SegmentSpec("patients", "Patients using the app", B2C, 6, PERSONS),
            SegmentSpec(
                "hospitals", "Hospitals and clinics", B2B, 2,
                _items("Klinik {place} | Spital {place} | Privatklinik {stem}"),
                "Health care", (80, 2500),
            ),
            SegmentSpec(
                "practices", "Private medical practices", B2B, 2,
                _items("Praxis Dr. {last} | Gemeinschaftspraxis {place} | Ordination Dr. {last}"),
                "Health care", (2, 20),
            ),
        ),
        offerings=_items(
            "clinical-docs=MedDoc clinical documentation suite | patient-app=Patient companion "
            "app | research-module=Clinical research data module"
        ),
        topics=_items(
            "FHIR export of reports | ward-round documentation | medication plans | "
            "discharge letters | study data export | appointment reminders"
        ),
        motives=("ReputationMotive", *TRUST_INFO),
        contribution_kinds=(
            *CORE_KINDS,
            *_items("WordOfMouth | ResearchAndDevelopment | ProcessImprovement"),
            "MarketChangeAnticipation",
        ),
        profile="consumer", ri_rate=0.1,
        initiatives=(
            InitiativeSpec(
                "expert-panel", "Clinical expert co-development panel",
                ("MutualInnovation", "TeamBasedCoLearning"),
                "Develop new documentation functions with renowned clinical experts who are "
                "interested in research.",
            ),
            InitiativeSpec(
                "patient-community", "Patient app user community", ("CommunitiesOfCreation",),
                "Let experienced patients shape the companion app and win new users.",
            ),
        ),
    ),
    FirmSpec(
        slug="unique-technology", label="Unique Technology (B)", sme=True, country="DE",
        employees=35, business_field="Machinery",
        comment="Owner-operated; growth strategy: widen the business field; customer base "
        "B2B, building up B2C.",
        source=LETTNER + " (case B)", weight=8,
        countries=_weights("DE:14 AT:3 CH:2 NL:1"),
        segments=(
            SegmentSpec(
                "manufacturers", "Industrial manufacturers", B2B, 6,
                _items("{stem} Maschinenbau {legal} | {stem} Metalltechnik {legal} | "
                       "{stem} Werkzeugbau {legal}"),
                "Manufacturing", (20, 900),
            ),
            SegmentSpec(
                "workshops", "Craft workshops", B2B, 3,
                _items("Werkstatt {last} | Schreinerei {last} | {last} Feinmechanik {legal}"),
                "Crafts", (2, 30),
            ),
            SegmentSpec("makers", "Private makers (new B2C line)", B2C, 1, PERSONS),
        ),
        offerings=_items(
            "special-machine=Custom special-purpose machine | retrofit-service=Machine "
            "retrofit and maintenance service | desktop-unit=Compact desktop unit (B2C line)"
        ),
        topics=_items(
            "spindle changeover times | remote diagnostics | operator safety guards | "
            "spare-part availability | energy consumption"
        ),
        motives=("AdaptedOfferingsMotive", "IdentificationMotive", *TRUST_INFO),
        contribution_kinds=(*CORE_KINDS, "WordOfMouth", "ResearchAndDevelopment"),
        profile="industrial", ri_rate=0.12,
        initiatives=(
            InitiativeSpec(
                "reference-programme", "Reference customer and multiplier programme",
                ("TeamBasedCoLearning", "Prosumerism"),
                "Turn the regular feedback of profit-pushing partner customers into machine "
                "improvements and references.",
            ),
        ),
    ),
    FirmSpec(
        slug="software-solutions", label="Software Solutions (C)", sme=True, country="LI",
        employees=7, business_field="Software",
        comment="Owner-operated; growth strategy: waterfall (Uppsala principle); customer "
        "base B2C.",
        source=LETTNER + " (case C)", weight=7,
        countries=_weights("LI:5 CH:3 AT:2"),
        segments=(
            SegmentSpec("power-users", "Power users", B2C, 4, PERSONS),
            SegmentSpec("home-users", "Home users", B2C, 6, PERSONS),
        ),
        offerings=_items(
            "office-suite=Small-office software suite | mobile-companion=Mobile companion app "
            "| cloud-backup=Cloud backup add-on"
        ),
        topics=_items(
            "invoice templates | offline mode | data import from spreadsheets | "
            "two-factor login | backup scheduling"
        ),
        motives=("AdaptedOfferingsMotive", "IdentificationMotive", *TRUST_INFO),
        contribution_kinds=(
            *CORE_KINDS,
            *_items("WordOfMouth | ProcessImprovement | MarketChangeAnticipation"),
            "MarketExpansion",
        ),
        profile="consumer", ri_rate=0.1,
        initiatives=(
            InitiativeSpec(
                "idea-lab", "Idea lab for new solutions", ("Prosumerism", "MutualInnovation"),
                "Work with customers who look for new ideas and change something rather than "
                "optimise old processes.",
            ),
        ),
    ),
    FirmSpec(
        slug="creative-clothing", label="Creative Clothing (D)", sme=True, country="CH",
        employees=14, business_field="Textiles",
        comment="Owner-operated; growth strategy: market and product; customer base B2B, "
        "partially B2C; works with a local customer in each country.",
        source=LETTNER + " (case D)", weight=8,
        countries=_weights("CH:6 DE:4 AT:3 IT:2 FR:2 NL:2 LI:1"),
        segments=(
            SegmentSpec(
                "retailers", "Fashion retailers (local partner per country)", B2B, 7,
                _items("Boutique {stem} | {stem} Mode {legal} | Modehaus {last}"),
                "Fashion retail", (3, 120),
            ),
            SegmentSpec("online-buyers", "Direct online buyers", B2C, 3, PERSONS),
        ),
        offerings=_items(
            "seasonal-collection=Seasonal clothing collection | custom-prints=Custom textile "
            "prints"
        ),
        topics=_items(
            "sustainable fabrics | size ranges | delivery lead times | shop-window "
            "presentation | colour trends"
        ),
        motives=("ReputationMotive", *TRUST_INFO),
        contribution_kinds=(
            *CORE_KINDS,
            *_items("WordOfMouth | ProcessImprovement | MarketExpansion"),
        ),
        profile="industrial", ri_rate=0.1,
        initiatives=(
            InitiativeSpec(
                "partner-collection", "Collection development with local partners",
                ("MutualInnovation",),
                "Develop the collections jointly, sustainably and enduringly with one local "
                "partner per country.",
            ),
            InitiativeSpec(
                "brand-community", "Brand community", ("CommunitiesOfCreation",),
                "Gather loyal buyers who present the brand and share styling ideas.",
            ),
        ),
    ),
    FirmSpec(
        slug="plastic-design", label="Plastic Design (E)", sme=True, country="DE",
        employees=200, business_field="Consumer goods",
        comment="Owner-operated; growth strategy: waterfall (Uppsala principle); customer "
        "base B2B, partially B2C. The case that integrates its customers least.",
        source=LETTNER + " (case E)", weight=12,
        countries=_weights("DE:14 AT:3 CH:3"),
        segments=(
            SegmentSpec(
                "retail-chains", "Retail chains and department stores", B2B, 5,
                _items("{stem} Handel {legal} | Warenhaus {stem} | {stem} Haushaltswaren {legal}"),
                "Retail", (50, 5000),
            ),
            SegmentSpec(
                "design-shops", "Design shops", B2B, 3,
                _items("Designladen {stem} | {stem} Wohnen {legal} | Concept Store {place}"),
                "Retail", (2, 25),
            ),
            SegmentSpec("consumers", "End consumers", B2C, 2, PERSONS),
        ),
        offerings=_items(
            "kitchenware=Designer plastic kitchenware | storage-line=Storage box line | "
            "outdoor-line=Outdoor furniture line"
        ),
        topics=_items(
            "dishwasher-safe materials | colour ranges | packaging | shelf presentation | "
            "recycled plastics"
        ),
        motives=("AdaptedOfferingsMotive", *TRUST_INFO),
        contribution_kinds=(*CORE_KINDS, "WordOfMouth"),
        profile="industrial", ri_rate=0.08, contribution_rate=0.35,
        initiatives=(
            InitiativeSpec(
                "brand-environment", "Brand environment partners", ("Prosumerism",),
                "Have image customers present the brand and products in a good environment.",
            ),
        ),
    ),
    FirmSpec(
        slug="durex-technology", label="Expert for Durex Technology (F)", sme=True,
        country="DE", employees=60, business_field="Durex and Composition",
        comment="Owner-operated; growth strategy: waterfall (Uppsala principle); customer "
        "base B2B. One strategic customer was responsible for a new plant.",
        source=LETTNER + " (case F)", weight=9,
        countries=_weights("DE:15 AT:2 CH:2 NL:1"),
        segments=(
            SegmentSpec(
                "oems", "Industrial OEMs", B2B, 6,
                _items("{stem} Industrietechnik {legal} | {stem} Anlagenbau {legal} | "
                       "{stem} Fahrzeugtechnik {legal}"),
                "Manufacturing", (100, 4000),
            ),
            SegmentSpec(
                "engineering", "Engineering offices", B2B, 4,
                _items("Ingenieurbüro {last} | {stem} Engineering {legal}"),
                "Engineering", (3, 60),
            ),
        ),
        offerings=_items(
            "composite-parts=Durex composite components | engineering-service=Composite "
            "engineering service"
        ),
        topics=_items(
            "curing cycle times | fibre orientation | heat resistance | a new production "
            "plant | quality certificates"
        ),
        motives=("IdentificationMotive", *TRUST_INFO),
        contribution_kinds=(
            *CORE_KINDS,
            *_items("ResearchAndDevelopment | ProcessImprovement | MarketExpansion"),
            "StrategicAdvice",
        ),
        profile="industrial", ri_rate=0.15,
        initiatives=(
            InitiativeSpec(
                "joint-development", "Joint development of composite components",
                ("JointIntellectualProperty", "MutualInnovation"),
                "Develop components with strategic customers who share information a normal "
                "customer would keep to himself.",
            ),
        ),
    ),
    FirmSpec(
        slug="synthetic-material", label="Synthetic Material (G)", sme=True, country="DE",
        employees=160, business_field="Plastic industry",
        comment="Owner-operated; growth strategy: low growth (capacity already used); "
        "customer base B2B (standard business) and B2C.",
        source=LETTNER + " (case G)", weight=12,
        countries=_weights("DE:15 AT:3 CH:2"),
        segments=(
            SegmentSpec(
                "processors", "Plastics processors (standard business)", B2B, 6,
                _items("{stem} Kunststofftechnik {legal} | Kunststoffwerk {stem} {legal} | "
                       "{stem} Spritzguss {legal}"),
                "Plastics processing", (20, 1500),
            ),
            SegmentSpec(
                "construction-trade", "Construction trade", B2B, 2,
                _items("{stem} Bau {legal} | {last} Bedachungen {legal} | {stem} Fensterbau"),
                "Construction", (5, 300),
            ),
            SegmentSpec("diy-consumers", "DIY consumers", B2C, 2, PERSONS),
        ),
        offerings=_items(
            "granulate=Technical plastic granulate | profiles=Extruded plastic profiles | "
            "diy-sheets=DIY plastic sheets"
        ),
        topics=_items(
            "granulate flow properties | UV stability | recycled content | delivery batch "
            "sizes | colour matching"
        ),
        motives=("AdaptedOfferingsMotive", *TRUST_INFO),
        contribution_kinds=(*CORE_KINDS, "WordOfMouth", "MarketExpansion"),
        profile="industrial", ri_rate=0.12,
        initiatives=(
            InitiativeSpec(
                "thinking-partners", "Thinking-partner circle", ("TeamBasedCoLearning",),
                "Learn from long-standing customers with know-how who act as thinking "
                "partners.",
            ),
        ),
    ),
    FirmSpec(
        slug="knowledge-company", label="Knowledge Company (H)", sme=True, country="AT",
        employees=6, business_field="Consulting",
        comment="Owner-operated; growth strategy: market opportunities; customer base B2C "
        "and public sector; has worked with its strategic customers for over five years.",
        source=LETTNER + " (case H)", weight=5,
        countries=_weights("AT:9 DE:1"),
        segments=(
            SegmentSpec(
                "public-bodies", "Public bodies and municipalities", PUBLIC, 5,
                _items("Gemeinde {place} | Stadtverwaltung {place} | Bildungshaus {place}"),
                "Public administration", (20, 2000),
            ),
            SegmentSpec("individual-clients", "Individual coaching clients", B2C, 5, PERSONS),
        ),
        offerings=_items(
            "strategy-consulting=Strategy and positioning consulting | "
            "learning-workshops=Moderated learning workshops"
        ),
        topics=_items(
            "positioning of public services | citizen participation | strategy workshops | "
            "funding programmes | leadership coaching"
        ),
        motives=("AdaptedOfferingsMotive", *TRUST_INFO),
        contribution_kinds=(
            *CORE_KINDS,
            *_items("WordOfMouth | ProcessImprovement | MarketExpansion"),
        ),
        profile="consulting", ri_rate=0.1,
        initiatives=(
            InitiativeSpec(
                "learning-partnerships", "Learning partnerships",
                ("TeamBasedCoLearning", "CommunitiesOfCreation"),
                "Gain value beyond profit: learn from strategic customers as one does in a "
                "partner relationship.",
            ),
        ),
    ),
    FirmSpec(
        slug="construction-company", label="Construction Company (I)", sme=True, country="CH",
        employees=45, business_field="Plant engineering and construction",
        comment="Associated company; growth strategy: continued growth; customer base B2B and "
        "B2C. A customer's move abroad triggered a change of strategy.",
        source=LETTNER + " (case I)", weight=8,
        countries=_weights("CH:8 LI:1 DE:1"),
        segments=(
            SegmentSpec(
                "plant-owners", "Industrial plant owners", B2B, 6,
                _items("{stem} Industrie {legal} | {stem} Energie {legal} | "
                       "{stem} Lebensmittel {legal}"),
                "Industry", (30, 3000),
            ),
            SegmentSpec("private-builders", "Private builders", B2C, 4, PERSONS),
        ),
        offerings=_items(
            "plant-construction=Industrial plant construction | building-services=Building "
            "services engineering | maintenance-contract=Plant maintenance contract"
        ),
        topics=_items(
            "commissioning schedules | energy-efficient plant design | permit procedures | "
            "market moves abroad | maintenance intervals"
        ),
        motives=("AdaptedOfferingsMotive", "ReputationMotive", *TRUST_INFO),
        contribution_kinds=(*CORE_KINDS, "ProcessImprovement", "MarketChangeAnticipation"),
        profile="industrial", ri_rate=0.15,
        initiatives=(
            InitiativeSpec(
                "early-warning-circle", "Early-warning market circle", ("TeamBasedCoLearning",),
                "Hear early about market changes from customers with an intensive relationship "
                "who discuss their experiences and problems openly.",
            ),
        ),
    ),
    FirmSpec(
        slug="techco", label="TechCo Security Management", sme=False, country="NL", employees=800,
        business_field="Security technology (access control hardware and software)",
        comment="Business unit of a high-tech firm with 10 offices and 800+ employees. Sells "
        "its open access control platform (ACS) through a certified network of system "
        "integrators, with whom it co-creates technical integrations.",
        source="van Middendorp (Twente thesis), §3.2 and §4 (seed 004)",
        weight=12, countries=_weights("NL:17 BE:2 DE:1"),
        segments=(
            SegmentSpec(
                "gold-integrators", "Certified system integrators — gold partners", B2B, 4,
                _items("{stem} Security Integration {legal} | {stem} Beveiliging {legal} | "
                       "{place} Security Systems {legal}"),
                "Security systems integration", (40, 600),
            ),
            SegmentSpec(
                "certified-integrators", "Certified system integrators", B2B, 6,
                _items("{stem} Installatietechniek {legal} | {stem} Safety {legal} | "
                       "{place} Beveiligingstechniek {legal}"),
                "Security systems integration", (8, 120),
            ),
        ),
        offerings=_items(
            "acs=ACS access control system (open platform) | vms-integration=ACS integration "
            "with video management | intrusion-integration=ACS integration with intrusion "
            "detection | integration-support=Integration support"
        ),
        topics=_items(
            "video management integration | intrusion detection integration | integration "
            "documentation | release planning of integrations | tender requirements | "
            "third-party vendor issues"
        ),
        motives=("AdaptedOfferingsMotive", *TRUST_INFO),
        contribution_kinds=(*CORE_KINDS, "WordOfMouth", "ProcessImprovement"),
        profile="integrator", ri_rate=0.9,
        initiatives=(
            InitiativeSpec(
                "integration-co-creation", "Integration co-creation with system integrators",
                ("MutualInnovation", "TeamBasedCoLearning"),
                "Involve system integrators early in integration projects and adapt the drivers "
                "of each resource-integrating practice to their value-creating process.",
            ),
            InitiativeSpec(
                "success-stories", "Joint success stories", ("Prosumerism",),
                "Promote integration cases jointly in whitepapers and success stories that help "
                "integrators convince their end-customers.",
            ),
        ),
    ),
    FirmSpec(
        slug="ict-services", label="Finnish B2B ICT service company", sme=True, country="FI",
        employees=16, business_field="ICT infrastructure, networks and data protection services",
        comment="Communications specialist founded in 1997, B2B only, about 130 customers. "
        "Help desk first, ten steering groups with key customers, a yearly customer event and "
        "a yearly satisfaction survey; deep customer insight sits in the sales people's "
        "memories.",
        source="Laurea UAS co-creation thesis, §5 (seed 002)",
        weight=11, countries=_weights("FI:1"),
        segments=(
            SegmentSpec(
                "public-education", "Public and educational sector", PUBLIC, 4,
                _items("City of {place} | {place} Vocational College | "
                       "{place} Adult Education Centre | {place} Upper Secondary School"),
                "Education and public services", (30, 1500),
            ),
            SegmentSpec(
                "it-software", "IT and software companies", B2B, 3,
                _items("{stem} Software {legal} | {stem} Systems {legal} | {stem}soft {legal}"),
                "Software", (5, 200),
            ),
            SegmentSpec(
                "knowledge-services", "Knowledge-intensive services", B2B, 3,
                _items("Mainostoimisto {stem} {legal} | {stem} Consulting {legal} | "
                       "{stem} Advertising {legal}"),
                "Advertising and consulting", (3, 80),
            ),
        ),
        offerings=_items(
            "tailored-networks=Tailor-made ICT infrastructure and networks | backup-service="
            "Data protection and back-up service | help-desk=Help desk and maintenance | "
            "resold-hardware=Resold standard hardware"
        ),
        topics=_items(
            "network upgrades | back-up restore tests | service breaks | invoicing "
            "transparency | project schedules | access to project status"
        ),
        motives=("AdaptedOfferingsMotive", *TRUST_INFO),
        contribution_kinds=(*CORE_KINDS, "ProcessImprovement"),
        profile="ict_service", ri_rate=0.35, memory_bound=0.55,
        initiatives=(
            InitiativeSpec(
                "steering-groups", "Steering groups with key customers", ("TeamBasedCoLearning",),
                "Turn the formal steering-group meetings into active co-development with shared "
                "learning.",
            ),
            InitiativeSpec(
                "expert-community", "Customer expert community", ("CommunitiesOfCreation",),
                "Let customers add information, give feedback and join expert discussions on a "
                "two-way platform.",
            ),
        ),
    ),
)
# fmt: on


# =======================================================================================
# The nine cases of Lettner et al. (2022) as Tables 1 and 2 and §4 report them
# =======================================================================================


@dataclass(frozen=True, slots=True)
class CaseProfile:
    """What Lettner et al. (2022) report of one case firm (see the module's mapping table)."""

    case: str  # the case letter of Table 1
    ownership: str  # Table 1 row "Company"
    growth_strategy: str  # Table 1 row "Growth Strategy"
    customer_base: str  # Table 1 row "Customer Base", verbatim
    serves: tuple[str, ...]  # the typologies that row names
    customer_base_size: int  # not in Table 1: illustrative, within the paper's constraints
    integrated_customers: int  # not in Table 1: illustrative, within the paper's constraints
    definition: str  # Table 2, "Definition from the company's perspective"
    # ckm:MethodicalDesign values the case's partnerships use, the first one always
    methods: tuple[str, ...]
    # A motive its partners hold that the case's design does not serve (a reported problem).
    unmet_motive: str | None = None


# The methods by which a partner is kept informed (§4.3 l.161: customers are "better
# informed about the products and functions, planned innovations" through the exchange;
# §4.4 l.175-177). Dinners, trips and free-time meetings build relatedness, not information.
INFORMING_METHODS = frozenset(
    _items(
        "SimpleTalkMethod | TelephoneCallMethod | WorkshopMethod | PresentationMethod | "
        "CompanyTourMethod | DigitalToolMethod"
    )
)
# All nine use a CRM-like database, mainly operationally; A and B see the strategic potential
# (identifying knowledge partners) but have not used it for lack of resources (l.114, l.133).
CASE_CRM_USES = ("OperationalCRMUse",)

# fmt: off
CASES: dict[str, CaseProfile] = {
    "medsoft": CaseProfile(
        "A", "Owner-operated", "Market and product", "B2C; partially B2B", (B2C, B2B), 800, 40,
        "The ordinary customer is a passive product receiver. The strategic customer becomes "
        "active, is intrinsically motivated, and provides a value-creating contribution.",
        _items("CompanyTourMethod | WorkshopMethod | PresentationMethod | SimpleTalkMethod"),
    ),
    "unique-technology": CaseProfile(
        "B", "Owner-operated", "Widen business field", "B2B, building B2C", (B2B, B2C), 300, 12,
        "A strategic customer is an absolute profit-pusher from which regular feedback "
        "originates and valuable activities result.",
        _items("WorkshopMethod | TelephoneCallMethod | CompanyTourMethod"),
    ),
    "software-solutions": CaseProfile(
        "C", "Owner-operated", "Waterfall (Uppsala principle)", "B2C", (B2C,), 1500, 15,
        "The strategic customer is ready to look for new ideas and solutions and does not "
        "simply try to optimize new processes but tries to change something. Those are "
        "strategic customers.",
        _items("SimpleTalkMethod | TelephoneCallMethod | WorkshopMethod"),
    ),
    "creative-clothing": CaseProfile(
        "D", "Owner-operated", "Market and product", "B2B; partially B2C", (B2B, B2C), 250, 7,
        "A strategic customer is certainly one with whom we can jointly develop ourselves in a "
        "sustainable and enduring way.",
        _items("SimpleTalkMethod | TripMethod | TelephoneCallMethod"),
    ),
    "plastic-design": CaseProfile(
        "E", "Owner-operated", "Waterfall (Uppsala principle)", "B2B; partially B2C",
        (B2B, B2C), 300, 3,
        "A strategic customer is a customer that presents our brand and products in a good "
        "way, [...] I'm not saying that the customer needs to earn us a million in turnover, "
        "but that they represent the company in a good brand environment.",
        _items("DinnerMethod | FreeTimeMeetingMethod"),
        unmet_motive="AccessToInformationMotive",
    ),
    "durex-technology": CaseProfile(
        "F", "Owner-operated", "Waterfall (Uppsala principle)", "B2B", (B2B,), 350, 10,
        "Strategic customers do not confront us with a competitive offer, but they see the "
        "bilateral position on a strategic level and help us develop together, because a "
        "strategic customer shares information with me that another \N{EN DASH} normal "
        "customer \N{EN DASH} would keep to himself.",
        _items("SimpleTalkMethod | TelephoneCallMethod | WorkshopMethod"),
    ),
    "synthetic-material": CaseProfile(
        "G", "Owner-operated", "Low growth (already capacity utilization)",
        "B2B (standard business), B2C", (B2B, B2C), 900, 9,
        "I think that I see a customer under the term strategic customer, which can be "
        "interpreted as having knowledge, know-how and is a thinking partner.",
        _items("SimpleTalkMethod | DinnerMethod | FreeTimeMeetingMethod"),
    ),
    "knowledge-company": CaseProfile(
        "H", "Owner-operated", "Market opportunities", "B2C/Public Sector", (B2C, PUBLIC),
        120, 5,
        "A strategic customer form is a customer that does not only bring profit, but also an "
        "extra value. Value insofar that I can learn something from the customer that one "
        "normally has in a partner relationship [...] we have been working with the strategic "
        "customers for over five years now [...] but I doubt that the strategic customers know "
        "that they are indeed strategic customers.",
        _items("SimpleTalkMethod | WorkshopMethod | DinnerMethod"),
    ),
    "construction-company": CaseProfile(
        "I", "Associated Company", "Continued growing", "B2B & B2C", (B2B, B2C), 200, 11,
        "One must know oneself well and already have an intensive relationship. That is an "
        "elementary prerequisite for a strategic customer seeing as only then can they provide "
        "a structured flow if they discuss their experiences, problems and possible solutions.",
        _items("WorkshopMethod | PresentationMethod | SimpleTalkMethod"),
    ),
}
# fmt: on
# Knowledge partners the demo gives the two firms outside Lettner et al., relative to the
# integrated customers of the nine cases.
PARTNER_WEIGHT = {"techco": 12, "ict-services": 8}
# Segments whose accounts buy through a purchasing department for consumers who are not
# purchasers: case A's hospitals and their doctors (l.135).
PURCHASING_SEGMENTS = frozenset({("medsoft", "hospitals")})
# Their partnerships are run formally (seeds 004 and 002): these methods.
FORMAL_METHODS = _items("WorkshopMethod | PresentationMethod | DigitalToolMethod")

TABLE2_TSV = Path(__file__).with_name("demo_tables") / "table2_criteria.tsv"


def _table2() -> dict[str, dict[str, tuple[str, ...]]]:
    """Case letter -> perspective ("company"/"customer") -> ckm:IdentificationCriterion names."""
    criteria: dict[str, dict[str, list[str]]] = {}
    with TABLE2_TSV.open(encoding="utf-8") as lines:
        rows = csv.DictReader((line for line in lines if not line.startswith("#")), delimiter="\t")
        for row in rows:
            found = criteria.setdefault(row["case"], {}).setdefault(row["perspective"], [])
            if row["criterion"] not in found:
                found.append(row["criterion"])
    return {case: {p: tuple(c) for p, c in by.items()} for case, by in criteria.items()}


# Table 2 of Lettner et al. (2022): each case's identification criteria per perspective.
TABLE2 = _table2()

# Fictional names in the languages of the cases' countries.
LANGUAGE = {"DE": "de", "AT": "de", "CH": "de", "LI": "de", "NL": "nl", "BE": "nl", "FI": "fi"}
LANGUAGE |= {"IT": "it", "FR": "fr"}
STEMS = {
    "de": _items(
        "Alpenblick | Rheintal | Falkner | Berghof | Seetal | Eichwald | Steinbach | Sonnberg | "
        "Lindenhof | Nordwerk | Hochfeld | Brunnmatt | Talgut | Waldegg | Kessler | Vogt | "
        "Ospelt | Wanger | Kranz | Hubertus | Feldmann | Tannheim"
    ),
    "nl": _items(
        "Van Dijk | De Haan | Oranje | Polder | Noordster | Dijkstra | Brouwer | Kanaal | "
        "Zeeland | Veluwe | Hofstad | Lindeboom"
    ),
    "fi": _items("Kivi | Revontuli | Pohjola | Saimaa | Kotka | Lappi | Aalto | Tuuli | Karhu"),
    "it": _items("Dolomiti | Adige | Lario | Monviso | Brenta"),
    "fr": _items("Léman | Savoie | Vosges | Jura | Mont-Blanc"),
}
FIRST_NAMES = {
    "de": _items(
        "Anna | Lukas | Sophie | Jonas | Laura | Felix | Marie | David | Lea | Simon | Nina | "
        "Michael | Sarah | Thomas | Julia | Andreas | Claudia | Stefan | Martina | Daniel"
    ),
    "nl": _items("Daan | Emma | Sem | Julia | Lars | Sanne | Bram | Fleur | Joris | Noor"),
    "fi": _items("Mikko | Aino | Juha | Laura | Antti | Helmi | Timo | Sanna | Eero | Venla"),
    "it": _items("Marco | Giulia | Luca | Chiara | Matteo"),
    "fr": _items("Camille | Louis | Chloé | Hugo | Léa"),
}
LAST_NAMES = {
    "de": _items(
        "Müller | Meier | Schmid | Keller | Weber | Huber | Schneider | Frick | Marxer | "
        "Büchel | Hasler | Gassner | Wolf | Fischer | Brunner | Gruber | Steiner | Moser | "
        "Hofer | Bauer | Kaiser | Beck"
    ),
    "nl": _items("de Vries | Jansen | Bakker | Visser | Smit | Meijer | de Boer | Mulder | Bos"),
    "fi": _items("Virtanen | Korhonen | Nieminen | Mäkinen | Hämäläinen | Laine | Koskinen"),
    "it": _items("Rossi | Bianchi | Ferrari | Gruber | Romano"),
    "fr": _items("Martin | Bernard | Dubois | Moreau | Girard"),
}
PLACES = {
    "LI": _items("Vaduz | Schaan | Balzers | Triesen | Eschen | Mauren | Ruggell"),
    "CH": _items("Zürich | Buchs | Chur | St. Gallen | Bern | Luzern | Winterthur | Basel"),
    "AT": _items("Wien | Graz | Linz | Innsbruck | Feldkirch | Dornbirn | Bregenz | Salzburg"),
    "DE": _items("München | Stuttgart | Köln | Hamburg | Nürnberg | Freiburg | Ulm | Leipzig"),
    "NL": _items("Utrecht | Eindhoven | Amersfoort | Zwolle | Rotterdam | Arnhem | Breda"),
    "BE": _items("Antwerpen | Gent | Leuven | Hasselt"),
    "FI": _items("Helsinki | Espoo | Vantaa | Tampere | Turku | Oulu | Lahti | Jyväskylä"),
    "IT": _items("Milano | Bolzano | Como | Torino"),
    "FR": _items("Lyon | Annecy | Strasbourg | Grenoble"),
}
LEGAL_FORMS = {
    "DE": _items("GmbH | AG | GmbH & Co. KG"),
    "AT": _items("GmbH | AG"),
    "CH": _items("AG | GmbH | SA"),
    "LI": _items("AG | Anstalt | GmbH"),
    "NL": _items("B.V."),
    "BE": _items("NV | BV"),
    "FI": _items("Oy | Oy Ab"),
    "IT": _items("S.r.l. | S.p.A."),
    "FR": _items("SAS | SARL"),
}

# =======================================================================================
# Interaction scenarios: channel, value sphere, CKM style, RI practice, knowledge yielded
# =======================================================================================

DIRECT_CHANNELS = frozenset(
    _items(
        "FaceToFaceMeeting | SiteVisit | Telephone | VideoCall | Email | Workshop | "
        "CustomerEvent | TradeFair | SteeringGroupMeeting | SupportDesk"
    )
)
# Channels where knowledge is exchanged in conversation, hence often tacit (Lettner §4.1).
CONVERSATION_CHANNELS = DIRECT_CHANNELS - {"Email", "SupportDesk"}
CHANNEL_LABEL = {
    "FaceToFaceMeeting": "face-to-face meeting",
    "SiteVisit": "site visit",
    "Telephone": "telephone call",
    "VideoCall": "video call",
    "Email": "e-mail",
    "Workshop": "workshop",
    "CustomerEvent": "customer event",
    "TradeFair": "trade fair",
    "SteeringGroupMeeting": "steering group meeting",
    "SupportDesk": "support desk ticket",
    "SurveyForm": "survey form",
    "IdeaPlatform": "idea platform post",
    "OnlineCommunity": "online community thread",
    "SocialMedia": "social media post",
    "ProductConfigurator": "product configurator session",
    "Chatbot": "chatbot session",
    "SelfServicePortal": "self-service portal visit",
}

FROM, ABOUT, FOR = "from", "about", "for"
ALL_ROLES = frozenset({PASSIVE, ACTIVE, PARTNER})
ENGAGED = frozenset({ACTIVE, PARTNER})


@dataclass(frozen=True, slots=True)
class Scenario:
    """A kind of customer contact: where it happens and what it can yield.

    Direct channels form the joint sphere (Grönroos & Voima 2013, as used in seed 004);
    indirect ones are the provider's production or the customer's own use.
    """

    key: str
    channels: tuple[str, ...]  # drawn uniformly; repeat a channel to weight it
    sphere: str  # ckm:ValueSphere local name
    roles: frozenset[str]  # customer roles (at the time) that take part
    styles: tuple[str, ...]  # CKM styles it can follow with active customers and partners
    knowledge: tuple[tuple[str, str], ...]  # (flow, content) it can yield
    summary: str
    practices: tuple[str, ...] = ()  # RI practices it can record
    organisations_only: bool = False

    @property
    def joint(self) -> bool:
        return self.sphere == "JointSphere"


def _scenario(
    key: str,
    channels: str,
    sphere: str,
    roles: frozenset[str],
    styles: str,
    knowledge: str,
    summary: str,
    practices: str = "",
    organisations_only: bool = False,
) -> Scenario:
    """A Scenario from compact text: ``knowledge`` as ``"from:Idea | for:UsageGuidance"``."""
    pairs = tuple((flow, content) for flow, content in (i.split(":") for i in _items(knowledge)))
    channel_list, style_list, practice_list = _items(channels), _items(styles), _items(practices)
    return Scenario(
        key,
        channel_list,
        sphere,
        roles,
        style_list,
        pairs,
        summary,
        practice_list,
        organisations_only,
    )


# fmt: off
SCENARIOS: dict[str, Scenario] = {
    s.key: s
    for s in (
        _scenario(
            "support", "SupportDesk | SupportDesk | Email | Telephone", "JointSphere",
            ALL_ROLES, "", "from:Complaint | from:Query | for:UsageGuidance | from:Feedback",
            "Support request from {customer} about {topic} ({offering}).",
            "SupportingAndAssisting",
        ),
        _scenario(
            "account-visit", "FaceToFaceMeeting | SiteVisit | Telephone | VideoCall",
            "JointSphere", ALL_ROLES, "Prosumerism | MutualInnovation",
            "about:Preference | about:Demographics | about:ValuesAndBeliefs | from:LatentNeed "
            "| for:ProductInformation | about:CustomerProcessInsight | from:TrendSignal | "
            "from:CompetitorInsight",
            "Account meeting with {customer}: needs around {topic} and the use of {offering}.",
            "DiagnosingAndDesigning",
        ),
        _scenario(
            "workshop", "Workshop | Workshop | VideoCall | SiteVisit", "JointSphere", ENGAGED,
            "MutualInnovation | TeamBasedCoLearning | JointIntellectualProperty",
            "from:Idea | from:Experience | from:LatentNeed | from:TrendSignal",
            "Co-design workshop with {customer} on {topic} for {offering}.",
            "DiagnosingAndDesigning | ProducingAndImplementing",
        ),
        _scenario(
            "steering-group", "SteeringGroupMeeting", "JointSphere", ENGAGED,
            "TeamBasedCoLearning | JointIntellectualProperty",
            "from:TrendSignal | from:CompetitorInsight | from:Feedback | about:Preference",
            "Steering group meeting with {customer}: {topic} on the agenda, minutes kept.",
            "DiagnosingAndDesigning | ProducingAndImplementing", organisations_only=True,
        ),
        _scenario(
            "event", "CustomerEvent | TradeFair", "JointSphere", ALL_ROLES,
            "CommunitiesOfCreation | TeamBasedCoLearning",
            "from:TrendSignal | from:CompetitorInsight | for:ProductInformation | "
            "from:Experience",
            "{customer} met at a {channel}; conversation about {topic}.", "PromotingAndSharing",
        ),
        _scenario(
            "informing", "Email | VideoCall | Telephone", "JointSphere", ALL_ROLES, "",
            "for:ProductInformation | for:UsageGuidance",
            "{customer} informed in advance about changes to {topic} in {offering}.",
            "ProducingAndImplementing",
        ),
        _scenario(
            "joint-marketing", "FaceToFaceMeeting | Email | VideoCall", "JointSphere", ENGAGED,
            "Prosumerism", "from:Experience | for:ProductInformation",
            "Joint success story with {customer} on {topic} prepared for end-customers.",
            "PromotingAndSharing", organisations_only=True,
        ),
        _scenario(
            "implementation", "SiteVisit | Telephone | Email | VideoCall", "JointSphere",
            ALL_ROLES, "TeamBasedCoLearning | MutualInnovation",
            "from:Feedback | for:UsageGuidance | from:Complaint | about:CustomerProcessInsight",
            "Implementation of {offering} at {customer}: {topic} coordinated with the team.",
            "ProducingAndImplementing | SupportingAndAssisting", organisations_only=True,
        ),
        _scenario(
            "survey", "SurveyForm", "CustomerSphere", ALL_ROLES, "",
            "from:Feedback | about:Preference",
            "{customer} answered the yearly satisfaction survey on {offering}.",
        ),
        _scenario(
            "idea-platform", "IdeaPlatform", "CustomerSphere", ENGAGED,
            "Prosumerism | MutualInnovation", "from:Idea | from:LatentNeed",
            "{customer} posted an idea about {topic} on the idea platform.",
        ),
        _scenario(
            "self-service", "SelfServicePortal", "CustomerSphere", ALL_ROLES, "",
            "for:UsageGuidance | about:Preference | from:Query",
            "{customer} used the self-service portal for {offering}.",
        ),
        _scenario(
            "configurator", "ProductConfigurator", "CustomerSphere", ALL_ROLES, "Prosumerism",
            "about:Preference | about:Lifestyle",
            "{customer} configured {offering} with the product configurator.",
        ),
        _scenario(
            "chatbot", "Chatbot", "CustomerSphere", ALL_ROLES, "",
            "for:UsageGuidance | from:Query", "{customer} asked the chatbot about {topic}.",
        ),
        _scenario(
            "community", "OnlineCommunity", "CustomerSphere", ENGAGED, "CommunitiesOfCreation",
            "from:Experience | from:Idea",
            "{customer} discussed {topic} with other users in the online community.",
        ),
        _scenario(
            "social-media", "SocialMedia", "CustomerSphere", ALL_ROLES, "CommunitiesOfCreation",
            "from:Experience | from:Complaint | from:TrendSignal",
            "{customer} commented on {offering} on social media.",
        ),
    )
}
# fmt: on

# Relative frequency of the scenarios per kind of firm.
SCENARIO_WEIGHTS: dict[str, tuple[tuple[str, int], ...]] = {
    "consumer": _weights(
        "support:14 account-visit:6 workshop:5 event:4 informing:8 survey:10 idea-platform:8 "
        "self-service:10 configurator:8 chatbot:8 community:9 social-media:10"
    ),
    "industrial": _weights(
        "support:14 account-visit:16 workshop:10 steering-group:3 event:9 informing:8 "
        "joint-marketing:3 implementation:6 survey:8 idea-platform:3 self-service:5 "
        "configurator:3 chatbot:2 community:2 social-media:4"
    ),
    "consulting": _weights(
        "support:5 account-visit:18 workshop:20 steering-group:6 event:10 informing:8 "
        "survey:8 community:6 social-media:4"
    ),
    # van Middendorp: integrations co-created in direct interaction with the integrators.
    "integrator": _weights(
        "support:18 account-visit:10 workshop:14 steering-group:2 event:6 informing:12 "
        "joint-marketing:8 implementation:18 survey:4 self-service:6 community:2"
    ),
    # Seed 002: help desk first, steering groups, yearly event and survey, e-mail by default.
    "ict_service": _weights(
        "support:26 account-visit:8 workshop:3 steering-group:8 event:6 informing:8 "
        "implementation:12 survey:10 self-service:3 social-media:2"
    ),
}

# =======================================================================================
# Resource integration (van Middendorp, seed 004, §4.1-4.2)
# =======================================================================================

# Drivers of each practice, weighted by how often the case found them underperforming.
DRIVERS: dict[str, tuple[tuple[str, int], ...]] = {
    "DiagnosingAndDesigning": _weights("CustomerInvolvement:3 ProactiveAttitude:2 Collaboration:2"),
    "ProducingAndImplementing": _weights("Communication:2 Documentation:3 Informing:1"),
    "PromotingAndSharing": _weights("JointMarketing:1 PromotionalMaterial:1"),
    "SupportingAndAssisting": _weights("AdequateResponse:2 Responsibility:2 Support:3"),
}
MISALIGNMENT_RATE = {
    "DiagnosingAndDesigning": 0.4,
    "ProducingAndImplementing": 0.35,
    "PromotingAndSharing": 0.2,
    "SupportingAndAssisting": 0.5,
}
# What the customer said when the driver fell short | when it went well (quotes Q1-Q16).
DRIVER_FINDING = {
    "CustomerInvolvement": _items(
        "the customer was involved only after important decisions were made | "
        "the customer's specialist took part from the start"
    ),
    "ProactiveAttitude": _items(
        "the provider stayed passive on a request the customer had raised | "
        "the provider proposed a solution on its own initiative"
    ),
    "Collaboration": _items(
        "there was no joint brainstorm at the beginning | they collaborated closely from the start"
    ),
    "Communication": _items(
        "inadequate communication delayed the implementation | "
        "communication and willingness to help were good"
    ),
    "Documentation": _items(
        "the documentation was too technical to convince end-customers | "
        "the documentation helped to convince the end-customer"
    ),
    "Informing": _items(
        "the customer learned about the release too late for its tender | "
        "the customer was informed in advance about the release"
    ),
    "JointMarketing": _items(
        "the case was not used in joint marketing | the case was used in a joint whitepaper"
    ),
    "PromotionalMaterial": _items(
        "no success story material was available | success story material was shared"
    ),
    "AdequateResponse": _items(
        "the customer felt unheard: no reply or update in reasonable time | "
        "a reply and regular updates came in reasonable time"
    ),
    "Responsibility": _items(
        "responsibility bounced between the provider and a third-party vendor | "
        "the provider took responsibility for the issue"
    ),
    "Support": _items(
        "there was no findable support channel for integrations | "
        "the right support person was reachable quickly"
    ),
}

# =======================================================================================
# Knowledge (seed 003: for, about and from customers) and contributions (Lettner §4.2)
# =======================================================================================

STATEMENTS: dict[str, tuple[str, ...]] = {
    "Idea": _items(
        "Suggests adding {topic} to {offering}. | Proposes a joint pilot on {topic} for "
        "{offering}. | Idea: let users adjust {topic} themselves in {offering}."
    ),
    "Feedback": _items(
        "Satisfied with {offering} overall, but {topic} takes too long. | Rates {topic} in "
        "{offering} as clearly better than before. | Finds {topic} in {offering} hard to "
        "understand without training."
    ),
    "Complaint": _items(
        "A problem with {topic} in {offering} was not answered in time. | Finds the invoice "
        "for {offering} high compared to the work done. | Was sent back and forth about "
        "{topic}; nobody took responsibility."
    ),
    "Query": _items(
        "Asks how {topic} works in {offering}. | Asks whom to call about problems with {topic}. | "
        "Asks what exactly the {offering} contract includes."
    ),
    "Experience": _items(
        "Reports that {topic} saves their team hours every month with {offering}. | Shares "
        "how they use {offering} for {topic} in daily work. | Describes a workaround for "
        "{topic} they built around {offering}."
    ),
    "TrendSignal": _items(
        "Expects demand for {topic} to grow strongly in the next two years. | Sees customers "
        "in their market moving towards {topic}. | Reports upcoming regulation that will "
        "affect {topic}."
    ),
    "CompetitorInsight": _items(
        "A competitor now offers {topic} as standard. | Was approached by a competitor with a "
        "cheaper offer on {topic}. | Competitors use open {topic} issues against {offering} "
        "in tenders."
    ),
    "LatentNeed": _items(
        "Has not asked for it, but struggles with {topic} every week. | Would buy an add-on "
        "for {topic} if it existed. | After years of use now asks for new services around "
        "{topic}."
    ),
    "Preference": _items(
        "Prefers e-mail for routine matters and the phone only when urgent. | Prefers "
        "personal meetings on site for anything about {topic}. | Wants one contact person "
        "for {offering}. | Prefers short quarterly updates on {topic}."
    ),
    "Demographics": _items(
        "Purchaser and user differ: management buys, staff use {offering}. | Operates several "
        "sites in the region; decisions are taken centrally. | Customer for many years; buys "
        "{offering} on a yearly contract."
    ),
    "Lifestyle": _items(
        "Uses {offering} mainly on the phone in the evenings. | Spends weekends on projects "
        "and buys in small quantities. | Follows design blogs and shares purchases online."
    ),
    "ValuesAndBeliefs": _items(
        "Values a long-term partnership over the lowest price. | Values sustainability and "
        "asks about recycled materials. | Expects openness about delivery problems."
    ),
    "CustomerProcessInsight": _items(
        "Their own value creation depends on winning tenders, where {topic} is decisive. | "
        "Needs minimal downtime at their end-customers when {topic} changes. | Plans "
        "projects long before award, so early news on {topic} matters."
    ),
    "ProductInformation": _items(
        "Release notes on {topic} for {offering} sent. | Informed in advance about upcoming "
        "{topic} in {offering}. | Data sheet on {topic} for {offering} provided."
    ),
    "UsageGuidance": _items(
        "Step-by-step guidance on {topic} in {offering} given. | Explained how to handle "
        "{topic} in {offering} without downtime. | Training material on {topic} shared."
    ),
}
# Statements about private persons where the organisational wording does not fit.
PERSON_STATEMENTS = {
    "Demographics": _items(
        "Age group 30-45; buys for the household. | Retired; uses {offering} a few times a "
        "month. | Student; price-sensitive and buys online."
    ),
}
ORGANISATION_CONTENT = frozenset({"CustomerProcessInsight"})
PERSON_CONTENT = frozenset({"Lifestyle"})
# Contents that describe the customer, not an offering.
CUSTOMER_ONLY_CONTENT = frozenset({"Demographics", "Lifestyle", "ValuesAndBeliefs"})
# Know-how by nature (North & Gueldenberg 2011, as used by Lettner et al. §1).
KNOW_HOW_CONTENT = frozenset({"UsageGuidance", "CustomerProcessInsight"})

# Which contribution kinds knowledge from customers can feed, the most typical first.
CONTRIBUTION_FOR_CONTENT = {
    "Idea": _items("ProductDevelopment | ResearchAndDevelopment"),
    "Feedback": _items("ProductDevelopment | ProcessImprovement"),
    "Complaint": _items("ProcessImprovement | ProductDevelopment"),
    "Query": _items("ProcessImprovement"),
    "Experience": _items("WordOfMouth | MarketingAndSalesSupport | ProcessImprovement"),
    "TrendSignal": _items("EarlyWarning | MarketChangeAnticipation | MarketExpansion"),
    "CompetitorInsight": _items("EarlyWarning | StrategicAdvice | MarketChangeAnticipation"),
    "LatentNeed": _items("ProductDevelopment | MarketExpansion"),
    "Preference": _items("ProductDevelopment | MarketingAndSalesSupport"),
}
# The value area of each contribution kind, as its ckm:inValueArea in the ontology.
KIND_AREA = {
    "ProductDevelopment": "OperativeArea",
    "MarketingAndSalesSupport": "OperativeArea",
    "WordOfMouth": "OperativeArea",
    "ResearchAndDevelopment": "OperativeArea",
    "ProcessImprovement": "OrganizationalArea",
    "EarlyWarning": "StrategicArea",
    "MarketChangeAnticipation": "StrategicArea",
    "MarketExpansion": "StrategicArea",
    "StrategicAdvice": "StrategicArea",
}
BUSINESS_AREA = {
    "OperativeArea": "Product development, marketing and sales",
    "OrganizationalArea": "Internal processes",
    "StrategicArea": "Market development and strategy",
}
LABELS = {  # where splitting the local name reads badly
    "MarketingAndSalesSupport": "Sales support",
    "ResearchAndDevelopment": "R&D input",
    "ValuesAndBeliefs": "Values and beliefs",
}

# =======================================================================================
# Knowledge partnership design (Lettner et al. §4.4) and deliberate warnings
# =======================================================================================

DESIGN_PROPERTIES = ("temporalDesign", "socialDesign", "localDesign", "methodicalDesign")
TEMPORAL_DESIGNS = _weights("SituationalRegularTiming:3 FixedScheduleTiming:1")
SOCIAL_DESIGNS = _weights("NarrowCustomerBase:6 BroadCustomerBase:1")
LOCAL_DESIGNS = _weights("FormalLocation:1 InformalLocation:1")
METHODICAL_DESIGNS = _items(
    "SimpleTalkMethod | TelephoneCallMethod | DinnerMethod | WorkshopMethod | "
    "PresentationMethod | CompanyTourMethod | TripMethod | FreeTimeMeetingMethod | "
    "DigitalToolMethod"
)
# One partnership in this many lacks a design parameter (Warning).
INCOMPLETE_DESIGN_EVERY = 25
# One knowledge partner in this many is paid (crowding-out Warning); SMEs do not pay (§4.1).
MONETARY_REWARD_EVERY = 15
# Joint-sphere interactions each partner has at least ("Once is almost never", §4.4).
PARTNER_JOINT_INTERACTIONS = 2
