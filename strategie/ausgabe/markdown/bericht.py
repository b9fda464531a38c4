"""The Sachstandsbericht and the Maßnahmensteckbriefe as Markdown, for pasting into a Vorlage."""

from __future__ import annotations

from strategie.ausgabe.markdown.text import md_text, tabelle
from strategie.ausgabe.markdown.verlauf import md_eintrag
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.zusammenfassung import HANDLUNGSBEDARF, handlungsbedarf_regel
from strategie.modell.feld import STECKBRIEF_TEXTE, STECKBRIEF_UEBERSCHRIFTEN
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de, euro_de, mit_einheit, zahl_de
from strategie.verlauf.eintraege import nach_ziel


def _grundlage(bericht: Bericht) -> list[str]:
    g = bericht.grundlage
    return [f"{bericht.stand_text} · {bericht.zusammenfassung.anzahl} Ziele  ",
            f"Grundlage: {md_text(g.zeile())}", ""]


def _anteil(anzahl: int, gesamt: int) -> str:
    return f"{zahl_de(100 * anzahl / gesamt, 0)} %" if gesamt else "–"


def bericht_markdown(bericht: Bericht) -> str:
    """The whole Sachstandsbericht as Markdown (complete lists, unlike the terminal)."""
    z, rahmen = bericht.zusammenfassung, bericht.rahmen
    zeilen = [f"# {md_text(bericht.titel)}", "", *_grundlage(bericht)]
    if bericht.befunde:
        dateien = len({b.pfad for b in bericht.befunde})
        zeilen += [f"> Hinweis: {dateien} Zieldatei(en) fehlerhaft und nicht berücksichtigt.", ""]

    zeilen += ["## Überblick", "", "### Ziele je Amt und Handlungsfeld", ""]
    matrix = z.matrix
    zeilen += tabelle(
        ["Amt", "Gesamt", *(f"HF {h}" for h in matrix.handlungsfelder)],
        [*([(rahmen.amt(a).name if rahmen.amt(a) else a),  # type: ignore[union-attr]
            matrix.zeilensumme(a), *(matrix.zellen.get((a, h), 0)
                                     for h in matrix.handlungsfelder)] for a in matrix.aemter),
         ["Summe", matrix.gesamt, *(matrix.spaltensumme(h) for h in matrix.handlungsfelder)]],
        rechts=range(1, 2 + len(matrix.handlungsfelder)))
    zeilen += ["### Umsetzungsstand", ""]
    zeilen += tabelle(["Umsetzungsstand", "Ziele", "Anteil"],
                      [(w.name, z.nach_status.get(w.name, 0),
                        _anteil(z.nach_status.get(w.name, 0), z.anzahl))
                       for w in rahmen.umsetzungsstand], rechts=(1, 2))
    zeilen += ["### Ampel", ""]
    zeilen += tabelle(["Ampel", "Ziele", "Anteil"],
                      [(w.name, z.nach_ampel.get(w.name, 0),
                        _anteil(z.nach_ampel.get(w.name, 0), z.anzahl))
                       for w in rahmen.ampel], rechts=(1, 2))

    zeilen += ["### Umsetzungsjahre und Mittel", ""]
    m = z.mittel
    zeilen += tabelle(
        ["Umsetzungsjahr", "Ziele", "haushaltsneutral", "Mittel Plan", "Mittel Ist",
         "Personal (VZÄ)"],
        [*([jahr or "ohne Angabe", s.anzahl, s.haushaltsneutral, euro_de(s.plan),
            euro_de(s.ist), zahl_de(s.personal)] for jahr, s in z.je_umsetzungsjahr.items()),
         ["Summe", m.anzahl, m.haushaltsneutral, euro_de(m.plan), euro_de(m.ist),
          zahl_de(m.personal)]], rechts=range(1, 6))

    if z.je_raum:
        zeilen += ["### Ziele je Raum", "",
                   "Ziele, die sich selbst oder mit einer Kennzahl auf den Raum beziehen.", ""]
        zeilen += tabelle(["Raum", "Ziele", "IDs"],
                          [(raum, len(ziele), ", ".join(z.id for z in ziele))
                           for raum, ziele in z.je_raum.items()], rechts=(1,))

    zeilen += ["## Leuchttürme", ""]
    zeilen += tabelle(["ID", "Titel", "Umsetzungsstand", "Ampel"],
                      [(ziel.id, ziel.titel, ziel.status, ziel.ampel or "–")
                       for ziel in z.leuchttuerme]
                      ) if z.leuchttuerme else ["Keine Leuchttürme in dieser Auswahl.", ""]

    zeilen += [f"## {HANDLUNGSBEDARF}", "", handlungsbedarf_regel(z.max_alter_monate), ""]
    for eintrag in z.auffaellig:
        zeilen.append(f"- **{md_text(eintrag.ziel.id)}** {md_text(eintrag.ziel.titel)}")
        zeilen += [f"  - {md_text(' '.join(h.text.split()))}" for h in eintrag.hinweise]
    if not z.auffaellig:
        zeilen.append(f"Kein {HANDLUNGSBEDARF}.")
    zeilen.append("")

    if z.kennzahlen:
        zeilen += ["## Kennzahlen", ""]
        zeilen += tabelle(
            ["Ziel", "Kennzahl", "Basiswert", "zuletzt", "Stichtag", "erwartet", "Zielwert",
             "Zieljahr", "Bewertung"],
            [(k.ziel.id, k.kennzahl.name, mit_einheit(k.kennzahl.basiswert, k.kennzahl.einheit),
              mit_einheit(k.letzter.wert if k.letzter else None, k.kennzahl.einheit),
              datum_de(k.letzter.stichtag if k.letzter else None),
              mit_einheit(k.erwartet, k.kennzahl.einheit, 1),
              mit_einheit(k.kennzahl.zielwert, k.kennzahl.einheit), k.zieljahr or "–",
              k.bewertung)
             for k in z.kennzahlen], rechts=(2, 3, 5, 6))
        zeilen += [md_text(z.kennzahl_regel), ""]

    if bericht.aenderungen is not None:
        zeitraum = bericht.aenderungen
        bis = f" bis {zeitraum.bis}" if zeitraum.bis else ""
        zeilen += [f"## Änderungen seit {md_text(zeitraum.seit)}{md_text(bis)}", ""]
        titel = {ziel.id: ziel.titel for ziel in bericht.ziele}
        gruppen = nach_ziel(zeitraum.eintraege)
        for ziel_id, gruppe in gruppen.items():
            zeilen += [f"### {md_text(ziel_id)} – {md_text(titel.get(ziel_id, ''))}", ""]
            for aenderung in gruppe:
                zeilen += md_eintrag(aenderung)
            zeilen.append("")
        if not gruppen:
            zeilen += ["Keine Änderungen in diesem Zeitraum.", ""]

    zeilen += ["## Ziele je Organisationseinheit", ""]
    for amt in bericht.aemter():
        ziele = bericht.ziele_von(amt.kuerzel)
        zeilen += [f"### Anlage {amt.anlage} – {md_text(amt.name)} ({len(ziele)} Ziele)", ""]
        zeilen += tabelle(["ID", "Titel", "HF", "Umsetzungsstand", "Ampel", "Steckbrief-Stand",
                           "Umsetzungsjahr", "Mittel Plan"],
                          [(ziel.id, ziel.titel, ziel.handlungsfeld, ziel.status,
                            ziel.ampel or "–", _stand(ziel), ziel.umsetzungsjahr or "–",
                            euro_de(ziel.haushalt.mittel_plan if ziel.haushalt else None))
                           for ziel in ziele], rechts=(2, 6, 7))
    return "\n".join(zeilen).rstrip() + "\n"


