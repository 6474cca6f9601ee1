"""REST resources under ``/api``: one module per kind, shared machinery beside them."""

from __future__ import annotations

from api.rest import (
    contributions,
    customers,
    firms,
    initiatives,
    interactions,
    knowledge,
    partnerships,
)
from api.rest.model import ResourceKind

KINDS: tuple[ResourceKind, ...] = (
    customers.KIND,
    interactions.KIND,
    knowledge.KIND,
    contributions.KIND,
    partnerships.KIND,
    initiatives.KIND,
    firms.KIND,
)
