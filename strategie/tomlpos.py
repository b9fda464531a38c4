"""Where things are in a TOML text: line of each key, and German messages for parse errors."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from strategie.befund import Befund

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


def line_of(text: str, feld: str | None) -> int | None:
    """The line of a field, or of its nearest enclosing table, in *text*; None if unknown."""
    if not feld:
        return None
    lines = key_lines(text)
    parts = feld.split(".")
    while parts:
        found = lines.get(".".join(parts))
        if found:
            return found
        parts.pop()
    return None


_MESSAGES: tuple[tuple[str, str], ...] = (
    ("Cannot overwrite a value", "Ein Schlüssel ist doppelt vergeben"),
    ("Cannot declare", "Eine Tabelle ist doppelt deklariert"),
    ("Cannot mutate immutable namespace",
     "Eine Inline-Tabelle oder ein Wert wird nachträglich verändert"),
    ("Cannot redefine namespace", "Eine Tabelle wird umdefiniert"),
    ("Duplicate inline table key", "Ein Schlüssel ist in einer Inline-Tabelle doppelt"),
    ("Expected '=' after a key", "Nach dem Schlüssel fehlt das '='"),
    ("Expected ']' at the end of a table", "Die Tabellenüberschrift endet nicht mit ']'"),
    ("Expected ']]' at the end of an array", "Die Überschrift endet nicht mit ']]'"),
    ("Invalid date or datetime", "Ungültiges Datum"),
    ("Invalid hex value", "Ungültige Escape-Sequenz (\\u…)"),
    ("Escaped character is not a Unicode", "Ungültige Escape-Sequenz (\\u…)"),
    ("Invalid initial character for a key", "Ungültiges Zeichen am Anfang eines Schlüssels"),
    ("Invalid statement", "Ungültige Zeile (weder Schlüssel = Wert noch [Tabelle])"),
    ("Invalid value", "Ungültiger Wert (Text gehört in Anführungszeichen)"),
    ("Unclosed array", "Eine Liste wird nicht mit ']' geschlossen"),
    ("Unclosed inline table", "Eine Inline-Tabelle wird nicht mit '}' geschlossen"),
    ("Unescaped '\\' in a string", "Ein '\\' im Text muss als '\\\\' geschrieben werden"),
    ("Unterminated string", "Ein Text wird nicht mit Anführungszeichen geschlossen"),
    ("Illegal character '\\n'", "Ein Text wird nicht mit Anführungszeichen geschlossen"),
    ("Illegal character", "Unzulässiges Steuerzeichen im Text"),
    ("Expected newline or end of document",
     "Nach dem Wert steht noch etwas (ungültiges Datum oder fehlende Anführungszeichen?)"),
    ("Found invalid character", "Unerwartetes Zeichen"),
    ("Expected", "Unerwartetes Zeichen"),
)

_WHERE = re.compile(r"\s*\(at (?:line (\d+), column (\d+)|end of document)\)\s*$")


def toml_fehler_befund(pfad: Path, roh: bytes, fehler: Exception) -> Befund:
    """A Befund for a file tomllib refused or that is not UTF-8, with the line where known."""
    if isinstance(fehler, UnicodeDecodeError):
        byte = roh[fehler.start : fehler.start + 1].hex()
        return Befund(
            pfad,
            f"Die Datei ist nicht UTF-8-kodiert (Byte 0x{byte}); bitte als UTF-8 speichern",
            zeile=roh[: fehler.start].count(b"\n") + 1,
        )
    text = str(fehler)
    where = _WHERE.search(text)
    detail = text[: where.start()] if where else text
    zeile: int | None = int(where.group(1)) if where and where.group(1) else None
    if where and not where.group(1):
        zeile = roh.count(b"\n") + 1
    deutsch = next((de for en, de in _MESSAGES if detail.startswith(en)), detail)
    spalte = f" in Spalte {where.group(2)}" if where and where.group(2) else ""
    meldung = f"TOML-Syntaxfehler{spalte}: {deutsch}"
    return Befund(pfad, meldung, zeile=zeile)


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
        return tomllib.loads(text), text, None
    except tomllib.TOMLDecodeError as fehler:
        return None, text, toml_fehler_befund(verzeichnis / relpfad, roh, fehler)
