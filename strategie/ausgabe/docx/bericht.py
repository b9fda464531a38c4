"""The Sachstandsbericht as a Word document: the same parts as in HTML, as Word headings and
tables, each Amt on a new page, the Grundlage in every footer."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from docx.document import Document as Dokument

from strategie.ausgabe import abschnitte
from strategie.ausgabe.aenderungen import aenderungen_sicht
from strategie.ausgabe.docx.dokument import (
    GRAU,
    Marke,
    absatz,
    als_bytes,
    fette_zeile,
    hinweis,
    hinweiszeile,
    kopf_und_fuss,
    neues_dokument,
    setze_breiten,
    tabelle,
    text,
    ueberschrift,
    zeile,
)
from strategie.ausgabe.docx.steckbriefe import grundlage
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.kennzahlen import AUF_KURS, ERREICHT
from strategie.auswertung.zusammenfassung import HINWEISARTEN
from strategie.text.format import datum_de, euro_de, mit_einheit, zahl_de, zeitpunkt


def bericht_docx(bericht: Bericht, vorlagen: Path | None = None) -> bytes:
    """The whole Sachstandsbericht as a .docx."""
    z, rahmen = bericht.zusammenfassung, bericht.rahmen
    dokument = neues_dokument(vorlagen, bericht.titel, bericht.grundlage.zeile())
    kopf_und_fuss(dokument, f"{bericht.titel} · {bericht.stand_text}", bericht)
    ueberschrift(dokument, text(bericht.titel), 0)
    traeger = f" · {rahmen.traeger}" if rahmen.traeger else ""
    absatz(dokument, f"{bericht.stand_text} · {zahl_de(z.anzahl)} Ziele{traeger}", farbe=GRAU)
    hinweis(dokument, rahmen.hinweis)
    grundlage(dokument, bericht)
    _ueberblick(dokument, bericht)
    _listen(dokument, bericht)
    if bericht.aenderungen is not None:
        _aenderungen(dokument, bericht)
    for amt in bericht.aemter():
        kapitel = ueberschrift(dokument, text(amt.name), 1)
        kapitel.paragraph_format.page_break_before = True
        ziele = bericht.ziele_von(amt.kuerzel)
        status = z.status_je_amt.get(amt.kuerzel, Counter())
        absatz(dokument, f"{zahl_de(len(ziele))} Ziele: " + " · ".join(
            f"{w.name}: {zahl_de(status[w.name])}" for w in rahmen.umsetzungsstand
            if status.get(w.name)))
        hinweise = {a.ziel.pfad: a.hinweise for a in z.auffaellig}
        liste = tabelle(dokument, ["ID", "Titel", "HF", "Umsetzungsstand", "Ampel",
                                   "Steckbrief-Stand", "Jahr", "Mittel Plan"], [],
                        rechts=(2, 6, 7))
        for ziel in ziele:  # the Hinweise of a goal across the row below it, as in HTML
            zeile(liste, (ziel.id, ziel.titel + (" ★" if ziel.leuchtturm else ""),
                          ziel.handlungsfeld, Marke(ziel.status, "status"),
                          Marke(ziel.ampel, "ampel"),
                          datum_de(ziel.steckbrief.stand if ziel.steckbrief else None),
                          ziel.umsetzungsjahr or "–",
                          euro_de(ziel.haushalt.mittel_plan if ziel.haushalt else None)),
                  rechts=(2, 6, 7))
            if hinweise.get(ziel.pfad):
                hinweiszeile(liste, "\n".join(" ".join(h.text.split())
                                              for h in hinweise[ziel.pfad]))
        setze_breiten(liste, (15, 50, 8, 30, 15, 19, 12, 21))
    return als_bytes(dokument)


def _ueberblick(dokument: Dokument, bericht: Bericht) -> None:
    z, rahmen = bericht.zusammenfassung, bericht.rahmen
    ueberschrift(dokument, abschnitte.UEBERBLICK, 1)
    bewertungen = Counter(k.bewertung for k in z.kennzahlen)
    gut = bewertungen[ERREICHT] + bewertungen[AUF_KURS]
    tabelle(dokument, ["Ziele", "Leuchttürme", "mit Handlungsbedarf", "Ampel rot",
                       f"Kennzahlen {ERREICHT} oder {AUF_KURS}"],
            [(zahl_de(z.anzahl), zahl_de(len(z.leuchttuerme)), zahl_de(len(z.auffaellig)),
              zahl_de(z.nach_ampel.get("rot", 0)),
              f"{zahl_de(gut)} von {zahl_de(len(z.kennzahlen))}")], rechts=range(5))
    ueberschrift(dokument, abschnitte.MATRIX, 2)
    matrix = z.matrix
    zeilen: list[list[object]] = []
    for kuerzel in matrix.aemter:
        amt = rahmen.amt(kuerzel)
        zeilen.append([amt.kurzname if amt else kuerzel,
                       *(zahl_de(matrix.zellen.get((kuerzel, h), 0))
                         for h in matrix.handlungsfelder), zahl_de(matrix.zeilensumme(kuerzel))])
    zeilen.append(["Summe", *(zahl_de(matrix.spaltensumme(h)) for h in matrix.handlungsfelder),
                   zahl_de(matrix.gesamt)])
    spalten = len(matrix.handlungsfelder)
    fette_zeile(tabelle(dokument, ["Amt", *(f"HF {h}" for h in matrix.handlungsfelder), "Summe"],
                        zeilen, rechts=range(1, spalten + 2), breiten=(60, *([16] * spalten), 18)))
    for notiz in (abschnitte.handlungsfelder_legende(rahmen),
                  *abschnitte.matrix_hinweise(rahmen)):
        absatz(dokument, notiz, klein=True, farbe=GRAU)
    ueberschrift(dokument, "Umsetzungsstand und Ampel", 2)
    tabelle(dokument, ["Umsetzungsstand", "Ziele", "Anteil"],
            [(Marke(wert, "status"), zahl_de(anzahl), f"{prozent} %")
             for wert, anzahl, prozent in abschnitte.nach_status(bericht)],
            rechts=(1, 2), breiten=(60, 20, 20))
    absatz(dokument, "")
    tabelle(dokument, ["Ampel", "Ziele", "Anteil"],
            [(Marke(wert, "ampel") if wert != "ohne Ampel" else wert, zahl_de(anzahl),
              f"{prozent} %") for wert, anzahl, prozent in abschnitte.nach_ampel(bericht)],
            rechts=(1, 2), breiten=(60, 20, 20))
    ueberschrift(dokument, abschnitte.UMSETZUNGSJAHRE, 2)
    m = z.mittel
    fette_zeile(tabelle(
        dokument, ["Umsetzungsjahr", "Ziele", "haushaltsneutral", "Mittel Plan", "Mittel Ist",
                   "Personal (VZÄ)"],
        [*((jahr or "ohne Angabe", zahl_de(s.anzahl), zahl_de(s.haushaltsneutral),
            euro_de(s.plan), euro_de(s.ist), zahl_de(s.personal))
           for jahr, s in z.je_umsetzungsjahr.items()),
         ("Summe", zahl_de(m.anzahl), zahl_de(m.haushaltsneutral), euro_de(m.plan),
          euro_de(m.ist), zahl_de(m.personal))],
        rechts=range(1, 6), breiten=(32, 16, 28, 28, 28, 26)))
    if z.je_raum:
        ueberschrift(dokument, abschnitte.RAEUME, 2)
        absatz(dokument, abschnitte.RAEUME_ERKLAERT, klein=True, farbe=GRAU)
        tabelle(dokument, ["Raum", "Ziele", "IDs"],
                [(raum, zahl_de(len(ziele)), ", ".join(z.id for z in ziele))
                 for raum, ziele in z.je_raum.items()], rechts=(1,), breiten=(40, 15, 120))


def _amtname(bericht: Bericht, kuerzel: str) -> str:
    amt = bericht.rahmen.amt(kuerzel)
    return amt.kurzname if amt else kuerzel


def _listen(dokument: Dokument, bericht: Bericht) -> None:
    z = bericht.zusammenfassung
    ueberschrift(dokument, abschnitte.LEUCHTTUERME, 1)
    if z.leuchttuerme:
        tabelle(dokument, ["ID", "Titel", "Amt", "Umsetzungsstand", "Ampel"],
                [(ziel.id, ziel.titel, _amtname(bericht, ziel.amt), Marke(ziel.status, "status"),
                  Marke(ziel.ampel, "ampel")) for ziel in z.leuchttuerme],
                breiten=(16, 66, 30, 33, 18))
    else:
        absatz(dokument, "Keine Leuchttürme in dieser Auswahl.", kursiv=True, farbe=GRAU)
    ueberschrift(dokument, abschnitte.HANDLUNGSBEDARF, 1)
    eintraege = abschnitte.handlungsbedarf(bericht)
    if not eintraege:
        absatz(dokument, f"Kein {abschnitte.HANDLUNGSBEDARF}.", kursiv=True, farbe=GRAU)
    else:
        arten = Counter(h.art for a in eintraege for h in a.hinweise)
        absatz(dokument, f"{zahl_de(len(eintraege))} Ziele: " + " · ".join(
            f"{titel}: {zahl_de(arten[art])}" for art, titel in HINWEISARTEN.items()
            if arten.get(art)) + ". " + abschnitte.handlungsbedarf_erklaert(z.max_alter_monate))
        tabelle(dokument, ["ID", "Titel", "Amt", "Umsetzungsstand", "Ampel", "Hinweise"],
                [(a.ziel.id, a.ziel.titel, _amtname(bericht, a.ziel.amt),
                  Marke(a.ziel.status, "status"), Marke(a.ziel.ampel, "ampel"),
                  "\n".join(" ".join(h.text.split()) for h in a.hinweise)) for a in eintraege],
                breiten=(15, 36, 22, 28, 15, 59))
    ueberschrift(dokument, abschnitte.KENNZAHLEN, 1)
    staende = abschnitte.kennzahlen_geordnet(bericht)
    if not staende:
        absatz(dokument, "Keine Kennzahlen in dieser Auswahl.", kursiv=True, farbe=GRAU)
        return
    zaehler = Counter(k.bewertung for k in staende)
    absatz(dokument, f"{zahl_de(len(staende))} Kennzahlen: " + " · ".join(
        f"{b}: {zahl_de(zaehler.get(b, 0))}" for b in abschnitte.BEWERTUNGEN)
        + ". Basiswert → letzter Messwert (Stichtag), Zielwert (Zieljahr); „erwartet“: wo die "
        "Linie von der Basis zum Ziel den Wert am Stichtag des letzten Messwerts erwartet. Die "
        "gefährdeten zuerst.")
    absatz(dokument, z.kennzahl_regel, klein=True, farbe=GRAU)
    tabelle(dokument, ["Ziel", "Kennzahl", "Basis → zuletzt, Ziel", "erwartet", "Bewertung"],
            [(k.ziel.id, k.kennzahl.name + (f"\nQuelle: {k.kennzahl.quelle}"
                                            if k.kennzahl.quelle else ""),
              k.beschreibung(), mit_einheit(k.erwartet, k.kennzahl.einheit, 1),
              Marke(k.bewertung, "bewertung")) for k in staende],
            rechts=(3,), breiten=(15, 55, 62, 18, 25))


def _aenderungen(dokument: Dokument, bericht: Bericht) -> None:
    sicht = aenderungen_sicht(bericht)
    bis = f" bis {sicht.bis}" if sicht.bis else ""
    kopf = ueberschrift(dokument, f"Änderungen seit {text(sicht.seit)}{text(bis)}", 1)
    kopf.paragraph_format.page_break_before = True
    if not sicht.gruppen:
        absatz(dokument, "Keine Änderungen in diesem Zeitraum.", kursiv=True, farbe=GRAU)
        return
    absatz(dokument, f"{zahl_de(sicht.anzahl)} Änderungen an {zahl_de(len(sicht.gruppen))} "
                     f"Zielen in {zahl_de(sicht.commits)} "
                     f"{'Commit' if sicht.commits == 1 else 'Commits'}; je Ziel die neueste "
                     "zuerst.")
    for gruppe in sicht.gruppen:
        titel = f" – {gruppe['titel']}" if gruppe["titel"] else ""
        ueberschrift(dokument, text(f"{gruppe['ziel']}{titel}"), 2)
        for eintrag in gruppe["eintraege"]:
            e = eintrag["eintrag"]
            absatz(dokument, f"{zeitpunkt(e.datum)} · {e.autor} · Commit {e.kurz}", klein=True,
                   farbe=GRAU)
            if not eintrag["sammel"]:
                absatz(dokument, sicht.kommentar(e), kursiv=True)
            for feld in eintrag["felder"]:
                absatz(dokument, _feldtext(feld), stil="List Bullet")


def _feldtext(feld: dict[str, object]) -> str:
    """One field change as plain text (Word has no <del>/<ins>: old → new)."""
    form = feld["form"]
    if form == "eintrag":
        return str(feld["text"])
    if form == "wortdiff":
        stuecke = feld["stuecke"]
        alt = "".join(t for m, t in stuecke if m != "ins")  # type: ignore[attr-defined]
        neu = "".join(t for m, t in stuecke if m != "del")  # type: ignore[attr-defined]
        return f"{feld['titel']}: „{' '.join(alt.split())}“ → „{' '.join(neu.split())}“"
    if form == "neu gefasst":
        return f"{feld['titel']} neu gefasst: {feld['neu']}"
    if form == "entfernt":
        return f"{feld['titel']}: entfernt (war: {feld['alt']})"
    if form == "gesetzt":
        return f"{feld['titel']}: {feld['neu']}"
    return f"{feld['titel']}: {feld['alt']} → {feld['neu']}"
