"""Rich views of goals for the terminal: list table, plain list, one goal in full, the matrix."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from strategie.ausgabe.farben import ampel_farbe, status_farbe
from strategie.ausgabe.terminal.sicher import sicherer_text
from strategie.auswertung.kennzahlen import Kennzahlstand, bewerte_kennzahl
from strategie.modell.feld import STECKBRIEF_TEXTE, STECKBRIEF_UEBERSCHRIFTEN
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Kennzahl, Ziel
from strategie.text.format import datum_de, euro_de, mit_einheit, monate_zurueck, zahl_de
from strategie.text.kuerzen import kuerze
from strategie.text.sicher import einzeilig, entschaerfe

if TYPE_CHECKING:
    from strategie.auswertung.matrix import Matrix

BALKEN = "▁▂▃▄▅▆▇█"
RICH_TABELLE_MAX_ZEILEN = 300
"""Longer lists are printed as plain text: Rich tables cost ~0.4 ms a row."""


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


def ampel_punkt(ampel: str) -> Text:
    """A coloured dot followed by the Ampel's name."""
    if not ampel:
        return Text("–", style="dim")
    return Text.assemble(("● ", ampel_farbe(ampel)), entschaerfe(ampel))


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


def _abschnitt(titel: str, inhalt: RenderableType) -> Panel:
    # a Text, not a str: a str title is parsed as markup (and for emoji codes) on every draw
    return Panel(inhalt, title=Text(titel), title_align="left", box=box.ROUNDED, padding=(0, 1))


def _text_oder_leer(text: str) -> Text:
    return sicherer_text(text) if text.strip() else Text("(keine Angabe)", style="dim italic")


def kennzahl_zeile(kennzahl: Kennzahl, stand: Kennzahlstand | None = None,
                   ) -> tuple[Text, Text, Text, Text, Text]:
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
    return (  # the Einheit comes from the goal file: literal text, never markup
        sicherer_text(kennzahl.name),
        sicherer_text(basis),
        sicherer_text(aktuell),
        sicherer_text(ziel),
        Text(sparkline(werte, [w for w in (kennzahl.basiswert, kennzahl.zielwert)
                               if w is not None]), style="cyan"),
    )


