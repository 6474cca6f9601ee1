"""The ontology in use: the shipped CKM ontology and the user's extensions.

``CKM_EXTRA_ONTOLOGY`` names Turtle files of one's own (subclasses of CKM classes,
new properties, disjointness…); they are merged with ``ontology/ckm.ttl`` for reasoning
and validation, stored in the ontology graph with it, and go through the same start-up
report and consistency check (``kg.reasoning``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from rdflib import Graph

from kg.config import Settings
from kg.errors import OntologyUnusable
from kg.resources import ONTOLOGY_TTL


def ontology_files(settings: Settings) -> list[Path]:
    """The shipped ontology's file, then each extension's, in the order given."""
    return [ONTOLOGY_TTL, *settings.extra_ontology_files]


def load_ontology(settings: Settings) -> Graph:
    """The shipped ontology merged with the extensions the settings name.

    Raises:
        OntologyUnusable: an extension is missing, unreadable or not valid Turtle;
            the message names the file and says why.
    """
    graph = Graph().parse(ONTOLOGY_TTL, format="turtle")
    for path in settings.extra_ontology_files:
        try:
            graph.parse(path, format="turtle")
        except OSError as error:
            raise OntologyUnusable(
                f"CKM_EXTRA_ONTOLOGY: cannot read {path}: {error.strerror or error}"
            ) from error
        except Exception as error:  # rdflib raises several types for bad Turtle
            raise OntologyUnusable(
                f"CKM_EXTRA_ONTOLOGY: {path} is not valid Turtle: {error}"
            ) from error
    return graph


def ontology_digest(settings: Settings) -> str:
    """A SHA-256 over the files of the ontology in use (what the stored ontology graph
    was made from: another file or another extension changes it).

    Raises:
        OntologyUnusable: an extension cannot be read.
    """
    if not settings.extra_ontology_files:  # the digest stores made before extensions carry
        return "sha256:" + hashlib.sha256(ONTOLOGY_TTL.read_bytes()).hexdigest()
    digest = hashlib.sha256()
    for path in ontology_files(settings):
        try:
            content = path.read_bytes()
        except OSError as error:
            raise OntologyUnusable(
                f"CKM_EXTRA_ONTOLOGY: cannot read {path}: {error.strerror or error}"
            ) from error
        digest.update(str(path.name).encode() + b"\0" + hashlib.sha256(content).digest())
    return "sha256:" + digest.hexdigest()