def _stand(ziel: Ziel) -> str:
    return datum_de(ziel.steckbrief.stand if ziel.steckbrief else None)


def _absatz(text: str) -> list[str]:
    """A multi-line text from a goal file as Markdown paragraphs."""
    absaetze = [" ".join(a.split()) for a in text.strip().split("\n\n") if a.strip()]
    return [*(f"{md_text(a)}\n" for a in absaetze)] or ["–\n"]


def steckbrief_markdown(ziel: Ziel, bericht: Bericht) -> list[str]:
    """One Maßnahmensteckbrief (Vorlage 2024/144) as Markdown lines."""
    rahmen = bericht.rahmen
    amt = rahmen.amt(ziel.amt)
    feld = rahmen.handlungsfeld(ziel.handlungsfeld)
    zeilen = [f"### {md_text(ziel.id)} – {md_text(ziel.titel)}"
              + (" (Leuchtturm)" if ziel.leuchtturm else ""), ""]
    zeilen += tabelle(["", ""], [
        ("Organisationseinheit", amt.name if amt else ziel.amt),
        ("Handlungsfeld", f"{ziel.handlungsfeld} – {feld.name}" if feld else ziel.handlungsfeld),
        ("Aktionsbereiche", ", ".join(ziel.aktionsbereiche) or "–"),
        ("Umsetzungsstand", ziel.status + (f" – {ziel.status_begruendung}"
                                           if ziel.status_begruendung else "")),
        ("Ampel", (ziel.ampel or "–") + (f" – {ziel.ampel_begruendung}"
                                         if ziel.ampel_begruendung else "")),
    ])
    if feld and feld.leitsatz:
        zeilen += [f"*Strategischer Leitsatz:* {md_text(' '.join(feld.leitsatz.split()))}", ""]
    zeilen += ["**Wirkungsziel**", "", *_absatz(ziel.wirkungsziel),
               "**Leistungsziel**", "", *_absatz(ziel.leistungsziel), "**Maßnahmen**", ""]
    zeilen += tabelle(["Nr.", "Maßnahme", "Status", "Termin", "verantwortlich"],
                      [(i, m.titel, m.status or "–", datum_de(m.termin), m.verantwortlich or "–")
                       for i, m in enumerate(ziel.massnahmen, start=1)], rechts=(0,)
                      ) if ziel.massnahmen else ["Keine Maßnahmen erfasst.", ""]
    steckbrief = ziel.steckbrief
    stand = f" (Stand {datum_de(steckbrief.stand)})" if steckbrief and steckbrief.stand else ""
    for name in STECKBRIEF_TEXTE:
        zusatz = stand if name == STECKBRIEF_TEXTE[0] else ""
        zeilen += [f"**{STECKBRIEF_UEBERSCHRIFTEN[name]}**{zusatz}", "",
                   *_absatz(getattr(steckbrief, name) if steckbrief else "")]
    if ziel.haushalt:
        h = ziel.haushalt
        zeilen += ["**Haushalt**", ""]
        zeilen += tabelle(["Produkt", "Mittel (Plan)", "Mittel (Ist)", "Personal (VZÄ)"],
                          [(h.produkt or "–", euro_de(h.mittel_plan), euro_de(h.mittel_ist),
                            zahl_de(h.personal_vzae))], rechts=(1, 2, 3))
    if ziel.kennzahlen:
        zeilen += ["**Kennzahlen**", ""]
        zeilen += tabelle(["Kennzahl", "Basiswert", "Messwerte", "Zielwert"], [
            (k.name, mit_einheit(k.basiswert, k.einheit),
             ", ".join(f"{datum_de(m.stichtag)}: {mit_einheit(m.wert, k.einheit)}"
                       for m in sorted(k.messwerte, key=lambda m: m.stichtag)) or "–",
             mit_einheit(k.zielwert, k.einheit)) for k in ziel.kennzahlen])
    return zeilen


def steckbriefe_markdown(bericht: Bericht) -> str:
    """All Maßnahmensteckbriefe, grouped by Organisationseinheit in the order of the Anlagen."""
    zeilen = [f"# Maßnahmensteckbriefe – {md_text(bericht.rahmen.name)}", "",
              *_grundlage(bericht)]
    for amt in bericht.aemter():
        zeilen += [f"## Anlage {amt.anlage} – Maßnahmensteckbriefe {md_text(amt.name)}", ""]
        for ziel in bericht.ziele_von(amt.kuerzel):
            zeilen += [*steckbrief_markdown(ziel, bericht), "---", ""]
    return "\n".join(zeilen).rstrip("-\n ") + "\n"
