"""User input to typed field values: German numbers and dates, vocabulary with prefixes."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

from strategie.modell.befund import StrategieFehler
from strategie.modell.feld import Feld, Typ
from strategie.modell.rahmen import Rahmen

_JA = {"ja", "j", "true", "wahr", "1", "yes"}
_NEIN = {"nein", "n", "false", "falsch", "0", "no"}


def normalisiere(text: str) -> str:
    """Input in Unicode NFC: umlauts typed on macOS (NFD: 'a' + combining diaeresis) match."""
    return unicodedata.normalize("NFC", text)


def normalisiere_id(ziel_id: str) -> str:
    """A goal id as the files name it: NFC, no surrounding blanks, upper case."""
    return normalisiere(ziel_id).strip().upper()


def waehle_wert(angabe: str, erlaubt: Iterable[str], titel: str) -> str:
    """The vocabulary value meant by *angabe*: exact, case-insensitive, or a unique prefix."""
    erlaubt = tuple(erlaubt)
    klein = normalisiere(angabe).strip().casefold()
    treffer = [w for w in erlaubt if normalisiere(w).casefold() == klein] or [
        w for w in erlaubt if normalisiere(w).casefold().startswith(klein)]
    if len(treffer) != 1 or not klein:
        grund = "mehrdeutig" if len(treffer) > 1 else "unbekannt"
        raise StrategieFehler(f'{titel} "{angabe}" ist {grund}. Möglich: {", ".join(erlaubt)}')
    return treffer[0]


def datum_aus_text(text: str, heute: dt.date | None = None) -> dt.date:
    """A date from 'JJJJ-MM-TT', 'TT.MM.JJJJ' or 'heute'."""
    text = text.strip()
    if text.casefold() == "heute":
        return heute or dt.date.today()
    try:
        if re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", text):
            tag, monat, jahr = (int(t) for t in text.split("."))
            return dt.date(jahr, monat, tag)
        return dt.date.fromisoformat(text)
    except ValueError:
        raise StrategieFehler(
            f'"{text}" ist kein gültiges Datum (JJJJ-MM-TT oder TT.MM.JJJJ)') from None


def zahl_aus_text(text: str) -> int | float:
    """A finite number from '1.234,5' (German) or '1234.5'; whole numbers stay int."""
    roh = text.strip().replace(" ", "").replace("\u202f", "")
    if "," in roh:
        roh = roh.replace(".", "").replace(",", ".")
    try:
        zahl = int(roh) if re.fullmatch(r"[+-]?\d+", roh) else float(roh)
    except ValueError:
        raise StrategieFehler(f'"{text}" ist keine Zahl') from None
    if not math.isfinite(zahl):
        raise StrategieFehler(
            f'"{text}" ist keine endliche Zahl (unendlich oder „keine Zahl“ sind als Wert nicht '
            "erlaubt); bitte eine gewöhnliche Zahl angeben, z. B. 1234,5")
    return zahl


def wert_aus_text(feld: Feld, text: str, rahmen: Rahmen, heute: dt.date | None = None) -> Any:
    """Convert what a user typed into the value type of *feld*, checked against the frame."""
    text = normalisiere(text)
    wert: Any
    if feld.typ is Typ.GANZZAHL:
        zahl = zahl_aus_text(text)
        if not isinstance(zahl, int):
            raise StrategieFehler(f'"{text}" ist keine Ganzzahl')
        wert = zahl
    elif feld.typ is Typ.ZAHL:
        wert = zahl_aus_text(text)
    elif feld.typ is Typ.WAHRHEITSWERT:
        klein = text.strip().casefold()
        if klein not in _JA | _NEIN:
            raise StrategieFehler(f'"{text}" ist weder ja noch nein')
        wert = klein in _JA
    elif feld.typ is Typ.DATUM:
        wert = datum_aus_text(text, heute)
    elif feld.typ is Typ.TEXTLISTE:
        wert = [t.strip() for t in text.split(";") if t.strip()]
    elif feld.typ is Typ.LANGTEXT:
        wert = text.strip("\n")
    else:
        wert = text.strip()
    if feld.vokabular:
        erlaubt = rahmen.vokabular(feld.vokabular)
        if isinstance(wert, list):
            wert = [waehle_wert(w, erlaubt, feld.titel) for w in wert]
        else:
            wert = type(wert)(waehle_wert(str(wert), erlaubt, feld.titel))
    return wert
