"""One goal in full as neutral blocks (paragraphs, grids, tables, boxes), painted by Rich or lean.

The blocks say what the view holds; ``ziele.ziel_ansicht`` paints them with Rich (the app, the
fallback), ``schlicht`` paints them without importing Rich (``strategie zeige``). Every text
from a goal file is already neutralised here (``entschaerfe``), so no painter reads markup.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import NamedTuple

from strategie.ausgabe.farben import ampel_farbe, status_farbe
from strategie.auswertung.kennzahlen import Kennzahlstand, bewerte_kennzahl
from strategie.modell.feld import STECKBRIEF_TEXTE, STECKBRIEF_UEBERSCHRIFTEN
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Kennzahl, Ziel
from strategie.text.format import datum_de, euro_de, mit_einheit, monate_zurueck, zahl_de
from strategie.text.sicher import entschaerfe

Spannen = tuple[tuple[str, str], ...]
"""A styled text: (text, Rich style) pieces, the text already neutralised."""

BALKEN = "▁▂▃▄▅▆▇█"


class Absatz(NamedTuple):
    """A paragraph that wraps, indented by *einzug* cells, *unten* blank lines below it."""

    spannen: Spannen
    einzug: int = 0
    unten: int = 0


class Raster(NamedTuple):
    """Label and value rows: the labels dim and unwrapped, two cells apart from the values."""

    zeilen: tuple[tuple[str, Spannen], ...]


class Spalte(NamedTuple):
    """A table column: its heading, right-aligned or not, wrapping or not, taking spare room."""

    titel: str
    rechts: bool = False
    umbruch: bool = True
    dehnbar: bool = False


class Tabelle(NamedTuple):
    """A table with a heading line under the column titles, as wide as its box."""

    spalten: tuple[Spalte, ...]
    zeilen: tuple[tuple[Spannen, ...], ...]


Teil = Absatz | Raster | Tabelle


class Kasten(NamedTuple):
    """A framed box: heavy without a title (the head), else rounded with its title on top."""

    titel: str | None
    teile: tuple[Teil, ...]


def text(wert: object, style: str = "") -> Spannen:
    """One neutralised piece."""
    return ((entschaerfe(str(wert)), style),)


def sparkline(werte: Sequence[float], bezug: Sequence[float] = ()) -> str:
    """A one-line bar chart of the values (empty for none).

    *bezug* (e.g. Basiswert and Zielwert) widens the scale, so that the bars show where the
    values stand between them rather than only how they vary among themselves.
    """
    if not werte:
        return ""
    alle = [*werte, *bezug]
    unten, oben = min(alle), max(alle)
    spanne = oben - unten or 1.0
    return "".join(BALKEN[round((w - unten) / spanne * (len(BALKEN) - 1))] for w in werte)


def ampel_spannen(ampel: str) -> Spannen:
    """A coloured dot followed by the Ampel's name."""
    if not ampel:
        return (("–", "dim"),)
    return (("● ", ampel_farbe(ampel)), (entschaerfe(ampel), ""))


def _text_oder_leer(wert: str) -> Spannen:
    return text(wert) if wert.strip() else (("(keine Angabe)", "dim italic"),)


def kennzahl_spannen(kennzahl: Kennzahl, stand: Kennzahlstand | None = None,
                     ) -> tuple[Spannen, Spannen, Spannen, Spannen, Spannen]:
    """Cells describing a Kennzahl: name, Basiswert, latest Messwert (with the value the line
    from Basis to Ziel expects on its Stichtag and the verdict, given *stand*), Zielwert, trend."""
    werte = [m.wert for m in sorted(kennzahl.messwerte, key=lambda m: m.stichtag)]
    letzter = kennzahl.letzter_messwert
    aktuell = (f"{mit_einheit(letzter.wert, kennzahl.einheit)} ({datum_de(letzter.stichtag)})"
               if letzter else "–")
    if stand is not None and letzter:
        soll = (f"soll {mit_einheit(stand.erwartet, kennzahl.einheit)}, "
                if stand.erwartet is not None else "")
        aktuell += f"\n{soll}{stand.bewertung}"
    basis = mit_einheit(kennzahl.basiswert, kennzahl.einheit) + (
        f" ({kennzahl.basisdatum.year})" if kennzahl.basisdatum else "")
    ziel = mit_einheit(kennzahl.zielwert, kennzahl.einheit) + (
        f" ({kennzahl.zieldatum.year})" if kennzahl.zieldatum else "")
    verlauf = sparkline(werte, [w for w in (kennzahl.basiswert, kennzahl.zielwert)
                                if w is not None])
    return text(kennzahl.name), text(basis), text(aktuell), text(ziel), ((verlauf, "cyan"),)


