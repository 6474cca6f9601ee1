"""The guard reads a query as the engine does, whatever comments, strings and line ends
surround its tokens (issue 15: a comment ended by ``\\r`` hid braces and a SERVICE).

Hypothesis builds queries from known tokens — nested groups, FILTERs comparing with
strings short and long (holding ``#``, braces, quotes, ``SERVICE``, line ends), IRIs
with ``#`` and ``'``, names with escapes, ``<`` with and without spaces, sometimes a
real ``SERVICE SILENT`` call — and puts in every gap between two tokens nothing, spaces,
``\\r``, ``\\n``, ``\\r\\n`` or a comment full of the same hostile characters. Then:

- the lexer gives back exactly the tokens the query was built from, so the guard sees
  the nesting the query was built with (the truth, known by construction);
- Oxigraph, evaluating the query, answers what it answers to the same tokens written
  plainly (so it read the same query), and calls the loopback listener exactly when the
  query was built with a SERVICE in code — which is when the guard says it may call out.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.query_guard import query_shape
from kg import may_call_out, query_form, tokens
from tests.security.listener import Listener, listening

EX = "http://example.org/"
EXAMPLES = 2000 if os.environ.get("CKM_STRESS") else 150
HOSTILE = "{}()[]<>'\"#\\?$:.;,|^`SERVICE select"


def _store() -> ox.Store:
    store = ox.Store()
    s, p = ox.NamedNode(EX + "s"), ox.NamedNode(EX + "p")
    for value in ("a", "b#c", "{d}", "SERVICE"):
        store.add(ox.Quad(s, p, ox.Literal(value)))
    store.add(ox.Quad(s, ox.NamedNode(EX + "a#b"), ox.Literal("escaped")))
    return store


STORE = _store()


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    with listening() as running:
        yield running


# -- tokens --------------------------------------------------------------------------

_plain = st.text(st.sampled_from(HOSTILE + "ab \t"), max_size=12)


def _without(chars: str, unwanted: str) -> str:
    return "".join(c for c in chars if c not in unwanted)


def _short(quote: str) -> st.SearchStrategy[str]:
    body = st.lists(
        st.one_of(
            st.text(st.sampled_from(_without(HOSTILE, quote + "\\") + "ab "), max_size=4),
            st.sampled_from(["\\" + quote, "\\\\", "\\n", "\\r", "\\t", "\\u0041"]),
        ),
        max_size=5,
    ).map("".join)
    return body.map(lambda b: quote + b + quote)


def _long(quote: str) -> st.SearchStrategy[str]:
    chars = HOSTILE.replace("\\", "") + "ab\r\n"
    body = st.text(st.sampled_from(chars), max_size=16).filter(
        lambda b: quote * 3 not in b and not b.endswith(quote)
    )
    return body.map(lambda b: quote * 3 + b + quote * 3)


# A string that begins like an IRI (``'x>'``): read as one after ``<``, it would end at
# the ``>`` and the rest of the line would look quoted.
_IRI_BAIT = st.builds(
    lambda head, tail: f"'{head}>{tail}'",
    st.text(st.sampled_from("ab#:/()"), max_size=4),
    st.text(st.sampled_from("ab #{}"), max_size=4),
)
STRINGS = st.one_of(_short('"'), _short("'"), _long('"'), _long("'"), _IRI_BAIT)
IRIS = st.sampled_from([f"<{EX}s>", f"<{EX}x#y>", f"<{EX}it's(1)>", f"<{EX}a#b>"])


@st.composite
def filters(draw) -> list[str]:
    """``FILTER(?o OP term)`` with or without spaces around the operator."""
    operator = draw(st.sampled_from(["<", "!=", ">", "<="]))
    term = draw(st.one_of(_IRI_BAIT, STRINGS, IRIS))
    if term.startswith("<"):
        return ["FILTER", "(", "?o", "!=", term, ")"]
    return ["FILTER", "(", "STR", "(", "?o", ")", operator, term, ")"]


@st.composite
def groups(draw, depth: int) -> list[str]:
    """``{ … }`` ``depth`` levels deep holding a triple and filters."""
    inner = ["?s", f"<{EX}p>", "?o"]
    for _ in range(draw(st.integers(0, 2))):
        inner += draw(filters())
    if draw(st.booleans()):
        inner += ["OPTIONAL", "{", "?s", "ex:a\\#b", "?z", "}"]
    for _ in range(depth - 1):
        inner = ["{", *inner, "}"]
    return ["{", *inner, "}"]


# -- gaps ----------------------------------------------------------------------------

_LINE_ENDS = st.sampled_from(["\r", "\n", "\r\n"])
_COMMENT = st.builds(lambda body, end: "#" + body + end, _plain, _LINE_ENDS)
_GAP = st.one_of(
    st.just(""),
    st.lists(
        st.one_of(st.sampled_from([" ", "\t", "\r", "\n", "\r\n"]), _COMMENT),
        min_size=1,
        max_size=3,
    ).map("".join),
)
_WORDISH = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_?$:")


def _needs_space(left: str, right: str) -> bool:
    # Two names, words or variables side by side would read as one token.
    return left[-1] in _WORDISH and right[0] in _WORDISH


@st.composite
def queries(draw, service_url: str) -> tuple[list[str], str]:
    """The tokens of a query and its text with gaps drawn between them."""
    calls = draw(st.booleans())
    depth = draw(st.integers(1, 6))
    parts = ["PREFIX", "ex:", f"<{EX}>", "SELECT", "?o", "WHERE", "{", *draw(groups(depth))]
    if calls:  # a branch of its own, so that the engine calls whatever the filters keep
        parts += ["UNION", "{", "SERVICE", "SILENT", f"<{service_url}/sparql>"]
        parts += ["{", "?x", "?y", "?w", "}", "}"]
    parts.append("}")
    text = draw(_GAP)
    for left, right in itertools.pairwise(parts):
        gap = draw(_GAP)
        if _needs_space(left, right) and not gap:
            gap = " "
        text += left + gap
    text += parts[-1] + draw(_GAP)
    return parts, text


def _answer(text: str) -> set[str] | str:
    try:
        return {str(row["o"]) for row in STORE.query(text)}
    except SyntaxError as error:
        return f"syntax error: {error}"


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=not os.environ.get("CKM_STRESS"),
    database=None,
)
@given(data=st.data())
def test_guard_and_engine_read_the_same_query(listener: Listener, data: st.DataObject):
    parts, text = data.draw(queries(listener.url))
    assert [t.text for t in tokens(text)] == parts
    assert query_shape(text).nesting == _nesting(parts)
    assert query_form(text) == "SELECT"

    calls = "SERVICE" in parts
    assert may_call_out(text) == calls
    before = len(listener.requests)
    answer = _answer(text)
    assert answer == _answer(" ".join(parts)), text
    assert isinstance(answer, set), answer
    assert (len(listener.requests) > before) == calls, text


def _nesting(parts: list[str]) -> int:
    depth = deepest = 0
    for part in parts:
        if part in ("{", "("):
            depth += 1
            deepest = max(deepest, depth)
        elif part in ("}", ")"):
            depth -= 1
    return deepest
