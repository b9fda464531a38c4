"""Rich views of the summary model: coloured matrix, status bars, Leuchttürme, attention list."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from strategie.ausgabe import abschnitte
from strategie.ausgabe.abschnitte import dringlichkeit, handlungsfelder_legende, matrix_hinweise
from strategie.ausgabe.farben import BEWERTUNGSFARBEN, ampel_farbe, status_farbe, status_zeichen
from strategie.ausgabe.terminal.sicher import sicherer_text
from strategie.auswertung.zusammenfassung import HANDLUNGSBEDARF, Zusammenfassung
from strategie.modell.rahmen import Rahmen
from strategie.text.format import euro_de, mit_einheit, zahl_de
from strategie.text.kuerzen import kuerze
from strategie.text.sicher import entschaerfe

AMPEL_REIHENFOLGE = ("rot", "gelb", "grün", "grau", "–")
MAX_PUNKTE = 8


def _punkte(zaehler: dict[str, int]) -> Text:
    """One coloured dot per goal, worst Ampel first; a number when there are too many."""
    text = Text()
    gesamt = sum(zaehler.values())
    if gesamt > MAX_PUNKTE:
        for ampel in AMPEL_REIHENFOLGE:
            if zaehler.get(ampel):
                text.append(f"{zaehler[ampel]}●", style=ampel_farbe(ampel) or "dim")
        return text
    for ampel in AMPEL_REIHENFOLGE:
        text.append("●" * zaehler.get(ampel, 0), style=ampel_farbe(ampel) or "dim")
    return text


def matrix_farbig(zusammenfassung: Zusammenfassung, rahmen: Rahmen) -> Table:
    """Amt × Handlungsfeld with sums; each cell shows the count and the goals' Ampel colours.

    Under the table: the Handlungsfelder (marked where their names are working titles), the
    published table the rows reproduce, and the frame's footnote.
    """
    matrix = zusammenfassung.matrix
    tabelle = Table(title="Ziele je Amt und Handlungsfeld", box=box.SIMPLE_HEAVY,
                    show_footer=True, title_justify="left")
    tabelle.caption = Text(entschaerfe("\n".join(
        [handlungsfelder_legende(rahmen), *matrix_hinweise(rahmen)])), style="dim")
    tabelle.caption_justify = "left"
    tabelle.add_column("Amt", footer="Summe", no_wrap=True)
    tabelle.add_column("Σ", justify="right", footer=str(matrix.gesamt), style="bold")
    for nummer in matrix.handlungsfelder:
        tabelle.add_column(f"HF {nummer}", footer=str(matrix.spaltensumme(nummer)), no_wrap=True)
    for kuerzel in matrix.aemter:
        amt = rahmen.amt(kuerzel)
        zellen = []
        for nummer in matrix.handlungsfelder:
            anzahl = matrix.zellen.get((kuerzel, nummer), 0)
            zelle = Text(f"{anzahl:>2} ")
            zelle.append_text(_punkte(zusammenfassung.ampel_je_zelle.get((kuerzel, nummer), {})))
            zellen.append(zelle)
        tabelle.add_row(sicherer_text(amt.kurzname if amt else kuerzel),
                        str(matrix.zeilensumme(kuerzel)), *zellen)
    return tabelle


def _balken(anteil: float, breite: int, farbe: str, zeichen: str = "█") -> Text:
    voll = round(anteil * breite)
    rest = "·" if zeichen == "░" else "░"
    return Text(zeichen * voll, style=farbe or "white") + Text(rest * (breite - voll), style="dim")


def status_tabelle(zusammenfassung: Zusammenfassung, rahmen: Rahmen, breite: int = 24) -> Table:
    """Goals per Umsetzungsstand and per Ampel, with bars."""
    tabelle = Table(title="Umsetzungsstand und Ampel", box=box.SIMPLE, title_justify="left")
    tabelle.add_column("Wert", no_wrap=True)
    tabelle.add_column("Anzahl", justify="right")
    tabelle.add_column("", no_wrap=True)
    gesamt = max(zusammenfassung.anzahl, 1)
    for wert in rahmen.umsetzungsstand:
        anzahl = zusammenfassung.nach_status.get(wert.name, 0)
        tabelle.add_row(Text(wert.name, style=status_farbe(wert.name)), str(anzahl),
                        _balken(anzahl / gesamt, breite, status_farbe(wert.name),
                                status_zeichen(wert.name)))
    tabelle.add_section()
    for wert in rahmen.ampel:
        anzahl = zusammenfassung.nach_ampel.get(wert.name, 0)
        tabelle.add_row(Text(f"Ampel {wert.name}", style=ampel_farbe(wert.name)), str(anzahl),
                        _balken(anzahl / gesamt, breite, ampel_farbe(wert.name)))
    return tabelle


def leuchttuerme_tabelle(zusammenfassung: Zusammenfassung, grenze: int | None = None) -> Table:
    """The Leuchtturmprojekte with status and Ampel (at most *grenze* rows)."""
    tabelle = Table(title="Leuchttürme", box=box.SIMPLE, title_justify="left")
    tabelle.add_column("ID", no_wrap=True, style="bold")
    tabelle.add_column("Titel", ratio=1)
    tabelle.add_column("Umsetzungsstand", no_wrap=True)
    tabelle.add_column("Ampel", no_wrap=True)
    for ziel in zusammenfassung.leuchttuerme[:grenze]:
        tabelle.add_row(sicherer_text(ziel.id), sicherer_text(ziel.titel),
                        sicherer_text(ziel.status, status_farbe(ziel.status)),
                        Text("● ", style=ampel_farbe(ziel.ampel)) + sicherer_text(ziel.ampel))
    _weitere(tabelle, len(zusammenfassung.leuchttuerme), grenze)
    return tabelle


def _weitere(tabelle: Table, anzahl: int, grenze: int | None) -> None:
    """Note under a shortened table how many rows were left out."""
    if grenze is not None and anzahl > grenze:
        tabelle.caption = (f"… und {anzahl - grenze} weitere (vollständig: strategie bericht "
                           "--format html, markdown, csv oder xlsx)")
        tabelle.caption_justify = "left"


def auffaellig_tabelle(zusammenfassung: Zusammenfassung, grenze: int | None = None,
                       textlaenge: int | None = None) -> Table:
    """Goals with Handlungsbedarf: rot/gelb, zurückgestellt/entfallen, old Steckbrief, overdue;
    the most urgent first, as in every report.

    With *grenze*, only that many goals are listed (Rich tables cost ~0.4 ms a row); with
    *textlaenge*, each note is shortened to that many characters.
    """
    tabelle = Table(title=(f"{HANDLUNGSBEDARF} ({len(zusammenfassung.auffaellig)} Ziele; "
                           f"Steckbrief älter als {zusammenfassung.max_alter_monate} Monate "
                           "gilt als veraltet)"),
                    box=box.SIMPLE, title_justify="left", show_lines=False)
    tabelle.add_column("ID", no_wrap=True, style="bold")
    tabelle.add_column("Titel", ratio=1, max_width=40)
    tabelle.add_column("Hinweise", ratio=2)
    farben = {"rot": "red", "gelb": "yellow", "zurückgestellt": "yellow", "entfallen": "grey50",
              "steckbrief": "cyan", "massnahme": "magenta"}
    for eintrag in sorted(zusammenfassung.auffaellig, key=dringlichkeit)[:grenze]:
        hinweise = Text()
        for nummer, hinweis in enumerate(eintrag.hinweise):
            if nummer:
                hinweise.append("\n")
            hinweise.append("• ", style=farben.get(hinweis.art, ""))
            hinweise.append(entschaerfe(kuerze(hinweis.text, textlaenge, wortweise=True)))
        tabelle.add_row(sicherer_text(eintrag.ziel.id), sicherer_text(eintrag.ziel.titel), hinweise)
    _weitere(tabelle, len(zusammenfassung.auffaellig), grenze)
    return tabelle


def kennzahlen_tabelle(zusammenfassung: Zusammenfassung, grenze: int | None = None,
                       nur: tuple[str, ...] | None = None) -> Table:
    """Kennzahl progress: Basiswert → latest Messwert → Zielwert, on or off track.

    *nur* limits the rows to some verdicts (e.g. 'gefährdet'); *grenze* to a number.
    """
    staende = [k for k in zusammenfassung.kennzahlen if nur is None or k.bewertung in nur]
    tabelle = Table(title="Kennzahlen", box=box.SIMPLE, title_justify="left")
    tabelle.add_column("ID", no_wrap=True, style="bold")
    tabelle.add_column("Kennzahl", ratio=1)
    tabelle.add_column("Basis → zuletzt, Ziel", ratio=1)
    tabelle.add_column("erwartet", justify="right", no_wrap=True)
    tabelle.add_column("Bewertung", no_wrap=True)
    for stand in staende[:grenze]:
        tabelle.add_row(sicherer_text(stand.ziel.id), sicherer_text(stand.kennzahl.name),
                        sicherer_text(stand.beschreibung()),
                        sicherer_text(mit_einheit(stand.erwartet, stand.kennzahl.einheit, 1)),
                        Text(stand.bewertung, style=BEWERTUNGSFARBEN.get(stand.bewertung, "")))
    _weitere(tabelle, len(staende), grenze)
    return tabelle


def umsetzungsjahre_tabelle(zusammenfassung: Zusammenfassung) -> Table:
    """Goals, Mittel (Plan, Ist) and Personal per Umsetzungsjahr, with the total."""
    tabelle = Table(title=abschnitte.UMSETZUNGSJAHRE, box=box.SIMPLE, title_justify="left",
                    show_footer=True)
    gesamt = zusammenfassung.mittel
    tabelle.add_column("Umsetzungsjahr", no_wrap=True, footer="Summe")
    tabelle.add_column("Ziele", justify="right", footer=str(gesamt.anzahl))
    tabelle.add_column("haushalts-\nneutral", justify="right", footer=str(gesamt.haushaltsneutral))
    tabelle.add_column("Plan", justify="right", no_wrap=True, footer=euro_de(gesamt.plan))
    tabelle.add_column("Ist", justify="right", no_wrap=True, footer=euro_de(gesamt.ist))
    tabelle.add_column("VZÄ", justify="right", no_wrap=True, footer=zahl_de(gesamt.personal))
    for jahr, summe in zusammenfassung.je_umsetzungsjahr.items():
        tabelle.add_row(str(jahr) if jahr else "ohne Angabe", str(summe.anzahl),
                        str(summe.haushaltsneutral), euro_de(summe.plan), euro_de(summe.ist),
                        zahl_de(summe.personal))
    return tabelle


def raeume_tabelle(zusammenfassung: Zusammenfassung, textlaenge: int | None = None) -> Table:
    """The goals per Raum (themselves or with a Kennzahl), in the frame's order."""
    tabelle = Table(title=abschnitte.RAEUME, box=box.SIMPLE, title_justify="left")
    tabelle.add_column("Raum", no_wrap=True)
    tabelle.add_column("Ziele", justify="right")
    tabelle.add_column("IDs", ratio=1)
    for raum, ziele in zusammenfassung.je_raum.items():
        tabelle.add_row(sicherer_text(raum), str(len(ziele)),
                        sicherer_text(kuerze(", ".join(z.id for z in ziele), textlaenge,
                                             wortweise=True)))
    return tabelle
