"""SHACL validation compiled to SPARQL and run by Oxigraph (pySHACL is the reference)."""

from kg.shacl.compiler import compile_shapes
from kg.shacl.errors import UnsupportedShape
from kg.shacl.validator import CompiledValidator

__all__ = ["CompiledValidator", "UnsupportedShape", "compile_shapes"]
