"""OWL 2 DL, as the OWL API (and so Protégé) sees it: zero violations, nothing unparsed."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.ontology_tools.owlapi import check_dl_profile
from kg.resources import ONTOLOGY_OWL, ONTOLOGY_TTL

pytestmark = [pytest.mark.java, pytest.mark.usefixtures("java_available")]


@pytest.mark.parametrize("path", [ONTOLOGY_TTL, ONTOLOGY_OWL], ids=["ckm.ttl", "ckm.owl"])
def test_the_ontology_is_in_the_owl2_dl_profile(path: Path):
    report = check_dl_profile(path)
    assert report.violations == []
    assert report.unparsed_triples == []
    assert report.logical_axiom_count > 300
