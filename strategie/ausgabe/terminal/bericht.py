"""The Sachstandsbericht for the terminal: Rich panels, tables and bars within 80 columns."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from rich import box
from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from strategie.ausgabe.farben import BEWERTUNGSFARBEN, ampel_farbe, status_farbe, status_zeichen
from strategie.ausgabe.terminal.sicher import klartext, sicherer_text
from strategie.ausgabe.terminal.verlauf import eintrag_ansicht, sammel_ansicht
from strategie.ausgabe.terminal.zusammenfassung import (
    auffaellig_tabelle,
    kennzahlen_tabelle,
    leuchttuerme_tabelle,
    matrix_farbig,
    raeume_tabelle,
    status_tabelle,
    umsetzungsjahre_tabelle,
)
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.kennzahlen import BEWERTUNGEN, GEFAEHRDET, VERALTET
from strategie.auswertung.zusammenfassung import HANDLUNGSBEDARF, HINWEISARTEN
from strategie.text.format import datum_oder_angabe
from strategie.text.kuerzen import kuerze
from strategie.text.sicher import entschaerfe
from strategie.verlauf.eintraege import ART_TEXT
from strategie.verlauf.sammel import sammelaenderungen

LISTE_HOECHSTENS = 25
"""Rows of a list in the terminal; the full lists are in the other formats."""
TEXT_HOECHSTENS = 110
"""Characters of a Begründung or commit comment in the terminal."""
BALKENBREITE = 30


def kopf(bericht: Bericht) -> Panel:
    """Title, Stichtag, number of goals and the report's basis."""
    z = bericht.zusammenfassung
    zeilen = Text()
    zeilen.append(f"{bericht.stand_text} · {z.anzahl} Ziele", style="bold")
    if bericht.grundlage.filter:
        zeilen.append(f" · Auswahl: {entschaerfe(bericht.grundlage.filter)}")
    zeilen.append("\n")
    zeilen.append(entschaerfe(bericht.grundlage.zeile()), style="dim")
    if bericht.befunde:
        dateien = len({b.pfad for b in bericht.befunde})
        zeilen.append(f"\n{dateien} Zieldatei(en) fehlerhaft und nicht berücksichtigt "
                      "(strategie pruefen)", style="yellow")
    if bericht.rahmen.hinweis:
        zeilen.append("\n" + entschaerfe(" ".join(bericht.rahmen.hinweis.split())),
                      style="yellow italic")
    return Panel(zeilen, title=sicherer_text(bericht.titel, "bold"), title_align="left",
                 box=box.ROUNDED)


def status_je_amt(bericht: Bericht) -> Table:
    """One bar per Amt, split by Umsetzungsstand in the frame's colours."""
    z = bericht.zusammenfassung
    tabelle = Table(title="Umsetzungsstand je Amt", box=box.SIMPLE, title_justify="left",
                    show_header=False, pad_edge=False)
    tabelle.add_column("Amt", no_wrap=True)
    tabelle.add_column("Anzahl", justify="right")
    tabelle.add_column("Balken", no_wrap=True)
    hoechstens = max((sum(z.status_je_amt.get(a.kuerzel, {}).values())
                      for a in bericht.aemter()), default=1) or 1
    for amt in bericht.aemter():
        zaehler = z.status_je_amt.get(amt.kuerzel, Counter())
        gesamt = sum(zaehler.values())
        balken = Text()
        for wert in bericht.rahmen.umsetzungsstand:
            breite = round(zaehler.get(wert.name, 0) / hoechstens * BALKENBREITE)
            balken.append(status_zeichen(wert.name) * breite,
                          style=status_farbe(wert.name) or "white")
        tabelle.add_row(sicherer_text(amt.kurzname), str(gesamt), balken)
    legende = Text()
    for wert in bericht.rahmen.umsetzungsstand:
        legende.append(f"{status_zeichen(wert.name)} ", style=status_farbe(wert.name) or "white")
        legende.append(f"{wert.name}  ")
    tabelle.caption = legende
    tabelle.caption_justify = "left"
    return tabelle


def hinweis_uebersicht(bericht: Bericht) -> Text:
    """How many goals need attention, by kind."""
    arten: Counter[str] = Counter(h.art for a in bericht.zusammenfassung.auffaellig
                                  for h in a.hinweise)
    text = Text()
    for art, titel in HINWEISARTEN.items():
        if arten.get(art):
            farbe = ampel_farbe(art) or ("yellow" if art == "zurückgestellt" else "")
            text.append(f"{titel}: {arten[art]}   ", style=farbe)
    return text or Text(f"Kein {HANDLUNGSBEDARF}.", style="green")


