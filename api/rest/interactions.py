"""``/api/interactions``: interactions between a firm and customers (``ckm:Interaction``)."""

from __future__ import annotations

from datetime import datetime

from pydantic import ConfigDict

from api.rest.fields import Ref, Vocab, term
from api.rest.filters import date_range, ref_filter, vocab_filter
from api.rest.model import ResourceKind, ResourceModel


class Interaction(ResourceModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "label": "Export workshop",
                "byFirm": "http://localhost:8000/id/firm/medsoft",
                "withCustomer": ["http://localhost:8000/id/customer/acme"],
                "startedAtTime": "2026-03-04T10:00:00Z",
                "channel": "ckm:Workshop",
                "inSphere": "ckm:JointSphere",
                "ckmStyle": ["ckm:MutualInnovation"],
            }
        }
    )

    byFirm: Ref | None = term("ckm:byFirm", "ref", "The firm's side.", default=None)
    withCustomer: list[Ref] = term("ckm:withCustomer", "ref", "Customers taking part.", default=[])
    startedAtTime: datetime | None = term(
        "prov:startedAtTime", "datetime", "When it began.", default=None
    )
    channel: Vocab | None = term("ckm:channel", "vocab", "A ckm:Channel.", default=None)
    inSphere: Vocab | None = term("ckm:inSphere", "vocab", "A ckm:ValueSphere.", default=None)
    ckmStyle: list[Vocab] = term("ckm:ckmStyle", "vocab", "CKM styles.", default=[])
    satisfaction: int | None = term(
        "ckm:satisfaction", "integer", "1 (low) to 5 (high).", default=None, ge=1, le=5
    )
    summary: str | None = term("ckm:summary", "string", "What happened.", default=None)
    riPractice: list[Vocab] = term(
        "ckm:riPractice", "vocab", "Resource-integrating practices.", default=[]
    )
    alignment: Vocab | None = term(
        "ckm:alignment", "vocab", "ckm:Aligned or ckm:Misaligned.", default=None
    )
    valueOutcome: Vocab | None = term(
        "ckm:valueOutcome", "vocab", "ckm:ValueCoCreation or ckm:ValueCoDestruction.", default=None
    )
    partOfPartnership: Ref | None = term(
        "ckm:partOfPartnership", "ref", "Knowledge partnership it belongs to.", default=None
    )
    partOfInitiative: Ref | None = term(
        "ckm:partOfInitiative", "ref", "CKM initiative it belongs to.", default=None
    )


KIND = ResourceKind(
    "interactions",
    "interaction",
    "ckm:Interaction",
    Interaction,
    filters=(
        ref_filter("firm", "ckm:byFirm", "IRI of the firm"),
        ref_filter("customer", "ckm:withCustomer", "IRI of a customer"),
        vocab_filter("channel", "ckm:channel", "a ckm:Channel, e.g. Workshop"),
        vocab_filter("sphere", "ckm:inSphere", "a ckm:ValueSphere, e.g. JointSphere"),
        vocab_filter("style", "ckm:ckmStyle", "a ckm:CKMStyle, e.g. MutualInnovation"),
        *date_range("prov:startedAtTime", "datetime", "started"),
    ),
)
