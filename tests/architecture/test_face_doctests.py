"""The examples in the face's docstrings run (STYLE.md: doctests on the face), as
pyoxigraph runs every example of its own documentation."""

from __future__ import annotations

import doctest
import importlib

import pytest

FACE_MODULES = ["kg", "kg.graph", "kg.store.parsing"]


@pytest.mark.parametrize("name", FACE_MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    failed, tried = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert tried > 0 and failed == 0
