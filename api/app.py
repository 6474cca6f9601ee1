"""``create_app(settings)``: the FastAPI application."""

from __future__ import annotations

from fastapi import FastAPI

import kg
from kg.config import Settings


def create_app(settings: Settings | None = None) -> FastAPI:
    """Build the application for ``settings`` (from the environment when omitted)."""
    settings = settings or Settings()
    app = FastAPI(title="CKM Knowledge Graph", version=kg.__version__)
    app.state.settings = settings

    @app.get("/health", summary="Liveness probe", tags=["operations"])
    def health() -> dict[str, str]:
        return {"status": "ok", "version": kg.__version__}

    return app
