"""A path node that is both a list and an ``sh:inversePath`` is the sequence
(W3C core/path/path-strange-001/002: the list is read first).

The compiled engine read ``sh:inversePath`` first and validated ``^ex:p`` where the
shapes wrote ``( ex:p ex:q )``.
"""

from __future__ import annotations

from tests.regressions.shacl_cases import found


def test_the_list_wins():
    shapes = (
        "ex:S a sh:PropertyShape ; sh:targetClass ex:C ; sh:class ex:C ; "
        "sh:path [ rdf:first ex:p ; rdf:rest ( ex:q ) ; sh:inversePath ex:p ] ."
    )
    data = "ex:i a ex:C ; ex:p ex:ip . ex:ip ex:q ex:ipq . ex:ipq a ex:C . ex:pi ex:p ex:i ."
    # Along p/q, i reaches ipq (a C); read as ^p it would reach pi (not a C).
    assert found(shapes, data) == []
