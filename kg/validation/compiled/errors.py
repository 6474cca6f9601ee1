"""What the SHACL compiler signals for a shape it does not translate (a feature of
SHACL-AF, or a corner of SHACL §2-§6 it leaves to the reference engine: the list is in
docs/VALIDATION.md)."""

from __future__ import annotations

from rdflib.term import Node


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature the compiler does not translate to SPARQL.

    Raised while the shapes are compiled, never during a validation; the compiler
    catches it per root shape and leaves that root to the reference engine.
    """

    def __init__(self, component: str, shape: Node, detail: str = "") -> None:
        self.component = component
        self.shape = shape
        text = f"{component} on shape {shape} is not translated by the SHACL compiler"
        super().__init__(f"{text}: {detail}" if detail else text)
