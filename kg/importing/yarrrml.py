"""A YARRRML mapping document, and the copy of it that one import runs.

The prepared copy differs from the user's file in three ways only: the ``id:`` prefix is
the store's base IRI, each CSV source points at the normalised copy of the file given
for it (mappings whose file was not given are left out), and every mapping also states
which row each subject came from (:data:`TRACE`), so a SHACL result on a subject leads
back to its file and row.
"""

from __future__ import annotations

import copy
import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from rdflib import URIRef
from ruamel.yaml import YAML, YAMLError

from kg.errors import MappingError

TRACE = URIRef("https://w3id.org/ckm/import#row")
ROW_COLUMN = "__row__"
BASE_PREFIX = "id"
_TABULAR = ("csv",)
_MAPPINGS_KEYS = ("mappings", "mapping", "m")
_SOURCES_KEYS = ("sources", "source")
_SUBJECT_KEYS = ("s", "subject", "subjects")
_PO_KEYS = ("po", "predicateobjects", "predicateobject")


@dataclass(frozen=True)
class MappingDocument:
    """A parsed YARRRML document and the CSV sources (file names) it reads."""

    name: str
    data: dict[str, Any]

    @classmethod
    def parse(cls, text: str, name: str) -> MappingDocument:
        """Parse YARRRML text.

        Raises:
            MappingError: not YAML, no mappings, a mapping without a subject or a
                non-CSV source.
        """
        try:
            data = YAML(typ="safe", pure=True).load(text)
        except YAMLError as error:
            raise MappingError(f"mapping {name}: not valid YAML: {error}") from error
        if not isinstance(data, dict) or not isinstance(_mappings(data), dict):
            raise MappingError(f"mapping {name}: no 'mappings:' section")
        document = cls(name, data)
        for mapping_id, mapping in _mappings(data).items():
            if not isinstance(mapping, dict) or _first(mapping, _SUBJECT_KEYS) is None:
                raise MappingError(
                    f"mapping {name}: {mapping_id} has no subject (s:); imported resources "
                    "need IRIs made from source keys"
                )
            if not document.sources_of(mapping_id):
                raise MappingError(f"mapping {name}: {mapping_id} reads no CSV source")
        return document

    def source_names(self) -> list[str]:
        """The file names of the CSV sources, in the order the mappings first read them."""
        names: list[str] = []
        for mapping_id in _mappings(self.data):
            names += [n for n in self.sources_of(mapping_id) if n not in names]
        return names

    def sources_of(self, mapping_id: str) -> list[str]:
        found: list[str] = []

        def note(path: str) -> str:
            found.append(PurePosixPath(path).name)
            return path

        self._walk_sources(_first(_mappings(self.data)[mapping_id], _SOURCES_KEYS), note)
        return found

    def prepared(self, files: dict[str, Path], base_iri: str) -> dict[str, Any]:
        """The document to run: sources read from ``files`` (source name → normalised
        copy), mappings of absent sources dropped, the base IRI set, rows traced."""
        data = copy.deepcopy(self.data)
        prefixes = data.setdefault("prefixes", {})
        if BASE_PREFIX in prefixes:
            prefixes[BASE_PREFIX] = base_iri
        mappings = _mappings(data)
        for mapping_id in list(mappings):
            if not set(self.sources_of(mapping_id)) <= set(files):
                del mappings[mapping_id]
                continue
            mapping = mappings[mapping_id]
            for key in _SOURCES_KEYS:
                if key in mapping:
                    mapping[key] = self._walk_sources(
                        copy.deepcopy(mapping[key]),
                        lambda path: str(files[PurePosixPath(path).name]),
                    )
            po_key = next((k for k in _PO_KEYS if k in mapping), "po")
            trace = {"value": f"{mapping_id}|$({ROW_COLUMN})", "type": "literal"}
            mapping[po_key] = [*(mapping.get(po_key) or []), {"p": str(TRACE), "o": trace}]
        data.pop("sources", None)  # named sources were inlined by _walk_sources
        return data

    def _walk_sources(self, spec: Any, visit: Callable[[str], str]) -> Any:
        """``spec`` with ``visit`` applied to every CSV path in it (named sources inlined).

        Raises:
            MappingError: a source that is not a CSV file.
        """
        named = self.data.get("sources") or {}
        if isinstance(spec, str):
            if spec in named:
                return self._walk_sources(copy.deepcopy(named[spec]), visit)
            path, tilde, formulation = spec.rpartition("~")
            if not tilde:
                return spec  # an iterator or other plain value next to a source
            if formulation.lower() not in _TABULAR:
                raise MappingError(f"mapping {self.name}: source {spec!r} is not CSV (~csv)")
            return f"{visit(path)}~{formulation}"
        if isinstance(spec, list):
            return [self._walk_sources(item, visit) for item in spec]
        if isinstance(spec, dict) and "access" in spec:
            formulation = str(spec.get("referenceFormulation", "csv")).lower()
            if formulation not in _TABULAR:
                raise MappingError(f"mapping {self.name}: source {spec['access']!r} is not CSV")
            return {**spec, "access": visit(str(spec["access"]))}
        if spec is None:
            return spec
        raise MappingError(f"mapping {self.name}: cannot read source {spec!r}")


def dump(data: dict[str, Any]) -> str:
    """``data`` as YARRRML (YAML) text."""
    buffer = io.StringIO()
    YAML(typ="safe", pure=True).dump(data, buffer)
    return buffer.getvalue()


def _mappings(data: dict[str, Any]) -> Any:
    return _first(data, _MAPPINGS_KEYS)


def _first(mapping: dict[str, Any], keys: tuple[str, ...]) -> Any:
    return next((mapping[k] for k in keys if k in mapping), None)
