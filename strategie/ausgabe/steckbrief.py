"""The content of one Maßnahmensteckbrief (Vorlage 2024/144), the same for every medium.

HTML, DOCX, Markdown and XLSX render this model, so a Steckbrief shows the same fields in
each of them (``Steckbrief.felder`` lists them; a test compares the media). Texts are plain
text; each renderer escapes them for its medium.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from strategie.auswertung.bericht import Bericht
from strategie.auswertung.kennzahlen import Kennzahlstand
from strategie.auswertung.zusammenfassung import Hinweis
from strategie.modell.feld import STECKBRIEF_UEBERSCHRIFTEN
from strategie.modell.rahmen import Amt
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de, einheit_de, euro_de, mit_einheit, zahl_de


@dataclass(frozen=True)
class Angabe:
    """One labelled entry of the grid under the title."""

    titel: str
    text: str
    """Plain text; '' = not given."""
    art: str = ""
    """How a medium may mark it: 'status', 'ampel', 'leuchtturm', 'handlungsfeld' (with the
    Leitsatz in ``zusatz``), 'absatz' (a multi-line text), '' (plain)."""
    zusatz: str = ""


@dataclass(frozen=True)
class Massnahmenzeile:
    """One Maßnahme: number, title, status, Termin, who, whether it is overdue."""

    nummer: int
    titel: str
    status: str
    termin: dt.date | None
    verantwortlich: str
    ueberfaellig: bool


@dataclass(frozen=True)
class Kennzahlzeile:
    """One Kennzahl as the Steckbrief shows it: values with their unit, verdict, chart data."""

    stand: Kennzahlstand
    name: str
    details: str
    """'Einheit: Tage · fallend erwünscht · Quelle: … · Räume: …' (the unit once, here)."""
    einheit: str
    """'' for a count."""
    basis: str
    """The numbers without their unit (it is in ``details``); '–' for none."""
    zuletzt: str
    zuletzt_stichtag: dt.date | None
    ziel: str
    zieljahr: int | None
    """The year the Zielwert is due (from the Zielstichtag or the Zieljahr)."""
    erwartet: str
    """Where the line from Basis to Ziel expects the value on the latest Stichtag ('–' without
    such a line), without the unit like the other numbers."""
    bewertung: str


@dataclass(frozen=True)
class Steckbrief:
    """Everything one Steckbrief shows, in its order."""

    ziel: Ziel
    amt: Amt
    anlage: str
    """'Anlage 2 – Maßnahmensteckbriefe Sozialamt'."""
    raster: tuple[tuple[Angabe, ...], ...]
    """Rows of the grid: one Angabe across, or two side by side."""
    wirkungsziel: str
    leistungsziel: str
    massnahmen: tuple[Massnahmenzeile, ...]
    texte: tuple[tuple[str, str], ...]
    """(Überschrift, Text) of the three Steckbrief texts of the Vorlage."""
    stand: dt.date | None
    veraltet: str
    """The Hinweis that the Steckbrief is out of date ('' if it is current)."""
    kennzahlen: tuple[Kennzahlzeile, ...]
    beschluesse: tuple[str, ...]
    hinweis: str = ""
    """The frame's notice (e.g. Beispieldaten), shown on every Steckbrief page."""

    def angaben(self) -> list[Angabe]:
        """The grid's entries in reading order."""
        return [angabe for zeile in self.raster for angabe in zeile]

    def angabe(self, titel: str) -> Angabe | None:
        """The grid's entry with this title, or None if the Steckbrief has none."""
        return next((a for a in self.angaben() if a.titel == titel), None)

    def felder(self) -> list[str]:
        """The titles of all fields this Steckbrief shows (what every medium must show)."""
        titel = [a.titel for a in self.angaben()]
        titel += ["Wirkungsziel", "Leistungsziel", "Maßnahmen"]
        titel += [t for t, _ in self.texte]
        if self.kennzahlen:
            titel.append("Kennzahlen")
        if self.beschluesse:
            titel.append("Beschlüsse")
        return titel


