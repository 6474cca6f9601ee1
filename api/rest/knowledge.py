"""``/api/knowledge``: recorded customer knowledge (``ckm:CustomerKnowledge``)."""

from __future__ import annotations

from datetime import date

from pydantic import ConfigDict

from api.rest.fields import Ref, Vocab, term
from api.rest.filters import Filter, date_range, ref_filter, vocab_filter
from api.rest.model import ResourceKind, ResourceModel

FLOWS = {
    "from": "KnowledgeFromCustomers",
    "about": "KnowledgeAboutCustomers",
    "for": "KnowledgeForCustomers",
}


class Knowledge(ResourceModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "type": ["ckm:KnowledgeFromCustomers"],
                "label": "FHIR export idea",
                "content": ["ckm:Idea"],
                "knowledgeSource": "http://localhost:8000/id/customer/acme",
                "statement": "Export reports as FHIR bundles",
                "wasGeneratedBy": "http://localhost:8000/id/interaction/export-workshop",
            }
        }
    )

    content: list[Vocab] = term("ckm:content", "vocab", "Kinds of content (ckm:Idea…).", default=[])
    knowledgeSource: Ref | None = term(
        "ckm:knowledgeSource", "ref", "Who it came from.", default=None
    )
    aboutCustomer: list[Ref] = term(
        "ckm:aboutCustomer", "ref", "Customers it is about.", default=[]
    )
    recipient: list[Ref] = term("ckm:recipient", "ref", "Customers it is for.", default=[])
    concernsOffering: list[Ref] = term(
        "ckm:concernsOffering", "ref", "Offerings concerned.", default=[]
    )
    tacitness: Vocab | None = term(
        "ckm:tacitness", "vocab", "ckm:Tacit or ckm:Explicit.", default=None
    )
    knowledgeLevel: Vocab | None = term(
        "ckm:knowledgeLevel", "vocab", "ckm:KnowWhat or ckm:KnowHow.", default=None
    )
    statement: str | None = term("ckm:statement", "string", "The knowledge in words.", default=None)
    storedIn: list[Vocab] = term("ckm:storedIn", "vocab", "Where it is kept.", default=[])
    wasGeneratedBy: Ref | None = term(
        "prov:wasGeneratedBy", "ref", "Interaction it came out of.", default=None
    )
    created: date | None = term("dcterms:created", "date", "When it was recorded.", default=None)


KIND = ResourceKind(
    "knowledge",
    "knowledge",
    "ckm:CustomerKnowledge",
    Knowledge,
    filters=(
        Filter(
            "customer",
            "{ ?s ckm:knowledgeSource $value } UNION "
            "{ ?s ckm:aboutCustomer $value } UNION { ?s ckm:recipient $value }",
            "ref",
            "IRI of a customer it is from, about or for",
        ),
        Filter(
            "flow",
            "?s a $value .",
            "vocab",
            "knowledge flow: " + ", ".join(f"{v}" for v in FLOWS.values()),
        ),
        vocab_filter("content", "ckm:content", "a ckm:KnowledgeContent, e.g. Idea"),
        ref_filter("interaction", "prov:wasGeneratedBy", "IRI of the interaction"),
        *date_range("dcterms:created", "date", "recorded"),
    ),
)
