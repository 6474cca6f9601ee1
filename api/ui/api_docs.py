"""The API's own documentation, ``/docs`` (Swagger UI) and ``/redoc`` (ReDoc), working
offline (issue 19).

FastAPI's default pages load their scripts from a CDN and ReDoc's fonts from Google, so
they are blank without a network. These are the same pages with the libraries served by
this server (:data:`api.ui.assets.VENDOR_FILES`, installed from npm), and a
Content-Security-Policy that keeps the browser from reaching anywhere else: ReDoc 2
draws a logo from ``cdn.redoc.ly`` in its menu, which the policy stops.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.openapi.docs import (
    get_redoc_html,
    get_swagger_ui_html,
    get_swagger_ui_oauth2_redirect_html,
)
from fastapi.responses import HTMLResponse, JSONResponse

from api.openapi_doc import swagger_document

router = APIRouter(include_in_schema=False)

SWAGGER_UI_PATH = "/docs"
OAUTH2_REDIRECT_PATH = "/docs/oauth2-redirect"
REDOC_PATH = "/redoc"
VENDOR = "/ui/vendor"
# Only this server, for everything. Inline scripts and styles are allowed because both
# pages start their library from an inline script and set styles inline; blob: workers
# because ReDoc builds its search index in one; data: images because Swagger UI's style
# sheet draws its icons with them.
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'self'",
        "script-src 'self' 'unsafe-inline'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data:",
        "font-src 'self' data:",
        "worker-src 'self' blob:",
        "connect-src 'self'",
        "base-uri 'self'",
        "form-action 'self'",
    )
)
# Swagger UI would otherwise ask validator.swagger.io to judge the schema.
SWAGGER_UI_PARAMETERS = {"validatorUrl": None}
SWAGGER_DOCUMENT_PATH = "/ui/openapi-swagger.json"


def _prefix(request: Request) -> str:
    """Where the app is mounted (``root_path``), as FastAPI's own docs pages use it."""
    return request.scope.get("root_path", "").rstrip("/")


def _confined(page: HTMLResponse) -> HTMLResponse:
    page.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
    return page


@router.get(SWAGGER_DOCUMENT_PATH)
def swagger_document_json(request: Request) -> JSONResponse:
    """The OpenAPI document as Swagger UI draws it: every operation, the saved queries
    through the generic ``/api/queries/{name}`` (api/openapi_doc.py)."""
    return JSONResponse(swagger_document(request.app.openapi()))


@router.get(SWAGGER_UI_PATH)
def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI on the app's OpenAPI document: every operation, with "Try it out"."""
    prefix = _prefix(request)
    return _confined(
        get_swagger_ui_html(
            openapi_url=prefix + SWAGGER_DOCUMENT_PATH,
            title=f"{request.app.title} - Swagger UI",
            swagger_js_url=f"{prefix}{VENDOR}/swagger-ui-bundle.js",
            swagger_css_url=f"{prefix}{VENDOR}/swagger-ui.css",
            swagger_favicon_url=f"{prefix}{VENDOR}/favicon.png",
            oauth2_redirect_url=prefix + OAUTH2_REDIRECT_PATH,
            swagger_ui_parameters=SWAGGER_UI_PARAMETERS,
        )
    )


@router.get(OAUTH2_REDIRECT_PATH)
def swagger_ui_oauth2_redirect() -> HTMLResponse:
    """Where an OAuth2 provider sends the browser back to Swagger UI (FastAPI's page)."""
    return _confined(get_swagger_ui_oauth2_redirect_html())


@router.get(REDOC_PATH)
def redoc(request: Request) -> HTMLResponse:
    """ReDoc on the app's OpenAPI document, in the browser's own fonts."""
    prefix = _prefix(request)
    return _confined(
        get_redoc_html(
            openapi_url=prefix + request.app.openapi_url,
            title=f"{request.app.title} - ReDoc",
            redoc_js_url=f"{prefix}{VENDOR}/redoc.standalone.js",
            redoc_favicon_url=f"{prefix}{VENDOR}/favicon.png",
            with_google_fonts=False,
        )
    )
