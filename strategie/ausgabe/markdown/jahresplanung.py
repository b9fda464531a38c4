"""The Jahresplanung as Markdown, for the Vorlage on the annual selection of goals."""

from __future__ import annotations

from strategie.ausgabe.markdown.text import md_text, tabelle
from strategie.auswertung.haushalt import Mittelsumme
from strategie.auswertung.jahresplanung import Jahresplanung
from strategie.text.format import anzahl_de, euro_de, ja_nein, zahl_de


def _summe(summe: Mittelsumme) -> list[str]:
    return [euro_de(summe.plan), euro_de(summe.ist), zahl_de(summe.personal)]


def jahresplanung_markdown(planung: Jahresplanung) -> str:
    """The whole Jahresplanung: one table per Amt with its sum, the totals, open goals."""
    zeilen = [f"# {md_text(planung.titel)}", "",
              f"{planung.stand_text} · {anzahl_de(planung.gesamt.anzahl, 'Ziel', 'Ziele')}  ",
              f"Grundlage: {md_text(planung.grundlage.zeile())}", ""]
    if planung.rahmen.hinweis:
        zeilen += [f"> {md_text(' '.join(planung.rahmen.hinweis.split()))}", ""]
    if planung.befunde:
        dateien = len({b.pfad for b in planung.befunde})
        zeilen += [f"> Hinweis: {dateien} Zieldatei(en) fehlerhaft und nicht berücksichtigt.", ""]
    zeilen += [md_text(planung.erlaeuterung), ""]
    if not planung.aemter:
        zeilen += [f"Kein Ziel hat das Umsetzungsjahr {planung.jahr}.", ""]
    for amtplan in planung.aemter:
        zeilen += [f"## Anlage {amtplan.amt.anlage} – {md_text(amtplan.amt.name)} "
                   f"({anzahl_de(amtplan.summe.anzahl, 'Ziel', 'Ziele')})", ""]
        zeilen += tabelle(
            ["ID", "Titel", "Art", "Umsetzungsstand", "haushaltsneutral", "Produkt",
             "Mittel Plan", "Mittel Ist", "Personal (VZÄ)"],
            [*([z.ziel.id, z.ziel.titel, z.art or "–", z.status, ja_nein(z.haushaltsneutral),
                z.produkt or "–", euro_de(z.mittel_plan), euro_de(z.mittel_ist),
                zahl_de(z.personal_vzae)] for z in amtplan.zeilen),
             ["Summe", "", "", "", "", "", *_summe(amtplan.summe)]],
            rechts=(6, 7, 8))
    if planung.aemter:
        zeilen += [f"## Summen {planung.jahr}", ""]
        zeilen += tabelle(
            ["Organisationseinheit", "Ziele", "haushaltsneutral", "ohne Planansatz",
             "Mittel Plan", "Mittel Ist", "Personal (VZÄ)"],
            [*([a.amt.name, a.summe.anzahl, a.summe.haushaltsneutral, a.summe.ohne_planansatz,
                *_summe(a.summe)] for a in planung.aemter),
             ["Summe", planung.gesamt.anzahl, planung.gesamt.haushaltsneutral,
              planung.gesamt.ohne_planansatz, *_summe(planung.gesamt)]],
            rechts=range(1, 7))
    if planung.entfallen:
        zeilen += ["Entfallen und nicht mitgezählt: " + ", ".join(
            md_text(z.id) for z in planung.entfallen), ""]
    if planung.ohne_jahr:
        zeilen += [f"## Noch keinem Haushaltsjahr zugeordnet ({len(planung.ohne_jahr)} Ziele)",
                   ""]
        zeilen += [f"- **{md_text(z.id)}** {md_text(z.titel)} ({md_text(z.status)})"
                   for z in planung.ohne_jahr]
        zeilen.append("")
    return "\n".join(zeilen).rstrip() + "\n"
