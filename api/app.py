"""``create_app(settings)``: the FastAPI application, assembled from the routers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

import kg
from api import (
    diagnosis,
    explore,
    gsp,
    importing,
    operations,
    queries,
    schemes,
    sparql,
    validate,
    vocabulary,
)
from api.auth import local_admin_key, parse_keys
from api.deps import ReaderCaller
from api.errors import PROBLEM_RESPONSES, install_error_handlers
from api.idempotency import Idempotency
from api.limits import BodyLimit
from api.openapi_doc import install_openapi
from api.rest import KINDS, linked_data
from api.rest.router import resource_router
from api.settings import api_settings
from api.ui import api_docs
from api.ui import assets as ui_assets
from api.ui import pages as ui_pages
from kg import KnowledgeGraph, Settings, remove_advert, write_advert

DESCRIPTION = """
The HTTP face of the CKM knowledge graph: the SPARQL 1.1 Protocol at `/sparql`, the
Graph Store HTTP Protocol at `/store`, validation, the ontology and shapes, and REST
resources under `/api`. Writes need an API key (`Authorization: Bearer <key>`).
Errors are RFC 9457 problem documents.
"""


def create_app(
    settings: Settings | None = None,
    graph: KnowledgeGraph | None = None,
    *,
    prepare_writes: bool = False,
    advertise_url: str | None = None,
) -> FastAPI:
    """Build the application for ``settings`` (from the environment when omitted).

    Args:
        settings: kg or API settings; API fields missing from them come from defaults.
        graph: an open knowledge graph to serve (the app then does not close it);
            when omitted the store the settings name is opened and closed with the app.
        prepare_writes: compile the shapes and reasoner in the background at start
            (``ckm serve``), so that the first write does not take seconds.
        advertise_url: while serving, leave this URL in the embedded store's directory
            (:mod:`kg.store.advert`) for commands run beside the server.
    Raises:
        ValueError: ``CKM_API_KEYS`` is malformed.
        StoreLocked: the store is open in another process.
    """
    settings = api_settings(settings)
    owned = graph is None
    graph = graph or KnowledgeGraph.open(settings, served_at=advertise_url)
    if owned and graph.settings.base_iri != settings.base_iri:  # the store's base
        settings = settings.model_copy(update={"base_iri": graph.settings.base_iri})

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        graph.prepare_queries()  # the first query does not wait for a worker to start
        if prepare_writes:
            graph.prepare_writes()
        advertised = settings.store if advertise_url and not settings.remote_query_url else None
        if advertised is not None:  # with a key for the command line to write through
            secret, _app.state.api_keys = local_admin_key(_app.state.api_keys)
            write_advert(advertised, advertise_url, secret, settings.base_iri)
        try:
            yield
        finally:
            if advertised is not None:
                remove_advert(advertised)
            if owned:
                graph.close()

    app = FastAPI(
        title="CKM Knowledge Graph",
        version=kg.__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        responses=PROBLEM_RESPONSES,
        docs_url=None,  # FastAPI's pages load their scripts from a CDN: api.ui.api_docs
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.kg = graph
    app.state.api_keys = parse_keys(settings.api_keys)
    install_error_handlers(app)
    app.add_middleware(Idempotency, journal=graph.answers)  # inside the body limit
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    app.include_router(sparql.router)
    app.include_router(gsp.router)
    app.include_router(validate.router)
    app.include_router(vocabulary.router)
    app.include_router(queries.router)
    app.include_router(importing.router)
    app.include_router(schemes.router)
    app.include_router(diagnosis.router)
    app.include_router(operations.router)
    app.include_router(explore.router)
    for kind in KINDS:
        app.include_router(resource_router(kind))
    app.include_router(linked_data.router)
    app.include_router(ui_pages.router)
    app.include_router(ui_assets.router)
    app.include_router(api_docs.router)

    @app.get("/api/me", summary="Who the key in use is", tags=["auth"])
    def me(caller: ReaderCaller) -> dict[str, str | None]:
        """The caller's key name (the provenance agent) and role (None: no key), so
        that a client can show which key it uses. A key the server does not know is 401.
        """
        role = None if caller.role is None else caller.role.name.lower()
        return {"agent": caller.agent, "role": role}

    @app.get("/health", summary="Liveness and store probe", tags=["operations"])
    def health() -> dict[str, str]:
        """200 when the store answers a query (a 503 problem when it does not);
        ``writes`` is ``preparing`` while ``ckm serve`` still compiles the shapes
        (writes are taken, and wait for it), then ``ready``."""
        graph.ask("ASK {}")
        return {"status": "ok", "version": kg.__version__, "writes": graph.write_readiness}

    install_openapi(app)  # the document completed: security, answers, saved queries
    return app
