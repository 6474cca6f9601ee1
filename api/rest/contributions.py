"""``/api/contributions``: what customers contributed (``ckm:Contribution``)."""

from __future__ import annotations

from datetime import date as Date

from pydantic import ConfigDict

from api.rest.fields import Ref, Vocab, term
from api.rest.filters import date_range, ref_filter, vocab_filter
from api.rest.model import ResourceKind, ResourceModel


class Contribution(ResourceModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "label": "FHIR export",
                "contributedBy": "http://localhost:8000/id/customer/acme",
                "valueArea": "ckm:OperativeArea",
                "contributionKind": "ckm:ProductDevelopment",
                "date": "2026-03-10",
            }
        }
    )

    contributedBy: Ref | None = term(
        "ckm:contributedBy", "ref", "The contributing customer.", default=None
    )
    basedOnKnowledge: list[Ref] = term(
        "ckm:basedOnKnowledge", "ref", "Customer knowledge it rests on.", default=[]
    )
    valueArea: Vocab | None = term("ckm:valueArea", "vocab", "A ckm:ValueArea.", default=None)
    contributionKind: Vocab | None = term(
        "ckm:contributionKind", "vocab", "A ckm:ContributionKind.", default=None
    )
    date: Date | None = term("dcterms:date", "date", "When it was made.", default=None)


KIND = ResourceKind(
    "contributions",
    "contribution",
    "ckm:Contribution",
    Contribution,
    filters=(
        ref_filter("customer", "ckm:contributedBy", "IRI of the customer"),
        vocab_filter("area", "ckm:valueArea", "a ckm:ValueArea, e.g. StrategicArea"),
        vocab_filter("kind", "ckm:contributionKind", "a ckm:ContributionKind"),
        *date_range("dcterms:date", "date", "made"),
    ),
)