def ziel_ansicht(ziel: Ziel, rahmen: Rahmen) -> RenderableType:
    """One goal in full: facts, goal texts, Maßnahmen, Steckbrief, Kennzahlen, Haushalt."""
    kopf = Text.assemble((entschaerfe(ziel.id), "bold"), "  ", (entschaerfe(ziel.titel), "bold"))
    if ziel.leuchtturm:
        kopf.append("  ★ Leuchtturm", style="yellow")

    fakten = Table.grid(padding=(0, 2))
    fakten.add_column(style="dim", no_wrap=True)
    fakten.add_column()
    amt = rahmen.amt(ziel.amt)
    feld = rahmen.handlungsfeld(ziel.handlungsfeld)
    fakten.add_row("Amt", sicherer_text(f"{ziel.amt} – {amt.name}" if amt else ziel.amt))
    fakten.add_row("Handlungsfeld",
                   sicherer_text(f"{ziel.handlungsfeld} – {feld.name}" if feld else str(
                       ziel.handlungsfeld)))
    status = sicherer_text(ziel.status, status_farbe(ziel.status))
    if ziel.status_begruendung:
        status.append(" – ").append_text(sicherer_text(ziel.status_begruendung, "italic"))
    fakten.add_row("Umsetzungsstand", status)
    ampel = ampel_punkt(ziel.ampel)
    if ziel.ampel_begruendung:
        ampel.append(" – ").append_text(sicherer_text(ziel.ampel_begruendung, "italic"))
    fakten.add_row("Ampel", ampel)
    if ziel.aktionsbereiche:
        fakten.add_row("Aktionsbereiche", sicherer_text(", ".join(ziel.aktionsbereiche)))
    art = ", ".join(filter(None, [
        ziel.art,
        {True: "haushaltsneutral", False: "nicht haushaltsneutral", None: ""}[
            ziel.haushaltsneutral],
        f"Umsetzungsjahr {ziel.umsetzungsjahr}" if ziel.umsetzungsjahr else "",
    ]))
    if art:
        fakten.add_row("Art", sicherer_text(art))
    if ziel.raeume:
        fakten.add_row("Räume", sicherer_text(", ".join(ziel.raeume)))
    if ziel.phase:
        fakten.add_row("Phase", sicherer_text(ziel.phase))
    if ziel.liga:
        fakten.add_row("Liga", Text("von der Liga der freien Wohlfahrtspflege benannt"))
    if ziel.verantwortlich:
        fakten.add_row("verantwortlich", sicherer_text(ziel.verantwortlich))
    if ziel.beteiligte:
        fakten.add_row("Beteiligte", sicherer_text(", ".join(ziel.beteiligte)))
    if ziel.haushalt:
        h = ziel.haushalt
        angaben = [f"Produkt {h.produkt}" if h.produkt else "",
                 f"Plan {euro_de(h.mittel_plan)}" if h.mittel_plan is not None else "",
                 f"Ist {euro_de(h.mittel_ist)}" if h.mittel_ist is not None else "",
                 f"{zahl_de(h.personal_vzae)} VZÄ" if h.personal_vzae is not None else ""]
        fakten.add_row("Haushalt", sicherer_text(", ".join(t for t in angaben if t) or "–"))
    fakten.add_row("Datei", sicherer_text(ziel.pfad, "dim"))

    teile: list[RenderableType] = [
        Panel(Group(kopf, Text(), fakten), box=box.HEAVY, padding=(0, 1)),
        _abschnitt("Wirkungsziel", _text_oder_leer(ziel.wirkungsziel)),
        _abschnitt("Leistungsziel", _text_oder_leer(ziel.leistungsziel)),
    ]
    if ziel.massnahmen:
        tabelle = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
        tabelle.add_column("Nr.", justify="right", no_wrap=True)
        tabelle.add_column("Maßnahme", ratio=1)
        tabelle.add_column("Status", no_wrap=True)
        tabelle.add_column("Termin", no_wrap=True)
        for nummer, massnahme in enumerate(ziel.massnahmen, start=1):
            tabelle.add_row(str(nummer), sicherer_text(massnahme.titel),
                            sicherer_text(massnahme.status or "–"), datum_de(massnahme.termin))
        teile.append(_abschnitt("Maßnahmen", tabelle))
    if ziel.steckbrief:
        sb = ziel.steckbrief
        absaetze: list[RenderableType] = []
        for name in STECKBRIEF_TEXTE:
            unten = 0 if name == STECKBRIEF_TEXTE[-1] else 1
            absaetze += [Text(STECKBRIEF_UEBERSCHRIFTEN[name], style="bold"),
                         Padding(_text_oder_leer(getattr(sb, name)), (0, 0, unten, 2))]
        inhalt = Group(*absaetze)
        teile.append(_abschnitt(f"Maßnahmensteckbrief – Stand {datum_de(sb.stand)}", inhalt))
    if ziel.kennzahlen:
        tabelle = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
        for spalte in ("Kennzahl", "Basis", "Aktuell", "Ziel", "Verlauf"):
            tabelle.add_column(spalte, ratio=1 if spalte == "Kennzahl" else None)
        grenze = monate_zurueck(dt.date.today(), rahmen.messwert_max_alter_monate)
        for kennzahl in ziel.kennzahlen:
            stand = bewerte_kennzahl(ziel, kennzahl,
                                     toleranz_prozent=rahmen.kennzahl_toleranz_prozent,
                                     messwert_grenze=grenze)
            tabelle.add_row(*kennzahl_zeile(kennzahl, stand))
        teile.append(_abschnitt("Kennzahlen", tabelle))
    if ziel.beschluesse:
        tabelle = Table(box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
        for spalte in ("Datum", "Gremium", "Drucksache", "Inhalt"):
            tabelle.add_column(spalte, ratio=1 if spalte == "Inhalt" else None)
        for b in ziel.beschluesse:
            tabelle.add_row(datum_de(b.datum), sicherer_text(b.gremium),
                            sicherer_text(b.drucksache), sicherer_text(b.inhalt))
        teile.append(_abschnitt("Beschlüsse", tabelle))
    return Group(*teile)


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
