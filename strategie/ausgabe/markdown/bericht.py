"""The Sachstandsbericht and the Maßnahmensteckbriefe as Markdown, for pasting into a Vorlage."""

from __future__ import annotations

from collections import Counter

from strategie.ausgabe import abschnitte
from strategie.ausgabe.markdown.text import md_text, tabelle
from strategie.ausgabe.markdown.verlauf import md_eintrag
from strategie.ausgabe.steckbrief import Steckbrief, steckbriefe_je_amt
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.zusammenfassung import HINWEISARTEN
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de, datum_oder_angabe, einheit_de, euro_de, zahl_de
from strategie.verlauf.eintraege import nach_ziel


def _grundlage(bericht: Bericht) -> list[str]:
    g = bericht.grundlage
    zeilen = [f"{bericht.stand_text} · {bericht.zusammenfassung.anzahl} Ziele  ",
              f"Grundlage: {md_text(g.zeile())}", ""]
    return zeilen + _hinweis(bericht.rahmen.hinweis)


def _hinweis(text: str) -> list[str]:
    """The frame's notice (e.g. Beispieldaten) as a quoted paragraph."""
    return [f"> {md_text(' '.join(text.split()))}", ""] if text.strip() else []


def _anteile(titel: str, werte: list[tuple[str, int, int]]) -> list[str]:
    return tabelle([titel, "Ziele", "Anteil"],
                   [(wert, anzahl, f"{prozent} %") for wert, anzahl, prozent in werte],
                   rechts=(1, 2))


def bericht_markdown(bericht: Bericht) -> str:
    """The whole Sachstandsbericht as Markdown (complete lists, unlike the terminal)."""
    z, rahmen = bericht.zusammenfassung, bericht.rahmen
    zeilen = [f"# {md_text(bericht.titel)}", "", *_grundlage(bericht)]
    if bericht.befunde:
        dateien = len({b.pfad for b in bericht.befunde})
        zeilen += [f"> {dateien} Zieldatei(en) konnten nicht gelesen werden und sind nicht "
                   "berücksichtigt.", ""]

    zeilen += [f"## {abschnitte.UEBERBLICK}", "", f"### {abschnitte.MATRIX}", ""]
    matrix = z.matrix
    zeilen += tabelle(
        ["Amt", "Gesamt", *(f"HF {h}" for h in matrix.handlungsfelder)],
        [*([(rahmen.amt(a).name if rahmen.amt(a) else a),  # type: ignore[union-attr]
            matrix.zeilensumme(a), *(matrix.zellen.get((a, h), 0)
                                     for h in matrix.handlungsfelder)] for a in matrix.aemter),
         ["Summe", matrix.gesamt, *(matrix.spaltensumme(h) for h in matrix.handlungsfelder)]],
        rechts=range(1, 2 + len(matrix.handlungsfelder)))
    zeilen += [f"{md_text(abschnitte.handlungsfelder_legende(rahmen))}  ",
               *(f"{md_text(t)}  " for t in abschnitte.matrix_hinweise(rahmen)), ""]
    zeilen += ["### Umsetzungsstand", "", *_anteile("Umsetzungsstand",
                                                     abschnitte.nach_status(bericht))]
    zeilen += ["### Ampel", "", *_anteile("Ampel", abschnitte.nach_ampel(bericht))]

    zeilen += [f"### {abschnitte.UMSETZUNGSJAHRE}", ""]
    m = z.mittel
    zeilen += tabelle(
        ["Umsetzungsjahr", "Ziele", "haushaltsneutral", "Mittel Plan", "Mittel Ist",
         "Personal (VZÄ)"],
        [*([jahr or "ohne Angabe", s.anzahl, s.haushaltsneutral, euro_de(s.plan),
            euro_de(s.ist), zahl_de(s.personal)] for jahr, s in z.je_umsetzungsjahr.items()),
         ["Summe", m.anzahl, m.haushaltsneutral, euro_de(m.plan), euro_de(m.ist),
          zahl_de(m.personal)]], rechts=range(1, 6))

    if z.je_raum:
        zeilen += [f"### {abschnitte.RAEUME}", "", abschnitte.RAEUME_ERKLAERT, ""]
        zeilen += tabelle(["Raum", "Ziele", "IDs"],
                          [(raum, len(ziele), ", ".join(z.id for z in ziele))
                           for raum, ziele in z.je_raum.items()], rechts=(1,))

    zeilen += [f"## {abschnitte.LEUCHTTUERME}", ""]
    zeilen += tabelle(["ID", "Titel", "Umsetzungsstand", "Ampel"],
                      [(ziel.id, ziel.titel, ziel.status, ziel.ampel or "–")
                       for ziel in z.leuchttuerme]
                      ) if z.leuchttuerme else ["Keine Leuchttürme in dieser Auswahl.", ""]

    zeilen += [f"## {abschnitte.HANDLUNGSBEDARF}", ""]
    eintraege = abschnitte.handlungsbedarf(bericht)
    if eintraege:
        arten = Counter(h.art for a in eintraege for h in a.hinweise)
        zeilen += [f"{len(eintraege)} Ziele: " + " · ".join(
            f"{titel}: {arten[art]}" for art, titel in HINWEISARTEN.items() if arten.get(art))
            + ". " + abschnitte.handlungsbedarf_erklaert(z.max_alter_monate), ""]
    for eintrag in eintraege:
        zeilen.append(f"- **{md_text(eintrag.ziel.id)}** {md_text(eintrag.ziel.titel)}")
        zeilen += [f"  - {md_text(' '.join(h.text.split()))}" for h in eintrag.hinweise]
    if not eintraege:
        zeilen.append(f"Kein {abschnitte.HANDLUNGSBEDARF}.")
    zeilen.append("")

    if z.kennzahlen:
        zeilen += [f"## {abschnitte.KENNZAHLEN}", ""]
        zeilen += tabelle(
            ["Ziel", "Kennzahl", "Einheit", "Basiswert", "zuletzt", "Stichtag", "erwartet",
             "Zielwert", "Zieljahr", "Bewertung"],
            [(k.ziel.id, k.kennzahl.name, einheit_de(k.kennzahl.einheit) or "–",
              zahl_de(k.kennzahl.basiswert), zahl_de(k.letzter.wert if k.letzter else None),
              datum_de(k.letzter.stichtag if k.letzter else None),
              zahl_de(None if k.erwartet is None else round(k.erwartet, 1)),
              zahl_de(k.kennzahl.zielwert), k.zieljahr or "–", k.bewertung)
             for k in abschnitte.kennzahlen_geordnet(bericht)],
            rechts=(3, 4, 6, 7))
        zeilen += [md_text(z.kennzahl_regel), ""]

    if bericht.aenderungen is not None:
        zeitraum = bericht.aenderungen
        bis = f" bis {datum_oder_angabe(zeitraum.bis)}" if zeitraum.bis else ""
        zeilen += [f"## Änderungen seit {md_text(datum_oder_angabe(zeitraum.seit))}"
                   f"{md_text(bis)}", ""]
        titel = {ziel.id: ziel.titel for ziel in bericht.ziele}
        gruppen = nach_ziel(zeitraum.eintraege)
        for ziel_id, gruppe in gruppen.items():
            zeilen += [f"### {md_text(ziel_id)} – {md_text(titel.get(ziel_id, ''))}", ""]
            for aenderung in gruppe:
                zeilen += md_eintrag(aenderung)
            zeilen.append("")
        if not gruppen:
            zeilen += ["Keine Änderungen in diesem Zeitraum.", ""]

    zeilen += [f"## {abschnitte.JE_AMT}", ""]
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
    return datum_de(ziel.steckbrief_stand)


