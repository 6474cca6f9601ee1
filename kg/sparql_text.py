"""The tokens of SPARQL text, read as the SPARQL 1.1 grammar (§19.8) and Oxigraph read
them: the one lexer of every check that looks at query or update text.

A check that reads text differently from the engine can be fooled: a comment the check
thought ran to the next ``\\n`` ended at a ``\\r`` for the engine, and 6,000 braces or a
``SERVICE`` behind it went unseen. So this lexer follows the grammar's terminals
exactly — comments end at ``\\r`` or ``\\n`` (§19.4); strings short and long with their
escapes (``STRING_LITERAL1/2``, ``STRING_LITERAL_LONG1/2``, ``ECHAR``, ``UCHAR``);
``IRIREF``; prefixed names with ``PLX`` escapes (``ex:a\\#b`` holds no comment);
``NIL`` and ``ANON`` — and it reads the two things Oxigraph's parser decides by context
as Oxigraph does:

- ``<`` is the less-than operator inside an expression after an operand
  (``FILTER(?o<'x>')`` holds a string, not the IRI ``<'x>``), and starts an ``IRIREF``
  everywhere else;
- keywords need no space between them (``SERVICESILENT <u> {}`` is ``SERVICE SILENT``,
  ``LIMIT10`` is ``LIMIT 10``): a bare word is also read as the keywords it splits into.

Oxigraph (as SPARQL 1.2) applies ``\\u`` escapes only inside strings and IRIs, not to
the whole text as SPARQL 1.1 §19.2 says; other engines do, so :func:`codepoint_escapes`
lets a check refuse them elsewhere, where no query needs them.

Nothing here evaluates SPARQL; the engine's parser has the last word on syntax.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from rdflib.term import URIRef

QUERY_FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")

# §19.8 terminals. PN_CHARS_BASE as Oxigraph has it (the BMP ranges of the grammar).
_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
)
_CHARS_U = _BASE + "_"
_CHARS = _CHARS_U + "\\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PN_PREFIX = rf"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_PN_LOCAL = rf"(?:[{_CHARS_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_ECHAR_OR_UCHAR = r"\\[tbnrf\\\"']|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"
_TERMINALS: tuple[tuple[str, str], ...] = (
    ("space", r"[ \t\r\n]+"),
    ("comment", r"\#[^\r\n]*"),
    (
        "string",
        rf"'''(?:(?:'|'')?(?:[^'\\]|{_ECHAR_OR_UCHAR}))*'''"
        rf'|"""(?:(?:"|"")?(?:[^"\\]|{_ECHAR_OR_UCHAR}))*"""'
        rf"|'(?:[^'\\\r\n]|{_ECHAR_OR_UCHAR})*'"
        rf'|"(?:[^"\\\r\n]|{_ECHAR_OR_UCHAR})*"',
    ),
    ("var", rf"[?$][{_CHARS_U}0-9][{_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*"),
    ("bnode", rf"_:[{_CHARS_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?"),
    ("pname", rf"(?:{_PN_PREFIX})?:(?:{_PN_LOCAL})?"),
    ("langtag", r"@[A-Za-z]+(?:-[A-Za-z0-9]+)*"),
    ("number", r"[0-9]+\.[0-9]*[eE][+-]?[0-9]+|\.?[0-9]+[eE][+-]?[0-9]+|[0-9]*\.[0-9]+|[0-9]+"),
    ("word", r"[A-Za-z_][A-Za-z0-9_]*"),
    ("nil", r"\([ \t\r\n]*\)"),
    ("anon", r"\[[ \t\r\n]*\]"),
    ("open", r"[{(\[]"),
    ("close", r"[})\]]"),
    ("punct", r"\^\^|&&|\|\||!=|<=|>=|[.,;|/^!=<>+\-*?]"),
)
_TOKEN = re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in _TERMINALS))
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_LESS_THAN = re.compile(r"<=?")

# Every keyword of SPARQL 1.1 and of the extensions Oxigraph parses (SPARQL 1.2 terms,
# LATERAL, ADJUST), builtin function names included: Oxigraph matches each as a literal
# string wherever the grammar allows it, with or without a space after it.
KEYWORDS = frozenset(
    {
        "BASE",
        "PREFIX",
        "VERSION",
        "SELECT",
        "DISTINCT",
        "REDUCED",
        "AS",
        "CONSTRUCT",
        "WHERE",
        "DESCRIBE",
        "ASK",
        "FROM",
        "NAMED",
        "GROUP",
        "BY",
        "HAVING",
        "ORDER",
        "ASC",
        "DESC",
        "LIMIT",
        "OFFSET",
        "VALUES",
        "LOAD",
        "SILENT",
        "INTO",
        "CLEAR",
        "DROP",
        "CREATE",
        "ADD",
        "MOVE",
        "COPY",
        "TO",
        "INSERT",
        "DATA",
        "DELETE",
        "WITH",
        "USING",
        "DEFAULT",
        "GRAPH",
        "ALL",
        "OPTIONAL",
        "SERVICE",
        "BIND",
        "UNDEF",
        "MINUS",
        "UNION",
        "FILTER",
        "IN",
        "NOT",
        "EXISTS",
        "LATERAL",
        "TRUE",
        "FALSE",
        "STR",
        "LANG",
        "LANGMATCHES",
        "LANGDIR",
        "DATATYPE",
        "BOUND",
        "IRI",
        "URI",
        "BNODE",
        "RAND",
        "ABS",
        "CEIL",
        "FLOOR",
        "ROUND",
        "CONCAT",
        "STRLEN",
        "UCASE",
        "LCASE",
        "ENCODE_FOR_URI",
        "CONTAINS",
        "STRSTARTS",
        "STRENDS",
        "STRBEFORE",
        "STRAFTER",
        "YEAR",
        "MONTH",
        "DAY",
        "HOURS",
        "MINUTES",
        "SECONDS",
        "TIMEZONE",
        "TZ",
        "NOW",
        "UUID",
        "STRUUID",
        "MD5",
        "SHA1",
        "SHA256",
        "SHA384",
        "SHA512",
        "COALESCE",
        "IF",
        "STRLANG",
        "STRLANGDIR",
        "STRDT",
        "SAMETERM",
        "ISIRI",
        "ISURI",
        "ISBLANK",
        "ISLITERAL",
        "ISNUMERIC",
        "ISTRIPLE",
        "HASLANG",
        "HASLANGDIR",
        "TRIPLE",
        "SUBJECT",
        "PREDICATE",
        "OBJECT",
        "REGEX",
        "SUBSTR",
        "REPLACE",
        "ADJUST",
        "COUNT",
        "SUM",
        "MIN",
        "MAX",
        "AVG",
        "SAMPLE",
        "GROUP_CONCAT",
        "SEPARATOR",
    }
)
_LONGEST_FIRST = sorted(KEYWORDS, key=len, reverse=True)
# Words after which ``(`` opens something other than an expression.
_NOT_FUNCTIONS = frozenset({"A", "TRUE", "FALSE", "UNDEF", "VALUES"})


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its terminal (``kind``), text, offset and the brace depth it sits at.

    ``keywords`` are the keywords a bare word reads as (``("SERVICE", "SILENT")`` for
    ``SERVICESILENT``; empty when it is none: a word such as ``foo`` no rule accepts).
    """

    kind: str
    text: str
    start: int
    depth: int
    keywords: tuple[str, ...] = ()

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@functools.lru_cache(maxsize=4096)
def split_keywords(word: str) -> tuple[str, ...]:
    """The keywords ``word`` reads as, run together (a trailing number allowed, as in
    ``LIMIT10``); empty when it reads as none. ``a`` is lower case only."""
    if word == "a":
        return ("A",)
    return _split(word.upper()) or ()


