"""The REST routes of one resource kind, built from its :class:`ResourceKind`: list,
read, create, replace, patch, delete. Every write is one Delta on the write road:
validated and committed atomically, or refused (422 with the SHACL report), nothing
written."""

from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request, Response
from pydantic import ValidationError
from rdflib.namespace import RDFS
from starlette.concurrency import run_in_threadpool

from api.auth import Caller
from api.deps import AdminCaller, AppSettings, Graph, ReaderCaller, WriterCaller
from api.errors import Problem
from api.limits import within_deadline
from api.rest.csv_list import csv_page, wants_csv
from api.rest.fields import expand
from api.rest.filters import where_clause
from api.rest.mapping import (
    iri_of,
    is_slug,
    minted_slug,
    model_from,
    quads_of,
    read,
    stored_quads,
    values_of,
)
from api.rest.model import ResourceKind, ResourceModel
from api.rest.representation import as_json, represent, unmapped
from kg import KnowledgeGraph, WriteContext, entity_tag, sparql_prologue


def resource_router(kind: ResourceKind) -> APIRouter:
    """The routes ``/api/{plural}`` and ``/api/{plural}/{slug}`` of ``kind``."""
    router = APIRouter(prefix=f"/api/{kind.plural}", tags=[kind.plural])
    model = kind.model
    ModelBody = Annotated[model, Body(openapi_examples=_examples(model))]  # type: ignore[valid-type]
    Patch = Annotated[
        dict[str, Any],
        Body(
            description="JSON Merge Patch (RFC 7396): fields given replace, null removes.",
            examples=[{"label": "A new name"}],
        ),
    ]
    filter_params = [
        {
            "name": f.name,
            "in": "query",
            "required": False,
            "schema": {"type": "string"},
            "description": f.description,
        }
        for f in kind.filters
    ]

    @router.get(
        "",
        summary=f"List {kind.plural}",
        openapi_extra={"parameters": filter_params},
        name=f"list_{kind.plural}",
    )
    async def list_resources(
        request: Request,
        graph: Graph,
        settings: AppSettings,
        _caller: ReaderCaller,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> Response:
        """A page of resources in IRI order; ``next`` links the following page."""
        where = where_clause(kind.filters, dict(request.query_params))
        sparql = (
            f"{sparql_prologue()}SELECT ?s WHERE {{ ?s a {kind.rdf_class} . "
            f"FILTER(isIRI(?s))\n{where}\n}}"
        )
        rows = await within_deadline(lambda: graph.select(sparql), settings.query_timeout_s)
        # Sorted here, not by ORDER BY: Oxigraph sorts 20k IRIs in 700 ms, Python in 15.
        ordered = sorted({row["s"] for row in rows}, key=str)
        page = ordered[offset : offset + limit]
        items, linked, quads = [], [], set()
        for iri in page:
            stored = stored_quads(graph, iri)
            quads |= stored
            resource = model_from(stored, iri, kind)
            items.append(as_json(resource))
            linked.append(unmapped(resource, kind, stored))
        following = None
        if len(ordered) > offset + limit:
            following = str(request.url.include_query_params(offset=offset + limit))
        if wants_csv(request):
            return csv_page(kind, items, following)
        headers = {"Link": f'<{following}>; rel="next"'} if following else None
        return represent(request, {"items": items, "next": following}, quads, 200, headers, linked)

    @router.get("/{slug}", summary=f"Read one of the {kind.plural}", name=f"read_{kind.singular}")
    def read_resource(
        slug: str, request: Request, graph: Graph, settings: AppSettings, _caller: ReaderCaller
    ) -> Response:
        iri = iri_of(settings.base_iri, kind, slug)
        return _represented(request, graph, kind, iri)

    @router.post(
        "",
        status_code=201,
        summary=f"Create one of the {kind.plural}",
        description=(
            f"Mints an IRI and writes the {kind.singular}. "
            + (
                f"A POST repeating a stored {kind.singular}'s "
                + " and ".join(f"`{f}`" for f in kind.same_when)
                + " writes nothing: 200 with the stored one, its IRI in `Location` and a "
                "`Warning` header."
                if kind.same_when
                else ""
            )
        ),
        responses={
            201: {"description": "created; Location names it"},
            **(
                {200: {"description": "a repeat of a stored one: nothing written"}}
                if kind.same_when
                else {}
            ),
        },
    )
    async def create_resource(
        request: Request,
        graph: Graph,
        settings: AppSettings,
        caller: WriterCaller,
        body: ModelBody,
    ) -> Response:
        slug = minted_slug(body.label)
        iri = iri_of(settings.base_iri, kind, slug)
        context = _context(caller, f"create {kind.singular}")
        receipt = await run_in_threadpool(
            lambda: graph.create_resource(
                quads_of(body, iri, kind),
                context,
                of_class=expand(kind.rdf_class),
                same_as=_same_as(body, kind),
            )
        )
        if receipt.existing is not None:
            existing = receipt.existing
            warning = (
                f'299 ckm "a {kind.singular} with the same '
                + " and ".join(kind.same_when)
                + ' is stored: nothing written; Location names it"'
            )
            headers = {"Location": _location(request, settings, kind, existing), "Warning": warning}
            return _represented(request, graph, kind, existing, 200, headers)
        location = str(request.url_for(f"read_{kind.singular}", slug=slug))
        return _represented(request, graph, kind, iri, 201, {"Location": location})

    @router.put(
        "/{slug}",
        summary=f"Replace the fields of one of the {kind.plural}",
        description=(
            "Replaces every field of the representation: a field left out loses its "
            "values. What the resource says beyond the representation's fields (other "
            "properties written through SPARQL or the Graph Store) stays. With "
            "`If-Match: <ETag of a GET>` the change is made only if the resource did not "
            "change since (412 otherwise). An id not stored yet is created with it "
            "(201, `Location`): the client chooses the slug, and repeating the PUT "
            "changes nothing."
        ),
        responses={
            201: {"description": "created under the client's id; Location names it"},
            412: {"description": "If-Match no longer holds; nothing written"},
        },
    )
    async def replace_resource(
        slug: str,
        request: Request,
        graph: Graph,
        settings: AppSettings,
        caller: WriterCaller,
        body: ModelBody,
    ) -> Response:
        iri = iri_of(settings.base_iri, kind, slug)
        values = values_of(body, kind)
        create = quads_of(body, iri, kind)
        return await _change(request, graph, caller, kind, iri, values, "replace", create=create)

    @router.patch(
        "/{slug}",
        summary=f"Change fields of one of the {kind.plural}",
        description=(
            "JSON Merge Patch (RFC 7396) on the representation's fields: a field given "
            "replaces its values, `null` removes them, a field left out is untouched, and "
            "so is everything the resource says beyond the fields. With `If-Match` the "
            "change is made only if the resource did not change since it was read (412)."
        ),
        responses={412: {"description": "If-Match no longer holds; nothing written"}},
    )
    async def patch_resource(
        slug: str,
        request: Request,
        graph: Graph,
        settings: AppSettings,
        caller: WriterCaller,
        patch: Patch,
    ) -> Response:
        iri = iri_of(settings.base_iri, kind, slug)
        unknown = sorted(set(patch) - set(model.model_fields) - {"id"})
        if unknown:
            raise Problem(
                422, f"unknown fields: {', '.join(unknown)}", "invalid-request", fields=unknown
            )
        # The fields given are checked as the model checks them, alone: what is stored
        # is read in the writer's turn, not here.
        given = {k: v for k, v in patch.items() if k != "id"}
        try:
            changed = model.model_validate({k: v for k, v in given.items() if v is not None})
        except ValidationError as error:
            raise _field_errors(error) from error
        values = values_of(changed, kind, fields=given)
        return await _change(request, graph, caller, kind, iri, values, "patch")

    deleter = AdminCaller if kind.erased else WriterCaller

    @router.delete(
        "/{slug}",
        status_code=204,
        summary=(
            f"Erase one of the {kind.plural} and what identifies it (admin)"
            if kind.erased
            else f"Delete one of the {kind.plural} and the links to it"
        ),
    )
    async def delete_resource(
        slug: str,
        request: Request,
        graph: Graph,
        settings: AppSettings,
        caller: deleter,  # type: ignore[valid-type]
    ) -> Response:
        iri = iri_of(settings.base_iri, kind, slug)
        if kind.erased:
            read(graph, iri, kind)
            await run_in_threadpool(
                graph.erase_customer, iri, WriteContext(caller.agent, None, "erase-customer")
            )
        else:
            await run_in_threadpool(
                lambda: graph.delete_resource(
                    iri,
                    _context(caller, f"delete {kind.singular}"),
                    of_class=expand(kind.rdf_class),
                    if_match=request.headers.get("if-match"),
                )
            )
        return Response(status_code=204)

    return router


async def _change(
    request: Request,
    graph: KnowledgeGraph,
    caller: Caller,
    kind: ResourceKind,
    iri,
    values: dict,
    operation: str,
    *,
    create: set | None = None,
) -> Response:
    """Replace the values of the predicates in ``values`` on ``iri`` in the writer's
    turn (404 when it is not stored and there is nothing to ``create``, 412 when
    ``If-Match`` fails), then answer it: 201 with ``Location`` when it was created."""
    receipt = await run_in_threadpool(
        lambda: graph.change_description(
            iri,
            values,
            _context(caller, f"{operation} {kind.singular}"),
            of_class=expand(kind.rdf_class),
            if_match=request.headers.get("if-match"),
            create=create,
        )
    )
    if receipt.created:
        return _represented(request, graph, kind, iri, 201, {"Location": str(request.url)})
    return _represented(request, graph, kind, iri)


def _same_as(body: ResourceModel, kind: ResourceKind) -> list:
    """The predicate-value pairs a stored member must all say for ``body`` to be a
    repeat of it (none unless every ``same_when`` field is given)."""
    if not kind.same_when or any(not getattr(body, f) for f in kind.same_when):
        return []
    values = values_of(body, kind, fields=kind.same_when)
    label = [(p, v) for p, vs in values.items() if p == RDFS.label for v in vs]
    return label + [(p, v) for p, vs in values.items() if p != RDFS.label for v in vs]


def _location(request: Request, settings, kind: ResourceKind, iri) -> str:
    """Where the REST API serves ``iri``: its route when the IRI is one this server
    mints for the kind, else the IRI itself (linked data)."""
    prefix = f"{settings.base_iri}{kind.singular}/"
    slug = str(iri)[len(prefix) :] if str(iri).startswith(prefix) else None
    if slug and is_slug(slug):
        return str(request.url_for(f"read_{kind.singular}", slug=slug))
    return str(iri)


def _represented(
    request: Request,
    graph: KnowledgeGraph,
    kind: ResourceKind,
    iri,
    status: int = 200,
    headers: dict[str, str] | None = None,
) -> Response:
    """The stored resource in the negotiated form, with its entity tag (``ETag``)."""
    resource = read(graph, iri, kind)
    quads = stored_quads(graph, iri)
    return represent(
        request,
        as_json(resource),
        quads,
        status,
        (headers or {}) | {"ETag": entity_tag(quads)},
        unmapped(resource, kind, quads),
    )


def _context(caller: Caller, operation: str) -> WriteContext:
    return WriteContext(caller.agent, "rest", operation)


def _field_errors(error: ValidationError) -> Problem:
    errors = [
        {"field": ".".join(str(p) for p in e["loc"]), "message": e["msg"], "type": e["type"]}
        for e in error.errors()
    ]
    detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    return Problem(422, detail, "invalid-request", errors=errors)


def _examples(model: type[ResourceModel]) -> dict:
    example = model.model_config.get("json_schema_extra", {}) or {}
    sample = example.get("example") if isinstance(example, dict) else None
    return {"example": {"value": sample}} if sample else {}
