"""German formatting of dates and numbers for everything a user reads."""

from __future__ import annotations

import datetime as dt
import math


def _unendlich(wert: float | int) -> bool:
    return isinstance(wert, float) and not math.isfinite(wert)


def datum_de(datum: dt.date | None, leer: str = "–") -> str:
    """21.06.2024 (or *leer* for no date); as ``strftime("%d.%m.%Y")`` writes it, in a third
    of the time (a list of 10,000 goals notices)."""
    return f"{datum.day:02}.{datum.month:02}.{datum.year}" if datum else leer


def zahl_de(wert: float | int | None, stellen: int | None = None, leer: str = "–") -> str:
    """12.345,5 — German decimal comma, thousands dot from 10.000 on (years stay 2025); *leer*
    for no value and for inf or nan, which are no amounts a person can read."""
    if wert is None or _unendlich(wert):
        return leer
    if stellen is None:
        stellen = 0 if float(wert).is_integer() else 2
    text = f"{wert:,.{stellen}f}" if abs(wert) >= 10000 else f"{wert:.{stellen}f}"
    if stellen and "." in text:
        text = text.rstrip("0").rstrip(".") if stellen > 1 else text
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def zeitpunkt(datum: dt.datetime) -> str:
    """24.11.2026 14:03 in the datetime's own time zone."""
    return f"{datum_de(datum.date())} {datum:%H:%M}"


def euro_de(wert: float | int | None) -> str:
    """4.500 €, 45.000 € – money with the thousands dot from 1.000 on (or – for none)."""
    if wert is None or _unendlich(wert):
        return "–"
    return f"{wert:,.0f} €".replace(",", ".")


ZAEHLEINHEITEN = frozenset({"Anzahl", "Anz.", "Stück"})
"""'Units' that only say a value is a count: printed without them ('268', not '268 Anzahl')."""


def einheit_de(einheit: str) -> str:
    """The unit as it follows a number ('' for a count)."""
    einheit = einheit.strip()
    return "" if einheit in ZAEHLEINHEITEN else einheit


def mit_einheit(wert: float | int | None, einheit: str, stellen: int | None = None) -> str:
    """A value with its unit: '62,5 %', '14 Tage', '268' (a count); *stellen*: at most so
    many decimals."""
    if wert is None or _unendlich(wert):
        return "–"
    if stellen is not None:
        wert = round(wert, stellen)
        stellen = None if float(wert).is_integer() else stellen
    return f"{zahl_de(wert, stellen)} {einheit_de(einheit)}".strip()


def anzahl_de(anzahl: int, einzahl: str, mehrzahl: str) -> str:
    """'1 Ziel', '12 Ziele', '12.345 Ziele'."""
    return f"{zahl_de(anzahl)} {einzahl if anzahl == 1 else mehrzahl}"


def ja_nein(wert: bool | None, leer: str = "–") -> str:
    """'ja', 'nein', or *leer* when a yes/no field is not given."""
    return leer if wert is None else ("ja" if wert else "nein")


def datum_oder_angabe(angabe: str) -> str:
    """A date given as JJJJ-MM-TT in German notation (21.06.2024); anything else as it is
    (a revision such as 'v2026.1')."""
    try:
        return datum_de(dt.date.fromisoformat(angabe))
    except ValueError:
        return angabe


def monate_zurueck(datum: dt.date, monate: int) -> dt.date:
    """The same day *monate* months earlier (the month's last day if it has fewer days); the
    first day of the calendar if that is before the year 1, the last if after 9999 (a negative
    or huge *monate* from a frame or a script never raises)."""
    jahr, monat = divmod(datum.year * 12 + datum.month - 1 - monate, 12)
    if jahr < dt.MINYEAR:
        return dt.date.min
    if jahr > dt.MAXYEAR:
        return dt.date.max
    import calendar  # rarely needed: not on the path of every command

    tag = min(datum.day, calendar.monthrange(jahr, monat + 1)[1])
    return dt.date(jahr, monat + 1, tag)
