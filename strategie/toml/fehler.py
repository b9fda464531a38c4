"""German messages for the TOML parse errors of tomllib, with the line where it stopped."""

from __future__ import annotations

import re
from pathlib import Path

from strategie.modell.befund import Befund
from strategie.toml.konfliktmarken import erste_marke, finde_marken

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
    konflikt = konflikt_befund(pfad, roh.decode("utf-8", "replace"))
    if konflikt is not None:
        return konflikt
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


def konflikt_befund(pfad: Path, text: str) -> Befund | None:
    """A Befund for leftover conflict markers (git's own or strategie's), or None."""
    zeile = erste_marke(text)
    if zeile is None:
        return None
    bloecke = finde_marken(text)
    if bloecke:
        seiten = {f"{b.unsere or 'eigene Seite'} ↔ {b.ihre or 'andere Seite'}" for b in bloecke}
        wo = ", ".join(f"Zeile {b.anfang}–{b.ende}" for b in bloecke)
        was = (f"{len(bloecke)} Stelle(n) mit beiden Fassungen ({wo}; "
               f"{'; '.join(sorted(seiten))})")
    else:
        was = "unvollständige Konfliktmarkierungen"
    return Befund(pfad, f"Konflikt aus einer Zusammenführung: {was}. Lösen mit "
                        "'strategie konflikte' und 'strategie loese' (oder von Hand die "
                        "Markierungen <<<<<<< ======= >>>>>>> entfernen)", zeile=zeile,
                  konflikt=True)
