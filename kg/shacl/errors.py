"""The error the SHACL compiler raises for what it cannot translate."""

from __future__ import annotations

from rdflib.term import Node


class UnsupportedShape(ValueError):
    """A shape uses a SHACL feature the compiler does not translate to SPARQL.

    Raised when the shapes are compiled, never during a validation.
    """

    def __init__(self, component: str, shape: Node, detail: str = "") -> None:
        self.component = component
        self.shape = shape
        text = f"{component} on shape {shape} is not supported by the SHACL compiler"
        super().__init__(f"{text}: {detail}" if detail else text)