def _absatz(text: str) -> list[str]:
    """A multi-line text from a goal file as Markdown paragraphs."""
    absaetze = [" ".join(a.split()) for a in text.strip().split("\n\n") if a.strip()]
    return [*(f"{md_text(a)}\n" for a in absaetze)] or ["–\n"]


def steckbrief_markdown(sb: Steckbrief) -> list[str]:
    """One Maßnahmensteckbrief (Vorlage 2024/144) as Markdown lines: every field the HTML
    Steckbrief has (``Steckbrief.felder``)."""
    ziel = sb.ziel
    zeilen = [f"### {md_text(ziel.id)} – {md_text(ziel.titel)}"
              + (" (Leuchtturm)" if ziel.leuchtturm else ""), "",
              f"*Maßnahmensteckbrief · {md_text(sb.amt.kurzname)}*", "", *_hinweis(sb.hinweis)]
    raster = []
    for angabe in sb.angaben():
        wert = angabe.text or "–"
        if angabe.art == "leuchtturm":
            wert = f"★ {wert}"
        raster.append((angabe.titel, wert))
        if angabe.art == "handlungsfeld" and angabe.zusatz:
            raster.append(("Strategischer Leitsatz", angabe.zusatz))
    zeilen += tabelle(["Angabe", "Wert"], raster)
    zeilen += ["**Wirkungsziel**", "", *_absatz(sb.wirkungsziel),
               "**Leistungsziel**", "", *_absatz(sb.leistungsziel), "**Maßnahmen**", ""]
    zeilen += tabelle(["Nr.", "Maßnahme", "Status", "Termin", "verantwortlich"],
                      [(m.nummer, m.titel, m.status or "–",
                        datum_de(m.termin) + (" überfällig" if m.ueberfaellig else ""),
                        m.verantwortlich or "–") for m in sb.massnahmen], rechts=(0,)
                      ) if sb.massnahmen else ["Keine Maßnahmen erfasst.", ""]
    for nummer, (titel, text) in enumerate(sb.texte):
        zusatz = ""
        if nummer == 0:
            zusatz = f" (Stand {datum_de(sb.stand)}" + (f"; {md_text(sb.veraltet)}"
                                                        if sb.veraltet else "") + ")"
        zeilen += [f"**{md_text(titel)}**{zusatz}", "", *_absatz(text)]
    if sb.kennzahlen:
        zeilen += ["**Kennzahlen**", ""]
        zeilen += tabelle(
            ["Kennzahl", "Basis", "zuletzt", "Stichtag", "erwartet", "Ziel", "bis", "Bewertung"],
            [(f"{k.name} ({k.details})" if k.details else k.name, k.basis, k.zuletzt,
              datum_de(k.zuletzt_stichtag), k.erwartet, k.ziel, k.zieljahr or "–", k.bewertung)
             for k in sb.kennzahlen], rechts=(1, 2, 4, 5))
    if sb.beschluesse:
        zeilen += ["**Beschlüsse**", "", *(f"- {md_text(b)}" for b in sb.beschluesse), ""]
    return zeilen


def steckbriefe_markdown(bericht: Bericht) -> str:
    """All Maßnahmensteckbriefe, grouped by Organisationseinheit in the order of the Anlagen."""
    zeilen = [f"# Maßnahmensteckbriefe – {md_text(bericht.rahmen.name)}", "",
              *_grundlage(bericht)]
    for amt, steckbriefe in steckbriefe_je_amt(bericht):
        zeilen += [f"## {md_text(steckbriefe[0].anlage if steckbriefe else amt.name)}", ""]
        for sb in steckbriefe:
            zeilen += [*steckbrief_markdown(sb), "---", ""]
    return "\n".join(zeilen).rstrip("-\n ") + "\n"
