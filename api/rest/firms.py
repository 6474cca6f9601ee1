"""``/api/firms``: provider organisations (``ckm:Firm``, often ``ckm:SME``)."""

from __future__ import annotations

from pydantic import ConfigDict

from api.rest.fields import term
from api.rest.filters import Filter
from api.rest.model import ResourceKind, ResourceModel


class Firm(ResourceModel):
    model_config = ConfigDict(
        json_schema_extra={
            "example": {
                "type": ["ckm:SME"],
                "label": "MedSoft",
                "country": "LI",
                "employeeCount": 40,
                "businessField": "medical software",
            }
        }
    )

    country: str | None = term("ckm:country", "string", "ISO 3166-1 alpha-2 code.", default=None)
    employeeCount: int | None = term(
        "ckm:employeeCount", "integer", "Number of employees.", default=None, ge=0
    )
    businessField: str | None = term(
        "ckm:businessField", "string", "Line of business.", default=None
    )


KIND = ResourceKind(
    "firms",
    "firm",
    "ckm:Firm",
    Firm,
    filters=(
        Filter(
            "country",
            "?s ckm:country ?_c . FILTER(STR(?_c) = STR($value))",
            "string",
            "ISO country code",
        ),
    ),
)
