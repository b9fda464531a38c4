"""Sorting texts as people expect: numbers inside a text compared as numbers (SA-2 < SA-10)."""

from __future__ import annotations

import re

_ZAHLEN = re.compile(r"(\d+)")


def natuerlich(text: str) -> tuple[object, ...]:
    """A sort key for *text* in which runs of digits compare as numbers."""
    return tuple(int(t) if t.isdigit() else t for t in _ZAHLEN.split(text))
