"""Where things are in a TOML text: the line of each key, found by a light scanner."""

from __future__ import annotations

import re

_KEY = r'(?:[A-Za-z0-9_-]+|"[^"\n]*"|\'[^\'\n]*\')'
_KEY_LINE = re.compile(rf"\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*=\s*(.*)$")
_HEADER = re.compile(rf"\s*(\[\[?)\s*({_KEY}(?:\s*\.\s*{_KEY})*)\s*\]\]?")
_KEY_PART = re.compile(_KEY)


def _parts(dotted: str) -> list[str]:
    return [p.strip("\"'") for p in _KEY_PART.findall(dotted)]


def key_lines(text: str) -> dict[str, int]:
    """Map dotted field paths (1-based array indices: ``massnahmen.2.status``) to 1-based lines.

    A light scanner, not a parser: good enough to point a user at the line of a field in a file
    that tomllib has already accepted. Tables and array elements map to their header line.
    """
    lines: dict[str, int] = {}
    table: list[str] = []
    counts: dict[str, int] = {}
    closing: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if closing is not None:
            if closing in line:
                closing = None
            continue
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        header = _HEADER.match(line)
        if header and stripped.startswith("["):
            table = []
            names = _parts(header.group(2))
            for depth, name in enumerate(names):
                table.append(name)
                key = ".".join(table)
                is_array = header.group(1) == "[["
                if is_array and depth == len(names) - 1:
                    counts[key] = counts.get(key, 0) + 1
                    for stale in [k for k in counts if k.startswith(key + ".")]:
                        del counts[stale]
                if is_array or key in counts:
                    table.append(str(counts.get(key, 1)))
            lines.setdefault(".".join(table), number)
            continue
        match = _KEY_LINE.match(line)
        if not match:
            continue
        path = ".".join([*table, *_parts(match.group(1))])
        lines.setdefault(path, number)
        value = match.group(2)
        for delimiter in ('"""', "'''"):
            if value.startswith(delimiter) and value.count(delimiter) == 1:
                closing = delimiter
                break
    return lines


def line_in(lines: dict[str, int], feld: str) -> int | None:
    """The line of a field, or of its nearest enclosing table, in a ``key_lines`` mapping."""
    parts = feld.split(".")
    while parts:
        found = lines.get(".".join(parts))
        if found:
            return found
        parts.pop()
    return None


def line_of(text: str, feld: str | None) -> int | None:
    """The line of a field, or of its nearest enclosing table, in *text*; None if unknown."""
    if not feld:
        return None
    return line_in(key_lines(text), feld)