def _fakten(ziel: Ziel, rahmen: Rahmen) -> Raster:
    zeilen: list[tuple[str, Spannen]] = []
    amt = rahmen.amt(ziel.amt)
    feld = rahmen.handlungsfeld(ziel.handlungsfeld)
    zeilen.append(("Amt", text(f"{ziel.amt} – {amt.name}" if amt else ziel.amt)))
    zeilen.append(("Handlungsfeld", text(f"{ziel.handlungsfeld} – {feld.name}" if feld
                                         else ziel.handlungsfeld)))
    farbe = status_farbe(ziel.status)
    status = text(ziel.status, farbe)
    if ziel.status_begruendung:
        kursiv = f"{farbe} italic".strip()
        status += ((" – ", farbe), (entschaerfe(ziel.status_begruendung), kursiv))
    zeilen.append(("Umsetzungsstand", status))
    ampel = ampel_spannen(ziel.ampel)
    if ziel.ampel_begruendung:
        ampel += ((" – ", ""), (entschaerfe(ziel.ampel_begruendung), "italic"))
    zeilen.append(("Ampel", ampel))
    if ziel.aktionsbereiche:
        zeilen.append(("Aktionsbereiche", text(", ".join(ziel.aktionsbereiche))))
    art = ", ".join(filter(None, [
        ziel.art,
        {True: "haushaltsneutral", False: "nicht haushaltsneutral", None: ""}[
            ziel.haushaltsneutral],
        f"Umsetzungsjahr {ziel.umsetzungsjahr}" if ziel.umsetzungsjahr else "",
    ]))
    if art:
        zeilen.append(("Art", text(art)))
    if ziel.raeume:
        zeilen.append(("Räume", text(", ".join(ziel.raeume))))
    if ziel.phase:
        zeilen.append(("Phase", text(ziel.phase)))
    if ziel.liga:
        zeilen.append(("Liga", text("von der Liga der freien Wohlfahrtspflege benannt")))
    if ziel.verantwortlich:
        zeilen.append(("verantwortlich", text(ziel.verantwortlich)))
    if ziel.beteiligte:
        zeilen.append(("Beteiligte", text(", ".join(ziel.beteiligte))))
    if ziel.haushalt:
        h = ziel.haushalt
        angaben = [f"Produkt {h.produkt}" if h.produkt else "",
                   f"Plan {euro_de(h.mittel_plan)}" if h.mittel_plan is not None else "",
                   f"Ist {euro_de(h.mittel_ist)}" if h.mittel_ist is not None else "",
                   f"{zahl_de(h.personal_vzae)} VZÄ" if h.personal_vzae is not None else ""]
        zeilen.append(("Haushalt", text(", ".join(t for t in angaben if t) or "–")))
    zeilen.append(("Datei", text(ziel.pfad, "dim")))
    return Raster(tuple(zeilen))


def ziel_bloecke(ziel: Ziel, rahmen: Rahmen, heute: dt.date | None = None) -> tuple[Kasten, ...]:
    """One goal in full: facts, goal texts, Maßnahmen, Steckbrief, Kennzahlen, Beschlüsse."""
    kopf: Spannen = ((entschaerfe(ziel.id), "bold"), ("  ", ""), (entschaerfe(ziel.titel), "bold"))
    if ziel.leuchtturm:
        kopf += (("  ★ Leuchtturm", "yellow"),)
    kaesten = [
        Kasten(None, (Absatz(kopf), Absatz(()), _fakten(ziel, rahmen))),
        Kasten("Wirkungsziel", (Absatz(_text_oder_leer(ziel.wirkungsziel)),)),
        Kasten("Leistungsziel", (Absatz(_text_oder_leer(ziel.leistungsziel)),)),
    ]
    if ziel.massnahmen:
        kaesten.append(Kasten("Maßnahmen", (Tabelle(
            (Spalte("Nr.", rechts=True, umbruch=False), Spalte("Maßnahme", dehnbar=True),
             Spalte("Status", umbruch=False), Spalte("Termin", umbruch=False)),
            tuple((text(nummer), text(m.titel), text(m.status or "–"), text(datum_de(m.termin)))
                  for nummer, m in enumerate(ziel.massnahmen, start=1))),)))
    if ziel.steckbrief:
        sb = ziel.steckbrief
        absaetze: list[Teil] = []
        for name in STECKBRIEF_TEXTE:
            unten = 0 if name == STECKBRIEF_TEXTE[-1] else 1
            absaetze += [Absatz(((STECKBRIEF_UEBERSCHRIFTEN[name], "bold"),)),
                         Absatz(_text_oder_leer(getattr(sb, name)), einzug=2, unten=unten)]
        kaesten.append(Kasten(f"Maßnahmensteckbrief – Stand {datum_de(sb.stand)}",
                              tuple(absaetze)))
    if ziel.kennzahlen:
        grenze = monate_zurueck(heute or dt.date.today(), rahmen.messwert_max_alter_monate)
        kaesten.append(Kasten("Kennzahlen", (Tabelle(
            tuple(Spalte(name, dehnbar=name == "Kennzahl")
                  for name in ("Kennzahl", "Basis", "Aktuell", "Ziel", "Verlauf")),
            tuple(kennzahl_spannen(k, bewerte_kennzahl(
                ziel, k, toleranz_prozent=rahmen.kennzahl_toleranz_prozent,
                messwert_grenze=grenze)) for k in ziel.kennzahlen)),)))
    if ziel.beschluesse:
        kaesten.append(Kasten("Beschlüsse", (Tabelle(
            tuple(Spalte(name, dehnbar=name == "Inhalt")
                  for name in ("Datum", "Gremium", "Drucksache", "Inhalt")),
            tuple((text(datum_de(b.datum)), text(b.gremium), text(b.drucksache), text(b.inhalt))
                  for b in ziel.beschluesse)),)))
    return tuple(kaesten)
