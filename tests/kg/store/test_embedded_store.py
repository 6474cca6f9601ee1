"""What only the embedded backend promises: one owning process, data kept on disk."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from rdflib import URIRef

from kg.store.embedded import EmbeddedStore

QUAD = (URIRef("http://e/a"), URIRef("http://e/p"), URIRef("http://e/b"), URIRef("http://e/g"))


def test_data_survives_closing_and_reopening(tmp_path: Path):
    store = EmbeddedStore(tmp_path / "s")
    store.commit(removed=[], added=[QUAD])
    store.close()
    reopened = EmbeddedStore(tmp_path / "s")
    assert list(reopened.quads()) == [QUAD]
    reopened.close()


def test_a_second_process_gets_a_clear_error_and_the_store_is_intact(tmp_path: Path):
    store = EmbeddedStore(tmp_path / "s")
    store.commit(removed=[], added=[QUAD])
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kg.store.base import StoreLocked\n"
        "from kg.store.embedded import EmbeddedStore\n"
        "try:\n"
        f"    EmbeddedStore(Path({str(tmp_path / 's')!r}))\n"
        "except StoreLocked as error:\n"
        "    print(error); sys.exit(3)\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert result.returncode == 3, result.stderr
    assert "open in another process" in result.stdout
    assert list(store.quads()) == [QUAD]
    store.close()