def kennzahlen_uebersicht(bericht: Bericht) -> Text:
    """How many Kennzahlen are reached, on track, off track or without values."""
    zaehler = Counter(k.bewertung for k in bericht.zusammenfassung.kennzahlen)
    text = Text()
    for bewertung in BEWERTUNGEN:
        text.append(f"{bewertung}: {zaehler.get(bewertung, 0)}   ",
                    style=BEWERTUNGSFARBEN[bewertung])
    return text


def aenderungen_teil(bericht: Bericht, farbig: bool = True) -> RenderableType:
    """The changes of the period, newest first, shortened to LISTE_HOECHSTENS commits; a
    commit for many goals once (``strategie.verlauf.sammel``)."""
    zeitraum = bericht.aenderungen
    assert zeitraum is not None
    bis = f" bis {datum_oder_angabe(zeitraum.bis)}" if zeitraum.bis else ""
    eintraege = zeitraum.eintraege
    titel = Text(f"Änderungen seit {entschaerfe(datum_oder_angabe(zeitraum.seit))}"
                 f"{entschaerfe(bis)}: {len(eintraege)} Änderungen an "
                 f"{len({e.ziel_id for e in eintraege})} Zielen", style="bold italic")
    teile: list[RenderableType] = [titel]
    sammel = sammelaenderungen(eintraege)
    for sammlung in sammel.values():
        kommentar = kuerze(sammlung.eintrag.kommentar, TEXT_HOECHSTENS, wortweise=True)
        teile.append(sammel_ansicht(replace(sammlung, eintrag=replace(sammlung.eintrag,
                                                                       kommentar=kommentar))))
    einzeln = [e for e in eintraege if not (e.commit in sammel and e.art in ART_TEXT)]
    for eintrag in einzeln[:LISTE_HOECHSTENS]:
        kommentar = kuerze(eintrag.kommentar, TEXT_HOECHSTENS, wortweise=True)
        kurz = replace(eintrag, kommentar=kommentar)
        teile.append(eintrag_ansicht(kurz, mit_ziel=True, farbig=farbig,
                                     sammel=sammel.get(eintrag.commit)))
    if len(einzeln) > LISTE_HOECHSTENS:
        teile.append(Text(f"… und {len(einzeln) - LISTE_HOECHSTENS} weitere", style="dim"))
    if not eintraege:
        teile.append(Text("Keine Änderungen in diesem Zeitraum.", style="dim"))
    return Group(*teile)


def bericht_terminal(bericht: Bericht, farbig: bool = True) -> RenderableType:
    """The whole Sachstandsbericht as one renderable (aggregated: fast for 10,000 goals);
    *farbig*: word diffs by style, else with marks (``ausgabe.terminal.verlauf``)."""
    z = bericht.zusammenfassung
    teile: list[RenderableType] = [
        kopf(bericht),
        matrix_farbig(z, bericht.rahmen),
        status_je_amt(bericht),
        status_tabelle(z, bericht.rahmen),
        umsetzungsjahre_tabelle(z),
    ]
    if z.je_raum:
        teile.append(raeume_tabelle(z, TEXT_HOECHSTENS))
    if z.leuchttuerme:
        teile.append(leuchttuerme_tabelle(z, LISTE_HOECHSTENS))
    teile += [Text(HANDLUNGSBEDARF, style="bold italic"), hinweis_uebersicht(bericht),
              auffaellig_tabelle(z, LISTE_HOECHSTENS, TEXT_HOECHSTENS)]
    if z.kennzahlen:
        teile += [Text("\nKennzahlen", style="bold italic"), kennzahlen_uebersicht(bericht),
                  kennzahlen_tabelle(z, LISTE_HOECHSTENS, nur=(GEFAEHRDET, VERALTET)),
                  Text(z.kennzahl_regel, style="dim")]
    if bericht.aenderungen is not None:
        teile.append(aenderungen_teil(bericht, farbig))
    return Group(*teile)


def terminal_text(bericht: Bericht, breite: int = 80) -> str:
    """The terminal report as plain text of *breite* columns (for files and scripts)."""
    return klartext(bericht_terminal(bericht, farbig=False), breite)