def _split(upper: str) -> tuple[str, ...] | None:
    if upper == "" or upper.isdigit():
        return ()
    for keyword in _LONGEST_FIRST:
        if upper.startswith(keyword):
            rest = _split(upper[len(keyword) :])
            if rest is not None:
                return (keyword, *rest)
    return None


_OPERAND_KINDS = frozenset({"var", "iri", "pname", "string", "langtag", "number", "nil", "bnode"})
# Keywords after which, up to the group or the end of the modifiers, ``(`` opens an
# expression whatever precedes it (``SELECT ?x (…AS ?y)``, ``GROUP BY ?a (…)``).
_EXPRESSION_CLAUSES = frozenset({"SELECT", "BY", "HAVING"})
_CLAUSE_ENDS = frozenset({"WHERE", "LIMIT", "OFFSET", "VALUES", "FROM"})


class _Reader:
    """The lexer's state: what each open bracket holds, and what came last."""

    def __init__(self) -> None:
        # "top" (outside brackets), "group" ({ of patterns or templates), "data" ({ of
        # VALUES), "expr" (( of an expression), "list" (( of a collection, path, VALUES
        # row or variable list), "node" ([ of a blank node).
        self.open: list[str] = ["top"]
        self.braces = 0
        self.last: Token | None = None
        self.before_last: Token | None = None
        self.values_pending = False
        self.expression_clause = False
        self.operand_ended = False

    @property
    def inside(self) -> str:
        return self.open[-1]

    def less_than_here(self) -> bool:
        """Whether a ``<`` here is the less-than operator (after an operand, in an
        expression) rather than the start of an IRI."""
        return self.inside == "expr" and self.operand_ended

    def opening(self, char: str) -> str:
        """What the bracket ``char`` opens here."""
        if char == "[":
            return "node"
        if char == "{":
            if self.values_pending:
                self.values_pending = False
                return "data"
            return "group"
        if self.inside == "expr":
            return "expr"
        if self.inside == "data" or self.values_pending:
            return "list"
        if self.inside == "top" or self.expression_clause:
            return "expr"
        last, before = self.last, self.before_last
        if last is not None and last.kind == "word":
            final = last.keywords[-1] if last.keywords else None
            return "list" if final in _NOT_FUNCTIONS else "expr"  # FILTER(, BIND(, STR(
        if (
            last is not None
            and last.kind in ("iri", "pname")
            and before is not None
            and before.keywords[-1:] == ("FILTER",)
        ):
            return "expr"  # FILTER <f>(…)
        return "list"

    def advance(self, token: Token) -> None:
        """Take ``token`` into account."""
        closed = None
        if token.kind == "open":
            self.open.append(self.opening(token.text))
            if token.text == "{":
                self.braces += 1
                self.expression_clause = False
        elif token.kind == "close":
            if len(self.open) > 1:
                closed = self.open.pop()
            if token.text == "}":
                self.braces = max(self.braces - 1, 0)
                self.expression_clause = False
        for keyword in token.keywords:
            if keyword == "VALUES":
                self.values_pending = True
            if keyword in _EXPRESSION_CLAUSES:
                self.expression_clause = True
            elif keyword in _CLAUSE_ENDS:
                self.expression_clause = False
        self.operand_ended = (
            token.kind in _OPERAND_KINDS
            or token.keywords[-1:] in (("TRUE",), ("FALSE",))
            or token.text in (")", "]")
            or (token.text == "}" and closed == "group" and self.inside == "expr")
        )
        self.before_last, self.last = self.last, token


def tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text`` (spaces and comments dropped) with their brace depth.

    A character no terminal matches (an unterminated string's quote, a backslash
    outside strings) is an ``error`` token; the engine refuses such text.
    """
    reader = _Reader()
    position, length = 0, len(text)
    while position < length:
        token, position = _next_token(text, position, reader)
        if token is not None:
            reader.advance(token)
            yield token


def _next_token(text: str, position: int, reader: _Reader) -> tuple[Token | None, int]:
    depth = reader.braces
    if text[position] == "<":
        iri = None if reader.less_than_here() else _IRIREF.match(text, position)
        if iri is not None:
            return Token("iri", iri.group(), position, depth), iri.end()
        operator = "<=" if text.startswith("<=", position) else "<"
        return Token("punct", operator, position, depth), position + len(operator)
    match = _TOKEN.match(text, position)
    if match is None:
        return Token("error", text[position], position, depth), position + 1
    kind = match.lastgroup or "error"
    if kind in ("space", "comment"):
        return None, match.end()
    value = match.group()
    if value == "}":
        depth = max(depth - 1, 0)
    keywords = split_keywords(value) if kind == "word" else ()
    return Token(kind, value, position, depth, keywords), match.end()


# -- what checks ask of a text ---------------------------------------------------------


def keywords(text: str) -> Iterator[tuple[str, Token]]:
    """Every keyword of ``text`` with the token it is read from (a bare word may hold
    several: ``FILTERREGEX`` holds ``FILTER`` and ``REGEX``)."""
    for token in tokens(text):
        for keyword in token.keywords:
            yield keyword, token


def has_keyword(text: str, keyword: str) -> bool:
    """Whether ``keyword`` occurs as a keyword (not in a string, IRI, name or comment)."""
    wanted = keyword.upper()
    return any(found == wanted for found, _token in keywords(text))


def query_form(text: str) -> str | None:
    """``SELECT``, ``ASK``, ``CONSTRUCT`` or ``DESCRIBE``; None when none is found."""
    for keyword, _token in keywords(text):
        if keyword in QUERY_FORMS:
            return keyword
    return None


_ORDINARY_LOCAL = re.compile(r"[A-Za-z0-9_\-]*")


def may_call_out(text: str) -> bool:
    """Whether any reading of ``text`` the engine could take has a ``SERVICE``.

    Conservative where Oxigraph's parser backtracks: besides the keyword itself, a bare
    word or a prefix holding the letters ``SERVICE`` (``trueSERVICE``, ``SERVICEx:y``)
    counts, and so does a local name holding them with an escape or other unusual
    character (which can make the prefixed name fail and be read again). A local name
    like ``ckm:SelfServicePortal`` does not.
    """
    for token in tokens(text):
        upper = token.text.upper()
        if "SERVICE" not in upper:
            continue
        if token.kind == "word":
            return True
        if token.kind == "pname":
            prefix, _, local = token.text.partition(":")
            if "SERVICE" in prefix.upper() or not _ORDINARY_LOCAL.fullmatch(local):
                return True
    return False


def codepoint_escapes(text: str) -> list[int]:
    """Offsets of ``\\u``/``\\U`` escapes outside strings and IRIs (SPARQL 1.1 §19.2
    would apply them before parsing; Oxigraph does not: engines disagree on them)."""
    return [
        t.start
        for t in tokens(text)
        if t.kind == "error" and t.text == "\\" and text[t.end : t.end + 1] in ("u", "U")
    ]


def with_common_prefixes(text: str, prefixes: Mapping[str, str]) -> tuple[str, int]:
    r"""``text`` with a ``PREFIX`` declaration, all on one line put before it, for each
    name of ``prefixes`` it uses without declaring (as GraphDB and Virtuoso accept
    ``rdfs:label`` undeclared), and how many lines that added (0 or 1): a syntax
    error's line is then :func:`line_as_written`. A prefix the text declares is its own.

    >>> with_common_prefixes("SELECT * { ?s rdfs:label ?l }", {"rdfs": "http://r#"})
    ('PREFIX rdfs: <http://r#>\nSELECT * { ?s rdfs:label ?l }', 1)
    >>> with_common_prefixes("PREFIX rdfs: <x:> ASK { ?s rdfs:a ?o }", {"rdfs": "http://r#"})[1]
    0
    """
    missing = sorted(undeclared_prefixes(text) & prefixes.keys())
    if not missing:
        return text, 0
    prologue = " ".join(f"PREFIX {name}: <{prefixes[name]}>" for name in missing)
    return f"{prologue}\n{text}", 1


def undeclared_prefixes(text: str, limit: int = 100_000) -> set[str]:
    """The prefix names ``text`` uses in prefixed names without declaring them, read
    from its first ``limit`` tokens (the query guard refuses longer texts anyway, and a
    20 MB body must not cost seconds of lexing before it does).

    >>> sorted(undeclared_prefixes("PREFIX ex: <x:> SELECT * { ?s ex:p nope:o ; rdfs:x 'a:b' }"))
    ['nope', 'rdfs']
    """
    declared: set[str] = set()
    used: set[str] = set()
    after_prefix = False
    for token in itertools.islice(tokens(text), limit):
        if token.kind == "pname":
            name = token.text.split(":", 1)[0]
            (declared if after_prefix else used).add(name)
        after_prefix = token.kind == "word" and token.text.upper() == "PREFIX"
    return used - declared


def readable_syntax_error(message: str, text: str, added_lines: int) -> str:
    r"""A parser's message as a person reads it: the line as sent
    (:func:`line_as_written`) and, for an undeclared prefix, which one and where it
    is first used, in words instead of the grammar's character classes.

    >>> readable_syntax_error("line 3, column 16: expected one of Prefix not found, ['%']",
    ...                       "PREFIX a: <x:>\nASK { ?s nope:p ?o }", 1)
    'line 2, column 10: the prefix nope: is not declared (add PREFIX nope: <…> before the query)'
    """
    message = line_as_written(message, added_lines)
    if "Prefix not found" not in message:
        return message
    missing = undeclared_prefixes(text)
    first = next(
        (
            t
            for t in itertools.islice(tokens(text), 100_000)
            if t.kind == "pname" and t.text.split(":", 1)[0] in missing
        ),
        None,
    )
    if first is None:
        return message
    name = first.text.split(":", 1)[0]
    line = text.count("\n", 0, first.start) + 1
    column = first.start - (text.rfind("\n", 0, first.start) + 1) + 1
    return (
        f"line {line}, column {column}: the prefix {name}: is not declared "
        f"(add PREFIX {name}: <…> before the query)"
    )


def line_as_written(message: str, added_lines: int) -> str:
    """A syntax error's "line N," as the writer counts it, ``added_lines`` having been
    put before the text (:func:`with_common_prefixes`).

    >>> line_as_written("line 3, column 7: expected a number", 1)
    'line 2, column 7: expected a number'
    """
    if not added_lines:
        return message

    def moved(match: re.Match) -> str:
        line = int(match.group(1)) - added_lines
        return f"line {line}," if line >= 1 else "in the prefixes added before the text,"

    return re.sub(r"\bline (\d+),", moved, message, count=1)


# -- rewriting texts ---------------------------------------------------------------------


def dataset_clause_spans(sparql: str) -> list[tuple[int, int]]:
    """Where the ``FROM`` / ``FROM NAMED`` clauses of a query are (offset pairs)."""
    spans = []
    pending: int | None = None
    for token in tokens(sparql):
        if token.depth == 0 and token.kind == "word" and token.keywords[:1] == ("FROM",):
            pending = token.start
            if token.keywords not in (("FROM",), ("FROM", "NAMED")):
                pending = None  # FROMx…: no dataset clause reads like that
            continue
        if pending is not None and token.kind == "word" and token.keywords == ("NAMED",):
            continue
        if pending is not None and token.kind in ("iri", "pname"):
            spans.append((pending, token.end))
        pending = None
    return spans


def has_dataset_clause(sparql: str) -> bool:
    """True when the query names its dataset with ``FROM`` / ``FROM NAMED``."""
    return bool(dataset_clause_spans(sparql))


def without_dataset_clauses(sparql: str) -> str:
    """``sparql`` without its ``FROM`` / ``FROM NAMED`` clauses (strings and comments
    that merely contain the word are left alone)."""
    for start, end in reversed(dataset_clause_spans(sparql)):
        sparql = sparql[:start] + " " + sparql[end:]
    return sparql


def with_using(update: str, using: list[URIRef], using_named: list[URIRef]) -> str:
    """``update`` with protocol ``USING``/``USING NAMED`` graphs added to every
    ``DELETE/INSERT … WHERE`` operation (SPARQL 1.1 Protocol §2.2.3).

    Raises:
        ValueError: the request already has ``USING`` or ``WITH`` (the protocol
            forbids combining them with the parameters).
    """
    if not using and not using_named:
        return update
    if has_keyword(update, "USING") or has_keyword(update, "WITH"):
        raise ValueError(
            "using-graph-uri/using-named-graph-uri cannot be combined with USING or WITH "
            "in the request"
        )
    clause = " ".join(
        [f"USING {g.n3()}" for g in using] + [f"USING NAMED {g.n3()}" for g in using_named]
    )
    inserts = []
    previous = ""
    for token in tokens(update):
        if token.depth == 0 and token.kind == "word":
            word = token.text.upper()
            if word == "WHERE" and previous != "DELETE":
                inserts.append(token.start)
            previous = word
        elif token.depth == 0 and token.kind not in ("open", "close"):
            previous = ""
    for position in reversed(inserts):
        update = f"{update[:position]}{clause} {update[position:]}"
    return update
