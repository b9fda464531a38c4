"""The Maßnahmensteckbriefe as a Word document: a cover, one section per Anlage, one page per
Steckbrief, for the Vorlage writer to edit before it goes into the Ratsinformationssystem."""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as Dokument
from docx.shared import Pt

from strategie.ausgabe.docx.dokument import (
    GRAU,
    WARNUNG,
    Marke,
    absatz,
    als_bytes,
    hinweis,
    kopf_und_fuss,
    lauf,
    neuer_abschnitt,
    neues_dokument,
    setze_breiten,
    tabelle,
    text,
    ueberschrift,
)
from strategie.ausgabe.steckbrief import Angabe, Steckbrief, steckbriefe_je_amt
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.jahresplanung import Jahresplanung
from strategie.modell.feld import STECKBRIEF_UEBERSCHRIFTEN
from strategie.modell.rahmen import Amt
from strategie.text.format import datum_de, zahl_de


def steckbriefe_docx(bericht: Bericht, vorlagen: Path | None = None) -> bytes:
    """All Maßnahmensteckbriefe of the report as a .docx (Anlagen in the Vorlage's order)."""
    titel = f"Maßnahmensteckbriefe {bericht.rahmen.name}"
    stand = f"Stand {datum_de(bericht.stichtag)}"
    dokument = neues_dokument(vorlagen, titel, bericht.grundlage.zeile())
    kopf_und_fuss(dokument, f"{titel} · {stand}", bericht)
    anlagen = steckbriefe_je_amt(bericht)
    _deckblatt(dokument, bericht, anlagen)
    for amt, steckbriefe in anlagen:
        anlage = steckbriefe[0].anlage if steckbriefe else amt.name
        neuer_abschnitt(dokument, f"{anlage} · {stand}")
        ueberschrift(dokument, text(anlage), 1)
        for nummer, sb in enumerate(steckbriefe):
            steckbrief_docx(dokument, sb, bericht, neue_seite=nummer > 0)
    return als_bytes(dokument)


def _deckblatt(dokument: Dokument, bericht: Bericht,
               anlagen: list[tuple[Amt, list[Steckbrief]]]) -> None:
    rahmen = bericht.rahmen
    ueberschrift(dokument, "Maßnahmensteckbriefe", 0)
    traeger = f"{rahmen.traeger} · " if rahmen.traeger else ""
    absatz(dokument, f"{rahmen.name}\n{traeger}Stand {datum_de(bericht.stichtag)} · "
                     f"{zahl_de(len(bericht.ziele))} Ziele", farbe=GRAU)
    hinweis(dokument, rahmen.hinweis)
    absatz(dokument, "Je Ziel ein Maßnahmensteckbrief, nach Organisationseinheiten sortiert in "
                     "der Reihenfolge der Anlagen der Vorlage 2024/144. Jeder Steckbrief gibt "
                     "einen schnellen Überblick über")
    for punkt in STECKBRIEF_UEBERSCHRIFTEN.values():
        absatz(dokument, punkt, stil="List Bullet")
    tabelle(dokument, ["Anlage", "Organisationseinheit", "Steckbriefe"],
            [(amt.anlage or "–", amt.name, zahl_de(len(liste)))
             for amt, liste in anlagen], rechts=(0, 2), breiten=(20, 110, 28))
    absatz(dokument, "")
    grundlage(dokument, bericht)


def grundlage(dokument: Dokument, bericht: Bericht | Jahresplanung) -> None:
    """The Grundlage as a small two-column table (it is also in every page's footer)."""
    g = bericht.grundlage
    zeilen = [("Zielspeicher", g.speicher + (f", {g.ort}" if g.ort else "")),
              ("Commit", (g.commit_text + (" (Arbeitskopie mit nicht eingecheckten Änderungen)"
                                           if g.ungespeichert else "")
                          + (" (noch nicht geteilt)" if g.geteilt is False else ""))
               if g.commit else "ohne git-Verlauf"),
              ("Stichtag", datum_de(g.stichtag) if g.stichtag
               else f"aktueller Stand ({datum_de(bericht.stichtag)})"),
              ("Erstellt", f"{g.erstellt:%d.%m.%Y %H:%M} Uhr")]
    if g.filter:
        zeilen.append(("Auswahl", g.filter))
    if bericht.befunde:
        zeilen.append(("Nicht berücksichtigt", "\n".join(bericht.befundzeilen())))
    absatz(dokument, "Grundlage", fett=True, klein=True)
    tabelle(dokument, None, zeilen, breiten=(35, 123))


