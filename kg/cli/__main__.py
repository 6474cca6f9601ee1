"""``python -m kg.cli`` runs the ``ckm`` command line."""

from kg.cli import app

app()
