"""Which engine validates, with which shapes graph (SHACL §3.1: validation of a data
graph against a shapes graph): what the settings choose.

The write road runs the compiled engine (fast per write; it hands the shapes it does
not translate to pySHACL); ``CKM_VALIDATOR`` picks another. The shapes are the shipped
ones plus ``CKM_EXTRA_SHAPES``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from rdflib import Graph

from kg.config import Settings
from kg.validation.compiled import CompiledValidator
from kg.validation.protocol import Validator
from kg.validation.reference import ShapesValidator
from kg.validation.shapes import load_shapes, shapes_files
from kg.validation.turbo import TurboValidator

ENGINES: dict[str, type] = {
    "compiled": CompiledValidator,
    "pyshacl": ShapesValidator,
    "turbo": TurboValidator,
}


def shapes_for(settings: Settings, extra: Iterable[Path] = ()) -> Graph:
    """The checked shapes graph: the shipped shapes, ``settings.extra_shapes`` and
    ``extra``.

    Raises:
        InvalidShapes: a file is missing, does not parse or is ill-formed SHACL.
    """
    return load_shapes(shapes_files([*settings.extra_shapes, *extra]))


def validator_for(
    settings: Settings,
    ontology: Graph | None,
    engine: str | None = None,
    shapes: Graph | None = None,
) -> Validator:
    """The engine ``engine`` (default: ``settings.validator``) on the settings' shapes.

    Raises:
        InvalidShapes: as :func:`shapes_for`.
        KeyError: an unknown engine name.
    """
    kind = ENGINES[engine or settings.validator]
    return kind(ontology=ontology, shapes=shapes if shapes is not None else shapes_for(settings))
