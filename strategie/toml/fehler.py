"""German messages for the TOML parse errors of tomllib, with the line where it stopped."""

from __future__ import annotations

import re
import tomllib
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

class TomlGrenze(tomllib.TOMLDecodeError):
    """Text tomllib reads (or chokes on) that is beyond strategie's limits: nesting too deep,
    a number with thousands of digits. A TOMLDecodeError, so that every reader that copes
    with invalid TOML copes with it too."""

    def __init__(self, meldung: str, zeile: int | None) -> None:
        super().__init__(meldung)
        self.meldung = meldung
        self.zeile = zeile


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
    if isinstance(fehler, TomlGrenze):
        return Befund(pfad, fehler.meldung, zeile=fehler.zeile)
    konflikt = konflikt_befund(pfad, roh.decode("utf-8", "replace"))
    if konflikt is not None:
        return konflikt
    text = str(fehler)
    where = _WHERE.search(text)
    detail = text[: where.start()] if where else text
    zeile: int | None = int(where.group(1)) if where and where.group(1) else None
    if where and not where.group(1):
        zeile = roh.count(b"\n") + 1
    quelltext = roh.decode("utf-8", "replace")
    genauer = _haeufiger_fehler(quelltext, zeile)
    if genauer is not None:
        zeile, deutsch = genauer
        return Befund(pfad, f"TOML-Syntaxfehler: {deutsch}", zeile=zeile)
    deutsch = next((de for en, de in _MESSAGES if detail.startswith(en)), detail)
    spalte = f" in Spalte {where.group(2)}" if where and where.group(2) else ""
    meldung = f"TOML-Syntaxfehler{spalte}: {deutsch}"
    return Befund(pfad, meldung, zeile=zeile)


_NUR_CR = re.compile(r"\r(?!\n)")
_DEZIMALKOMMA = re.compile(r"=\s*([+-]?\d+),(\d+)\s*(?:#.*)?$")
_FUEHRENDE_NULL = re.compile(r"=\s*(([+-]?)0+(\d[\d_]*))\s*(?:#.*)?$")
_NACKTER_SCHLUESSEL = re.compile(r"\s*([^\s=\"'\[#.]+)\s*=")


def _haeufiger_fehler(text: str, zeile: int | None) -> tuple[int | None, str] | None:
    """(line, message) for mistakes people make often, which tomllib reports misleadingly."""
    cr = _NUR_CR.search(text)
    if cr is not None:
        return (text.count("\n", 0, cr.start()) + 1,
                "Die Zeilen enden nur mit CR (altes Mac-Format), TOML braucht LF oder CR LF; "
                "bitte mit Unix- (LF) oder Windows-Zeilenenden (CR LF) speichern")
    if zeile is None:
        return None
    zeilen = text.split("\n")
    if not 0 < zeile <= len(zeilen):
        return None
    inhalt = zeilen[zeile - 1].rstrip("\r")
    if (treffer := _DEZIMALKOMMA.search(inhalt)) is not None:
        ganz, teil = treffer.groups()
        return zeile, (f"Dezimalkomma in {ganz},{teil}: in TOML steht ein Punkt vor den "
                       f"Nachkommastellen, also {ganz}.{teil}")
    if (treffer := _FUEHRENDE_NULL.search(inhalt)) is not None:
        geschrieben, vorzeichen, zahl = treffer.groups()
        return zeile, (f"Eine Zahl mit führender Null ({geschrieben}) "
                       f"ist in TOML nicht erlaubt: ohne Null schreiben ({vorzeichen}{zahl}), "
                       "oder, wenn es ein Text ist, in Anführungszeichen")
    if (treffer := _NACKTER_SCHLUESSEL.match(inhalt)) is not None and not treffer.group(
            1).isascii():
        name = treffer.group(1)
        return zeile, (f"Der Schlüssel {name} enthält Zeichen außer A–Z, a–z, 0–9, _ und -; "
                       f"Umlaute und ß nur in Anführungszeichen (\"{name}\" = …). Die Felder "
                       "von strategie heißen ohne Umlaute (ae, oe, ue, ss)")
    return None


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
