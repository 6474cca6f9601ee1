"""A diagnosis shown three ways: JSON-LD, plain text and a self-contained HTML page.

The JSON-LD document carries its own ``@context``: its keys are terms of
``https://w3id.org/ckm/diagnosis#`` (``@vocab``), the prefixes are the app's, and every
IRI (the firm, the evidence, a quote) is a node reference ``{"@id": ...}``.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from rdflib.term import URIRef

from kg.diagnosis.cells import local_name
from kg.diagnosis.findings import AREA_NAMES
from kg.diagnosis.model import Finding, Share
from kg.vocab import PREFIXES

if TYPE_CHECKING:
    from kg.diagnosis.diagnosis import Diagnosis

VOCAB = "https://w3id.org/ckm/diagnosis#"


def _id(term: URIRef | None) -> dict | None:
    return None if term is None else {"@id": str(term)}


def _ids(terms) -> list[dict]:
    return [{"@id": str(t)} for t in terms]


def _share(share: Share) -> dict:
    return {"count": share.count, "of": share.of, "share": share.value}


def _finding(finding: Finding) -> dict:
    return {
        "code": finding.code,
        "component": finding.component,
        "statement": finding.statement,
        "recommendation": finding.recommendation,
        "quote": {
            "@id": str(finding.quote.iri),
            "@type": "ckm:Quote",
            "ckm:quotedText": finding.quote.text,
            "dcterms:source": finding.quote.source,
        },
        "evidence": _ids(finding.evidence),
    }


def as_json(d: Diagnosis) -> dict:
    """``d`` as a JSON-LD document (plain JSON types only)."""
    p = d.position
    return {
        "@context": {"@vocab": VOCAB, **{k: PREFIXES[k] for k in ("ckm", "prov", "dcterms")}},
        "@type": "Diagnosis",
        "firm": _id(d.firm),
        "label": d.label,
        "from": d.period.start.isoformat() if d.period.start else None,
        "to": d.period.end.isoformat() if d.period.end else None,
        "position": {
            "knowledge": {kind: _share(s) for kind, s in p.knowledge.items()},
            "customerBase": p.customer_base,
            "customerBaseFrom": p.base_from,
            "activeCustomers": _share(p.active_customers),
            "knowledgePartners": _share(p.knowledge_partners),
            "knowledgePartnersFrom": p.partners_from,
            "partnerShareInObservedRange": p.partner_share_in_range,
            "valueAreas": [{"area": _id(a), "contributions": n} for a, n in p.value_areas.items()],
            "givesValueBack": p.gives_value_back,
            "evidence": _ids(p.evidence),
        },
        "candidates": [
            {
                "customer": _id(c.customer),
                "label": c.label,
                "knowledgePartner": c.is_partner,
                "readiness": c.readiness,
                "components": c.components,
                "evidence": _ids(c.evidence),
            }
            for c in d.candidates
        ],
        "alignment": {
            "fixFirst": _id(d.alignment.fix_first),
            "fixFirstLabel": d.alignment.fix_first_label,
            "fixFirstPaths": d.alignment.fix_first_paths,
            "practices": [
                {
                    "practice": _id(s.practice),
                    "label": s.label,
                    "judgements": s.judgements,
                    "aligned": s.aligned,
                    "misaligned": s.misaligned,
                    "customerPractices": _ids(s.customer_practices),
                    "insufficientDrivers": _ids(s.insufficient_drivers),
                    "coDestructionPaths": [
                        {
                            "driver": _id(x.driver),
                            "judgement": _id(x.judgement),
                            "interaction": _id(x.interaction),
                        }
                        for x in s.paths
                    ],
                    "evidence": _ids(s.evidence),
                }
                for s in d.alignment.practices
            ],
        },
        "maturity": {
            "positions": [
                {
                    "category": _id(m.category),
                    "categoryLabel": m.category_label,
                    "subCategory": _id(m.sub_category),
                    "label": m.label,
                    "scalePosition": m.position,
                    "level": m.level,
                    "evidence": _ids([m.assessment] if m.assessment else []),
                }
                for m in d.maturity.positions
            ],
            "challenges": [
                {
                    "challenge": _id(c.challenge),
                    "label": c.label,
                    "enablers": _ids(c.enablers),
                    "evidence": _ids(c.evidence),
                }
                for c in d.maturity.challenges
            ],
        },
        "findings": [_finding(f) for f in d.findings],
    }


def _percent(share: Share) -> str:
    return "n/a" if share.value is None else f"{share.count}/{share.of} = {100 * share.value:.1f} %"


def _sections(d: Diagnosis) -> list[tuple[str, list[str], list[list[str]]]]:
    """Each section's title, column heads and rows of text (shared by text and HTML)."""
    p = d.position
    position_rows = [
        [f"knowledge {kind} customers", _percent(s)] for kind, s in p.knowledge.items()
    ]
    position_rows += [
        ["customer base", f"{p.customer_base} ({p.base_from})"],
        ["active customers", _percent(p.active_customers)],
        ["knowledge partners", f"{_percent(p.knowledge_partners)} ({p.partners_from})"],
        [
            "partner share in 1-30 % range",
            {True: "yes", False: "NO", None: "n/a"}[p.partner_share_in_range],
        ],
    ]
    position_rows += [
        [f"{AREA_NAMES.get(a, local_name(a))} value area", str(n)] for a, n in p.value_areas.items()
    ]
    position_rows.append(["gives value back", "yes" if p.gives_value_back else "no"])
    names = list(d.candidates[0].components) if d.candidates else []
    candidate_rows = [
        [c.label, "yes" if c.is_partner else "", f"{c.readiness:.2f}"]
        + [f"{c.components[n]:.2f}" for n in names]
        for c in d.candidates
    ]
    labels = d.alignment.driver_labels
    practice_rows = [
        [
            s.label,
            str(s.judgements),
            str(s.misaligned),
            ", ".join(labels.get(x, local_name(x)) for x in s.insufficient_drivers),
            str(len(s.paths)),
        ]
        for s in d.alignment.practices
    ]
    if d.alignment.fix_first is not None:
        practice_rows.append(
            [
                "fix first",
                d.alignment.fix_first_label or "",
                "",
                "",
                str(d.alignment.fix_first_paths),
            ]
        )
    maturity_rows = [
        [m.category_label, m.label, "" if m.position is None else f"{m.position:.2f}", m.level]
        for m in d.maturity.positions
    ]
    maturity_rows += [
        ["challenge", c.label, "", ", ".join(local_name(e) for e in c.enablers)]
        for c in d.maturity.challenges
    ]
    finding_rows = [
        [f.component, f.statement, f.recommendation, f'"{f.quote.text}" ({f.quote.source})']
        for f in d.findings
    ]
    practice_heads = ["practice", "judgements", "misaligned", "insufficient drivers", "paths"]
    maturity_heads = ["category", "sub-category", "position", "level / enablers"]
    return [
        ("1 Position", ["measure", "value"], position_rows),
        (
            "2 Knowledge-partner candidates",
            ["customer", "partner", "readiness", *names],
            candidate_rows,
        ),
        ("3 Alignment per RI practice (paths: to co-destruction)", practice_heads, practice_rows),
        ("4 Co-creation maturity", maturity_heads, maturity_rows),
        ("5 Findings", ["component", "finding", "recommendation", "rests on"], finding_rows),
    ]


