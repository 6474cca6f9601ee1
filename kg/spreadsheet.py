"""Cells that are safe to open in a spreadsheet (OWASP "CSV injection").

A spreadsheet reads a cell that begins with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return as a formula: a customer named ``=1+2+cmd|' /C calc'!A0``, written into
a CSV as it is, runs when an analyst opens the file. So every CSV written for people —
REST lists, saved queries as CSV, ``ckm export``, ``ckm queries run --format csv``, the
rejected rows of an import — writes such a cell with a leading apostrophe, the mark
spreadsheets read as "text" and hide. A value that itself begins with an apostrophe
followed by one of those characters (or by another apostrophe) gets one too, so that
:func:`unguarded`, which ``ckm import`` applies to every cell it reads, gives back
exactly what was exported.

The SPARQL endpoint's CSV and TSV (``/sparql``, ``ckm query``) are W3C SPARQL 1.1
Query Results formats, read by programs: their values stay exactly as stored.

>>> guarded("=1+2"), guarded("-3"), guarded("'=x"), guarded("'t Hooft"), guarded("Acme")
("'=1+2", "'-3", "''=x", "'t Hooft", 'Acme')
>>> all(unguarded(guarded(v)) == v for v in ["=1+2", "'=x", "''", "'t Hooft", "@A1", ""])
True
"""

from __future__ import annotations

import csv
import io

FORMULA_LEADERS = frozenset("=+-@\t\r")
_MARK = "'"


def _marked(cell: str) -> bool:
    """Whether ``cell`` begins with the mark and then something the mark protects."""
    return cell[:1] == _MARK and (cell[1:2] in FORMULA_LEADERS or cell[1:2] == _MARK)


def guarded(cell: str) -> str:
    """``cell`` as a spreadsheet must receive it to read it as text."""
    if cell[:1] in FORMULA_LEADERS or _marked(cell):
        return _MARK + cell
    return cell


def unguarded(cell: str) -> str:
    """The value a guarded cell stands for (the inverse of :func:`guarded`)."""
    return cell[1:] if _marked(cell) else cell


def guarded_csv(text: str) -> str:
    """The same CSV with every cell guarded (its line ends kept)."""
    lines = text.splitlines(keepends=True)
    ending = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=ending)
    for row in csv.reader(io.StringIO(text, newline="")):
        writer.writerow([guarded(cell) for cell in row])
    return out.getvalue()
