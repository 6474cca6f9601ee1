"""The W3C SHACL test suite (core and SPARQL, 121 tests), as shipped in pySHACL's source
distribution, and the suite's own rule for passing a test.

The files are fetched once with ``pip download`` (a package registry is the one network
the build may use) into ``.cache/w3c-shacl/`` (git-ignored) and read from there on
every later run. A test passes (*full compliance*, W3C SHACL Test Suite §"Validate RDF
data") when the report is isomorphic to the expected one after keeping only the
predicates the expected results use; a test expecting ``sht:Failure`` passes when the
engine refuses the shapes.
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Graph, URIRef
from rdflib.collection import Collection
from rdflib.compare import isomorphic
from rdflib.namespace import RDF, RDFS, SH, Namespace

PYSHACL = "pyshacl==0.40.1"
ROOT = Path(__file__).resolve().parents[3]
CACHE = ROOT / ".cache" / "w3c-shacl"
SUITES = ("core", "sparql")
MF = Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
SHT = Namespace("http://www.w3.org/ns/shacl-test#")
# The predicates of a result the expected reports use (and so the comparison keeps).
_COMPARED = {
    SH.focusNode,
    SH.resultPath,
    SH.resultSeverity,
    SH.sourceConstraint,
    SH.sourceConstraintComponent,
    SH.sourceShape,
    SH.value,
}
_PATH_PREDICATES = {
    RDF.first,
    RDF.rest,
    SH.inversePath,
    SH.alternativePath,
    SH.zeroOrMorePath,
    SH.oneOrMorePath,
    SH.zeroOrOnePath,
}


@dataclass(frozen=True)
class SuiteTest:
    """One ``sht:Validate`` entry: its name (``core/node/and-001``), files, and the
    expected report (``None`` when the shapes must be refused)."""

    name: str
    data_file: Path
    shapes_file: Path
    manifest: Graph
    result: URIRef | BNode

    @property
    def expects_failure(self) -> bool:
        return self.result == SHT.Failure


def suite_dir() -> Path:
    """The ``sht_tests`` directory, fetched into the cache on first use.

    Raises:
        RuntimeError: pip cannot fetch the sdist (no access to PyPI on first run).
    """
    tests = CACHE / "sht_tests"
    if (tests / "manifest.ttl").is_file():
        return tests
    CACHE.mkdir(parents=True, exist_ok=True)
    command = [sys.executable, "-m", "pip", "download", "--no-binary", ":all:", "--no-deps"]
    command += ["--quiet", "-d", str(CACHE), PYSHACL]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    archives = sorted(CACHE.glob("pyshacl-*.tar.gz"))
    if not archives:
        raise RuntimeError(f"cannot fetch the W3C SHACL suite ({PYSHACL}): {done.stderr}")
    marker = "/test/resources/sht_tests/"
    partial = CACHE / "sht_tests.partial"
    with tarfile.open(archives[-1]) as archive:
        for member in archive.getmembers():
            if marker in member.name and member.isfile():
                member.name = member.name.split(marker, 1)[1]
                archive.extract(member, partial, filter="data")
    partial.rename(tests)
    return tests


def load_suite() -> list[SuiteTest]:
    """Every test of the core and SPARQL manifests, following ``mf:include``."""
    root = suite_dir()
    found: list[SuiteTest] = []
    for suite in SUITES:
        found.extend(_manifest_tests(root, root / suite / "manifest.ttl"))
    return found


def _parse(path: Path) -> Graph:
    return Graph().parse(path, format="turtle", publicID=path.resolve().as_uri())


def _manifest_tests(root: Path, manifest_file: Path) -> list[SuiteTest]:
    graph = _parse(manifest_file)
    tests = []
    for manifest in graph.subjects(RDF.type, MF.Manifest):
        for included in sorted(graph.objects(manifest, MF.include), key=str):
            tests.extend(_manifest_tests(root, _file(included)))
        for entries in graph.objects(manifest, MF.entries):
            for entry in Collection(graph, entries):
                if (entry, RDF.type, SHT.Validate) not in graph:
                    continue
                action = graph.value(entry, MF.action)
                tests.append(
                    SuiteTest(
                        name=manifest_file.relative_to(root).with_suffix("").as_posix(),
                        data_file=_file(graph.value(action, SHT.dataGraph)),
                        shapes_file=_file(graph.value(action, SHT.shapesGraph)),
                        manifest=graph,
                        result=graph.value(entry, MF.result),
                    )
                )
    return tests


def _file(iri: URIRef) -> Path:
    return Path(str(iri).removeprefix("file://").split("#")[0])


def expected_report(test: SuiteTest) -> Graph:
    """The expected graph of the suite's rule: the triples of the result node, of its
    ``sh:result`` values, and those that write their ``sh:resultPath``."""
    graph = Graph()
    manifest = test.manifest
    for triple in manifest.triples((test.result, None, None)):
        graph.add(triple)
    for result in manifest.objects(test.result, SH.result):
        for _s, predicate, obj in manifest.triples((result, None, None)):
            graph.add((result, predicate, obj))
            if predicate == SH.resultPath:
                _copy_path(manifest, obj, graph)
    graph.remove((None, RDF.type, RDFS.Resource))
    return graph


def actual_report(report_graph: Graph, keep_messages: bool) -> Graph:
    """The engine's report reduced as the suite's rule says: only the compared
    predicates of each result (and its messages when the expected results name some)."""
    graph = Graph()
    kept = _COMPARED | ({SH.resultMessage} if keep_messages else set())
    for report in report_graph.subjects(RDF.type, SH.ValidationReport):
        graph.add((report, RDF.type, SH.ValidationReport))
        for conforms in report_graph.objects(report, SH.conforms):
            graph.add((report, SH.conforms, conforms))
        for result in report_graph.objects(report, SH.result):
            graph.add((report, SH.result, result))
            graph.add((result, RDF.type, SH.ValidationResult))
            for _s, predicate, obj in report_graph.triples((result, None, None)):
                if predicate in kept:
                    graph.add((result, predicate, obj))
                if predicate == SH.resultPath:
                    _copy_path(report_graph, obj, graph)
    return graph


def passes(test: SuiteTest, report_graph: Graph) -> bool:
    """The suite's full-compliance rule: the reduced report is isomorphic to the
    expected one."""
    expected = expected_report(test)
    keep_messages = (None, SH.resultMessage, None) in expected
    return isomorphic(actual_report(report_graph, keep_messages), expected)


def _copy_path(source: Graph, node, target: Graph) -> None:
    if not isinstance(node, BNode):
        return
    for _s, predicate, obj in source.triples((node, None, None)):
        if predicate in _PATH_PREDICATES:
            target.add((node, predicate, obj))
            _copy_path(source, obj, target)


# -- running a test --------------------------------------------------------------------

RIGHT, WRONG, REFUSED, ERROR = "right", "wrong", "refused at start", "failed while validating"


def outcome(test: SuiteTest, make_validator) -> tuple[str, str]:
    """How an engine does on ``test``: (RIGHT | WRONG | REFUSED | ERROR, detail).

    ``make_validator(shapes_file)`` makes the engine; refusing the shapes there is
    RIGHT for a test that expects ``sht:Failure`` and REFUSED otherwise; running a
    shapes file the suite calls invalid is WRONG.
    """
    try:
        validator = make_validator(test.shapes_file)
    except Exception as error:  # any refusal counts; the detail says which
        return (RIGHT if test.expects_failure else REFUSED), f"{type(error).__name__}: {error}"
    if test.expects_failure:
        return WRONG, "ran a shapes graph the suite calls ill-formed"
    data = _parse(test.data_file)
    try:
        report = validator.validate(data)
    except Exception as error:
        return ERROR, f"{type(error).__name__}: {error}"
    if passes(test, report.to_rdf()):
        return RIGHT, ""
    return WRONG, report.to_text()
