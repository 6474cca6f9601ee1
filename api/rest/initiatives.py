"""``/api/initiatives``: CKM initiatives of a firm (``ckm:CKMInitiative``)."""

from __future__ import annotations

from pydantic import ConfigDict

from api.rest.fields import Ref, Vocab, term
from api.rest.filters import ref_filter, vocab_filter
from api.rest.model import ResourceKind, ResourceModel


class Initiative(ResourceModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "label": "Idea contest",
                "initiativeOf": "http://localhost:8000/id/firm/medsoft",
                "ckmStyle": ["ckm:CommunitiesOfCreation"],
                "objective": "Collect product ideas",
            }
        }
    )

    initiativeOf: Ref | None = term("ckm:initiativeOf", "ref", "The firm.", default=None)
    ckmStyle: list[Vocab] = term("ckm:ckmStyle", "vocab", "CKM styles.", default=[])
    participant: list[Ref] = term("ckm:participant", "ref", "Customers taking part.", default=[])
    givesBackValueTo: list[Ref] = term(
        "ckm:givesBackValueTo", "ref", "Customers value is given back to.", default=[]
    )
    objective: str | None = term("ckm:objective", "string", "What it aims at.", default=None)


KIND = ResourceKind(
    "initiatives",
    "initiative",
    "ckm:CKMInitiative",
    Initiative,
    filters=(
        ref_filter("firm", "ckm:initiativeOf", "IRI of the firm"),
        ref_filter("customer", "ckm:participant", "IRI of a participating customer"),
        vocab_filter("style", "ckm:ckmStyle", "a ckm:CKMStyle"),
    ),
)
