"""The web UI: the start page, the SPARQL editor (YASGUI) and the dashboard (Chart.js)
(:mod:`api.ui.pages`), the API's documentation at ``/docs`` and ``/redoc`` (Swagger UI
and ReDoc, :mod:`api.ui.api_docs`), and their scripts and libraries, served locally
(:mod:`api.ui.assets`)."""
