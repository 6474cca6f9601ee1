"""Shapes of customer knowledge: for, about and from customers, with their provenance."""

from __future__ import annotations

from tests.shapes.cases import EX, INFO, ConceptExamples, V, W, accepted, refused


class TestKnowledge(ConceptExamples):
    # k1: an idea from Acme; k2: usage guidance MedSoft gave Acme; k3: a preference that is both
    # about and from Acme (the two may overlap). All were recorded in the workshop ex:i42.
    VALID = """
    ex:medsoft a ckm:Firm ; rdfs:label "MedSoft" .
    ex:acme a ckm:Customer ; rdfs:label "Acme Clinic" ; ckm:customerOf ex:medsoft .
    ex:bern a ckm:Customer ; rdfs:label "Bern Hospital" ; ckm:customerOf ex:medsoft .
    ex:ris a ckm:Offering ; rdfs:label "Radiology information system" ; ckm:offeredBy ex:medsoft .
    ex:i42 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-03-04T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:Workshop ; ckm:inSphere ckm:JointSphere .
    ex:i43 a ckm:Interaction ; ckm:byFirm ex:medsoft ; ckm:withCustomer ex:acme ;
        prov:startedAtTime "2026-03-11T10:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:Telephone ; ckm:inSphere ckm:JointSphere .
    ex:k1 a ckm:KnowledgeFromCustomers ; ckm:content ckm:Idea ; ckm:knowledgeSource ex:acme ;
        ckm:statement "Export reports as FHIR bundles"@en ; prov:wasGeneratedBy ex:i42 ;
        dcterms:created "2026-03-04"^^xsd:date ; ckm:tacitness ckm:Explicit ;
        ckm:knowledgeLevel ckm:KnowHow ; ckm:storedIn ckm:CRMSystem ;
        ckm:concernsOffering ex:ris .
    ex:k2 a ckm:KnowledgeForCustomers ; ckm:content ckm:UsageGuidance ; ckm:recipient ex:acme ;
        ckm:knowledgeSource ex:medsoft ; ckm:statement "How to schedule nightly exports" ;
        prov:wasGeneratedBy ex:i42 ; ckm:tacitness ckm:Explicit ;
        ckm:storedIn ckm:CRMSystem , ckm:EmailCorrespondence .
    ex:k3 a ckm:KnowledgeAboutCustomers , ckm:KnowledgeFromCustomers ; ckm:content ckm:Preference ;
        ckm:aboutCustomer ex:acme ; ckm:knowledgeSource ex:acme ;
        ckm:statement "Prefers short release notes" ; prov:wasGeneratedBy ex:i42 ;
        dcterms:created "2026-03-04T11:30:00Z"^^xsd:dateTime ; ckm:tacitness ckm:Tacit ;
        ckm:storedIn ckm:CRMSystem .
    """

    ACCEPTED = (
        accepted("two-contents", add="ex:k1 ckm:content ckm:Feedback ."),
        accepted("statement-two-languages", add='ex:k1 ckm:statement "FHIR-Export"@de .'),
        accepted(
            "about-from-a-third-party",
            drop="ex:k3 ckm:knowledgeSource ex:acme . ex:k3 a ckm:KnowledgeFromCustomers .",
            add="ex:k3 ckm:knowledgeSource ex:agency ."
            ' ex:agency a prov:Agent ; rdfs:label "Agency" .',
        ),
        accepted("two-recipients", add="ex:k2 ckm:recipient ex:bern ."),
        accepted("concerns-customer-generally", add="ex:k1 ckm:concernsCustomer ex:acme ."),
    )

    REFUSED = (
        # --- Every piece of customer knowledge
        refused(
            "no-content",
            "ex:k1 ckm:content ckm:Idea .",
            "",
            ("CustomerKnowledge-content", EX.k1, V),
        ),
        refused(
            "content-not-in-list",
            "ex:k1 ckm:content ckm:Idea .",
            "ex:k1 ckm:content ckm:Workshop .",
            ("CustomerKnowledge-content", EX.k1, V),
        ),
        refused(
            "no-statement",
            'ex:k2 ckm:statement "How to schedule nightly exports" .',
            "",
            ("CustomerKnowledge-statement", EX.k2, V),
        ),
        refused(
            "statement-not-text",
            'ex:k2 ckm:statement "How to schedule nightly exports" .',
            "ex:k2 ckm:statement 42 .",
            ("CustomerKnowledge-statement", EX.k2, V),
        ),
        refused(
            "generated-by-an-offering",
            "ex:k2 prov:wasGeneratedBy ex:i42 .",
            "ex:k2 prov:wasGeneratedBy ex:ris .",
            ("CustomerKnowledge-wasGeneratedBy", EX.k2, V),
        ),
        refused(
            "generated-by-two-interactions",
            "",
            "ex:k2 prov:wasGeneratedBy ex:i43 .",
            ("CustomerKnowledge-wasGeneratedBy", EX.k2, V),
        ),
        refused(
            "no-provenance",
            "ex:k2 prov:wasGeneratedBy ex:i42 .",
            "",
            ("CustomerKnowledge-provenance", EX.k2, W),
        ),
        refused(
            "created-as-text",
            'ex:k1 dcterms:created "2026-03-04"^^xsd:date .',
            'ex:k1 dcterms:created "4 March 2026" .',
            ("CustomerKnowledge-created", EX.k1, V),
        ),
        refused(
            "created-twice",
            "",
            'ex:k1 dcterms:created "2026-03-05"^^xsd:date .',
            ("CustomerKnowledge-created", EX.k1, V),
        ),
        refused(
            "tacit-and-explicit",
            "",
            "ex:k1 ckm:tacitness ckm:Tacit .",
            ("CustomerKnowledge-tacitness", EX.k1, V),
        ),
        refused(
            "tacitness-not-in-list",
            "ex:k1 ckm:tacitness ckm:Explicit .",
            "ex:k1 ckm:tacitness ckm:KnowHow .",
            ("CustomerKnowledge-tacitness", EX.k1, V),
        ),
        refused(
            "tacitness-not-recorded",
            "ex:k1 ckm:tacitness ckm:Explicit .",
            "",
            ("CustomerKnowledge-tacitnessRecorded", EX.k1, INFO),
        ),
        refused(
            "know-what-and-know-how",
            "",
            "ex:k1 ckm:knowledgeLevel ckm:KnowWhat .",
            ("CustomerKnowledge-knowledgeLevel", EX.k1, V),
        ),
        refused(
            "level-not-in-list",
            "ex:k1 ckm:knowledgeLevel ckm:KnowHow .",
            "ex:k1 ckm:knowledgeLevel ckm:Tacit .",
            ("CustomerKnowledge-knowledgeLevel", EX.k1, V),
        ),
        refused(
            "stored-in-an-offering",
            "ex:k1 ckm:storedIn ckm:CRMSystem .",
            "ex:k1 ckm:storedIn ex:ris .",
            ("CustomerKnowledge-storedIn", EX.k1, V),
        ),
        refused(
            "store-not-recorded",
            "ex:k1 ckm:storedIn ckm:CRMSystem .",
            "",
            ("CustomerKnowledge-storageRecorded", EX.k1, W),
        ),
        refused(
            "only-in-memory",
            "ex:k3 ckm:storedIn ckm:CRMSystem .",
            "ex:k3 ckm:storedIn ckm:PersonalMemory .",
            ("CustomerKnowledge-sharedStore-storedIn", EX.k3, W),
        ),
        refused(
            "only-in-memory-and-email",
            "ex:k2 ckm:storedIn ckm:CRMSystem .",
            "ex:k2 ckm:storedIn ckm:PersonalMemory .",
            ("CustomerKnowledge-sharedStore-storedIn", EX.k2, W),
        ),
        refused(
            "concerns-a-customer-as-offering",
            "ex:k1 ckm:concernsOffering ex:ris .",
            "ex:k1 ckm:concernsOffering ex:acme .",
            ("CustomerKnowledge-concernsOffering", EX.k1, V),
        ),
        refused(
            "source-not-an-agent",
            "ex:k2 ckm:knowledgeSource ex:medsoft .",
            "ex:k2 ckm:knowledgeSource ex:ris .",
            ("CustomerKnowledge-knowledgeSource", EX.k2, V),
        ),
        refused(
            "about-a-firm",
            "ex:k3 ckm:aboutCustomer ex:acme .",
            "ex:k3 ckm:aboutCustomer ex:medsoft .",
            ("CustomerKnowledge-aboutCustomer", EX.k3, V),
        ),
        refused(
            "recipient-is-a-firm",
            "ex:k2 ckm:recipient ex:acme .",
            "ex:k2 ckm:recipient ex:medsoft .",
            ("CustomerKnowledge-recipient", EX.k2, V),
        ),
        refused(
            "concerns-a-firm",
            "",
            "ex:k2 ckm:concernsCustomer ex:medsoft .",
            ("CustomerKnowledge-concernsCustomer", EX.k2, V),
        ),
        # --- Knowledge from customers
        refused(
            "from-without-source",
            "ex:k1 ckm:knowledgeSource ex:acme .",
            "",
            ("KnowledgeFromCustomers-knowledgeSource", EX.k1, V),
        ),
        refused(
            "from-the-firm-itself",
            "ex:k1 ckm:knowledgeSource ex:acme .",
            "ex:k1 ckm:knowledgeSource ex:medsoft .",
            ("KnowledgeFromCustomers-knowledgeSource", EX.k1, V),
        ),
        refused(
            "from-without-interaction",
            "ex:k1 prov:wasGeneratedBy ex:i42 .",
            "",
            ("KnowledgeFromCustomers-wasGeneratedBy", EX.k1, V),
            ("CustomerKnowledge-provenance", EX.k1, W),
        ),
        refused(
            "from-a-customer-absent-from-the-interaction",
            "ex:k1 ckm:knowledgeSource ex:acme .",
            "ex:k1 ckm:knowledgeSource ex:bern .",
            ("KnowledgeFromCustomers-sourceTookPart", EX.k1, W),
        ),
        # --- Knowledge for customers
        refused(
            "for-without-recipient",
            "ex:k2 ckm:recipient ex:acme .",
            "",
            ("KnowledgeForCustomers-recipient", EX.k2, V),
        ),
        refused(
            "for-and-from",
            "",
            "ex:k1 a ckm:KnowledgeForCustomers ; ckm:recipient ex:acme .",
            ("KnowledgeForCustomers-notFrom", EX.k1, V),
        ),
        # --- Knowledge about customers
        refused(
            "about-without-customer",
            "ex:k3 ckm:aboutCustomer ex:acme .",
            "",
            ("KnowledgeAboutCustomers-aboutCustomer", EX.k3, V),
        ),
        refused(
            "about-two-customers",
            "",
            "ex:k3 ckm:aboutCustomer ex:bern .",
            ("KnowledgeAboutCustomers-singleCustomer", EX.k3, W),
        ),
        refused(
            "typed-only-tacit-and-no-statement",
            "ex:k3 a ckm:KnowledgeAboutCustomers , ckm:KnowledgeFromCustomers ."
            ' ex:k3 ckm:statement "Prefers short release notes" .',
            "ex:k3 a ckm:TacitCustomerKnowledge .",
            # A defined class without a reasoner: its members still get the knowledge rules.
            ("CustomerKnowledge-statement", EX.k3, V),
        ),
    )
