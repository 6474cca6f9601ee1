"""SHACL validation compiled to SPARQL and run by Oxigraph; a shape it does not
translate is validated by the reference engine (pySHACL), never skipped."""

from kg.validation.compiled.compiler import compile_shapes
from kg.validation.compiled.errors import UnsupportedShape
from kg.validation.compiled.validator import CompiledValidator

__all__ = ["CompiledValidator", "UnsupportedShape", "compile_shapes"]
