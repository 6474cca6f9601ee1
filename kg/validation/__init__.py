"""SHACL validation of what a write would leave in the graph (W3C SHACL, 2017).

One :class:`Validator` face, three engines behind it:

- :class:`CompiledValidator` (the write road's): the shapes compiled to SPARQL and run
  by an in-memory Oxigraph; a shape it does not translate is validated by the
  reference engine in the same call, never skipped;
- :class:`ShapesValidator`: pySHACL, the reference (``CKM_VALIDATOR=pyshacl``);
- :class:`TurboValidator`: pyshacl-turbo, a Rust engine with pySHACL's interface
  (``CKM_VALIDATOR=turbo``; whole-graph ``ckm validate``).

Every engine reads the same checked shapes graph (:func:`load_shapes`): an invalid
shapes file is refused when the engine is made (:class:`~kg.errors.InvalidShapes`).
"""

from kg.errors import InvalidShapes
from kg.validation.choice import ENGINES, shapes_for, validator_for
from kg.validation.compiled import CompiledValidator
from kg.validation.protocol import Validator
from kg.validation.reference import ShapesValidator
from kg.validation.report import ResultTerms, ValidationReport, ValidationResult, result_order
from kg.validation.shapes import load_shapes, shapes_files
from kg.validation.turbo import TurboValidator

__all__ = [
    "ENGINES",
    "CompiledValidator",
    "InvalidShapes",
    "ResultTerms",
    "ShapesValidator",
    "TurboValidator",
    "ValidationReport",
    "ValidationResult",
    "Validator",
    "load_shapes",
    "result_order",
    "shapes_files",
    "shapes_for",
    "validator_for",
]
