"""OWL 2 DL profile check with the OWL API, the library Protégé reads ontologies with.

The OWL API ships inside owlready2's bundled HermiT jar; a small Java program
(``ProfileCheck.java``, run with Java's single-file source launcher) loads the file and
reports the profile violations and the triples it could not parse.
"""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import owlready2

from kg.errors import JavaUnavailable

_CHECKER = Path(__file__).with_name("ProfileCheck.java")
HERMIT_JAR = Path(owlready2.__file__).parent / "hermit" / "HermiT.jar"


@dataclass(frozen=True)
class ProfileReport:
    """What the OWL API said of one ontology file."""

    format: str
    axiom_count: int
    logical_axiom_count: int
    violations: list[str] = field(default_factory=list)
    unparsed_triples: list[str] = field(default_factory=list)

    @property
    def in_dl_profile(self) -> bool:
        return not self.violations and not self.unparsed_triples


def check_dl_profile(ontology_file: Path, timeout_s: float = 300.0) -> ProfileReport:
    """Load ``ontology_file`` with the OWL API and check it against the OWL 2 DL profile.

    Raises:
        JavaUnavailable: no Java runtime is installed.
        RuntimeError: the OWL API could not load the file (its message is included).
    """
    java = shutil.which("java")
    if java is None:
        raise JavaUnavailable("java is not on PATH; install a Java 17 JDK")
    completed = subprocess.run(
        [java, "-cp", str(HERMIT_JAR), str(_CHECKER), str(ontology_file)],
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )
    if completed.returncode != 0:
        raise RuntimeError(f"OWL API could not load {ontology_file}:\n{completed.stderr[-4000:]}")
    return _parse_output(completed.stdout)


def _parse_output(stdout: str) -> ProfileReport:
    values: dict[str, list[str]] = {}
    for line in stdout.splitlines():
        tag, _, rest = line.partition("\t")
        values.setdefault(tag, []).append(rest)
    return ProfileReport(
        format=values.get("FORMAT", ["?"])[0],
        axiom_count=int(values.get("AXIOMS", ["0"])[0]),
        logical_axiom_count=int(values.get("LOGICAL", ["0"])[0]),
        violations=values.get("VIOLATION", []),
        unparsed_triples=values.get("UNPARSED", []),
    )
