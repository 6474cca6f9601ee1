"""The ``ckm`` command line: one typer app, one module per group of commands."""

from kg.cli.main import app

__all__ = ["app"]
