"""The examples in the docstrings of kg.validation run, as pyoxigraph runs its own."""

from __future__ import annotations

import doctest

import pytest

from kg.validation import property_paths

MODULES = [property_paths]


@pytest.mark.parametrize("module", MODULES, ids=lambda m: m.__name__)
def test_docstring_examples(module) -> None:
    failed, tried = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried > 0 and failed == 0
