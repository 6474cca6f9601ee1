"""morph-kgc, the RML engine: translating YARRRML to RML, and materialising the triples.

morph-kgc is imported here only, and lazily, so that the rest of the knowledge graph runs
without it. It runs in this process with one worker (no process pool inside a server)
and one run at a time (its configuration and logging are process-global).
"""

from __future__ import annotations

import threading
from pathlib import Path

from rdflib import Graph

from kg.errors import EngineMissing, MappingError

_RUNNING = threading.Lock()
_CONFIG = """[CONFIGURATION]
na_values =
number_of_processes = 1
logging_level = WARNING

[CKMImport]
mappings = {mappings}
"""


def _morph_kgc():
    try:
        import morph_kgc
        from morph_kgc.mapping.yarrrml import load_yarrrml
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise EngineMissing(
            "morph-kgc is not installed; run `make install` (it installs morph-kgc)"
        ) from error
    return morph_kgc, load_yarrrml


def rml_of(mapping_file: Path) -> Graph:
    """The RML rules of a YARRRML file, as morph-kgc translates them.

    Raises:
        MappingError: morph-kgc cannot translate the file.
    """
    _engine, load_yarrrml = _morph_kgc()
    try:
        return load_yarrrml(str(mapping_file))
    except Exception as error:  # morph-kgc raises plain exceptions of many kinds
        raise MappingError(f"the mapping cannot be translated to RML: {error}") from error


def materialise(mapping_file: Path) -> Graph:
    """Every triple the mapping produces from the (normalised) CSV files it names.

    Empty cells are absent values: a rule whose cell is empty produces nothing.
    Raises:
        MappingError: morph-kgc fails on the mapping or the files.
    """
    engine, _load = _morph_kgc()
    config = _CONFIG.format(mappings=mapping_file)
    with _RUNNING:
        try:
            return engine.materialize(config)
        except Exception as error:  # morph-kgc raises plain exceptions of many kinds
            raise MappingError(f"morph-kgc could not run the mapping: {error}") from error
