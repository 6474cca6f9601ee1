"""The UI's scripts and styles, all served from this server (the UI works offline).

Our own files live in ``api/ui/static``. The browser libraries come from the npm
registry at install time (``make install`` runs ``npm ci`` in ``api/ui``) and are served
straight out of ``api/ui/node_modules`` through :data:`VENDOR_FILES`, a table from the
public name to the file in its package.
"""

from __future__ import annotations

import re
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import FileResponse

from api.errors import Problem

router = APIRouter(include_in_schema=False)

UI_DIR = Path(__file__).parent
STATIC_DIR = UI_DIR / "static"
NODE_MODULES = UI_DIR / "node_modules"
VENDOR_FILES: dict[str, str] = {
    "yasgui.js": "@zazuko/yasgui/build/yasgui.min.js",
    "yasgui.css": "@zazuko/yasgui/build/yasgui.min.css",
    "chart.js": "chart.js/dist/chart.umd.min.js",
    "cytoscape.js": "cytoscape/dist/cytoscape.min.js",
    # the API's documentation pages (api.ui.api_docs)
    "swagger-ui-bundle.js": "swagger-ui-dist/swagger-ui-bundle.js",
    "swagger-ui.css": "swagger-ui-dist/swagger-ui.css",
    "redoc.standalone.js": "redoc/bundles/redoc.standalone.js",
    "favicon.png": "swagger-ui-dist/favicon-32x32.png",
}
MEDIA_TYPES = {".js": "text/javascript", ".css": "text/css", ".png": "image/png"}
_STATIC_NAME = re.compile(r"[a-z0-9][a-z0-9-]*\.(js|css)")  # no path can sneak through
CACHE = {"Cache-Control": "public, max-age=3600"}


def _file(path: Path) -> FileResponse:
    return FileResponse(path, media_type=MEDIA_TYPES[path.suffix], headers=CACHE)


@router.get("/ui/static/{name}")
def static_file(name: str) -> FileResponse:
    """One of the UI's own scripts or style sheets."""
    path = STATIC_DIR / name
    if not _STATIC_NAME.fullmatch(name) or not path.is_file():
        raise Problem(404, f"no UI file {name}")
    return _file(path)


@router.get("/ui/vendor/{name}")
def vendor_file(name: str) -> FileResponse:
    """A browser library installed from npm (see :data:`VENDOR_FILES`).

    Raises:
        Problem: 404 for a name not in the table; 503 when the npm packages are not
            installed (``make install`` installs them).
    """
    if name not in VENDOR_FILES:
        raise Problem(404, f"no UI library {name}")
    path = NODE_MODULES / VENDOR_FILES[name]
    if not path.is_file():
        raise Problem(
            503, f"UI library {name} is not installed: run `make install` (npm ci in api/ui)"
        )
    return _file(path)
