"""The Jahresplanung for the terminal: one table per Amt with its sums, then the totals."""

from __future__ import annotations

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from strategie.ausgabe.farben import status_farbe
from strategie.ausgabe.terminal.sicher import klartext, sicherer_text
from strategie.auswertung.haushalt import Mittelsumme
from strategie.auswertung.jahresplanung import Jahresplanung
from strategie.text.format import anzahl_de, euro_de, ja_nein, zahl_de
from strategie.text.sicher import entschaerfe


def _vzae(wert: float | None) -> str:
    return zahl_de(wert) if wert is not None else "–"


def summenzeile(summe: Mittelsumme) -> tuple[str, str, str]:
    """Plan, Ist and Personal of a sum as the tables show them."""
    return euro_de(summe.plan), euro_de(summe.ist), _vzae(summe.personal)


def _kopf(planung: Jahresplanung) -> Panel:
    text = Text(f"{planung.stand_text} · {anzahl_de(planung.gesamt.anzahl, 'Ziel', 'Ziele')}",
                style="bold")
    if planung.grundlage.filter:
        text.append(f" · Auswahl: {entschaerfe(planung.grundlage.filter)}")
    text.append("\n")
    text.append(entschaerfe(planung.grundlage.zeile()), style="dim")
    if planung.rahmen.hinweis:
        text.append("\n" + entschaerfe(" ".join(planung.rahmen.hinweis.split())),
                    style="yellow")
    if planung.befunde:
        dateien = len({b.pfad for b in planung.befunde})
        text.append(f"\n{dateien} Zieldatei(en) fehlerhaft und nicht berücksichtigt "
                    "(strategie pruefen)", style="yellow")
    return Panel(text, title=sicherer_text(planung.titel, "bold"), title_align="left",
                 box=box.ROUNDED)


def _amt_tabelle(planung: Jahresplanung, nummer: int) -> Table:
    amtplan = planung.aemter[nummer]
    tabelle = Table(title=sicherer_text(f"Anlage {amtplan.amt.anlage} – {amtplan.amt.name}"),
                    title_justify="left", box=box.SIMPLE_HEAD, show_footer=True, pad_edge=False)
    tabelle.add_column("ID", no_wrap=True, style="bold", footer="Summe")
    tabelle.add_column("Titel", ratio=1)
    tabelle.add_column("Art", no_wrap=True)
    tabelle.add_column("Umsetzungsstand", no_wrap=True)
    tabelle.add_column("haushalts-\nneutral", no_wrap=True)
    tabelle.add_column("Produkt", no_wrap=True)
    plan, ist, personal = summenzeile(amtplan.summe)
    tabelle.add_column("Plan", justify="right", no_wrap=True, footer=plan)
    tabelle.add_column("Ist", justify="right", no_wrap=True, footer=ist)
    tabelle.add_column("VZÄ", justify="right", no_wrap=True, footer=personal)
    for zeile in amtplan.zeilen:
        tabelle.add_row(
            sicherer_text(zeile.ziel.id), sicherer_text(zeile.ziel.titel),
            sicherer_text(zeile.art or "–"), sicherer_text(zeile.status,
                                                           status_farbe(zeile.status)),
            ja_nein(zeile.haushaltsneutral), sicherer_text(zeile.produkt or "–"),
            euro_de(zeile.mittel_plan), euro_de(zeile.mittel_ist), _vzae(zeile.personal_vzae))
    return tabelle


def _gesamt(planung: Jahresplanung) -> Table:
    tabelle = Table(title=f"Summen {planung.jahr} je Organisationseinheit", title_justify="left",
                    box=box.SIMPLE_HEAVY, show_footer=True)
    tabelle.add_column("Organisationseinheit", footer="Summe")
    for titel, summe in (("Ziele", lambda s: str(s.anzahl)),
                         ("haushalts-\nneutral", lambda s: str(s.haushaltsneutral)),
                         ("ohne Plan-\nansatz", lambda s: str(s.ohne_planansatz))):
        tabelle.add_column(titel, justify="right", footer=summe(planung.gesamt))
    plan, ist, personal = summenzeile(planung.gesamt)
    tabelle.add_column("Plan", justify="right", footer=plan)
    tabelle.add_column("Ist", justify="right", footer=ist)
    tabelle.add_column("VZÄ", justify="right", footer=personal)
    for amtplan in planung.aemter:
        s = amtplan.summe
        tabelle.add_row(sicherer_text(amtplan.amt.kurzname), str(s.anzahl),
                        str(s.haushaltsneutral), str(s.ohne_planansatz), *summenzeile(s))
    return tabelle


def jahresplanung_terminal(planung: Jahresplanung) -> RenderableType:
    """The whole Jahresplanung as one renderable."""
    teile: list[RenderableType] = [_kopf(planung)]
    if not planung.aemter:
        teile.append(Text(f"Kein Ziel hat das Umsetzungsjahr {planung.jahr}.", style="dim"))
    teile += [_amt_tabelle(planung, n) for n in range(len(planung.aemter))]
    if planung.aemter:
        teile.append(_gesamt(planung))
    if planung.entfallen:
        teile.append(Text("Entfallen und nicht mitgezählt: " + ", ".join(
            z.id for z in planung.entfallen), style="dim"))
    if planung.ohne_jahr:
        teile.append(Text(f"Noch keinem Haushaltsjahr zugeordnet ({len(planung.ohne_jahr)}): "
                          + ", ".join(z.id for z in planung.ohne_jahr), style="yellow"))
    teile.append(Text(planung.erlaeuterung, style="dim"))
    return Group(*teile)


def jahresplanung_text(planung: Jahresplanung, breite: int = 100) -> str:
    """The terminal rendering as plain text of *breite* columns (for files and scripts)."""
    return klartext(jahresplanung_terminal(planung), breite)
