"""The Sachstandsbericht as one self-contained HTML document, printable on A4, with SVG charts."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from strategie.ausgabe.html.aenderungen import aenderungen_html
from strategie.ausgabe.html.stil import (
    ampel_html,
    bewertung_html,
    dokument,
    esc,
    grundlage_html,
    status_html,
)
from strategie.ausgabe.html.svg import kennzahl_svg, status_balken_svg
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.kennzahlen import BEWERTUNGEN
from strategie.auswertung.zusammenfassung import (
    HANDLUNGSBEDARF,
    HINWEISARTEN,
    Auffaelligkeit,
    Hinweis,
    handlungsbedarf_regel,
)
from strategie.modell.rahmen import Amt
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de, zahl_de

KENNZAHL_DIAGRAMME = 60
"""Trend charts drawn at most; further Kennzahlen are listed without a chart."""

SCHWERE = {"rot": 0, "entfallen": 1, "zurückgestellt": 2, "gelb": 3, "massnahme": 4,
           "steckbrief": 5}
"""Order of the attention list: the most serious Hinweis of a goal first."""

ZUSATZ_STIL = """
.kacheln { display: grid; grid-template-columns: repeat(5, 1fr); gap: 2mm; margin: 0 0 4mm; }
.kachel { border: 0.6pt solid var(--linie); border-radius: 1.5mm; padding: 1.8mm 2.2mm;
          break-inside: avoid; }