ANGABEN = ("Organisationseinheit", "verantwortlich", "Beteiligte", "Handlungsfeld",
           "Aktionsbereiche", "Leuchtturm", "Art", "Haushalt", "Räume", "Phase", "Liga",
           "Umsetzungsstand", "Ampel", "Begründung des Umsetzungsstands",
           "Begründung der Ampel")
"""Every entry the grid can have, in its order (a table with one column each: XLSX)."""


def anlage_titel(amt: Amt) -> str:
    """'Anlage 2 – Maßnahmensteckbriefe Sozialamt' (without a number if the frame has none)."""
    return (f"Anlage {amt.anlage} – " if amt.anlage else "") + f"Maßnahmensteckbriefe {amt.name}"


def _haushalt(ziel: Ziel) -> str:
    h = ziel.haushalt
    if h is None:
        return ""
    teile = [f"Produkt {h.produkt}" if h.produkt else "",
             f"Mittel (Plan) {euro_de(h.mittel_plan)}" if h.mittel_plan is not None else "",
             f"Mittel (Ist) {euro_de(h.mittel_ist)}" if h.mittel_ist is not None else "",
             f"Personal {mit_einheit(h.personal_vzae, 'VZÄ')}"
             if h.personal_vzae is not None else ""]
    return " · ".join(t for t in teile if t)


def _raster(bericht: Bericht, amt: Amt, ziel: Ziel) -> tuple[tuple[Angabe, ...], ...]:
    """The grid under the title: who, where in the strategy, how far, what budget."""
    hf = bericht.rahmen.handlungsfeld(ziel.handlungsfeld)
    handlungsfeld = Angabe("Handlungsfeld", f"{hf.nummer} – {hf.bezeichnung}" if hf
                           else str(ziel.handlungsfeld), "handlungsfeld",
                           " ".join(hf.leitsatz.split()) if hf else "")
    art = [ziel.art] if ziel.art else []
    if ziel.umsetzungsjahr:
        art.append(f"Umsetzungsjahr {ziel.umsetzungsjahr}")
    if ziel.haushaltsneutral is not None:
        art.append("haushaltsneutral" if ziel.haushaltsneutral else "nicht haushaltsneutral")
    zeilen: list[tuple[Angabe, ...]] = [
        (Angabe("Organisationseinheit", amt.name),
         Angabe("verantwortlich", ziel.verantwortlich)),
        (Angabe("Beteiligte", "; ".join(ziel.beteiligte)),),
        (handlungsfeld,),
        (Angabe("Aktionsbereiche", "; ".join(ziel.aktionsbereiche) or "–"),),
        (Angabe("Leuchtturm", "Leuchtturmprojekt" if ziel.leuchtturm else "nein",
                "leuchtturm" if ziel.leuchtturm else ""),
         Angabe("Art", " · ".join(art))),
        (Angabe("Haushalt", _haushalt(ziel)),),
        (Angabe("Räume", "; ".join(ziel.raeume)),),
        tuple(a for a in (Angabe("Phase", ziel.phase), Angabe(
            "Liga", "von der Liga der freien Wohlfahrtspflege benannt" if ziel.liga else ""))
            if a.text),  # optional fields: side by side if both are given, else the one
        (Angabe("Umsetzungsstand", ziel.status, "status"),
         Angabe("Ampel", ziel.ampel, "ampel")),
        (Angabe("Begründung des Umsetzungsstands", ziel.status_begruendung.strip(), "absatz"),),
        (Angabe("Begründung der Ampel", ziel.ampel_begruendung.strip(), "absatz"),),
    ]
    return tuple(z for z in zeilen if any(a.text for a in z))


def _massnahmen(bericht: Bericht, ziel: Ziel, erledigt: set[str]) -> tuple[Massnahmenzeile, ...]:
    heute = bericht.zusammenfassung.heute
    return tuple(
        Massnahmenzeile(nummer, m.titel, m.status, m.termin, m.verantwortlich,
                        bool(m.termin and m.termin < heute and m.status not in erledigt))
        for nummer, m in enumerate(ziel.massnahmen, start=1))


