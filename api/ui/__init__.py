"""The web UI served at ``/``: for now a start page linking every face of the graph."""