.kachel b { display: block; font-size: 15pt; color: var(--akzent); line-height: 1.15; }
.kachel span { font-size: 8pt; color: var(--grau); }
.zweispaltig { display: grid; grid-template-columns: 1fr 1fr; gap: 5mm; align-items: start; }
table.zaehlung { break-inside: avoid; }
table.matrix { width: auto; min-width: 120mm; }
table.matrix td.zahl, table.matrix th.zahl { min-width: 14mm; }
table.ziele { table-layout: fixed; }
.c-id { width: 16mm; } .c-hf { width: 8mm; } .c-status { width: 29mm; }
.c-ampel { width: 15mm; } .c-stand { width: 21mm; }
.c-amt { width: 34mm; } .c-bew { width: 21mm; } .c-diagramm { width: 54mm; }
tbody.ziel { break-inside: avoid; }
tr.mit-hinweis td { border-bottom: none; }
tr.hinweiszeile td { border-top: none; padding-top: 0; }
td.c-diagramm svg { width: 52mm; }
ul.hinweise { margin: 0; padding-left: 3.5mm; font-size: 8pt; color: #4a3300; }
.veraltet { color: var(--warn); }
.inhalt { columns: 2; font-size: 8.5pt; margin: 0 0 3mm; }
.aenderung { margin: 0 0 2.5mm; }
.aenderung h3 { font-size: 9.5pt; margin: 0 0 0.8mm; }
.eintrag { margin: 0 0 1.2mm 2mm; font-size: 8.5pt; }
.eintrag p { margin: 0; }
.eintrag ul { margin: 0.3mm 0 0; padding-left: 4mm; }
.kommentar { font-style: italic; white-space: pre-line; }
.amtkopf { margin: 0 0 2.5mm; }
.aenderungen { columns: 2; column-gap: 6mm; }
.aenderung { break-inside: avoid; }
table.sammel td:nth-child(1), table.sammel td:nth-child(2) { white-space: nowrap; }
"""


def bericht_html(bericht: Bericht) -> str:
    """The whole Sachstandsbericht as one HTML5 document (no scripts, nothing external)."""
    aemter = bericht.aemter()
    teile = [_kopf(bericht, aemter), _ueberblick(bericht), _leuchttuerme(bericht),
             _aufmerksamkeit(bericht), _kennzahlen(bericht)]
    if bericht.aenderungen is not None:
        teile.append(aenderungen_html(bericht))
    hinweise = {a.ziel.pfad: a.hinweise for a in bericht.zusammenfassung.auffaellig}
    teile += [_amt_abschnitt(bericht, nummer, amt, hinweise)
              for nummer, amt in enumerate(aemter, start=1)]
    stichtag = datum_de(bericht.stichtag)
    return dokument(
        f"{bericht.titel} – Stichtag {stichtag}", "".join(teile),
        kopfzeile=f"{bericht.titel} · Stichtag {stichtag}",
        fusszeile=bericht.grundlage.zeile(),
        zusatz_stil=ZUSATZ_STIL + "".join(f"\nsection.amt{n} {{ page: amt{n}; }}"
                                          for n in range(1, len(aemter) + 1)),
        benannt={f"amt{n}": f"{bericht.titel} · {amt.name}"
                 for n, amt in enumerate(aemter, start=1)})


# -- head and overview -----------------------------------------------------------------------

def _kopf(bericht: Bericht, aemter: Sequence[Amt]) -> str:
    z = bericht.zusammenfassung
    traeger = f" · {esc(bericht.rahmen.traeger)}" if bericht.rahmen.traeger else ""
    inhalt = ['<li><a href="#ueberblick">Überblick</a></li>',
              '<li><a href="#leuchttuerme">Leuchttürme</a></li>',
              '<li><a href="#aufmerksamkeit">Handlungsbedarf</a></li>',
              '<li><a href="#kennzahlen">Kennzahlen</a></li>']
    if bericht.aenderungen is not None:
        inhalt.append('<li><a href="#aenderungen">Änderungen</a></li>')
    inhalt += [f'<li><a href="#amt-{n}">{esc(amt.name)}</a></li>'
               for n, amt in enumerate(aemter, start=1)]
    return (f"<header><h1>{esc(bericht.titel)}</h1>"
            f'<p class="untertitel">Stichtag {datum_de(bericht.stichtag)} · '
            f"{zahl_de(z.anzahl)} Ziele{traeger}</p></header>\n{grundlage_html(bericht)}"
            f'<nav aria-label="Inhalt"><ul class="inhalt">{"".join(inhalt)}</ul></nav>\n')


def _kachel(wert: int | str, text: str) -> str:
    zahl = zahl_de(wert) if isinstance(wert, int) else wert
    return f'<div class="kachel"><b>{zahl}</b><span>{esc(text)}</span></div>'


def _ueberblick(bericht: Bericht) -> str:
    z, rahmen = bericht.zusammenfassung, bericht.rahmen
    bewertungen = Counter(k.bewertung for k in z.kennzahlen)
    gut = bewertungen["erreicht"] + bewertungen["auf Kurs"]
    kacheln = "".join((
        _kachel(z.anzahl, "Ziele"),
        _kachel(len(z.leuchttuerme), "Leuchttürme"),
        _kachel(len(z.auffaellig), "mit Handlungsbedarf"),
        _kachel(z.nach_ampel.get("rot", 0), "Ampel rot"),
        _kachel(f"{zahl_de(gut)}/{zahl_de(len(z.kennzahlen))}",
                "Kennzahlen erreicht oder auf Kurs"),
    ))
    zeilen = [(amt.kurzname, z.status_je_amt.get(amt.kuerzel, Counter()))
              for amt in bericht.aemter()]
    diagramm = status_balken_svg(zeilen, [w.name for w in rahmen.umsetzungsstand])
    gesamt = max(z.anzahl, 1)

    def zaehltabelle(titel: str, werte: Iterable[tuple[str, str, int]]) -> str:
        zeilen_html = "".join(
            f'<tr><td>{marke}</td><td class="zahl">{zahl_de(anzahl)}</td>'
            f'<td class="zahl">{zahl_de(round(anzahl / gesamt * 100))} %</td></tr>'
            for _, marke, anzahl in werte)
        return (f'<table class="zaehlung"><caption>{esc(titel)}</caption><thead><tr>'
                f'<th>Wert</th><th class="zahl">Ziele</th><th class="zahl">Anteil</th></tr>'
                f"</thead><tbody>{zeilen_html}</tbody></table>")

    nach_status = zaehltabelle("Nach Umsetzungsstand", (
        (w.name, status_html(w.name), z.nach_status.get(w.name, 0))
        for w in rahmen.umsetzungsstand))
    ampeln = [(w.name, ampel_html(w.name), z.nach_ampel.get(w.name, 0)) for w in rahmen.ampel]
    if z.nach_ampel.get("–"):
        ampeln.append(("–", "ohne Ampel", z.nach_ampel["–"]))
    nach_ampel = zaehltabelle("Nach Ampel", ampeln)
    return (f'<section id="ueberblick"><h2>Überblick</h2><div class="kacheln">{kacheln}</div>'
            f"{_matrix(bericht)}<h3>Umsetzungsstand je Amt</h3>"
            f'<div class="block">{diagramm}</div>'
            f'<div class="zweispaltig">{nach_status}{nach_ampel}</div></section>\n')


def _matrix(bericht: Bericht) -> str:
    """Amt × Handlungsfeld with row and column sums, rows in the frame's (report table) order."""
    matrix, rahmen = bericht.zusammenfassung.matrix, bericht.rahmen
    kopf = "".join(f'<th class="zahl" scope="col">HF {h}</th>' for h in matrix.handlungsfelder)
    zeilen = []
    for kuerzel in matrix.aemter:
        amt = rahmen.amt(kuerzel)
        name = esc(amt.kurzname if amt else kuerzel)
        zellen = "".join(f'<td class="zahl">{zahl_de(matrix.zellen.get((kuerzel, h), 0))}</td>'
                         for h in matrix.handlungsfelder)
        zeilen.append(f'<tr data-amt="{esc(kuerzel)}"><th scope="row">{name}</th>{zellen}'
                      f'<td class="zahl"><b>{zahl_de(matrix.zeilensumme(kuerzel))}</b></td></tr>')
    summen = "".join(f'<td class="zahl">{zahl_de(matrix.spaltensumme(h))}</td>'
                     for h in matrix.handlungsfelder)
    legende = " · ".join(f"HF {h.nummer}: {esc(h.name)}" for h in rahmen.handlungsfelder)
    return (f'<table class="matrix"><caption>Ziele je Amt und Handlungsfeld</caption>'
            f'<thead><tr><th scope="col">Amt</th>{kopf}<th class="zahl" scope="col">Summe</th>'
            f'</tr></thead><tbody>{"".join(zeilen)}</tbody><tfoot><tr><th scope="row">Summe'
            f'</th>{summen}<td class="zahl">{zahl_de(matrix.gesamt)}</td></tr></tfoot></table>'
            f'<p class="klein">{legende}</p>')


# -- lists -----------------------------------------------------------------------------------

def _titel(ziel: Ziel) -> str:
    stern = ' <span class="stern" title="Leuchtturm">★</span>' if ziel.leuchtturm else ""
    return f"{esc(ziel.titel)}{stern}"


def _amtname(bericht: Bericht, kuerzel: str) -> str:
    amt = bericht.rahmen.amt(kuerzel)
    return esc(amt.kurzname if amt else kuerzel)


def _zielblock(zellen: str, hinweise: Sequence[Hinweis], spalten: int) -> str:
    """One goal as a table section: its row, and its Hinweise across the table below it."""
    if not hinweise:
        return f'<tbody class="ziel"><tr>{zellen}</tr></tbody>'
    liste = "".join(f"<li>{esc(h.text)}</li>" for h in hinweise)
    return (f'<tbody class="ziel"><tr class="mit-hinweis">{zellen}</tr><tr class="hinweiszeile">'
            f'<td></td><td colspan="{spalten - 1}"><ul class="hinweise">{liste}</ul></td></tr>'
            "</tbody>")


def _leuchttuerme(bericht: Bericht) -> str:
    ziele = bericht.zusammenfassung.leuchttuerme
    if not ziele:
        return ('<section id="leuchttuerme"><h2>Leuchttürme</h2>'
                '<p class="leer">Keine Leuchttürme in dieser Auswahl.</p></section>\n')
    zeilen = "".join(
        f'<tr><td class="nowrap">{esc(z.id)}</td><td>{_titel(z)}</td>'
        f"<td>{_amtname(bericht, z.amt)}</td><td>{status_html(z.status)}</td>"
        f"<td>{ampel_html(z.ampel)}</td></tr>" for z in ziele)
    return ('<section id="leuchttuerme"><h2>Leuchttürme</h2><table class="ziele"><thead><tr>'
            '<th class="c-id">ID</th><th>Titel</th><th class="c-amt">Amt</th>'
            '<th class="c-status">Umsetzungsstand</th><th class="c-ampel">Ampel</th></tr>'
            f"</thead><tbody>{zeilen}</tbody></table></section>\n")


def _schwere(auffaellig: Auffaelligkeit) -> int:
    return min(SCHWERE.get(h.art, 9) for h in auffaellig.hinweise)


def _aufmerksamkeit(bericht: Bericht) -> str:
    auffaellig = sorted(bericht.zusammenfassung.auffaellig, key=_schwere)
    arten = Counter(h.art for a in auffaellig for h in a.hinweise)
    uebersicht = " · ".join(f"{esc(titel)}: {zahl_de(arten[art])}"
                            for art, titel in HINWEISARTEN.items() if arten.get(art))
    kopf = f'<section id="aufmerksamkeit"><h2>{HANDLUNGSBEDARF}</h2>'
    if not auffaellig:
        return kopf + f'<p class="leer">Kein {HANDLUNGSBEDARF}.</p></section>\n'
    zeilen = "".join(_zielblock(
        f'<td class="nowrap">{esc(a.ziel.id)}</td><td>{_titel(a.ziel)}</td>'
        f"<td>{_amtname(bericht, a.ziel.amt)}</td><td>{status_html(a.ziel.status)}</td>"
        f"<td>{ampel_html(a.ziel.ampel)}</td>", a.hinweise, 5) for a in auffaellig)
    monate = bericht.zusammenfassung.max_alter_monate
    return (f"{kopf}<p>{zahl_de(len(auffaellig))} Ziele: {uebersicht}. "
            f"{esc(handlungsbedarf_regel(monate))} Das Ernsteste zuerst.</p>"
            '<table class="ziele aufmerksam"><thead><tr><th class="c-id">ID</th><th>Titel</th>'
            '<th class="c-amt">Amt</th><th class="c-status">Umsetzungsstand</th>'
            '<th class="c-ampel">Ampel</th></tr></thead>'
            f"{zeilen}</table></section>\n")


def _kennzahlen(bericht: Bericht) -> str:
    """Each Kennzahl with its verdict, those off track first; trend charts up to the cap."""
    rang = {b: i for i, b in enumerate(BEWERTUNGEN)}
    staende = sorted(bericht.zusammenfassung.kennzahlen, key=lambda k: rang.get(k.bewertung, 9))
    kopf = '<section id="kennzahlen"><h2>Kennzahlen</h2>'
    if not staende:
        return kopf + '<p class="leer">Keine Kennzahlen in dieser Auswahl.</p></section>\n'
    zaehler = Counter(k.bewertung for k in staende)
    uebersicht = " · ".join(f"{bewertung_html(b)}: {zahl_de(zaehler.get(b, 0))}"
                            for b in BEWERTUNGEN)
    mit_werten = sum(1 for s in staende if s.kennzahl.messwerte)
    grenze = ""
    if mit_werten > KENNZAHL_DIAGRAMME:
        grenze = (f" Verlaufsdiagramme für die ersten {KENNZAHL_DIAGRAMME} von "
                  f"{zahl_de(mit_werten)} Kennzahlen mit Messwerten; alle Verläufe stehen in den "
                  "Maßnahmensteckbriefen und im JSON-Bericht.")
    zeilen, diagramme = [], 0
    for stand in staende:
        k = stand.kennzahl
        diagramm = ""
        if diagramme < KENNZAHL_DIAGRAMME and k.messwerte:
            diagramm, diagramme = kennzahl_svg(k), diagramme + 1
        quelle = f'<br><span class="klein">Quelle: {esc(k.quelle)}</span>' if k.quelle else ""
        zeilen.append(
            f'<tr><td class="nowrap">{esc(stand.ziel.id)}</td><td>{esc(k.name)}{quelle}</td>'
            f"<td>{esc(stand.beschreibung())}</td><td>{bewertung_html(stand.bewertung)}</td>"
            f'<td class="c-diagramm">{diagramm}</td></tr>')
    return (f"{kopf}<p>{zahl_de(len(staende))} Kennzahlen: {uebersicht}. Basiswert → letzter "
            "Messwert → Zielwert, die gefährdeten zuerst; im Verlauf gestrichelt: Basis "
            f"(grau) und Ziel (grün).{grenze}</p>"
            f'<p class="klein regel">{esc(bericht.zusammenfassung.kennzahl_regel)}</p>'
            '<table class="ziele"><thead><tr><th class="c-id">Ziel</th><th>Kennzahl</th>'
            '<th>Basis → zuletzt → Ziel</th><th class="c-bew">Bewertung</th>'
            f'<th class="c-diagramm">Verlauf</th></tr></thead><tbody>{"".join(zeilen)}</tbody>'
            "</table></section>\n")


# -- one section per Amt ---------------------------------------------------------------------

def _amt_abschnitt(bericht: Bericht, nummer: int, amt: Amt,
                   hinweise: dict[str, tuple[Hinweis, ...]]) -> str:
    z = bericht.zusammenfassung
    ziele = bericht.ziele_von(amt.kuerzel)
    status = z.status_je_amt.get(amt.kuerzel, Counter())
    ampel = z.ampel_je_amt.get(amt.kuerzel, Counter())
    zaehlung = " · ".join(f"{status_html(w.name, zahl_de(status[w.name]))}"
                          for w in bericht.rahmen.umsetzungsstand if status.get(w.name))
    ampeln = " · ".join(f"{ampel_html(w.name, zahl_de(ampel[w.name]))}"
                        for w in bericht.rahmen.ampel if ampel.get(w.name))
    zeilen = []
    for ziel in ziele:
        eigene = hinweise.get(ziel.pfad, ())
        stand = ziel.steckbrief.stand if ziel.steckbrief else None
        veraltet = " veraltet" if any(h.art == "steckbrief" for h in eigene) else ""
        zeilen.append(_zielblock(
            f'<td class="nowrap">{esc(ziel.id)}</td><td>{_titel(ziel)}</td>'
            f'<td class="zahl">{ziel.handlungsfeld}</td><td>{status_html(ziel.status)}</td>'
            f'<td>{ampel_html(ziel.ampel)}</td><td class="nowrap{veraltet}">'
            f"{datum_de(stand)}</td>", eigene, 6))
    return (f'<section class="amt amt{nummer} seite-neu" id="amt-{nummer}" '
            f'data-amt="{esc(amt.kuerzel)}"><h2>{esc(amt.name)}</h2>'
            f'<p class="amtkopf">{zahl_de(len(ziele))} Ziele: {zaehlung}'
            f'{"<br>Ampel: " + ampeln if ampeln else ""}</p>'
            '<table class="ziele"><thead><tr><th class="c-id">ID</th><th>Titel</th>'
            '<th class="c-hf zahl">HF</th><th class="c-status">Umsetzungsstand</th>'
            '<th class="c-ampel">Ampel</th><th class="c-stand">Steckbrief-Stand</th></tr>'
            f'</thead>{"".join(zeilen)}</table></section>\n')