def _wert(angabe: Angabe) -> object:
    if angabe.art in ("status", "ampel"):
        return Marke(angabe.text, angabe.art)
    if angabe.art == "leuchtturm":
        return f"★ {angabe.text}"
    if angabe.art == "handlungsfeld" and angabe.zusatz:
        return f"{angabe.text}\nStrategischer Leitsatz: „{angabe.zusatz}“"
    return angabe.text or "–"


def steckbrief_docx(dokument: Dokument, sb: Steckbrief, bericht: Bericht, *,
                    neue_seite: bool) -> None:
    """One Steckbrief: heading (Heading 2, on a new page), grid, texts, Maßnahmen, Kennzahlen."""
    ziel = sb.ziel
    kopf = ueberschrift(dokument, f"{ziel.id} {ziel.titel}" + (" ★" if ziel.leuchtturm else ""),
                        2)
    kopf.paragraph_format.page_break_before = neue_seite
    absatz(dokument, f"Maßnahmensteckbrief · {sb.amt.kurzname}", klein=True, farbe=GRAU)
    raster = tabelle(dokument, None, [], spalten=4)
    for zeile in sb.raster:
        zellen = raster.add_row().cells
        if len(zeile) == 2:
            paare = [(zellen[0], zeile[0].titel), (zellen[1], _wert(zeile[0])),
                     (zellen[2], zeile[1].titel), (zellen[3], _wert(zeile[1]))]
        else:
            zusammen = zellen[1].merge(zellen[3])
            paare = [(zellen[0], zeile[0].titel), (zusammen, _wert(zeile[0]))]
        for nummer, (zelle, wert) in enumerate(paare):
            if isinstance(wert, Marke):
                wert.setze(zelle)
                continue
            absatz_ = zelle.paragraphs[0]
            lauf(absatz_, str(wert), fett=nummer % 2 == 0)
            absatz_.paragraph_format.space_after = Pt(0)
            for teil in absatz_.runs:
                teil.font.size = Pt(8.5)
    setze_breiten(raster, (34, 54, 30, 57))  # the text width of A4: 175 mm
    for titel, inhalt in (("Wirkungsziel", sb.wirkungsziel), ("Leistungsziel", sb.leistungsziel)):
        ueberschrift(dokument, titel, 3)
        _text(dokument, inhalt)
    ueberschrift(dokument, "Maßnahmen", 3)
    if sb.massnahmen:
        tabelle(dokument, ["Nr.", "Maßnahme", "Status", "Termin", "verantwortlich"],
                [(m.nummer, m.titel, m.status or "–",
                  datum_de(m.termin) + (" überfällig" if m.ueberfaellig else ""),
                  m.verantwortlich or "–") for m in sb.massnahmen],
                rechts=(0,), breiten=(10, 82, 24, 24, 35))
    else:
        absatz(dokument, "keine Maßnahmen erfasst", kursiv=True, farbe=GRAU)
    for nummer, (titel, inhalt) in enumerate(sb.texte):
        kopf = ueberschrift(dokument, text(titel), 3)
        if nummer == 0:
            lauf(kopf, f"   Stand: {datum_de(sb.stand)}", klein=True, farbe=GRAU)
            if sb.veraltet:
                lauf(kopf, f" – {sb.veraltet}", klein=True, farbe=WARNUNG)
        _text(dokument, inhalt)
    if sb.kennzahlen:
        ueberschrift(dokument, "Kennzahlen", 3)
        tabelle(dokument, ["Kennzahl", "Basis", "zuletzt", "erwartet", "Ziel", "Bewertung"],
                [(f"{k.name}\n{k.details}", k.basis,
                  k.zuletzt + (f"\n{datum_de(k.zuletzt_stichtag)}" if k.zuletzt_stichtag else ""),
                  k.erwartet, k.ziel + (f"\nbis {k.zieljahr}" if k.zieljahr else ""),
                  Marke(k.bewertung, "bewertung")) for k in sb.kennzahlen],
                rechts=(1, 2, 3, 4), breiten=(69, 16, 22, 18, 22, 28))
    if sb.beschluesse:
        ueberschrift(dokument, "Beschlüsse", 3)
        for beschluss in sb.beschluesse:
            absatz(dokument, beschluss, stil="List Bullet")


def _text(dokument: Dokument, inhalt: str) -> None:
    """A Steckbrief text: one Word paragraph per paragraph of the file."""
    absaetze = [a.strip() for a in inhalt.strip().split("\n\n") if a.strip()]
    if not absaetze:
        absatz(dokument, "keine Angabe", kursiv=True, farbe=GRAU)
    for teil in absaetze:
        absatz(dokument, teil)