def _title(d: Diagnosis) -> str:
    start = d.period.start.isoformat() if d.period.start else "start"
    end = d.period.end.isoformat() if d.period.end else "now"
    return f"Diagnosis of {d.label} ({start} to {end})"


def as_table(d: Diagnosis) -> str:
    """``d`` as plain text, a table per section."""
    lines = [_title(d), f"<{d.firm}>", ""]
    for title, heads, rows in _sections(d)[:-1]:
        lines.append(title)
        widths = [
            min(60, max(len(h), *(len(r[i]) for r in rows))) if rows else len(h)
            for i, h in enumerate(heads)
        ]
        for row in [heads, *rows]:
            lines.append(
                "  ".join(cell[:60].ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
            )
        if not rows:
            lines.append("(nothing recorded)")
        lines.append("")
    lines.append("5 Findings")
    for number, f in enumerate(d.findings, start=1):
        lines.append(f"{number}. [{f.component}] {f.statement}")
        lines.append(f"   Recommendation: {f.recommendation}.")
        lines.append(f'   Rests on: "{f.quote.text}" ({f.quote.source}) <{f.quote.iri}>')
        lines.append(
            f"   Evidence: {len(f.evidence)} item(s): "
            + " ".join(f"<{e}>" for e in f.evidence[:5])
            + (" ..." if len(f.evidence) > 5 else "")
        )
    if not d.findings:
        lines.append("(no findings)")
    return "\n".join(lines) + "\n"


_STYLE = (
    "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;margin-bottom:1.5em}"
    "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
)


def as_html(d: Diagnosis) -> str:
    """``d`` as one HTML page with no outside resources; every value escaped."""
    title = escape(_title(d))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{title}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{title}</h1>",
        f'<p><a href="{escape(str(d.firm), quote=True)}">{escape(str(d.firm))}</a></p>',
    ]
    for section, heads, rows in _sections(d):
        parts.append(f"<h2>{escape(section)}</h2><table><tr>")
        parts.extend(f"<th>{escape(h)}</th>" for h in heads)
        parts.append("</tr>")
        for row in rows:
            parts.append("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>")
        parts.append("</table>")
    parts.append("<h2>Evidence of the findings</h2><ul>")
    for finding in d.findings:
        links = " ".join(
            f'<a href="{escape(str(e), quote=True)}">{escape(local_name(e))}</a>'
            for e in finding.evidence
        )
        parts.append(f"<li>{escape(finding.code)}: {links}</li>")
    parts.append("</ul></body></html>")
    return "\n".join(parts)
