"""The web UI: the start page, the SPARQL editor (YASGUI) and the dashboard (Chart.js)
(:mod:`api.ui.pages`), and their scripts and libraries, served locally
(:mod:`api.ui.assets`)."""
