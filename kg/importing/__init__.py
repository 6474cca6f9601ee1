"""Importing CRM exports (CSV) through declarative RML mappings written as YARRRML.

``run_import`` cleans the files (:mod:`normalise`), runs the mapping with morph-kgc
(:mod:`engine`), turns the triples into a Delta that describes each imported resource
anew (:mod:`changes`) and takes the one validated write road; a violation is traced back
to its file, row and column (:mod:`blame`). :mod:`export` writes the graph back in a
mapping's CSV layout. docs/IMPORT.md is the user's guide.
"""

from kg.errors import (
    EngineMissing,
    ImportInputError,
    ImportRefused,
    MappingError,
    SourceFileError,
    UnknownMapping,
)
from kg.importing.catalogue import mapping_named, mapping_names, shipped_mapping
from kg.importing.report import ImportReport, RejectedRow, RowProblem, write_rejects
from kg.importing.run import ImportOptions, Progress, run_import, source_for
from kg.importing.sources import SourceInput

__all__ = [
    "EngineMissing",
    "ImportInputError",
    "ImportOptions",
    "ImportRefused",
    "ImportReport",
    "MappingError",
    "Progress",
    "RejectedRow",
    "RowProblem",
    "SourceFileError",
    "SourceInput",
    "UnknownMapping",
    "mapping_named",
    "mapping_names",
    "run_import",
    "shipped_mapping",
    "source_for",
    "write_rejects",
]
