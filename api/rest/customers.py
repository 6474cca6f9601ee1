"""``/api/customers``: customers of a firm (``ckm:Customer``); DELETE is erasure."""

from __future__ import annotations

from pydantic import ConfigDict

from api.rest.fields import Ref, Vocab, term
from api.rest.filters import ref_filter, vocab_filter
from api.rest.model import ResourceKind, ResourceModel


class Customer(ResourceModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "label": "Acme Clinic",
                "customerOf": ["http://localhost:8000/id/firm/medsoft"],
                "customerRole": "ckm:KnowledgePartnerRole",
                "typology": "ckm:B2B",
                "country": "LI",
                "hasMotive": ["ckm:AccessToInformationMotive"],
            }
        }
    )

    customerOf: list[Ref] = term("ckm:customerOf", "ref", "Firms it is a customer of.", default=[])
    customerRole: Vocab | None = term(
        "ckm:customerRole", "vocab", "Current role (ckm:CustomerRole).", default=None
    )
    typology: Vocab | None = term(
        "ckm:typology", "vocab", "ckm:B2B, ckm:B2C, ckm:PublicSector.", default=None
    )
    country: str | None = term("ckm:country", "string", "ISO 3166-1 alpha-2 code.", default=None)
    segment: list[Ref] = term("ckm:segment", "ref", "Firm-defined segments.", default=[])
    hasMotive: list[Vocab] = term("ckm:hasMotive", "vocab", "Motives (ckm:Motive).", default=[])
    receivesReward: list[Vocab] = term(
        "ckm:receivesReward", "vocab", "Extrinsic rewards received.", default=[]
    )
    employeeCount: int | None = term(
        "ckm:employeeCount", "integer", "Number of employees.", default=None, ge=0
    )
    businessField: str | None = term(
        "ckm:businessField", "string", "Line of business.", default=None
    )


KIND = ResourceKind(
    "customers",
    "customer",
    "ckm:Customer",
    Customer,
    filters=(
        ref_filter("firm", "ckm:customerOf", "IRI of a firm"),
        vocab_filter("role", "ckm:customerRole", "a ckm:CustomerRole, e.g. KnowledgePartnerRole"),
        vocab_filter("typology", "ckm:typology", "ckm:B2B, ckm:B2C or ckm:PublicSector"),
    ),
    erased=True,
    same_when=("label", "customerOf"),  # the same name at the same firm: a repeat
)
