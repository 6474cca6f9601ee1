"""A shapes file whose shapes have no ``sh:message`` (most real-world ones) works.

The compiled engine refused such a file at start (55 of the 87 W3C tests it refused);
a result now gets the component's default message, naming the rule, the focus node,
the path and the value.
"""

from __future__ import annotations

from tests.regressions.shacl_cases import EX, report

SHAPES = (
    "ex:S sh:targetNode ex:a ; "
    "sh:property [ sh:path ex:age ; sh:maxCount 1 ; sh:datatype xsd:integer ] ."
)


def test_each_result_has_a_default_message():
    found = report(SHAPES, 'ex:a ex:age 3, "four" .')
    messages = sorted(r.message for r in found.results)
    assert messages == [
        f"More than 1 values on {EX.a}->{EX.age}",
        f'Value "four" of {EX.a}->{EX.age} is not a literal of datatype '
        "http://www.w3.org/2001/XMLSchema#integer",
    ]
