"""Shapes of value concepts: value-in-use, value-in-exchange and their spheres."""

from __future__ import annotations

from tests.shapes.cases import EX, ConceptExamples, V, W, refused


class TestValue(ConceptExamples):
    VALID = """
    ex:techco a ckm:Firm ; rdfs:label "TechCo" .
    ex:si1 a ckm:Customer ; rdfs:label "System Integrator 1" ; ckm:customerOf ex:techco .
    ex:acsPotential a ckm:PotentialValueInUse ; ckm:arisesInSphere ckm:ProviderSphere ;
        ckm:valueFor ex:si1 .
    ex:integrationUse a ckm:ValueInUse ; ckm:arisesInSphere ckm:JointSphere ; ckm:valueFor ex:si1 .
    ex:licenceSale a ckm:ValueInExchange ; ckm:arisesInSphere ckm:ProviderSphere ;
        ckm:valueFor ex:techco .
    """

    REFUSED = (
        refused(
            "two-spheres",
            "",
            "ex:licenceSale ckm:arisesInSphere ckm:CustomerSphere .",
            ("Value-arisesInSphere", EX.licenceSale, V),
        ),
        refused(
            "sphere-not-in-list",
            "ex:licenceSale ckm:arisesInSphere ckm:ProviderSphere .",
            "ex:licenceSale ckm:arisesInSphere ckm:Workshop .",
            ("Value-arisesInSphere", EX.licenceSale, V),
        ),
        refused(
            "value-for-an-offering",
            "ex:licenceSale ckm:valueFor ex:techco .",
            "ex:licenceSale ckm:valueFor ckm:Idea .",
            ("Value-valueFor", EX.licenceSale, V),
        ),
        refused(
            "value-for-nobody",
            "ex:licenceSale ckm:valueFor ex:techco .",
            "",
            ("Value-forSomeone", EX.licenceSale, W),
        ),
        refused(
            "value-in-use-in-provider-sphere",
            "ex:integrationUse ckm:arisesInSphere ckm:JointSphere .",
            "ex:integrationUse ckm:arisesInSphere ckm:ProviderSphere .",
            ("ValueInUse-sphere", EX.integrationUse, V),
        ),
        refused(
            "in-use-and-in-exchange",
            "",
            "ex:integrationUse a ckm:ValueInExchange .",
            ("ValueInUse-notExchange", EX.integrationUse, V),
        ),
        refused(
            "in-use-and-potential",
            "",
            "ex:integrationUse a ckm:PotentialValueInUse .",
            ("ValueInUse-notExchange", EX.integrationUse, V),
            # Potential value arises only in the provider sphere.
            ("PotentialValueInUse-sphere", EX.integrationUse, V),
        ),
        refused(
            "potential-value-in-joint-sphere",
            "ex:acsPotential ckm:arisesInSphere ckm:ProviderSphere .",
            "ex:acsPotential ckm:arisesInSphere ckm:JointSphere .",
            ("PotentialValueInUse-sphere", EX.acsPotential, V),
        ),
    )
