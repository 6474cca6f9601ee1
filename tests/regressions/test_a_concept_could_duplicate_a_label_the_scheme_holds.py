"""``POST /api/schemes/{name}/concepts`` refuses "a label the scheme holds already", but
the check compared each concept's one label only: the ontology's alternative labels
(``ckm:FeedbackCriterion`` is "feedback", also "giving feedback" and "Feedback-loops",
seed wording) were not held, a concept with labels in two languages was checked against
whichever label the store listed last, and a full-width look-alike (full-width "Joint budgeting")
passed as new beside "Joint budgeting". Each made a second concept for one thing (SKOS
§5.4: no two concepts of a scheme share a label). Found by issue-17 red team. Every
label (``skos:prefLabel``, ``rdfs:label``, ``skos:altLabel``) is held now, compared after
NFKC, case folding and white space; a refusal writes nothing."""

from __future__ import annotations

import pytest

from tests.api.conftest import ADMIN, WRITER, App

RI = "ResourceIntegratingPracticeScheme"


def add(api: App, scheme: str, label: str):
    return api.client.post(
        f"/api/schemes/{scheme}/concepts", json={"label": label, "definition": "d"}, headers=ADMIN
    )


@pytest.mark.parametrize("label", ["giving feedback", "FEEDBACK-LOOPS", "\uff46eedback"])
def test_an_ontology_concepts_other_labels_are_held(api: App, label: str) -> None:
    before = api.dump()
    answer = add(api, "IdentificationCriterionScheme", label)
    assert answer.status_code == 422, answer.text
    assert answer.json()["type"].endswith("/duplicate-concept")
    assert "FeedbackCriterion" in answer.json()["detail"]
    assert api.dump() == before


def test_a_full_width_look_alike_is_the_same_label(api: App) -> None:
    assert add(api, RI, "Joint budgeting").status_code == 201
    before = api.dump()
    answer = add(api, RI, "\uff2aoint\u3000budgeting")  # full-width J, ideographic space
    assert answer.status_code == 422, answer.text
    assert api.dump() == before


def test_every_label_of_an_added_concept_is_held(api: App) -> None:
    iri = add(api, RI, "Joint budgeting").json()["iri"]
    for text in ('"Gemeinsame Budgetplanung"@de', '"Zzz budgeting"@en-GB'):
        update = f"INSERT DATA {{ <{iri}> <http://www.w3.org/2004/02/skos/core#prefLabel> {text} }}"
        headers = {**WRITER, "Content-Type": "application/sparql-update"}
        written = api.client.post("/sparql", content=update, headers=headers)
        assert written.status_code in (200, 204), written.text
    for label in ("gemeinsame budgetplanung", "Zzz Budgeting", "joint budgeting"):
        assert add(api, RI, label).status_code == 422, label
