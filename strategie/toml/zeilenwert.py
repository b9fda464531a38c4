"""Changing a one-line text value in a goal file's text without tomlkit ('status', 'ampel').

A status change is the most frequent edit; importing tomlkit costs more than the rest of the
edit's Python work. A ``key = "text"  # comment`` line whose new value needs no escape is
rewritten here exactly as tomlkit renders it; anything else goes the tomlkit way
(``toml.schreiben``). The caller re-reads the result with tomllib either way.
"""

from __future__ import annotations

import re

from strategie.modell.operationen import Operation, Setze
from strategie.toml.zeilen import key_lines

_EINFACH = re.compile(r'[^"\\\x00-\x1f\x7f]*\Z')
"""A text tomlkit writes as it is between double quotes (nothing to escape)."""


def ersetze_zeilenwerte(text: str, operationen: tuple[Operation, ...]) -> str | None:
    """*text* with each operation's one-line basic-string value replaced; None if any
    operation is not of that simplest kind (the caller then uses tomlkit)."""
    if not operationen or not all(isinstance(op, Setze) and isinstance(op.wert, str)
                                  and _EINFACH.match(op.wert) for op in operationen):
        return None
    zeilen = text.split("\n")
    orte = key_lines(text)
    for operation in operationen:
        assert isinstance(operation, Setze) and isinstance(operation.wert, str)
        nummer = orte.get(operation.pfad)
        if nummer is None:
            return None
        name = re.escape(operation.pfad.rsplit(".", 1)[-1])
        treffer = re.fullmatch(rf'(\s*{name}\s*=\s*)"(?:[^"\\\n]|\\.)*"(\s*(?:#.*)?)',
                               zeilen[nummer - 1])
        if treffer is None:
            return None
        zeilen[nummer - 1] = f'{treffer.group(1)}"{operation.wert}"{treffer.group(2)}'
    return "\n".join(zeilen)
