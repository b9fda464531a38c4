"""Composing the commit message of a change: subject, comment, details, trailer block.

A reviewer understands it in plain `git log`; its format (and reading it back) is described
in ``strategie.git.trailer``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from strategie.git.trailer import (
    FEHLT,
    HANDAENDERUNG_SATZ,
    LEER,
    TRAILER_ALT,
    TRAILER_FELD,
    TRAILER_HANDAENDERUNG,
    TRAILER_NEU,
    TRAILER_ZIEL,
)
from strategie.modell.feld import BEGRUENDUNG_ZU
from strategie.modell.vergleich import Feldaenderung, beschreibe, wert_kurz
from strategie.text.kuerzen import kuerze
from strategie.text.sicher import einzeilig, entschaerfe

BETREFF_LAENGE = 72
"""git's customary maximum subject length; longer subjects are shortened with an ellipsis."""

class Zielvorgang(NamedTuple):
    """What changed in one goal file: for the message and for the result shown to the user."""

    ziel_id: str
    aenderungen: tuple[Feldaenderung, ...]
    daten: dict[str, Any]
    """The goal's data after the change."""
    dateiebene: str = ""
    """For a change that has no field-level description (one version of the file does not
    parse): what happens to the file as a whole; ``aenderungen`` is then empty."""
    betreff: str = ""
    """The subject's phrase after the id ('angelegt: Titel'); '' = from the field changes."""
    angelegt: bool = False
    """The goal's file is new: the subject says so, the details do not list every field."""


def _teile(vorgang: Zielvorgang, mit_alt: bool = True) -> list[str]:
    if vorgang.dateiebene:
        return [vorgang.dateiebene]
    if vorgang.angelegt:
        return [vorgang.betreff or "angelegt"]
    pfade = {a.pfad for a in vorgang.aenderungen}
    teile: list[str] = []
    steckbrief = [a for a in vorgang.aenderungen if a.pfad.startswith("steckbrief.")]
    for aenderung in vorgang.aenderungen:
        if BEGRUENDUNG_ZU.get(aenderung.pfad) in pfade:
            continue  # the Begründung goes with its status/Ampel change, in the body
        if aenderung in steckbrief and any(a.pfad != "steckbrief.stand" for a in steckbrief):
            if aenderung is steckbrief[0]:
                stand = vorgang.daten.get("steckbrief", {}).get("stand")
                teile.append("Steckbrief aktualisiert" + (
                    f" (Stand {wert_kurz(stand)})" if stand else ""))
            continue
        if not mit_alt and aenderung.alt is not None and aenderung.neu is not None and (
                not aenderung.ist_text):
            teile.append(f"{aenderung.titel} → {wert_kurz(aenderung.neu)}")
        else:
            teile.append(beschreibe(aenderung, vorgang.daten))
    return teile


def betreff(vorgaenge: Sequence[Zielvorgang]) -> str:
    """One line: 'SA-03: Umsetzungsstand in Vorbereitung → in Umsetzung' or a bulk summary;
    values from goal files neutralised (no control codes or bidi overrides in `git log`)."""
    return einzeilig(_betreff(vorgaenge))


def _betreff(vorgaenge: Sequence[Zielvorgang]) -> str:
    if len(vorgaenge) == 1 and vorgaenge[0].betreff:  # 'SA-08 angelegt: Titel'
        return kuerze(f"{vorgaenge[0].ziel_id} {vorgaenge[0].betreff}", BETREFF_LAENGE,
                      abstreifen=" ,:")
    if len(vorgaenge) == 1:
        vorgang = vorgaenge[0]
        teile = _teile(vorgang)
        text = f"{vorgang.ziel_id}: {', '.join(teile)}"
        if len(text) > BETREFF_LAENGE and len(teile) > 1:
            text = f"{vorgang.ziel_id}: {teile[0]} (und {len(teile) - 1} weitere)"
        return kuerze(text, BETREFF_LAENGE, abstreifen=" ,:")
    arten = {tuple(_teile(v, mit_alt=False)) for v in vorgaenge}
    ids = [v.ziel_id for v in vorgaenge]
    was = ", ".join(next(iter(arten))) if len(arten) == 1 else "verschiedene Änderungen"
    kopf = f"{len(vorgaenge)} Ziele: {was}"
    liste = ", ".join(ids)
    if len(kopf) + len(liste) + 3 > BETREFF_LAENGE:
        liste = f"{ids[0]} … {ids[-1]}"
    return kuerze(f"{kopf} ({liste})", BETREFF_LAENGE, abstreifen=" ,:")


def _trailer_wert(wert: Any) -> str:
    return FEHLT if wert is None else einzeilig(wert_kurz(wert, 100)) or LEER


def trailer(vorgaenge: Sequence[Zielvorgang], handaenderungen: bool = False) -> list[str]:
    """'Schlüssel: Wert' lines that `git interpret-trailers --parse` reads back."""
    zeilen = []
    for vorgang in vorgaenge:
        if vorgang.dateiebene or vorgang.angelegt:
            zeilen.append(f"{TRAILER_ZIEL}: {vorgang.ziel_id}")  # no field-level claims
            if vorgang.angelegt:
                continue  # a new file: every field is new, the subject says so
        for aenderung in vorgang.aenderungen:
            zeilen += [f"{TRAILER_ZIEL}: {vorgang.ziel_id}", f"{TRAILER_FELD}: {aenderung.pfad}",
                       f"{TRAILER_ALT}: {_trailer_wert(aenderung.alt)}",
                       f"{TRAILER_NEU}: {_trailer_wert(aenderung.neu)}"]
    if handaenderungen:
        zeilen.append(f"{TRAILER_HANDAENDERUNG}: übernommen")
    return zeilen


def nachricht(vorgaenge: Sequence[Zielvorgang], kommentar: str,
              handaenderungen: bool = False) -> str:
    """The whole commit message: subject, blank line, comment, details, trailers."""
    absaetze = [betreff(vorgaenge)]
    if kommentar.strip():
        absaetze.append(entschaerfe(kommentar.strip()))
    if len(vorgaenge) > 1 or any(len(_teile(v)) > 1 for v in vorgaenge):
        absaetze.append("\n".join(einzeilig(f"- {v.ziel_id}: {teil}") for v in vorgaenge
                                  for teil in _teile(v)))
    if handaenderungen:
        absaetze.append(HANDAENDERUNG_SATZ)
    absaetze.append("\n".join(trailer(vorgaenge, handaenderungen)))
    return "\n\n".join(absaetze) + "\n"
