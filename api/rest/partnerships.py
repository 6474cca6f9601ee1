"""``/api/partnerships``: knowledge partnerships (``ckm:KnowledgePartnership``)."""

from __future__ import annotations

from datetime import date

from pydantic import ConfigDict

from api.rest.fields import Ref, Vocab, term
from api.rest.filters import ref_filter
from api.rest.model import ResourceKind, ResourceModel


class Partnership(ResourceModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "label": "Imaging partnership",
                "partnerFirm": "http://localhost:8000/id/firm/medsoft",
                "partner": ["http://localhost:8000/id/customer/acme"],
                "since": "2025-01-01",
            }
        }
    )

    partnerFirm: Ref | None = term("ckm:partnerFirm", "ref", "The firm.", default=None)
    partner: list[Ref] = term("ckm:partner", "ref", "Partner customers.", default=[])
    since: date | None = term("ckm:since", "date", "Start of the partnership.", default=None)
    temporalDesign: Vocab | None = term(
        "ckm:temporalDesign", "vocab", "Temporal design.", default=None
    )
    socialDesign: Vocab | None = term("ckm:socialDesign", "vocab", "Social design.", default=None)
    localDesign: Vocab | None = term("ckm:localDesign", "vocab", "Local design.", default=None)
    methodicalDesign: Vocab | None = term(
        "ckm:methodicalDesign", "vocab", "Methodical design.", default=None
    )
    fitsMotive: list[Vocab] = term("ckm:fitsMotive", "vocab", "Motives it serves.", default=[])
    businessArea: str | None = term("ckm:businessArea", "string", "Business area.", default=None)


KIND = ResourceKind(
    "partnerships",
    "partnership",
    "ckm:KnowledgePartnership",
    Partnership,
    filters=(
        ref_filter("firm", "ckm:partnerFirm", "IRI of the firm"),
        ref_filter("customer", "ckm:partner", "IRI of a partner customer"),
    ),
)
