"""The report as plain data with stable German keys: the JSON format of ``bericht``."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator
from typing import Any

from strategie.ausgabe.json.grundlage import befunde_daten, grundlage_daten, hinweis_daten
from strategie.ausgabe.json.jahresplanung import summe_daten
from strategie.ausgabe.json.kodierung import als_json, json_sicher, kompakt_unsicher
from strategie.ausgabe.json.listen import eintrag_json
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.kennzahlen import Kennzahlstand
from strategie.modell.ziel import Ziel

FORMAT_VERSION = 2
"""Raised only for incompatible changes; keys may be added within a version.

2: the Kennzahl verdicts follow the line from Basis to Ziel ('gefährdet' and 'keine aktuellen
Messwerte' instead of 'nicht auf Kurs')."""


def ziel_kurz(ziel: Ziel) -> dict[str, Any]:
    """The fields of a goal a report lists (the whole goal: ``strategie liste --format json``),
    from its ``Auszug``."""
    a = ziel.auszug
    stand = a.steckbrief_stand
    return {"id": ziel.id, "titel": ziel.titel, "amt": ziel.amt,
            "handlungsfeld": ziel.handlungsfeld, "status": ziel.status,
            "ampel": ziel.ampel or None, "leuchtturm": ziel.leuchtturm,
            "steckbrief_stand": stand.isoformat() if stand else None, "datei": ziel.pfad,
            "art": a.art or None, "umsetzungsjahr": a.umsetzungsjahr,
            "haushaltsneutral": a.haushaltsneutral, "mittel_plan": a.mittel_plan,
            "mittel_ist": a.mittel_ist, "personal_vzae": a.personal_vzae,
            "raeume": list(a.raeume), "phase": a.phase or None, "liga": a.liga}


def kennzahl_daten(stand: Kennzahlstand) -> dict[str, Any]:
    """One Kennzahl's progress: Basiswert → latest Messwert → Zielwert, and the verdict."""
    k = stand.kennzahl
    return {"ziel": stand.ziel.id, "kennzahl": k.name, "einheit": k.einheit or None,
            "richtung": k.richtung, "basiswert": k.basiswert, "zielwert": k.zielwert,
            "basisdatum": _iso(k.basisdatum), "zieldatum": _iso(k.zieldatum),
            "zieljahr": stand.zieljahr, "raeume": list(k.raeume),
            "letzter_wert": stand.letzter.wert if stand.letzter else None,
            "letzter_stichtag": stand.letzter.stichtag.isoformat() if stand.letzter else None,
            "erwartet": None if stand.erwartet is None else round(stand.erwartet, 4),
            "fortschritt": None if stand.fortschritt is None else round(stand.fortschritt, 4),
            "bewertung": stand.bewertung, "regel": stand.regel or None,
            "messwerte": [{"stichtag": m.stichtag.isoformat(), "wert": m.wert}
                          for m in sorted(k.messwerte, key=lambda m: m.stichtag)]}


def _iso(datum: dt.date | None) -> str | None:
    return datum.isoformat() if datum else None


def bericht_daten(bericht: Bericht) -> dict[str, Any]:
    """The whole report as JSON-ready data (documented in the README, schema: ``schema.SCHEMA``)."""
    return {schluessel: list(wert) if isinstance(wert, Iterator) else wert
            for schluessel, wert in _abschnitte(bericht).items()}


def _abschnitte(bericht: Bericht) -> dict[str, Any]:
    """``bericht_daten`` with its lists of goals and Kennzahlen as iterators, each element made
    when it is asked for (a report over 50,000 goals need not hold them all at once)."""
    z, rahmen, g = bericht.zusammenfassung, bericht.rahmen, bericht.grundlage
    status_werte = [w.name for w in rahmen.umsetzungsstand]
    ampel_werte = [w.name for w in rahmen.ampel]
    aemter = rahmen.aemter_in_anlagenfolge()
    matrix = z.matrix
    leer: Counter[str] = Counter()
    return {
        "format": "strategie-bericht",
        "version": FORMAT_VERSION,
        "titel": bericht.titel,
        "hinweis": hinweis_daten(rahmen),
        "grundlage": grundlage_daten(g),
        "stichtag": bericht.stichtag.isoformat(),
        "steckbrief_max_alter_monate": z.max_alter_monate,
        "anzahl_ziele": z.anzahl,
        "matrix": {
            "zeilen": [{"amt": kuerzel,
                        "handlungsfelder": {str(h): matrix.zellen.get((kuerzel, h), 0)
                                            for h in matrix.handlungsfelder},
                        "summe": matrix.zeilensumme(kuerzel)} for kuerzel in matrix.aemter],
            "spaltensummen": {str(h): matrix.spaltensumme(h) for h in matrix.handlungsfelder},
            "gesamt": matrix.gesamt,
            "quelle": rahmen.berichte.matrix_quelle or None,
            "fussnote": " ".join(rahmen.berichte.matrix_fussnote.split()) or None},
        "nach_status": {w: z.nach_status.get(w, 0) for w in status_werte},
        "nach_ampel": {w: z.nach_ampel.get(w, 0) for w in [*ampel_werte, "–"]},
        "aemter": [{"kuerzel": a.kuerzel, "name": a.name, "anlage": a.anlage,
                    "anzahl": sum(z.status_je_amt.get(a.kuerzel, leer).values()),
                    "nach_status": {w: z.status_je_amt.get(a.kuerzel, leer)[w]
                                    for w in status_werte},
                    "nach_ampel": {w: z.ampel_je_amt.get(a.kuerzel, leer)[w]
                                   for w in [*ampel_werte, "–"]}} for a in aemter],
        "zaehlung": [{"amt": amt, "handlungsfeld": hf, "status": status, "ampel": ampel,
                      "anzahl": anzahl}
                     for (amt, hf, status, ampel), anzahl in sorted(z.zaehlung.items())],
        "leuchttuerme": (ziel_kurz(ziel) for ziel in z.leuchttuerme),
        "aufmerksamkeit": ({**ziel_kurz(a.ziel),
                            "hinweise": [{"art": h.art, "text": h.text} for h in a.hinweise]}
                           for a in z.auffaellig),
        "mittel": summe_daten(z.mittel),
        "umsetzungsjahre": [{"jahr": jahr, **summe_daten(summe)}
                            for jahr, summe in z.je_umsetzungsjahr.items()],
        "raeume": [{"raum": raum, "ziele": [ziel.id for ziel in ziele]}
                   for raum, ziele in z.je_raum.items()],
        "kennzahlen": (kennzahl_daten(k) for k in z.kennzahlen),
        "kennzahl_regel": z.kennzahl_regel,
        "aenderungen": None if bericht.aenderungen is None else {
            "seit": bericht.aenderungen.seit, "bis": bericht.aenderungen.bis,
            "eintraege": [eintrag_json(e) for e in bericht.aenderungen.eintraege]},
        "ziele": (ziel_kurz(ziel) for ziel in bericht.ziele),
        "befunde": befunde_daten(g, bericht.befunde),
    }


EINGERUECKT_BIS = 2000
"""Reports of up to this many goals are indented for reading; larger ones are compact
(Python's JSON encoder is about five times slower when it indents)."""

STUECK = 1 << 16
"""Characters gathered before a piece of a compact report is handed out."""


def bericht_json(bericht: Bericht) -> str:
    """The report as JSON text (control characters escaped)."""
    return "".join(teil.decode("utf-8") for teil in bericht_json_teile(bericht))


def bericht_json_teile(bericht: Bericht) -> Iterator[bytes]:
    """``bericht_json`` in UTF-8, piece by piece for writing as it is made. A compact report
    (more than ``EINGERUECKT_BIS`` goals) is encoded element by element of its long lists, in
    pieces of about ``STUECK`` characters, never whole in memory; the text is the same as
    ``als_json`` of ``bericht_daten`` gives."""
    if len(bericht.ziele) <= EINGERUECKT_BIS:
        yield als_json(bericht_daten(bericht)).encode("utf-8")
        return
    teile: list[str] = []
    laenge = 0
    trenner = "{"
    for schluessel, wert in _abschnitte(bericht).items():
        kopf = f"{trenner}{kompakt_unsicher(schluessel)}: "
        if not isinstance(wert, Iterator):
            teile.append(kopf + kompakt_unsicher(wert))
        else:
            teile.append(kopf + "[")
            zwischen = ""
            for element in wert:
                text = kompakt_unsicher(element)
                teile.append(zwischen + text)
                zwischen = ", "
                laenge += len(text)
                if laenge >= STUECK:
                    yield json_sicher("".join(teile)).encode("utf-8")
                    teile.clear()
                    laenge = 0
            teile.append("]")
        trenner = ", "
    teile.append("}")
    yield json_sicher("".join(teile)).encode("utf-8")
