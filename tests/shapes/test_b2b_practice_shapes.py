"""Shapes of the B2B co-creation practice of seed 002 (the Laurea UAS thesis): employees and
departments, who handles a customer, contracts, service incidents, complaints, access,
value propositions and partners, development projects, approach assessments and
recommendations (ontology sections 5.8-5.11)."""

from __future__ import annotations

from tests.shapes.cases import EX, ConceptExamples, V, W, accepted, refused


class TestB2BPractice(ConceptExamples):
    # NetCo, a B2B ICT provider with a sales and a help-desk department; one customer,
    # Uni, with its main contact, a contract, a service break told to it in a help-desk
    # call, a complaint, a project with Uni as co-designer, an assessment, a recommendation.
    VALID = """
    ex:netco a ckm:Firm ; rdfs:label "NetCo" .
    ex:other a ckm:Firm ; rdfs:label "OtherCo" .
    ex:uni a ckm:Customer ; rdfs:label "University" ; ckm:customerOf ex:netco ;
        ckm:hasMainContactPerson ex:sam ; ckm:hasAccessTo ckm:ProjectStatus .
    ex:sales a ckm:Department ; rdfs:label "Sales" ; ckm:departmentOf ex:netco .
    ex:desk a ckm:Department ; rdfs:label "Help desk" ; ckm:departmentOf ex:netco ;
        ckm:accessesStore ckm:TicketingSystem .
    ex:odesk a ckm:Department ; rdfs:label "Other desk" ; ckm:departmentOf ex:other .
    ex:sam a ckm:Employee ; rdfs:label "Sam" ; ckm:employedBy ex:netco ;
        ckm:inDepartment ex:sales ; ckm:hasDecisionRight ckm:CommercialIssue .
    ex:hana a ckm:Employee ; rdfs:label "Hana" ; ckm:employedBy ex:netco ;
        ckm:inDepartment ex:desk .
    ex:olga a ckm:Employee ; rdfs:label "Olga" ; ckm:employedBy ex:other .
    ex:call a ckm:Interaction ; ckm:byFirm ex:netco ; ckm:withCustomer ex:uni ;
        prov:startedAtTime "2025-03-01T09:00:00Z"^^xsd:dateTime ;
        ckm:channel ckm:SupportDesk ; ckm:inSphere ckm:JointSphere ;
        ckm:handledBy ex:hana ; ckm:issueType ckm:EmergencyIssue .
    ex:break a ckm:ServiceIncident ; rdfs:label "Service break" ; ckm:incidentOf ex:netco ;
        dcterms:date "2025-03-01"^^xsd:date ;
        ckm:communicatedIn ex:call ; ckm:notifiedEmployee ex:sam .
    ex:c1 a ckm:Contract ; ckm:contractFirm ex:netco ; ckm:contractCustomer ex:uni ;
        ckm:contractStart "2022-01-01"^^xsd:date ; ckm:contractEnd "2024-12-31"^^xsd:date .
    ex:k1 a ckm:KnowledgeFromCustomers ; ckm:content ckm:Complaint ;
        ckm:knowledgeSource ex:uni ; ckm:statement "We do not know what we bought" ;
        ckm:tacitness ckm:Explicit ; ckm:storedIn ckm:TicketingSystem ;
        prov:wasGeneratedBy ex:call ; dcterms:created "2025-03-01"^^xsd:date ;
        ckm:complaintCause ckm:ProcessTransparencyChallenge .
    ex:teaching a ckm:CustomerValueCreationProcess ; rdfs:label "Teaching" ;
        ckm:processOf ex:uni .
    ex:vendor a ckm:BusinessPartner ; rdfs:label "Vendor" .
    ex:network a ckm:Offering ; rdfs:label "Campus network" ; ckm:offeredBy ex:netco ;
        ckm:supportsCustomerProcess ex:teaching ; ckm:coProducedWith ex:vendor .
    ex:proj a ckm:DevelopmentProject ; rdfs:label "Backup service" ; ckm:projectOf ex:netco .
    ex:inv a ckm:StageInvolvement ; ckm:inProject ex:proj ;
        ckm:atStage ckm:TestingValueProposition ; ckm:involvedCustomer ex:uni ;
        ckm:designRole ckm:CustomerAsCoDesigner .
    ex:a1 a ckm:ApproachAssessment ; ckm:assessedFirm ex:netco ;
        ckm:assessedSubCategory ckm:CustomerAccess ;
        ckm:scalePosition 0.2 ; dcterms:date "2025-01-15"^^xsd:date .
    ex:r1 a ckm:Recommendation ; rdfs:label "A customer portal" ; ckm:recommendedTo ex:netco ;
        ckm:addressesChallenge ckm:ResourceAccessChallenge ; dcterms:date "2025-02-01"^^xsd:date .
    """

    ACCEPTED = (
        accepted("running-contract", "ex:c1 ckm:contractEnd '2024-12-31'^^xsd:date ."),
        accepted(
            "one-day-contract",
            "ex:c1 ckm:contractEnd '2024-12-31'^^xsd:date .",
            "ex:c1 ckm:contractEnd '2022-01-01'^^xsd:date .",
        ),
        accepted(
            "scale-poles",
            "ex:a1 ckm:scalePosition 0.2 .",
            "ex:a1 ckm:scalePosition 1.0 . ex:a2 a ckm:ApproachAssessment ; "
            "ckm:assessedFirm ex:netco ; ckm:assessedSubCategory ckm:StrategyProcess ; "
            "ckm:scalePosition 0.0 ; dcterms:date '2025-01-15'^^xsd:date .",
        ),
        # The main contact handled the call himself: he knows of the break.
        accepted(
            "main-contact-handled-the-call",
            "ex:break ckm:notifiedEmployee ex:sam .",
            "ex:call ckm:handledBy ex:sam .",
        ),
        accepted("resale-partner", "", "ex:network ckm:resoldFrom ex:vendor ."),
        # A service design stage is also an analysing-model sub-category.
        accepted(
            "stage-as-sub-category",
            "ex:a1 ckm:assessedSubCategory ckm:CustomerAccess .",
            "ex:a1 ckm:assessedSubCategory ckm:TestingValueProposition .",
        ),
    )

    REFUSED = (
        refused(
            "contract-ends-before-it-starts",
            "ex:c1 ckm:contractEnd '2024-12-31'^^xsd:date .",
            "ex:c1 ckm:contractEnd '2021-12-31'^^xsd:date .",
            ("Contract-period", EX.c1, V),
        ),
        refused(
            "contract-without-start",
            "ex:c1 ckm:contractStart '2022-01-01'^^xsd:date .",
            "",
            ("Contract-contractStart", EX.c1, V),
        ),
        refused(
            "contract-end-as-text",
            "ex:c1 ckm:contractEnd '2024-12-31'^^xsd:date .",
            "ex:c1 ckm:contractEnd '31.12.2024' .",
            ("Contract-contractEnd", EX.c1, V),
            # A text is not comparable with the start day.
            ("Contract-period", EX.c1, V),
        ),
        refused(
            "contract-with-two-customers",
            "",
            "ex:c1 ckm:contractCustomer ex:netco .",
            ("Contract-contractCustomer", EX.c1, V),
            ("Contract-customerOfTheFirm", EX.c1, W),
        ),
        refused(
            "contract-with-a-stranger",
            "ex:c1 ckm:contractFirm ex:netco .",
            "ex:c1 ckm:contractFirm ex:other .",
            ("Contract-customerOfTheFirm", EX.c1, W),
        ),
        refused(
            "main-contact-of-another-firm",
            "ex:uni ckm:hasMainContactPerson ex:sam .",
            "ex:uni ckm:hasMainContactPerson ex:olga .",
            ("Customer-mainContactOfAProvider", EX.uni, V),
            # Sam is no longer the main contact, so the break is no longer his to hear of.
        ),
        refused(
            "main-contact-not-an-employee",
            "ex:uni ckm:hasMainContactPerson ex:sam .",
            "ex:uni ckm:hasMainContactPerson ex:netco .",
            ("Customer-hasMainContactPerson", EX.uni, V),
            ("Customer-mainContactOfAProvider", EX.uni, V),
        ),
        refused(
            "two-main-contacts-at-one-firm",
            "",
            "ex:uni ckm:hasMainContactPerson ex:hana .",
            ("Customer-oneMainContactPerFirm", EX.uni, W),
        ),
        refused(
            "employee-of-two-firms",
            "",
            "ex:hana ckm:employedBy ex:other .",
            ("Employee-employedBy", EX.hana, V),
        ),
        refused(
            "employee-of-no-firm",
            "ex:olga ckm:employedBy ex:other .",
            "",
            ("Employee-employedBy", EX.olga, V),
        ),
        refused(
            "department-of-another-firm",
            "ex:hana ckm:inDepartment ex:desk .",
            "ex:hana ckm:inDepartment ex:odesk .",
            ("Employee-departmentOfEmployer", EX.hana, V),
        ),
        refused(
            "department-of-no-firm",
            "ex:odesk ckm:departmentOf ex:other .",
            "",
            ("Department-departmentOf", EX.odesk, V),
        ),
        refused(
            "decision-right-on-a-channel",
            "",
            "ex:hana ckm:hasDecisionRight ckm:Telephone .",
            ("Employee-hasDecisionRight", EX.hana, V),
        ),
        refused(
            "handled-by-another-firms-employee",
            "ex:call ckm:handledBy ex:hana .",
            "ex:call ckm:handledBy ex:olga .",
            ("Interaction-handlerOfTheFirm", EX.call, V),
        ),
        refused(
            "handled-by-a-customer",
            "ex:call ckm:handledBy ex:hana .",
            "ex:call ckm:handledBy ex:uni .",
            ("Interaction-handledBy", EX.call, V),
            ("Interaction-handlerOfTheFirm", EX.call, V),
        ),
        refused(
            "two-issue-types",
            "",
            "ex:call ckm:issueType ckm:RoutineIssue .",
            ("Interaction-issueType", EX.call, V),
        ),
        refused(
            "access-to-a-store-kind",
            "",
            "ex:uni ckm:hasAccessTo ckm:CRMSystem .",
            ("Customer-hasAccessTo", EX.uni, V),
        ),
        refused(
            "department-accesses-a-channel",
            "ex:desk ckm:accessesStore ckm:TicketingSystem .",
            "ex:desk ckm:accessesStore ckm:SupportDesk .",
            ("Department-accessesStore", EX.desk, V),
        ),
        refused(
            "main-contact-not-told-of-the-break",
            "ex:break ckm:notifiedEmployee ex:sam .",
            "",
            ("ServiceIncident-mainContactNotified", EX["break"], W),
        ),
        refused(
            "incident-told-in-another-firms-interaction",
            "ex:break ckm:incidentOf ex:netco .",
            "ex:break ckm:incidentOf ex:other .",
            ("ServiceIncident-withinTheFirm", EX["break"], V),
        ),
        refused(
            "incident-of-no-firm",
            "ex:break ckm:incidentOf ex:netco .",
            "",
            ("ServiceIncident-incidentOf", EX["break"], V),
        ),
        refused(
            "incident-told-to-another-firms-employee",
            "",
            "ex:break ckm:notifiedEmployee ex:olga .",
            ("ServiceIncident-withinTheFirm", EX["break"], V),
        ),
        refused(
            "cause-of-a-compliment",
            "ex:k1 ckm:content ckm:Complaint .",
            "ex:k1 ckm:content ckm:Feedback .",
            ("CustomerKnowledge-causeOfAComplaint", EX.k1, W),
        ),
        refused(
            "cause-is-an-enabler",
            "ex:k1 ckm:complaintCause ckm:ProcessTransparencyChallenge .",
            "ex:k1 ckm:complaintCause ckm:Transparency .",
            ("CustomerKnowledge-complaintCause", EX.k1, V),
        ),
        refused(
            "process-of-no-customer",
            "ex:teaching ckm:processOf ex:uni .",
            "",
            ("CustomerValueCreationProcess-processOf", EX.teaching, V),
        ),
        refused(
            "offering-supports-a-firm",
            "ex:network ckm:supportsCustomerProcess ex:teaching .",
            "ex:network ckm:supportsCustomerProcess ex:uni .",
            ("Offering-supportsCustomerProcess", EX.network, V),
        ),
        refused(
            "resold-from-a-customer",
            "",
            "ex:network ckm:resoldFrom ex:uni .",
            ("Offering-withBusinessPartner", EX.network, V),
        ),
        refused(
            "project-of-no-firm",
            "ex:proj ckm:projectOf ex:netco .",
            "",
            ("DevelopmentProject-projectOf", EX.proj, V),
        ),
        refused(
            "involvement-in-a-sub-category-not-a-stage",
            "ex:inv ckm:atStage ckm:TestingValueProposition .",
            "ex:inv ckm:atStage ckm:CustomerAccess .",
            ("StageInvolvement-atStage", EX.inv, V),
        ),
        refused(
            "involvement-without-role",
            "ex:inv ckm:designRole ckm:CustomerAsCoDesigner .",
            "",
            ("StageInvolvement-designRole", EX.inv, V),
        ),
        refused(
            "informant-and-co-designer-at-once",
            "",
            "ex:inv ckm:designRole ckm:CustomerAsInformant .",
            ("StageInvolvement-designRole", EX.inv, V),
        ),
        refused(
            "project-with-a-stranger",
            "ex:proj ckm:projectOf ex:netco .",
            "ex:proj ckm:projectOf ex:other .",
            ("StageInvolvement-customerOfTheFirm", EX.inv, W),
        ),
        refused(
            "scale-position-above-one",
            "ex:a1 ckm:scalePosition 0.2 .",
            "ex:a1 ckm:scalePosition 1.5 .",
            ("ApproachAssessment-scalePosition", EX.a1, V),
        ),
        refused(
            "scale-position-below-zero",
            "ex:a1 ckm:scalePosition 0.2 .",
            "ex:a1 ckm:scalePosition -0.1 .",
            ("ApproachAssessment-scalePosition", EX.a1, V),
        ),
        refused(
            "scale-position-as-text",
            "ex:a1 ckm:scalePosition 0.2 .",
            "ex:a1 ckm:scalePosition 'low' .",
            ("ApproachAssessment-scalePosition", EX.a1, V),
        ),
        refused(
            "assessment-undated",
            "ex:a1 dcterms:date '2025-01-15'^^xsd:date .",
            "",
            ("ApproachAssessment-date", EX.a1, V),
        ),
        refused(
            "assessment-of-a-category",
            "ex:a1 ckm:assessedSubCategory ckm:CustomerAccess .",
            "ex:a1 ckm:assessedSubCategory ckm:ServiceDesignProcesses .",
            ("ApproachAssessment-assessedSubCategory", EX.a1, V),
        ),
        refused(
            "assessment-of-two-sub-categories",
            "",
            "ex:a1 ckm:assessedSubCategory ckm:StrategyProcess .",
            ("ApproachAssessment-assessedSubCategory", EX.a1, V),
        ),
        refused(
            "assessment-of-no-firm",
            "ex:a1 ckm:assessedFirm ex:netco .",
            "",
            ("ApproachAssessment-assessedFirm", EX.a1, V),
        ),
        refused(
            "recommendation-addressing-nothing",
            "ex:r1 ckm:addressesChallenge ckm:ResourceAccessChallenge .",
            "",
            ("Recommendation-addressesChallenge", EX.r1, V),
        ),
        refused(
            "recommendation-addressing-a-sub-category",
            "ex:r1 ckm:addressesChallenge ckm:ResourceAccessChallenge .",
            "ex:r1 ckm:addressesChallenge ckm:CustomerAccess .",
            ("Recommendation-addressesChallenge", EX.r1, V),
        ),
    )
