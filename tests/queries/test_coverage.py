"""kg/queries/coverage.tsv against the competency questions of the three domain digests:
every question (parsed here from each digest's section 6) has exactly one row, every
query named exists in the catalogue, and at most five questions are excluded for a reason
other than a model change still pending; a pending exclusion names ``ckm:`` terms the
ontology does not declare yet (once it does, the question wants a query)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from kg.queries import saved_queries
from kg.queries.catalogue import SAVED_DIR
from kg.resources import ONTOLOGY_TTL
from kg.vocab import CKM

COVERAGE = SAVED_DIR.parent / "coverage.tsv"
DIGESTS = ("seeds-000-003", "seeds-001-004", "seeds-002")
PENDING = re.compile(
    r"excluded: needs (?P<terms>ckm:\w+(?: and ckm:\w+)*) \(model change pending\)"
)
# A numbered list item ("1. Which…") or a table row ("| CQ1 | Which…", "| 1 | Which…").
QUESTION = re.compile(r"^(?:(\d+)\.\s|\|\s*(?:CQ)?(\d+)\s*\|)")


def domain_dir() -> Path | None:
    """The shared/domain directory beside this checkout or one of its ancestors."""
    for ancestor in Path(__file__).resolve().parents:
        candidate = ancestor / "shared" / "domain"
        if (candidate / f"{DIGESTS[0]}.md").exists():
            return candidate
    return None


def section_6(text: str) -> str:
    """The digest's section 6 (competency questions), up to the next level-2 heading."""
    match = re.search(r"^## 6\..*?$(.*?)(?=^## |\Z)", text, re.MULTILINE | re.DOTALL)
    assert match, "no section 6 in the digest"
    return match.group(1)


def digest_questions() -> set[tuple[str, str]]:
    """(digest, "CQn") for every competency question of the three digests."""
    found = domain_dir()
    if found is None:
        pytest.skip("shared/domain (the digests) is not beside this checkout")
    questions: set[tuple[str, str]] = set()
    for digest in DIGESTS:
        for line in section_6((found / f"{digest}.md").read_text(encoding="utf-8")).splitlines():
            match = QUESTION.match(line.strip())
            if match:
                questions.add((digest, f"CQ{match.group(1) or match.group(2)}"))
    return questions


def coverage_rows() -> list[dict[str, str]]:
    with COVERAGE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_the_header_and_the_digests_questions_are_as_expected():
    with COVERAGE.open(encoding="utf-8") as handle:
        assert handle.readline().rstrip("\n").split("\t") == [
            "digest",
            "number",
            "question",
            "answered_by",
        ]
    # 24 numbered questions in seeds-000-003, 25 rows in each of the two tables.
    assert len(digest_questions()) == 74


def test_every_question_has_exactly_one_row():
    keys = [(row["digest"], row["number"]) for row in coverage_rows()]
    assert sorted(keys) == sorted(set(keys)), "a question has two rows"
    assert set(keys) == digest_questions()
    assert all(row["question"].strip() for row in coverage_rows())


def test_every_named_query_exists_in_the_catalogue():
    catalogue = saved_queries()
    named = [
        name.strip()
        for row in coverage_rows()
        if not row["answered_by"].startswith("excluded:")
        for name in row["answered_by"].split(",")
    ]
    assert named and [name for name in named if name not in catalogue] == []


def test_at_most_five_exclusions_beyond_pending_model_changes():
    excluded = [row for row in coverage_rows() if row["answered_by"].startswith("excluded:")]
    for row in excluded:
        assert len(row["answered_by"]) > len("excluded: ") + 10, f"no reason given: {row}"
    assert len([row for row in excluded if not PENDING.fullmatch(row["answered_by"])]) <= 5


def test_a_pending_exclusion_names_terms_the_ontology_lacks():
    declared = {s for s in Graph().parse(ONTOLOGY_TTL).subjects() if isinstance(s, URIRef)}
    stale = [
        (row["digest"], row["number"], term)
        for row in coverage_rows()
        if (match := PENDING.fullmatch(row["answered_by"]))
        for term in match["terms"].split(" and ")
        if CKM[term.removeprefix("ckm:")] in declared
    ]
    assert stale == [], "the ontology now declares these terms: answer the questions"
