"""pyshacl-turbo (a Rust SHACL engine with pySHACL's interface, SHACL Core §4 and
SHACL-SPARQL §5-6) behind the :class:`~kg.validation.protocol.Validator` face.

The shapes are compiled once by the engine and reused for every validation; a
validation reads an rdflib graph (the data, with the ontology) and returns a W3C report
graph, read back as pySHACL's is (:func:`kg.validation.reference.report_results`).
It is the fastest engine on a whole graph (``ckm validate`` without files, bulk checks;
see docs/BENCHMARKS.md) and slower than the compiled engine per write.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from pathlib import Path

import pyshacl_turbo
from rdflib import Graph
from rdflib.term import Identifier

from kg.resources import SHAPES_TTL
from kg.validation.reference import report_results
from kg.validation.report import ValidationReport, sorted_results
from kg.validation.shapes import load_shapes


class TurboValidator:
    """Validates data against the CKM shapes (or any shapes) and an ontology, with
    pyshacl-turbo.

    Raises:
        InvalidShapes: (at construction) a shapes file that does not parse or is not a
            well-formed shapes graph.
    """

    def __init__(
        self,
        shapes_file: Path | Sequence[Path] = SHAPES_TTL,
        ontology: Graph | None = None,
        *,
        shapes: Graph | None = None,
    ) -> None:
        self._shapes = shapes if shapes is not None else load_shapes(shapes_file)
        self._ontology = list(ontology) if ontology is not None else []
        self._local = threading.local()

    def _engine(self) -> pyshacl_turbo.CompiledShapes:
        # One compiled copy per thread: the engine does not say its shapes may be
        # shared between threads.
        engine = getattr(self._local, "engine", None)
        if engine is None:
            engine = self._local.engine = pyshacl_turbo.CompiledShapes(self._shapes, advanced=True)
        return engine

    def validate_triples(
        self, triples: Iterable[tuple], focus: Iterable[Identifier] | None = None
    ) -> ValidationReport:
        """Validate ``triples`` together with the ontology given at construction.

        The thread's working graph (the ontology) is left as it was, also when this
        raises.
        """
        working = getattr(self._local, "working", None)
        if working is None:
            working = self._local.working = Graph()
            for triple in self._ontology:
                working.add(triple)
        added = [t for t in set(triples) if t not in working]
        for triple in added:
            working.add(triple)
        try:
            return self.validate(working, focus)
        finally:
            for triple in added:
                working.remove(triple)

    def validate(self, data: Graph, focus: Iterable[Identifier] | None = None) -> ValidationReport:
        """Validate ``data`` as it is (it must already hold the ontology facts the
        shapes read); ``data`` is only read.

        Args:
            focus: when given, only results about these nodes are reported.
        """
        _conforms, report, _text = self._engine().validate(
            data, inference="none", inplace=True, allow_warnings=True, allow_infos=True
        )
        wanted = None if focus is None else {str(node) for node in focus}
        results = [r for r in report_results(report) if wanted is None or r.focus_node in wanted]
        return ValidationReport(sorted_results(results))
