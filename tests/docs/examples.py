"""The examples of the documentation, read out of its Markdown: fenced code blocks and
the commands, console transcripts and SPARQL they hold (issue 19, "docs that run").

A command is what a reader pastes into a shell: one line, or several joined by a
trailing backslash or by a quoted string that spans lines (a SPARQL text in a curl
argument). Whole-line comments are the doc's prose and are not commands; a trailing
comment stays in the command's text (the shell ignores it) and is kept apart in
:attr:`Command.claim`, what the doc says the command does.
"""

from __future__ import annotations

import re
import shlex
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DOCUMENTS = (REPO / "README.md", *sorted((REPO / "docs").glob("*.md")))
SHELL_LANGUAGES = frozenset({"sh", "bash", "shell", "console"})
SPARQL_LANGUAGES = frozenset({"sparql"})

_FENCE = re.compile(r"^(?P<indent>\s*)```(?P<lang>[\w+-]*)\s*$")
_CLOSING = re.compile(r"^\s*```\s*$")
_PROMPT = "$ "


@dataclass(frozen=True)
class Block:
    """One fenced code block: its document, the line of its opening fence, its language
    (empty when the fence names none) and its text without the fence's indentation."""

    path: Path
    line: int
    lang: str
    text: str

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}"


@dataclass(frozen=True)
class Command:
    """A shell command of a block, at ``line`` of its document."""

    path: Path
    line: int
    text: str

    @property
    def where(self) -> str:
        return f"{self.path.relative_to(REPO)}:{self.line}"

    @property
    def program(self) -> str:
        """The program it runs first (``curl``, ``.venv/bin/ckm``, ``make``…)."""
        words = _words(self.text)
        while words and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", words[0]):
            words = words[1:]  # NAME=value before the program
        return words[0] if words else ""

    @property
    def claim(self) -> str:
        """The trailing comment of its last line: what the doc says it does."""
        start = self.text.rfind("\n") + 1  # the last line's
        for cut in (m.start() for m in re.finditer(r"\s#\s", self.text[start:])):
            if _balanced(self.text[: start + cut]):
                return self.text[start + cut :].strip().removeprefix("#").strip()
        return ""


@dataclass(frozen=True)
class Transcript:
    """A console transcript: the command after ``$ `` and the output the doc shows."""

    command: Command
    output: tuple[str, ...]


def blocks(path: Path) -> list[Block]:
    """The fenced code blocks of one Markdown document, in order."""
    lines = path.read_text(encoding="utf-8").splitlines()
    found: list[Block] = []
    index = 0
    while index < len(lines):
        opening = _FENCE.match(lines[index])
        if opening is None:
            index += 1
            continue
        indent = len(opening["indent"])
        end = index + 1
        while end < len(lines) and not _CLOSING.match(lines[end]):
            end += 1
        body = "\n".join(line[indent:] for line in lines[index + 1 : end])
        found.append(Block(path, index + 1, opening["lang"].lower(), body))
        index = end + 1
    return found


def all_blocks() -> list[Block]:
    return [block for path in DOCUMENTS for block in blocks(path)]


def commands(block: Block) -> list[Command]:
    """The commands of a shell block (of a ``console`` block: those after ``$``); of an
    untagged block, its curl commands only (prose blocks of requests and transcripts
    are read by :func:`transcripts`)."""
    if block.lang == "console" or (block.lang == "" and _is_transcript(block)):
        return [transcript.command for transcript in transcripts(block)]
    if block.lang in SHELL_LANGUAGES:
        return _split(block, block.text.splitlines())
    if block.lang == "":
        return _split(block, block.text.splitlines(), only="curl ")
    return []


def transcripts(block: Block) -> list[Transcript]:
    """The ``$ command`` / output pairs of a console block."""
    found: list[Transcript] = []
    lines = block.text.splitlines()
    index = 0
    while index < len(lines):
        if not lines[index].startswith(_PROMPT):
            index += 1
            continue
        start = index
        text = lines[index][len(_PROMPT) :]
        while text.endswith("\\") or not _balanced(text):
            index += 1
            text += "\n" + lines[index]
        index += 1
        output: list[str] = []
        while index < len(lines) and not lines[index].startswith(_PROMPT):
            output.append(lines[index])
            index += 1
        command = Command(block.path, block.line + 1 + start, text)
        found.append(Transcript(command, tuple(output)))
    return found


def all_commands() -> list[Command]:
    return [command for block in all_blocks() for command in commands(block)]


def sparql_blocks() -> list[Block]:
    return [block for block in all_blocks() if block.lang in SPARQL_LANGUAGES]


def _is_transcript(block: Block) -> bool:
    return block.text.startswith(_PROMPT)


def _split(block: Block, lines: list[str], only: str = "") -> list[Command]:
    """The commands of ``lines``; with ``only``, those of the lines starting with it."""
    found: list[Command] = []
    pending: list[str] = []
    start = 0
    for offset, line in enumerate(lines):
        if not pending:
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            if not line.startswith(only):
                continue
            start = offset
        pending.append(line)
        text = "\n".join(pending)
        if text.endswith("\\") or not _balanced(text):
            continue
        found.append(Command(block.path, block.line + 1 + start, text.strip()))
        pending = []
    if pending:
        raise ValueError(f"{block.where}: a command is not closed: {' '.join(pending)!r}")
    return found


def _balanced(text: str) -> bool:
    """True when the shell would read ``text`` as whole words (every quote closed)."""
    try:
        shlex.split(text, comments=True)
    except ValueError:
        return False
    return True


def _words(text: str) -> list[str]:
    try:
        return shlex.split(text, comments=True)
    except ValueError:
        return text.split()