def _kennzahl(stand: Kennzahlstand) -> Kennzahlzeile:
    k = stand.kennzahl
    einheit = einheit_de(k.einheit)
    details = " · ".join(t for t in (f"Einheit: {einheit}" if einheit else "",
                                     f"{k.richtung} erwünscht" if k.richtung else "",
                                     f"Quelle: {k.quelle}" if k.quelle else "",
                                     f"Räume: {'; '.join(k.raeume)}" if k.raeume else "") if t)
    return Kennzahlzeile(
        stand=stand, name=k.name, details=details, einheit=einheit, basis=zahl_de(k.basiswert),
        zuletzt=zahl_de(stand.letzter.wert) if stand.letzter else "–",
        zuletzt_stichtag=stand.letzter.stichtag if stand.letzter else None,
        ziel=zahl_de(k.zielwert), zieljahr=stand.zieljahr,
        erwartet=zahl_de(None if stand.erwartet is None else round(stand.erwartet, 1)),
        bewertung=stand.bewertung)


def _beschluss(ziel: Ziel) -> tuple[str, ...]:
    return tuple(
        f"{b.gremium}, {datum_de(b.datum)}"
        + (f" (Drucksache {b.drucksache})" if b.drucksache else "")
        + (f": {b.inhalt}" if b.inhalt else "") for b in ziel.beschluesse)


def steckbrief(bericht: Bericht, ziel: Ziel, hinweise: tuple[Hinweis, ...] = (),
               kennzahlen: tuple[Kennzahlstand, ...] = (),
               erledigt: set[str] | None = None) -> Steckbrief:
    """The Steckbrief of *ziel* in *bericht* (its Hinweise and Kennzahl verdicts given)."""
    amt = bericht.rahmen.amt(ziel.amt) or Amt(ziel.amt, ziel.amt, ziel.amt, 0, "")
    if erledigt is None:
        erledigt = {w.name for w in bericht.rahmen.massnahmenstatus if w.abgeschlossen}
    s = ziel.steckbrief
    texte = tuple((titel, str(getattr(s, name, "") or "") if s else "")
                  for name, titel in STECKBRIEF_UEBERSCHRIFTEN.items())
    return Steckbrief(
        ziel=ziel, amt=amt, anlage=anlage_titel(amt), raster=_raster(bericht, amt, ziel),
        wirkungsziel=ziel.wirkungsziel, leistungsziel=ziel.leistungsziel,
        massnahmen=_massnahmen(bericht, ziel, erledigt), texte=texte,
        stand=s.stand if s else None,
        veraltet=next((h.text for h in hinweise if h.art == "steckbrief"), ""),
        kennzahlen=tuple(_kennzahl(k) for k in kennzahlen),
        beschluesse=_beschluss(ziel), hinweis=" ".join(bericht.rahmen.hinweis.split()))


def steckbriefe_je_amt(bericht: Bericht) -> list[tuple[Amt, list[Steckbrief]]]:
    """All Steckbriefe of the report, grouped by Amt in the order of the Vorlage's Anlagen."""
    hinweise = {a.ziel.pfad: a.hinweise for a in bericht.zusammenfassung.auffaellig}
    kennzahlen: dict[str, list[Kennzahlstand]] = {}
    for stand in bericht.zusammenfassung.kennzahlen:
        kennzahlen.setdefault(stand.ziel.pfad, []).append(stand)
    erledigt = {w.name for w in bericht.rahmen.massnahmenstatus if w.abgeschlossen}
    return [(amt, [steckbrief(bericht, ziel, hinweise.get(ziel.pfad, ()),
                              tuple(kennzahlen.get(ziel.pfad, ())), erledigt)
                   for ziel in bericht.ziele_von(amt.kuerzel)])
            for amt in bericht.aemter()]
