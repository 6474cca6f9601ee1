"""Locations of the ontology and shapes files, wherever the package is installed.

In a wheel the files are copied into ``kg/_resources/``; in a source checkout or an
editable install they live at the top of the repository, beside ``kg/``.
"""

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def _resource_dir(name: str) -> Path:
    bundled = _PACKAGE_DIR / "_resources" / name
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent / name


ONTOLOGY_DIR = _resource_dir("ontology")
SHAPES_DIR = _resource_dir("shapes")
ONTOLOGY_TTL = ONTOLOGY_DIR / "ckm.ttl"
ONTOLOGY_OWL = ONTOLOGY_DIR / "ckm.owl"
SHAPES_TTL = SHAPES_DIR / "ckm-shapes.ttl"
