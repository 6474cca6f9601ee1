"""The face: KnowledgeGraph.diagnose, its findings with their quotes and evidence, and the
three renderings."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from rdflib import URIRef

from kg.diagnosis.quotes import quotes
from kg.diagnosis.yardsticks import yardsticks
from kg.errors import UnknownResource
from tests.kg.diagnosis.conftest import NORDTECH, OTHER, ex

SEEDS = Path("/work/shared/seeds")
PERIOD = (date(2025, 1, 1), date(2025, 4, 30))


@pytest.fixture(scope="module")
def diagnosis(nordtech):
    return nordtech.diagnose(NORDTECH, *PERIOD)


def test_an_unknown_firm_is_refused(nordtech) -> None:
    with pytest.raises(UnknownResource):
        nordtech.diagnose(ex("nobody"))
    with pytest.raises(UnknownResource):  # a customer is no firm
        nordtech.diagnose(ex("anna"))


def test_a_period_ending_before_it_starts_is_refused(nordtech) -> None:
    with pytest.raises(ValueError):
        nordtech.diagnose(NORDTECH, date(2025, 2, 1), date(2025, 1, 1))


def test_findings_of_nordtech(diagnosis) -> None:
    assert [f.code for f in diagnosis.findings] == [
        "value-areas-not-reached",  # no organisational contribution
        "readiest-candidate",  # Cara KG
        "crowding-out-risk",  # anna (the lab's deadline) and bern (money)
        "driver-to-fix-first",  # adequate response
        "conventional-sub-categories",  # strategy process
        "challenges-without-enabler",  # empowerment
    ]
    by_code = {f.code: f for f in diagnosis.findings}
    assert "Cara KG" in by_code["readiest-candidate"].statement
    assert set(by_code["driver-to-fix-first"].evidence) == {
        URIRef("https://w3id.org/ckm#AdequateResponse"),
        ex("pa2"),
        ex("pa4"),
    }
    assert by_code["conventional-sub-categories"].evidence == (ex("aa3"),)
    # transparency of processes is answered (by transparency); empowerment is not
    assert by_code["challenges-without-enabler"].evidence == (
        URIRef("https://w3id.org/ckm#EmpowermentChallenge"),
        ex("rec1"),
    )


def test_the_other_firm_has_its_share_outside_the_range(nordtech) -> None:
    codes = [f.code for f in nordtech.diagnose(OTHER).findings]
    assert "partner-share-outside-range" in codes
    assert "no-value-given-back" in codes


def test_every_finding_cites_a_quote_and_evidence(diagnosis) -> None:
    for finding in diagnosis.findings:
        assert finding.quote.iri in quotes()
        assert finding.evidence and all(isinstance(e, URIRef) for e in finding.evidence)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed files are not on this machine")
def test_every_quote_is_word_for_word_in_its_seed_line() -> None:
    for q in quotes().values():
        found = re.search(r"\((\d{3}_[0-9a-f]+\.txt)\) l\.(\d+)(?:-(\d+))?", q.source)
        assert found, q.source
        lines = (SEEDS / found[1]).read_text(encoding="utf-8").splitlines()
        span = lines[int(found[2]) - 1 : int(found[3] or found[2])]
        assert q.text in " ".join(line.strip() for line in span if line.strip()), q.iri


def test_every_yardstick_names_its_source() -> None:
    table = yardsticks()
    assert table["partner_share_min"].value == 0.01
    assert table["partner_share_max"].value == 0.30
    assert all(y.source for y in table.values())
    assert {n for n in table if n.startswith("weight_")} == {
        f"weight_{c}"
        for c in (
            "identification",
            "activity",
            "knowledge",
            "motives",
            "trust",
            "design",
            "crowding",
            "longevity",
            "criteria",
        )
    }
    assert table["weight_criteria"].value == 0  # shown beside the score, not in it


def test_as_json_is_json_ld_with_iris_for_evidence(diagnosis) -> None:
    document = json.loads(json.dumps(diagnosis.as_json()))
    assert document["@context"]["@vocab"] == "https://w3id.org/ckm/diagnosis#"
    assert document["firm"] == {"@id": str(NORDTECH)}
    assert document["position"]["knowledge"]["from"] == {"count": 3, "of": 8, "share": 0.375}
    assert document["candidates"][0]["customer"] == {"@id": str(ex("anna"))}
    assert document["alignment"]["fixFirstLabel"] == "adequate response"
    for finding in document["findings"]:
        assert finding["quote"]["@id"].startswith("https://w3id.org/ckm/diagnosis/quote/")
        assert all(set(e) == {"@id"} for e in finding["evidence"])


def test_as_json_is_read_by_a_json_ld_processor(diagnosis) -> None:
    from rdflib import Graph

    graph = Graph().parse(data=json.dumps(diagnosis.as_json()), format="json-ld")
    vocab = "https://w3id.org/ckm/diagnosis#"
    assert (None, URIRef(vocab + "firm"), NORDTECH) in graph


def test_as_table(diagnosis) -> None:
    text = diagnosis.as_table()
    assert text.startswith("Diagnosis of Nordtech (2025-01-01 to 2025-04-30)")
    assert "knowledge from customers       3/8 = 37.5 %" in text
    assert "Rests on:" in text


def test_as_html_is_self_contained_and_escaped(nordtech) -> None:
    html = nordtech.diagnose(NORDTECH, *PERIOD).as_html()
    assert html.startswith("<!DOCTYPE html>")
    assert "<script" not in html and 'src="' not in html and "stylesheet" not in html
    assert "Diagnosis of Nordtech" in html
    assert "&#x27;adequate response&#x27;" in html  # the finding's quotes are escaped


def test_as_html_escapes_what_the_data_says(diagnosis) -> None:
    html = replace(diagnosis, label='<script>alert("x")</script>').as_html()
    assert "<script" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
