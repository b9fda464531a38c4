"""Rich views of goals for the terminal: list table, plain list, one goal in full, the matrix."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from strategie.ausgabe.farben import status_farbe
from strategie.ausgabe.terminal.sicher import sicherer_text
from strategie.ausgabe.terminal.ziel_bloecke import (
    Absatz,
    Kasten,
    Raster,
    Spannen,
    Teil,
    ampel_spannen,
    ziel_bloecke,
)
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de
from strategie.text.kuerzen import kuerze
from strategie.text.sicher import einzeilig, entschaerfe

if TYPE_CHECKING:
    from strategie.auswertung.matrix import Matrix

RICH_TABELLE_MAX_ZEILEN = 300
"""Longer lists are printed as plain text: Rich tables cost ~0.4 ms a row."""


def ampel_punkt(ampel: str) -> Text:
    """A coloured dot followed by the Ampel's name."""
    return _text(ampel_spannen(ampel))


def _stand(ziel: Ziel) -> str:
    return datum_de(ziel.steckbrief_stand)


def listen_tabelle(ziele: Sequence[Ziel]) -> Table:
    """The goal list as a Rich table (for up to a few hundred rows)."""
    tabelle = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=False)
    tabelle.add_column("ID", no_wrap=True, style="bold")
    tabelle.add_column("Titel", ratio=1, overflow="fold")
    tabelle.add_column("Amt", no_wrap=True)
    tabelle.add_column("HF", justify="right", no_wrap=True)
    tabelle.add_column("Umsetzungsstand", no_wrap=True)
    tabelle.add_column("Ampel", no_wrap=True)
    tabelle.add_column("Stand", no_wrap=True)
    for ziel in ziele:
        titel = Text(einzeilig(ziel.titel))  # a line break would read as another goal's row
        if ziel.leuchtturm:
            titel.append(" ★", style="yellow")
        tabelle.add_row(
            sicherer_text(ziel.id), titel, sicherer_text(ziel.amt), str(ziel.handlungsfeld),
            sicherer_text(ziel.status, status_farbe(ziel.status)), ampel_punkt(ziel.ampel),
            _stand(ziel),
        )
    return tabelle


def listen_text(ziele: Sequence[Ziel], breite: int = 100) -> str:
    """The goal list as aligned plain text: fast for thousands of rows."""
    zeilen = [(entschaerfe(z.id), entschaerfe(z.amt), str(z.handlungsfeld), entschaerfe(z.status),
               entschaerfe(z.ampel) or "–", _stand(z),
               einzeilig(z.titel) + (" ★" if z.leuchtturm else "")) for z in ziele]
    kopf = ("ID", "Amt", "HF", "Umsetzungsstand", "Ampel", "Stand", "Titel")
    breiten = [max([len(kopf[i]), *(len(z[i]) for z in zeilen)]) for i in range(6)]
    rest = max(20, breite - sum(breiten) - 2 * 6)

    def zeile(werte: Sequence[str]) -> str:
        vorne = "  ".join(w.ljust(b) for w, b in zip(werte[:6], breiten, strict=True))
        titel = kuerze(werte[6], rest, abstreifen="")
        return f"{vorne}  {titel}".rstrip()

    return "\n".join([zeile(kopf), *(zeile(z) for z in zeilen)])


def _text(spannen: Spannen) -> Text:
    """The pieces as one Text; a style all of them share is its own (so it pads the cell)."""
    grund = spannen[0][1].split() if spannen else []
    gemeinsam = bool(grund) and all(s.split()[:len(grund)] == grund for _, s in spannen)
    return Text.assemble(*spannen, style=" ".join(grund) if gemeinsam else "")


def _teil(teil: Teil) -> RenderableType:
    if isinstance(teil, Absatz):
        absatz = _text(teil.spannen)
        return Padding(absatz, (0, 0, teil.unten, teil.einzug)) if teil.einzug or teil.unten \
            else absatz
    if isinstance(teil, Raster):
        raster = Table.grid(padding=(0, 2))
        raster.add_column(style="dim", no_wrap=True)
        raster.add_column()
        for name, wert in teil.zeilen:
            raster.add_row(Text(name), _text(wert))
        return raster
    tabelle = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    for spalte in teil.spalten:
        tabelle.add_column(spalte.titel, justify="right" if spalte.rechts else "left",
                           no_wrap=not spalte.umbruch, ratio=1 if spalte.dehnbar else None)
    for zeile in teil.zeilen:
        tabelle.add_row(*map(_text, zeile))
    return tabelle


def _kasten(kasten: Kasten) -> Panel:
    teile = [_teil(t) for t in kasten.teile]
    inhalt = teile[0] if len(teile) == 1 else Group(*teile)
    if kasten.titel is None:
        return Panel(inhalt, box=box.HEAVY, padding=(0, 1))
    # a Text, not a str: a str title is parsed as markup (and for emoji codes) on every draw
    return Panel(inhalt, title=Text(kasten.titel), title_align="left", box=box.ROUNDED,
                 padding=(0, 1))


def ziel_ansicht(ziel: Ziel, rahmen: Rahmen) -> RenderableType:
    """One goal in full (``ziel_bloecke``) painted by Rich: the app's detail view."""
    return Group(*map(_kasten, ziel_bloecke(ziel, rahmen)))


def matrix_tabelle(matrix: Matrix, rahmen: Rahmen, titel: str = "") -> Table:
    """The Amt × Handlungsfeld table as in section 5.1 of the report, with sums."""
    from strategie.ausgabe.abschnitte import handlungsfelder_legende, matrix_hinweise

    tabelle = Table(title=sicherer_text(titel) if titel else None, box=box.SIMPLE_HEAVY,
                    show_footer=True)
    tabelle.add_column("Amt", footer="Summe")
    tabelle.add_column("Gesamt", justify="right", footer=str(matrix.gesamt), style="bold")
    for nummer in matrix.handlungsfelder:
        tabelle.add_column(f"HF {nummer}", justify="right",
                           footer=str(matrix.spaltensumme(nummer)))
    for kuerzel in matrix.aemter:
        amt = rahmen.amt(kuerzel)
        name = amt.name if amt else kuerzel
        tabelle.add_row(
            sicherer_text(name), str(matrix.zeilensumme(kuerzel)),
            *(str(matrix.zellen.get((kuerzel, h), 0)) for h in matrix.handlungsfelder))
    tabelle.caption = Text(entschaerfe("\n".join(
        [handlungsfelder_legende(rahmen), *matrix_hinweise(rahmen)])), style="dim")
    tabelle.caption_justify = "left"
    return tabelle
