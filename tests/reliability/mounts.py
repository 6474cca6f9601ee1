"""A small file system of its own for a test: a full disk or a read-only directory, in a
private mount namespace, so that it works as root (where ``chmod`` stops nothing) and
touches nothing outside the test.

A holder process keeps the namespace alive; commands run inside it through ``nsenter``,
and the test reaches its files through ``/proc/<holder>/root``. Root uses the mount
namespace alone; other users get one inside a user namespace of their own (where the
kernel allows that). Where neither works the tests that need it are skipped.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest

_PRIVATE = ["--mount", "--propagation", "private"]
_AS_ROOT = (["unshare", *_PRIVATE], ["nsenter", "-m"])
_AS_USER = (
    ["unshare", "--user", "--map-root-user", *_PRIVATE],
    ["nsenter", "-U", "-m", "--preserve-credentials"],
)


def _namespace_tools() -> tuple[list[str], list[str]] | None:
    if shutil.which("unshare") is None or shutil.which("nsenter") is None:
        return None
    for unshare, nsenter in (_AS_ROOT, _AS_USER):
        probe = subprocess.run([*unshare, "true"], capture_output=True, check=False)
        if probe.returncode == 0:
            return unshare, nsenter
    return None


class MountNamespace:
    """A private mount namespace where ``setup`` (shell commands) has run."""

    def __init__(self, setup: str) -> None:
        tools = _namespace_tools()
        if tools is None:
            pytest.skip("needs unshare/nsenter and mount namespaces (root or user namespaces)")
        unshare, self._nsenter = tools
        script = f"set -e; {setup}; echo ready; exec sleep 3600"
        self._holder = subprocess.Popen(
            [*unshare, "sh", "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        ready = self._holder.stdout.readline() if self._holder.stdout else b""
        if ready.strip() != b"ready":
            error = self._holder.stderr.read().decode() if self._holder.stderr else ""
            self.close()
            pytest.skip(f"cannot mount in a private namespace here: {error.strip()}")

    @property
    def enter(self) -> list[str]:
        """The prefix that runs a command inside the namespace."""
        return [*self._nsenter, "-t", str(self._holder.pid), "--"]

    def outside(self, path: Path) -> Path:
        """Where a path inside the namespace is, seen from this process."""
        return Path(f"/proc/{self._holder.pid}/root{path}")

    def close(self) -> None:
        if self._holder.poll() is None:
            self._holder.kill()
        self._holder.wait(timeout=30)
        time.sleep(0.1)

    def __enter__(self) -> MountNamespace:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()


def small_disk(directory: Path, megabytes: int) -> MountNamespace:
    """A namespace where ``directory`` is a tmpfs of ``megabytes`` MB."""
    return MountNamespace(f"mount -t tmpfs -o size={megabytes}m ckm-test '{directory}'")


def read_only(directory: Path) -> MountNamespace:
    """A namespace where ``directory`` (and all below it) cannot be written, by anyone."""
    return MountNamespace(
        f"mount --bind '{directory}' '{directory}'; mount -o remount,bind,ro '{directory}'"
    )


def fill(path: Path) -> int:
    """Write zeros to ``path`` until the disk is full; the bytes written."""
    written = 0
    with path.open("wb", buffering=0) as filler:  # unbuffered: closing cannot fail
        try:
            while True:
                written += filler.write(b"\0" * (1 << 16)) or 0
        except OSError:
            pass
    return written
