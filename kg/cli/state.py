"""What the root options chose, shared with the commands."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.config import Settings


@dataclass
class CliState:
    store: Path | None = None

    def settings(self) -> Settings:
        """Settings from the environment, with ``--store`` taking precedence."""
        settings = Settings()
        if self.store is not None:
            settings = settings.model_copy(update={"store": self.store})
        return settings


cli_state = CliState()
