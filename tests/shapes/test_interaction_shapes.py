"""Shapes of interactions: cardinalities, channels, spheres and the firms behind them."""

from __future__ import annotations

from tests.shapes.cases import EX, INFO, ConceptExamples, V, accepted, refused


class TestInteraction(ConceptExamples):
    # i42: a joint-sphere workshop; i43: a survey the customer fills in alone; i44: a call typed
    # direct and part of an initiative; i45: an idea-platform post typed indirect.
    VALID = """
    ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
    ex:other a ckm:Firm ; rdfs:label "Other Software" .
    ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft ;
        ckm:customerRole ckm:ActiveCustomerRole .
    ex:bern a ckm:Customer ; rdfs:label "Bern Hospital" ; ckm:customerOf ex:medsoft .
    ex:programme a ckm:CKMInitiative ; ckm:initiativeOf ex:medsoft ;
        ckm:ckmStyle ckm:MutualInnovation ; ckm:participant ex:acme ;
        ckm:givesBackValueTo ex:acme ; ckm:objective "Co-develop report export" .
    ex:i42 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme , ex:bern ;
        prov:startedAtTime "2026-03-04T10:00:00Z"^^xsd:dateTime ;
        prov:endedAtTime "2026-03-04T12:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ;
        ckm:ckmStyle ckm:MutualInnovation ; ckm:satisfaction 4 ;
        ckm:summary "Workshop on exporting reports"@en .
    ex:i43 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-03-10T08:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:SurveyForm ; ckm:inSphere ckm:CustomerSphere .
    ex:i44 a ckm:DirectInteraction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-03-12T09:30:00+01:00"^^xsd:dateTime ;
        ckm:channel ckm:Telephone ; ckm:inSphere ckm:JointSphere ;
        ckm:partOfInitiative ex:programme .
    ex:i45 a ckm:IndirectInteraction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:bern ;
        prov:startedAtTime "2026-03-13T16:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:IdeaPlatform ; ckm:inSphere ckm:CustomerSphere .
    """

    ACCEPTED = (
        accepted("two-styles", add="ex:i42 ckm:ckmStyle ckm:Prosumerism ."),
        accepted(
            "satisfaction-1", drop="ex:i42 ckm:satisfaction 4 .", add="ex:i42 ckm:satisfaction 1 ."
        ),
        accepted(
            "satisfaction-5", drop="ex:i42 ckm:satisfaction 4 .", add="ex:i42 ckm:satisfaction 5 ."
        ),
        accepted("no-satisfaction", drop="ex:i42 ckm:satisfaction 4 ."),
        accepted(
            "video-call-in-joint-sphere",
            drop="ex:i43 ckm:channel ckm:SurveyForm . ex:i43 ckm:inSphere ckm:CustomerSphere .",
            add="ex:i43 ckm:channel ckm:VideoCall . ex:i43 ckm:inSphere ckm:JointSphere .",
        ),
        accepted(
            "ends-when-it-starts",
            drop='ex:i42 prov:endedAtTime "2026-03-04T12:00:00Z"^^xsd:dateTime .',
            add='ex:i42 prov:endedAtTime "2026-03-04T10:00:00Z"^^xsd:dateTime .',
        ),
        accepted(
            "second-interaction-of-the-initiative",
            add='ex:i43 ckm:partOfInitiative ex:programme . ex:i43 ckm:summary "Survey" .',
        ),
    )

    REFUSED = (
        # --- Cardinalities and value types
        refused(
            "no-firm",
            "ex:i42 ckm:byFirm ex:medsoft .",
            "",
            ("Interaction-byFirm", EX.i42, V),
        ),
        refused(
            "two-firms",
            "",
            "ex:i42 ckm:byFirm ex:other . ex:acme ckm:customerOf ex:other ."
            " ex:bern ckm:customerOf ex:other .",
            ("Interaction-byFirm", EX.i42, V),
        ),
        refused(
            "firm-is-a-customer",
            "ex:i43 ckm:byFirm ex:medsoft .",
            "ex:i43 ckm:byFirm ex:bern .",
            ("Interaction-byFirm", EX.i43, V),
            # Acme is no customer of Bern Hospital either.
            ("Interaction-customerOfFirm", EX.i43, INFO),
        ),
        refused(
            "no-customer",
            "ex:i42 ckm:withCustomer ex:acme , ex:bern .",
            "",
            ("Interaction-withCustomer", EX.i42, V),
        ),
        refused(
            "customer-is-a-firm",
            "",
            "ex:i43 ckm:withCustomer ex:other .",
            ("Interaction-withCustomer", EX.i43, V),
            # ex:other is not recorded as a customer of MedSoft either.
            ("Interaction-customerOfFirm", EX.i43, INFO),
        ),
        refused(
            "no-start",
            'ex:i43 prov:startedAtTime "2026-03-10T08:00:00Z"^^xsd:dateTime .',
            "",
            ("Interaction-startedAtTime", EX.i43, V),
        ),
        refused(
            "start-is-a-date",
            'ex:i43 prov:startedAtTime "2026-03-10T08:00:00Z"^^xsd:dateTime .',
            'ex:i43 prov:startedAtTime "2026-03-10"^^xsd:date .',
            ("Interaction-startedAtTime", EX.i43, V),
        ),
        refused(
            "start-is-text",
            'ex:i43 prov:startedAtTime "2026-03-10T08:00:00Z"^^xsd:dateTime .',
            'ex:i43 prov:startedAtTime "10 March 2026" .',
            ("Interaction-startedAtTime", EX.i43, V),
        ),
        refused(
            "two-starts",
            "",
            'ex:i43 prov:startedAtTime "2026-03-11T08:00:00Z"^^xsd:dateTime .',
            ("Interaction-startedAtTime", EX.i43, V),
        ),
        refused(
            "two-ends",
            "",
            'ex:i42 prov:endedAtTime "2026-03-04T13:00:00Z"^^xsd:dateTime .',
            ("Interaction-endedAtTime", EX.i42, V),
        ),
        refused(
            "ends-before-it-starts",
            'ex:i42 prov:endedAtTime "2026-03-04T12:00:00Z"^^xsd:dateTime .',
            'ex:i42 prov:endedAtTime "2026-03-04T09:00:00Z"^^xsd:dateTime .',
            ("Interaction-timeOrder", EX.i42, V),
        ),
        refused(
            "no-channel",
            "ex:i43 ckm:channel ckm:SurveyForm .",
            "",
            ("Interaction-channel", EX.i43, V),
        ),
        refused(
            "channel-not-a-channel",
            "ex:i43 ckm:channel ckm:SurveyForm .",
            "ex:i43 ckm:channel ckm:CRMSystem .",
            ("Interaction-channel", EX.i43, V),
        ),
        refused(
            "two-channels",
            "",
            "ex:i42 ckm:channel ckm:VideoCall .",
            ("Interaction-channel", EX.i42, V),
        ),
        refused(
            "no-sphere",
            "ex:i43 ckm:inSphere ckm:CustomerSphere .",
            "",
            ("Interaction-inSphere", EX.i43, V),
        ),
        refused(
            "sphere-not-in-list",
            "ex:i43 ckm:inSphere ckm:CustomerSphere .",
            "ex:i43 ckm:inSphere ckm:SurveyForm .",
            ("Interaction-inSphere", EX.i43, V),
        ),
        refused(
            "two-spheres",
            "",
            "ex:i43 ckm:inSphere ckm:ProviderSphere .",
            ("Interaction-inSphere", EX.i43, V),
        ),
        refused(
            "satisfaction-0",
            "ex:i42 ckm:satisfaction 4 .",
            "ex:i42 ckm:satisfaction 0 .",
            ("Interaction-satisfaction", EX.i42, V),
        ),
        refused(
            "satisfaction-6",
            "ex:i42 ckm:satisfaction 4 .",
            "ex:i42 ckm:satisfaction 6 .",
            ("Interaction-satisfaction", EX.i42, V),
        ),
        refused(
            "satisfaction-decimal",
            "ex:i42 ckm:satisfaction 4 .",
            "ex:i42 ckm:satisfaction 4.5 .",
            ("Interaction-satisfaction", EX.i42, V),
        ),
        refused(
            "satisfaction-text",
            "ex:i42 ckm:satisfaction 4 .",
            'ex:i42 ckm:satisfaction "4" .',
            ("Interaction-satisfaction", EX.i42, V),
        ),
        refused(
            "two-satisfactions",
            "",
            "ex:i42 ckm:satisfaction 3 .",
            ("Interaction-satisfaction", EX.i42, V),
        ),
        refused(
            "two-summaries",
            "",
            'ex:i42 ckm:summary "Another summary" .',
            ("Interaction-summary", EX.i42, V),
        ),
        refused(
            "summary-not-text",
            "",
            "ex:i43 ckm:summary ex:notes .",
            ("Interaction-summary", EX.i43, V),
        ),
        refused(
            "style-not-in-list",
            "",
            "ex:i42 ckm:ckmStyle ckm:Workshop .",
            ("Interaction-ckmStyle", EX.i42, V),
        ),
        refused(
            "partnership-is-an-initiative",
            "",
            "ex:i43 ckm:partOfPartnership ex:programme .",
            ("Interaction-partOfPartnership", EX.i43, V),
            # A programme has no partner firm, so the partnership-firm rule fails as well.
            ("Interaction-partnershipFirm-byFirm", EX.i43, V),
        ),
        refused(
            "initiative-is-a-customer",
            "ex:i44 ckm:partOfInitiative ex:programme .",
            "ex:i44 ckm:partOfInitiative ex:acme .",
            ("Interaction-partOfInitiative", EX.i44, V),
            ("Interaction-initiativeFirm-byFirm", EX.i44, V),
        ),
        # --- Spheres and channels (Grönroos & Voima)
        refused(
            "survey-in-joint-sphere",
            "ex:i42 ckm:channel ckm:Workshop .",
            "ex:i42 ckm:channel ckm:SurveyForm .",
            ("Interaction-jointSphereDirectChannel", EX.i42, V),
        ),
        refused(
            "chatbot-in-joint-sphere",
            "ex:i43 ckm:channel ckm:SurveyForm . ex:i43 ckm:inSphere ckm:CustomerSphere .",
            "ex:i43 ckm:channel ckm:Chatbot . ex:i43 ckm:inSphere ckm:JointSphere .",
            ("Interaction-jointSphereDirectChannel", EX.i43, V),
        ),
        refused(
            "email-outside-joint-sphere",
            "ex:i43 ckm:channel ckm:SurveyForm .",
            "ex:i43 ckm:channel ckm:Email .",
            ("Interaction-directChannelInJointSphere", EX.i43, INFO),
        ),
        refused(
            "direct-interaction-through-survey",
            "ex:i44 ckm:channel ckm:Telephone . ex:i44 ckm:inSphere ckm:JointSphere .",
            "ex:i44 ckm:channel ckm:SurveyForm . ex:i44 ckm:inSphere ckm:CustomerSphere .",
            ("DirectInteraction-channel", EX.i44, V),
        ),
        refused(
            "both-direct-and-indirect",
            "",
            "ex:i45 a ckm:DirectInteraction .",
            ("DirectInteraction-notIndirect", EX.i45, V),
            # The idea platform is not a direct channel either.
            ("DirectInteraction-channel", EX.i45, V),
        ),
        refused(
            "typed-only-direct-and-no-firm",
            "ex:i44 ckm:byFirm ex:medsoft .",
            "",
            # ckm:DirectInteraction is a defined class: its members get every interaction rule.
            ("Interaction-byFirm", EX.i44, V),
            ("Interaction-initiativeFirm-byFirm", EX.i44, V),
        ),
        refused(
            "indirect-interaction-through-call",
            "ex:i45 ckm:channel ckm:IdeaPlatform . ex:i45 ckm:inSphere ckm:CustomerSphere .",
            "ex:i45 ckm:channel ckm:Telephone . ex:i45 ckm:inSphere ckm:JointSphere .",
            ("IndirectInteraction-channel", EX.i45, V),
        ),
        # --- Firms behind the interaction
        refused(
            "initiative-of-another-firm",
            "ex:programme ckm:initiativeOf ex:medsoft .",
            "ex:programme ckm:initiativeOf ex:other .",
            ("Interaction-initiativeFirm-byFirm", EX.i44, V),
        ),
        refused(
            "customer-of-another-firm",
            "",
            'ex:zurich a ckm:Customer ; rdfs:label "Zurich Clinic" ; ckm:customerOf ex:other .'
            " ex:i42 ckm:withCustomer ex:zurich .",
            ("Interaction-customerOfFirm", EX.i42, INFO),
        ),
    )

    def test_the_vocabulary_example_has_no_violation(self, validate):
        """The minimal example of VOCABULARY.md is accepted (warnings may remain)."""
        example = """
        ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
        ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft ;
            ckm:customerRole ckm:KnowledgePartnerRole ; ckm:typology ckm:B2B ; ckm:country "LI" ;
            ckm:hasMotive ckm:AccessToInformationMotive .
        ex:i42 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
            prov:startedAtTime "2026-03-04T10:00:00Z"^^xsd:dateTime ;
            ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere ;
            ckm:ckmStyle ckm:MutualInnovation .
        ex:k7 a ckm:KnowledgeFromCustomers ; ckm:content ckm:Idea ; ckm:knowledgeSource ex:acme ;
            ckm:statement "Export reports as FHIR bundles" ; prov:wasGeneratedBy ex:i42 .
        """
        violations = [r for r in validate(example) if r.severity == V]
        assert violations == []
