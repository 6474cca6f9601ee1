"""A class diagram of the ontology as Graphviz DOT, rendered to SVG by ``dot``.

Boxes are the named classes; solid arrows with hollow heads are ``rdfs:subClassOf``;
dashed arrows are object properties drawn from their domain to their range.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from rdflib import OWL, RDF, RDFS, Graph, URIRef

from kg.resources import ONTOLOGY_DIR, ONTOLOGY_TTL

DIAGRAM_DOT = ONTOLOGY_DIR / "ckm-classes.dot"
DIAGRAM_SVG = ONTOLOGY_DIR / "ckm-classes.svg"


def class_diagram_dot(source: Path = ONTOLOGY_TTL) -> str:
    """The DOT text of the class diagram; deterministic for a given ontology."""
    graph = Graph().parse(source, format="turtle")
    classes = sorted(c for c in graph.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef))
    names = {c: graph.qname(c) for c in classes}
    lines = [
        "digraph ckm {",
        '  graph [rankdir=BT, fontname="Helvetica", nodesep=0.25, ranksep=0.6];',
        '  node [shape=box, style="rounded,filled", fillcolor="#eef4fb", fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=9];',
    ]
    lines += [f'  "{names[c]}";' for c in classes]
    for sub in classes:
        for sup in sorted(graph.objects(sub, RDFS.subClassOf)):
            if sup in names:
                lines.append(f'  "{names[sub]}" -> "{names[sup]}" [arrowhead=empty];')
    for prop in sorted(graph.subjects(RDF.type, OWL.ObjectProperty)):
        for domain in sorted(graph.objects(prop, RDFS.domain)):
            for range_ in sorted(graph.objects(prop, RDFS.range)):
                if domain in names and range_ in names:
                    lines.append(
                        f'  "{names[domain]}" -> "{names[range_]}" '
                        f'[style=dashed, color="#777777", label="{graph.qname(prop)}"];'
                    )
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_diagram(dot_file: Path = DIAGRAM_DOT, svg_file: Path = DIAGRAM_SVG) -> Path:
    """Write the DOT source and render it to SVG with Graphviz.

    Raises:
        FileNotFoundError: Graphviz's ``dot`` is not installed.
        subprocess.CalledProcessError: ``dot`` rejected the source.
    """
    dot = shutil.which("dot")
    if dot is None:
        raise FileNotFoundError("Graphviz 'dot' is not on PATH (apt-get install graphviz)")
    dot_file.write_text(class_diagram_dot(), encoding="utf-8")
    subprocess.run([dot, "-Tsvg", str(dot_file), "-o", str(svg_file)], check=True)
    return svg_file
