"""Reading a goal file's bytes: UTF-8 without BOM, then TOML, or a Befund why not."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from strategie.modell.befund import Befund
from strategie.toml.fehler import TomlGrenze, toml_fehler_befund

MAX_TIEFE = 24
"""How deep lists and tables may nest; a goal needs five levels, the frame a few more."""

_STELLEN = re.compile(r"[0-9_]{4000,}|0x[0-9a-fA-F_]{3000,}")
"""A number too long for Python to convert (it refuses more than 4300 digits)."""


def lies_toml(text: str) -> dict[str, Any]:
    """``tomllib.loads`` within strategie's limits: TOMLDecodeError or TomlGrenze, never
    RecursionError or the ValueError of a number with thousands of digits."""
    try:
        daten = tomllib.loads(text)
    except RecursionError:
        raise TomlGrenze(_zu_tief(), _tiefe_zeile(text)) from None
    except tomllib.TOMLDecodeError:
        raise
    except ValueError:  # int() of a number with more than 4300 digits
        treffer = _STELLEN.search(text)
        zeile = text.count("\n", 0, treffer.start()) + 1 if treffer else None
        raise TomlGrenze("Eine Zahl hat Tausende Stellen; so große Zahlen kann strategie nicht "
                         "lesen (erlaubt sind Zahlen bis ±10^15)", zeile) from None
    if _tiefe(daten) > MAX_TIEFE:
        raise TomlGrenze(_zu_tief(), _tiefe_zeile(text))
    return daten


def _zu_tief() -> str:
    return (f"Listen oder Tabellen sind zu tief ineinander geschachtelt (mehr als {MAX_TIEFE} "
            "Ebenen); ein Ziel braucht höchstens fünf")


def _tiefe(daten: object) -> int:
    """The nesting depth of parsed TOML data, walked without recursion."""
    tiefste = 0
    stapel: list[tuple[object, int]] = [(daten, 1)]
    while stapel:
        wert, tiefe = stapel.pop()
        if tiefe > tiefste:
            tiefste = tiefe
            if tiefste > MAX_TIEFE:
                return tiefste
        if isinstance(wert, dict):
            stapel.extend((w, tiefe + 1) for w in wert.values())
        elif isinstance(wert, list):
            stapel.extend((w, tiefe + 1) for w in wert)
    return tiefste


def _tiefe_zeile(text: str) -> int | None:
    """The line where brackets and braces first nest deeper than allowed (a light scanner:
    comments and one-line strings skipped)."""
    tiefe = 0
    for nummer, zeile in enumerate(text.split("\n"), start=1):
        in_text = ""
        for zeichen in zeile:
            if in_text:
                if zeichen == in_text:
                    in_text = ""
            elif zeichen in "\"'":
                in_text = zeichen
            elif zeichen == "#":
                break
            elif zeichen in "[{":
                tiefe += 1
                if tiefe > MAX_TIEFE:
                    return nummer
            elif zeichen in "]}":
                tiefe = max(tiefe - 1, 0)
    return None


def parse_toml(verzeichnis: Path, relpfad: str, roh: bytes
               ) -> tuple[dict | None, str, Befund | None]:
    """Decode and parse a file's bytes: (data, text, None) or (None, text, Befund)."""
    if roh.startswith(b"\xef\xbb\xbf"):
        return None, "", Befund(
            verzeichnis / relpfad, "Die Datei beginnt mit einer Byte-Order-Mark (BOM); bitte als "
            "UTF-8 ohne BOM speichern", zeile=1)
    try:
        text = roh.decode("utf-8")
    except UnicodeDecodeError as fehler:
        return None, "", toml_fehler_befund(verzeichnis / relpfad, roh, fehler)
    try:
        return lies_toml(text), text, None
    except (tomllib.TOMLDecodeError, TomlGrenze) as fehler:
        return None, text, toml_fehler_befund(verzeichnis / relpfad, roh, fehler)
