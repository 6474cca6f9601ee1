"""The base of every REST model and the description of a resource kind."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel, ConfigDict, Field

from api.rest.fields import Vocab, term
from api.rest.filters import Filter


class ResourceModel(BaseModel):
    """Fields shared by every resource: its IRI (minted by the server), types, label."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(None, description="The resource's IRI; minted by the server.")
    type: list[Vocab] = term("rdf:type", "vocab", "Classes of the resource.", default=[])
    label: str | None = term("rdfs:label", "string", "Name of the resource.", default=None)


@dataclass(frozen=True)
class ResourceKind:
    """One kind of REST resource.

    Args:
        plural: URL segment under ``/api`` (``customers``).
        singular: IRI segment, ``{base_iri}{singular}/{slug}`` (``customer``).
        rdf_class: CURIE of the class its members have (asserted or inferred).
        model: the pydantic model, fields mapped to terms with :func:`term`.
        filters: the list's query parameters.
        erased: DELETE is the erasure of a customer (admin only).
        same_when: fields whose values, all given and all equal to a stored member's,
            make a POST a repeat of it (nothing written; 200 with a Warning).
    """

    plural: str
    singular: str
    rdf_class: str
    model: type[ResourceModel]
    filters: tuple[Filter, ...] = ()
    erased: bool = False
    same_when: tuple[str, ...] = ()
