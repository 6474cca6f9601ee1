"""An ill-typed literal is not the valid literal rdflib rewrites it into.

rdflib reads ``"none"^^xsd:boolean`` as ``"false"^^xsd:boolean`` flagged ill-typed, and
calls the two equal. The compiled engine cached stored terms under rdflib equality, so
whichever of the two came first (set order: ``PYTHONHASHSEED``) stood for both: the
W3C test core/property/or-datatypes-001 was right or wrong from run to run. Terms are
now told apart by RDF term identity (and the ill-typed flag, all rdflib leaves of the
difference).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.regressions.shacl_cases import found

SHAPES = "ex:S sh:targetSubjectsOf ex:p ; sh:property [ sh:path ex:p ; sh:datatype xsd:boolean ] ."
DATA = 'ex:a ex:p "none"^^xsd:boolean . ex:b ex:p false .'
ROOT = Path(__file__).resolve().parents[2]


def test_the_ill_typed_one_breaks_the_datatype_the_valid_one_does_not():
    assert found(SHAPES, DATA) == [("a", "Datatype", "false")]


def test_the_answer_does_not_depend_on_the_hash_seed():
    script = (
        "import json, warnings; warnings.simplefilter('ignore');"
        "from tests.regressions.test_ill_typed_literals_were_merged_with_valid_ones import *;"
        "print(json.dumps(found(SHAPES, DATA)))"
    )
    answers = set()
    for seed in range(6):
        env = {**os.environ, "PYTHONHASHSEED": str(seed)}
        done = subprocess.run(
            [sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        answers.add(done.stdout.strip().splitlines()[-1])
    assert answers == {json.dumps([["a", "Datatype", "false"]])}
