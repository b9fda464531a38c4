"""A value as a tomlkit item in the style of the item it replaces: quotes, line breaks, wrapping."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import tomlkit
from tomlkit.items import Array, Item, String, StringType, Trivia

from strategie.modell.feld import Feld, Typ

ZEILENBREITE = 92
"""Long texts are wrapped with TOML line-ending backslashes at about this width."""


def gestalte(wert: Any, feld: Feld, alt: Item | None, einzug: int = 0, *,
             inline: bool = False) -> Item:
    """A tomlkit item for *wert* in the style of the item it replaces (quotes, line breaks).

    *inline*: the item goes into an inline table, where a text stays on one line if it can.
    """
    if isinstance(wert, str):
        mehrzeilig = isinstance(alt, String) and alt.type.is_multiline()
        if mehrzeilig or "\n" in wert or (
                feld.typ is Typ.LANGTEXT and not isinstance(alt, String) and not inline):
            umbrechen = not inline and not (
                isinstance(alt, String) and mehrzeilig and "\\\n" not in alt.as_string())
            return langtext(wert, umbrechen, einzug)
        if isinstance(alt, String) and alt.type is StringType.SLL and _literal_moeglich(wert):
            return tomlkit.string(wert, literal=True)
        return tomlkit.string(wert)
    if isinstance(wert, list):
        liste = tomlkit.array()
        liste.extend(wert)
        if isinstance(alt, Array) and "\n" in alt.as_string():
            liste.multiline(True)
        return liste
    if isinstance(wert, (bool, int, float, dt.date)):
        return tomlkit.item(wert)
    raise TypeError(f"Wert vom Typ {type(wert).__name__} lässt sich nicht schreiben")


def _literal_moeglich(wert: str) -> bool:
    return "'" not in wert and not _STEUERZEICHEN.search(wert)


_STEUERZEICHEN = re.compile("[\x00-\x08\x0a-\x1f\x7f]")
_MEHRFACH_ANFUEHRUNG = re.compile(r'"{2,}')


def _escape_zeile(zeile: str) -> str:
    zeile = zeile.replace("\\", "\\\\")
    zeile = _STEUERZEICHEN.sub(lambda m: f"\\u{ord(m.group()):04X}", zeile)
    return _MEHRFACH_ANFUEHRUNG.sub(lambda m: '\\"' * len(m.group()), zeile)


def _umbrochen(zeile: str, breite: int, einzug: int = 0) -> str:
    """Wrap one escaped line at single spaces with TOML line-ending backslashes."""
    if len(zeile) + einzug <= breite:
        return zeile
    teile: list[str] = []
    start = 0
    while len(zeile) - start + einzug > breite:
        schnitt = -1
        for i in range(start + breite - einzug - 1, start, -1):
            if (zeile[i - 1] == " " and i < len(zeile) and zeile[i] != " "
                    and i - 2 >= start and zeile[i - 2] not in " \\"):
                schnitt = i
                break
        if schnitt == -1:
            break
        teile.append(zeile[start:schnitt] + "\\")
        start = schnitt
        einzug = 0
    teile.append(zeile[start:])
    return "\n".join(teile)


def langtext(text: str, umbrechen: bool = True, einzug: int = 0) -> String:
    """A multi-line basic string; long lines wrapped with backslashes when *umbrechen*.

    *einzug* is how many characters precede the text on its first line (the key and quotes).
    """
    zeilen = [_escape_zeile(z) for z in text.split("\n")]
    if umbrechen:
        zeilen = [_umbrochen(z, ZEILENBREITE, einzug if i == 0 else 0)
                  for i, z in enumerate(zeilen)]
    roh = "\n".join(zeilen)
    if roh.startswith("\n"):
        roh = "\\n" + roh[1:]  # a newline right after the opening quotes would be dropped
    if roh.endswith('"'):
        roh = roh[:-1] + '\\"'
    return String(StringType.MLB, text, roh, Trivia())
