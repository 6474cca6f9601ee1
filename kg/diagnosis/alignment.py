"""Component 3: alignment per resource-integrating practice (seed 004).

A co-destruction path is a driver assessment rated ``ckm:Insufficient`` that drives a
judgement with status ``ckm:Misaligned`` resulting in ``ckm:ValueCoDestruction``. The
driver to fix first is the one on most paths; ties go to the label, then the IRI.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from rdflib.term import URIRef

from kg.diagnosis import cells
from kg.diagnosis.model import Alignment, CoDestructionPath, PracticeStatus
from kg.diagnosis.queries import run_step
from kg.graph import KnowledgeGraph
from kg.vocab import CKM


def alignment(
    graph: KnowledgeGraph, firm: URIRef, start: date | None, end: date | None
) -> Alignment:
    """Every RI practice the firm enacted in the period and the driver to fix first."""
    rows = run_step(graph, "alignment", firm, start, end)
    practices: dict[URIRef, list] = {}
    labels: dict[URIRef, str] = {}
    driver_labels: dict[URIRef, str] = {}
    for row in rows:
        practice = cells.iri(row, "practice")
        practices.setdefault(practice, []).append(row)
        labels.setdefault(practice, cells.text(row, "practiceLabel", cells.local_name(practice)))
        driver = cells.iri(row, "driver")
        if driver is not None:
            driver_labels.setdefault(
                driver, cells.text(row, "driverLabel", cells.local_name(driver))
            )
    statuses = tuple(
        _status(practice, labels[practice], practice_rows)
        for practice, practice_rows in sorted(
            practices.items(), key=lambda p: (labels[p[0]], str(p[0]))
        )
    )
    on_paths = Counter(path.driver for status in statuses for path in status.paths)
    fix_first = min(on_paths, key=lambda d: (-on_paths[d], driver_labels[d], str(d)), default=None)
    return Alignment(
        practices=statuses,
        fix_first=fix_first,
        fix_first_label=driver_labels.get(fix_first) if fix_first else None,
        fix_first_paths=on_paths.get(fix_first, 0),
        driver_labels=driver_labels,
    )


def _status(practice: URIRef, label: str, rows: list) -> PracticeStatus:
    judgements: dict[URIRef, URIRef | None] = {}
    customer_practices: set[URIRef] = set()
    insufficient: set[URIRef] = set()
    paths: set[CoDestructionPath] = set()
    evidence: set[URIRef] = set()
    for row in rows:
        judgement = cells.iri(row, "judgement")
        status = cells.iri(row, "status")
        judgements[judgement] = status
        evidence.update(e for e in (judgement, cells.iri(row, "interaction")) if e)
        if (against := cells.iri(row, "customerPractice")) is not None:
            customer_practices.add(against)
        driver = cells.iri(row, "driver")
        if driver is None or cells.iri(row, "performance") != CKM.Insufficient:
            continue
        insufficient.add(driver)
        evidence.add(cells.iri(row, "assessment"))
        if status == CKM.Misaligned and cells.iri(row, "outcome") == CKM.ValueCoDestruction:
            paths.add(CoDestructionPath(driver, judgement, cells.iri(row, "interaction")))
    return PracticeStatus(
        practice=practice,
        label=label,
        judgements=len(judgements),
        aligned=sum(1 for s in judgements.values() if s == CKM.Aligned),
        misaligned=sum(1 for s in judgements.values() if s == CKM.Misaligned),
        customer_practices=tuple(sorted(customer_practices, key=str)),
        insufficient_drivers=tuple(sorted(insufficient, key=str)),
        paths=tuple(sorted(paths, key=lambda p: (str(p.driver), str(p.judgement)))),
        evidence=tuple(sorted(evidence, key=str)),
    )
