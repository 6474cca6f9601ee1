"""Term completion from our ontology (issue 20): the editor offers the ckm: classes,
properties and list members with their labels as you type, from this server
(/ui/terms.json, no external service), and underlines a ckm: name the ontology does not
declare, with the nearest declared terms."""

from __future__ import annotations

import re

import httpx
from rdflib import Graph, URIRef

from kg.resources import ONTOLOGY_TTL
from kg.vocab import CKM
from tests.api.live_server import LiveServer
from tests.ui.conftest import Watched

HINTS = ".CodeMirror-hints .CodeMirror-hint"


def _declared() -> set[str]:
    """Every ckm: IRI ontology/ckm.ttl describes, read here with rdflib."""
    ontology = Graph().parse(ONTOLOGY_TTL, format="turtle")
    return {
        str(s)
        for s in set(ontology.subjects())
        if isinstance(s, URIRef) and str(s).startswith(str(CKM))
    }


def test_the_servers_vocabulary_is_the_ontologys(server: LiveServer):
    terms = httpx.get(server.base_url + "/ui/terms.json").json()["terms"]
    assert {t["iri"] for t in terms} == _declared()
    by_curie = {t["curie"]: t for t in terms}
    assert by_curie["ckm:Customer"]["kind"] == "class"
    assert by_curie["ckm:Customer"]["label"] == "customer"
    assert by_curie["ckm:customerOf"]["kind"] == "property"
    assert by_curie["ckm:JointSphere"]["kind"] == "individual"
    assert by_curie["ckm:JointSphere"]["definition"]


def _set(page: Watched, text: str) -> None:
    page.page.locator(".yasqe .CodeMirror").wait_for()
    page.page.evaluate(
        """text => { const y = window.ckmEditor.getTab().getYasqe(); y.setValue(text);
                     y.focus(); y.setCursor(y.lineCount(), 0); }""",
        text,
    )


def test_typing_a_ckm_name_offers_the_ontologys_terms(page: Watched, server: LiveServer):
    terms = httpx.get(server.base_url + "/ui/terms.json").json()["terms"]
    partner = next(t for t in terms if t["curie"] == "ckm:KnowledgePartner")
    page.page.goto(server.base_url + "/editor")
    _set(page, "SELECT * WHERE { ?x a ckm:Knowl")
    page.page.keyboard.press("Control+Space")
    page.page.wait_for_selector(HINTS)
    hints = page.page.locator(HINTS).all_inner_texts()
    expected = f"ckm:KnowledgePartner — {partner['label']} (class)"
    assert expected in hints, hints
    for hint in hints:
        curie, label = re.match(r"(\S+) — (.*) \(\w+\)$", hint).groups()
        assert curie.lower().startswith("ckm:knowl") or "knowl" in label.lower(), hint
    page.screenshot("editor-term-completion")


def test_an_unknown_ckm_name_is_underlined_with_the_nearest_terms(
    page: Watched, server: LiveServer
):
    declared = {"ckm:" + iri.removeprefix(str(CKM)) for iri in _declared()}
    page.page.goto(server.base_url + "/editor")
    _set(
        page,
        "# ckm:NotInComments is a comment\n"
        "SELECT ?i WHERE {\n"
        "  ?i a ckm:ValueCoCreatingInteraction ; a ckm:Interaction .\n"
        '  FILTER(?i != "ckm:NotInStrings")\n'
        "}",
    )
    page.page.wait_for_selector(".ckm-unknown-term")
    page.page.wait_for_timeout(500)  # every name checked
    marked = page.page.locator(".ckm-unknown-term")
    assert marked.all_inner_texts() == ["ckm:ValueCoCreatingInteraction"]
    title = marked.first.get_attribute("title")
    head = "ckm:ValueCoCreatingInteraction is not a term of the CKM ontology; did you mean "
    assert title.startswith(head), title
    suggested = title.removeprefix(head).removesuffix("?").split(" or ")
    assert suggested and set(suggested) <= declared
