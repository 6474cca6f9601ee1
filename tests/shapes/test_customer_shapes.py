"""Shapes of firms, customers, segments, offerings and the customer role history."""

from __future__ import annotations

from tests.shapes.cases import EX, ConceptExamples, V, W, accepted, refused


class TestCustomer(ConceptExamples):
    # A knowledge partner of MedSoft, with a role history: active first, knowledge partner now.
    VALID = """
    ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" ; ckm:country "LI" ;
        ckm:employeeCount "15"^^xsd:nonNegativeInteger ; ckm:businessField "Software" .
    ex:other a ckm:Firm ; rdfs:label "Other Software" .
    ex:acme a ckm:Customer ; rdfs:label "Acme Clinic"@en ; ckm:customerOf ex:medsoft ;
        ckm:customerRole ckm:KnowledgePartnerRole ; ckm:typology ckm:B2B ; ckm:country "CH" ;
        ckm:segment ex:clinics ; ckm:employeeCount "40"^^xsd:nonNegativeInteger ;
        ckm:businessField "Health care" ;
        ckm:hasMotive ckm:AccessToInformationMotive , ckm:TrustfulPartnershipMotive ;
        ckm:receivesReward ckm:EarlyAccess .
    ex:clinics a ckm:CustomerSegment ; rdfs:label "Private clinics" ; ckm:segmentOf ex:medsoft .
    ex:hospitals a ckm:CustomerSegment ; rdfs:label "Hospitals" ; ckm:segmentOf ex:medsoft .
    ex:ris a ckm:Offering ; rdfs:label "Radiology information system" ; ckm:offeredBy ex:medsoft .
    ex:acmeRole1 a ckm:CustomerRoleAssignment ; ckm:assignedTo ex:acme ;
        ckm:assignedRole ckm:ActiveCustomerRole ;
        ckm:validFrom "2023-01-01"^^xsd:date ; ckm:validTo "2024-06-30"^^xsd:date .
    ex:acmeRole2 a ckm:CustomerRoleAssignment ; ckm:assignedTo ex:acme ;
        ckm:assignedRole ckm:KnowledgePartnerRole ; ckm:validFrom "2024-07-01"^^xsd:date .
    """

    ACCEPTED = (
        accepted("lang-text", add='ex:acme ckm:businessField "Gesundheitswesen"@de .'),
        accepted("customer-of-two-firms", add="ex:acme ckm:customerOf ex:other ."),
        accepted("offering-of-two-firms", add="ex:ris ckm:offeredBy ex:other ."),
        accepted("segment-two-names", add='ex:clinics rdfs:label "Privatkliniken"@de .'),
        accepted("public-sector-business", add="ex:acme ckm:typology ckm:PublicSector ."),
        accepted(
            "customer-recorded-from-the-firm-side",
            add='ex:bern a ckm:Customer ; rdfs:label "Bern" . ex:medsoft ckm:hasCustomer ex:bern .',
        ),
        accepted(
            "offering-recorded-from-the-firm-side",
            add='ex:pacs a ckm:Offering ; rdfs:label "PACS" . ex:medsoft ckm:offers ex:pacs .',
        ),
        accepted(
            "assignment-starts-and-ends-on-the-same-day",
            drop='ex:acmeRole1 ckm:validTo "2024-06-30"^^xsd:date .',
            add='ex:acmeRole1 ckm:validTo "2023-01-01"^^xsd:date .',
        ),
        accepted(
            "passive-customer-receives-money",
            drop="ex:acme ckm:customerRole ckm:KnowledgePartnerRole ."
            " ex:acmeRole2 ckm:assignedRole ckm:KnowledgePartnerRole .",
            add="ex:acme ckm:customerRole ckm:PassiveCustomerRole ; ckm:receivesReward"
            " ckm:MonetaryReward . ex:acmeRole2 ckm:assignedRole ckm:PassiveCustomerRole .",
        ),
    )

    REFUSED = (
        # --- Firm
        refused(
            "firm-no-name",
            'ex:medsoft rdfs:label "MedSoft" .',
            "",
            ("Firm-label", EX.medsoft, V),
        ),
        refused(
            "firm-two-names",
            "",
            'ex:medsoft rdfs:label "MedSoft AG" .',
            ("Firm-label", EX.medsoft, V),
        ),
        refused(
            "firm-name-not-text",
            'ex:medsoft rdfs:label "MedSoft" .',
            "ex:medsoft rdfs:label 42 .",
            ("Firm-label", EX.medsoft, V),
        ),
        refused(
            "firm-employees-text",
            'ex:medsoft ckm:employeeCount "15"^^xsd:nonNegativeInteger .',
            'ex:medsoft ckm:employeeCount "fifteen" .',
            ("Firm-employeeCount", EX.medsoft, V),
        ),
        refused(
            "firm-employees-negative",
            'ex:medsoft ckm:employeeCount "15"^^xsd:nonNegativeInteger .',
            'ex:medsoft ckm:employeeCount "-3"^^xsd:nonNegativeInteger .',
            ("Firm-employeeCount", EX.medsoft, V),
        ),
        refused(
            "firm-two-employee-counts",
            "",
            'ex:medsoft ckm:employeeCount "16"^^xsd:nonNegativeInteger .',
            ("Firm-employeeCount", EX.medsoft, V),
        ),
        refused(
            "firm-field-not-text",
            'ex:medsoft ckm:businessField "Software" .',
            "ex:medsoft ckm:businessField 7 .",
            ("Firm-businessField", EX.medsoft, V),
        ),
        refused(
            "firm-country-lowercase",
            'ex:medsoft ckm:country "LI" .',
            'ex:medsoft ckm:country "li" .',
            ("Firm-country", EX.medsoft, V),
        ),
        refused(
            "firm-country-alpha3",
            'ex:medsoft ckm:country "LI" .',
            'ex:medsoft ckm:country "LIE" .',
            ("Firm-country", EX.medsoft, V),
        ),
        # --- Customer
        refused(
            "no-name",
            'ex:acme rdfs:label "Acme Clinic"@en .',
            "",
            ("Customer-label", EX.acme, V),
        ),
        refused(
            "two-names",
            "",
            'ex:acme rdfs:label "Acme AG" .',
            ("Customer-label", EX.acme, V),
        ),
        refused(
            "name-not-text",
            'ex:acme rdfs:label "Acme Clinic"@en .',
            "ex:acme rdfs:label ex:acmeName .",
            ("Customer-label", EX.acme, V),
        ),
        refused(
            "no-firm",
            "ex:acme ckm:customerOf ex:medsoft .",
            "",
            ("Customer-customerOf", EX.acme, V),
        ),
        refused(
            "customer-of-a-segment",
            "ex:acme ckm:customerOf ex:medsoft .",
            "ex:acme ckm:customerOf ex:clinics .",
            ("Customer-customerOf", EX.acme, V),
        ),
        refused(
            "active-and-knowledge-partner",
            "",
            "ex:acme ckm:customerRole ckm:ActiveCustomerRole .",
            ("Customer-customerRole", EX.acme, V),
        ),
        refused(
            "role-not-in-list",
            "",
            "ex:acme ckm:customerRole ex:vipRole .",
            ("Customer-customerRole", EX.acme, V),
        ),
        refused(
            "typology-not-in-list",
            "ex:acme ckm:typology ckm:B2B .",
            "ex:acme ckm:typology ckm:PassiveCustomerRole .",
            ("Customer-typology", EX.acme, V),
        ),
        refused(
            "country-name",
            'ex:acme ckm:country "CH" .',
            'ex:acme ckm:country "Switzerland" .',
            ("Customer-country", EX.acme, V),
        ),
        refused(
            "two-countries",
            "",
            'ex:acme ckm:country "DE" .',
            ("Customer-country", EX.acme, V),
        ),
        refused(
            "segment-not-a-segment",
            "ex:acme ckm:segment ex:clinics .",
            "ex:acme ckm:segment ex:medsoft .",
            ("Customer-segment", EX.acme, V),
        ),
        refused(
            "two-segments",
            "",
            "ex:acme ckm:segment ex:hospitals .",
            ("Customer-singleSegment", EX.acme, W),
        ),
        refused(
            "employees-negative-integer",
            'ex:acme ckm:employeeCount "40"^^xsd:nonNegativeInteger .',
            "ex:acme ckm:employeeCount -40 .",
            ("Customer-employeeCount", EX.acme, V),
        ),
        refused(
            "field-not-text",
            'ex:acme ckm:businessField "Health care" .',
            "ex:acme ckm:businessField ex:health .",
            ("Customer-businessField", EX.acme, V),
        ),
        refused(
            "motive-is-a-need",
            "",
            "ex:acme ckm:hasMotive ckm:Autonomy .",
            ("Customer-hasMotive", EX.acme, V),
        ),
        refused(
            "reward-not-in-list",
            "",
            "ex:acme ckm:receivesReward ckm:Intrinsic .",
            ("Customer-receivesReward", EX.acme, V),
        ),
        refused(
            "two-open-role-assignments",
            "",
            "ex:acmeRole3 a ckm:CustomerRoleAssignment ; ckm:assignedTo ex:acme ;"
            ' ckm:assignedRole ckm:KnowledgePartnerRole ; ckm:validFrom "2025-01-01"^^xsd:date .',
            ("Customer-singleOpenRoleAssignment", EX.acme, W),
        ),
        refused(
            "knowledge-partner-paid",
            "",
            "ex:acme ckm:receivesReward ckm:MonetaryReward .",
            ("Customer-noMonetaryRewardForPartners", EX.acme, W),
        ),
        refused(
            "knowledge-partner-without-trust-motive",
            "ex:acme ckm:hasMotive ckm:TrustfulPartnershipMotive .",
            "",
            ("Customer-partnerHasTrustMotive", EX.acme, W),
        ),
        refused(
            "role-differs-from-open-assignment",
            "ex:acme ckm:customerRole ckm:KnowledgePartnerRole .",
            "ex:acme ckm:customerRole ckm:ActiveCustomerRole .",
            ("Customer-roleMatchesAssignment", EX.acme, W),
        ),
        refused(
            "knowledge-partner-without-intrinsic-motive",
            "ex:acme ckm:hasMotive ckm:AccessToInformationMotive , ckm:TrustfulPartnershipMotive .",
            # No motive left (reputation would count: recognition is intrinsic, seed 000 l.88).
            "",
            ("Customer-partnerHasIntrinsicMotive", EX.acme, W),
            # The trustful-partnership motive is itself intrinsic, so its rule fires as well.
            ("Customer-partnerHasTrustMotive", EX.acme, W),
        ),
        refused(
            "firm-customer-is-a-segment",
            "",
            "ex:medsoft ckm:hasCustomer ex:clinics .",
            ("Firm-hasCustomer", EX.medsoft, V),
        ),
        refused(
            "firm-offers-a-customer",
            "",
            "ex:medsoft ckm:offers ex:acme .",
            ("Firm-offers", EX.medsoft, V),
        ),
        # --- Segment and offering
        refused(
            "segment-of-a-customer",
            "ex:clinics ckm:segmentOf ex:medsoft .",
            "ex:clinics ckm:segmentOf ex:acme .",
            ("CustomerSegment-segmentOf", EX.clinics, V),
        ),
        refused(
            "segment-of-two-firms",
            "",
            "ex:clinics ckm:segmentOf ex:other .",
            ("CustomerSegment-segmentOf", EX.clinics, V),
        ),
        refused(
            "segment-without-firm",
            "ex:clinics ckm:segmentOf ex:medsoft .",
            "",
            ("CustomerSegment-firmNamed", EX.clinics, W),
        ),
        refused(
            "segment-no-name",
            'ex:clinics rdfs:label "Private clinics" .',
            "",
            ("CustomerSegment-label", EX.clinics, V),
        ),
        refused(
            "offering-no-name",
            'ex:ris rdfs:label "Radiology information system" .',
            "",
            ("Offering-label", EX.ris, V),
        ),
        refused(
            "offering-no-firm",
            "ex:ris ckm:offeredBy ex:medsoft .",
            "",
            ("Offering-offeredBy", EX.ris, V),
        ),
        refused(
            "offering-by-a-customer",
            "ex:ris ckm:offeredBy ex:medsoft .",
            "ex:ris ckm:offeredBy ex:acme .",
            ("Offering-offeredBy", EX.ris, V),
        ),
        # --- Role assignment
        refused(
            "assignment-no-customer",
            "ex:acmeRole1 ckm:assignedTo ex:acme .",
            "",
            ("CustomerRoleAssignment-assignedTo", EX.acmeRole1, V),
        ),
        refused(
            "assignment-to-a-firm",
            "ex:acmeRole1 ckm:assignedTo ex:acme .",
            "ex:acmeRole1 ckm:assignedTo ex:medsoft .",
            ("CustomerRoleAssignment-assignedTo", EX.acmeRole1, V),
        ),
        refused(
            "assignment-no-role",
            "ex:acmeRole1 ckm:assignedRole ckm:ActiveCustomerRole .",
            "",
            ("CustomerRoleAssignment-assignedRole", EX.acmeRole1, V),
        ),
        refused(
            "assignment-role-not-in-list",
            "ex:acmeRole1 ckm:assignedRole ckm:ActiveCustomerRole .",
            "ex:acmeRole1 ckm:assignedRole ckm:B2B .",
            ("CustomerRoleAssignment-assignedRole", EX.acmeRole1, V),
        ),
        refused(
            "assignment-no-start",
            'ex:acmeRole1 ckm:validFrom "2023-01-01"^^xsd:date .',
            "",
            ("CustomerRoleAssignment-validFrom", EX.acmeRole1, V),
        ),
        refused(
            "assignment-start-is-a-time",
            'ex:acmeRole1 ckm:validFrom "2023-01-01"^^xsd:date .',
            'ex:acmeRole1 ckm:validFrom "2023-01-01T00:00:00Z"^^xsd:dateTime .',
            ("CustomerRoleAssignment-validFrom", EX.acmeRole1, V),
            # A date cannot be compared with a time or a text: the period check fails too.
            ("CustomerRoleAssignment-period", EX.acmeRole1, V),
        ),
        refused(
            "assignment-end-is-text",
            'ex:acmeRole1 ckm:validTo "2024-06-30"^^xsd:date .',
            'ex:acmeRole1 ckm:validTo "30 June 2024" .',
            ("CustomerRoleAssignment-validTo", EX.acmeRole1, V),
            # A date cannot be compared with a time or a text: the period check fails too.
            ("CustomerRoleAssignment-period", EX.acmeRole1, V),
        ),
        refused(
            "assignment-two-ends",
            "",
            'ex:acmeRole1 ckm:validTo "2024-07-31"^^xsd:date .',
            ("CustomerRoleAssignment-validTo", EX.acmeRole1, V),
        ),
        refused(
            "assignment-ends-before-it-starts",
            'ex:acmeRole1 ckm:validTo "2024-06-30"^^xsd:date .',
            'ex:acmeRole1 ckm:validTo "2022-12-31"^^xsd:date .',
            ("CustomerRoleAssignment-period", EX.acmeRole1, V),
        ),
    )
