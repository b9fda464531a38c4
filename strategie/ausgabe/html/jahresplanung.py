"""The Jahresplanung as one self-contained HTML document in the style of the reports (A4)."""

from __future__ import annotations

from strategie.ausgabe.html.stil import dokument, esc, grundlage_html, status_html
from strategie.auswertung.haushalt import Mittelsumme
from strategie.auswertung.jahresplanung import Jahresplanung, Planzeile
from strategie.text.format import anzahl_de, datum_de, euro_de, zahl_de

ZUSATZ_STIL = """
table.plan { table-layout: fixed; font-size: 8pt; }
table.plan .c-id { width: 14mm; } table.plan .c-art { width: 17mm; }
table.plan .c-status { width: 26mm; } table.plan .c-neutral { width: 19mm; }
table.plan .c-produkt { width: 14mm; } table.plan .c-geld { width: 18mm; }
table.plan .c-vzae { width: 9mm; }
table.plan tfoot td, table.plan tfoot th, table.summen tfoot td, table.summen tfoot th {
  font-weight: bold; border-top: 1pt solid var(--akzent); }
section.amt { break-inside: avoid-page; }
"""

NEUTRAL = {True: "ja", False: "nein", None: "–"}


def _geld(wert: float | None) -> str:
    return f'<td class="zahl nowrap">{esc(euro_de(wert))}</td>'


def _summenzellen(summe: Mittelsumme) -> str:
    return (_geld(summe.plan) + _geld(summe.ist)
            + f'<td class="zahl">{esc(zahl_de(summe.personal))}</td>')


def _zeile(zeile: Planzeile) -> str:
    z = zeile.ziel
    return (f'<tr><td class="nowrap">{esc(z.id)}</td><td>{esc(z.titel)}</td>'
            f"<td>{esc(zeile.art or '–')}</td><td>{status_html(zeile.status)}</td>"
            f"<td>{NEUTRAL[zeile.haushaltsneutral]}</td><td>{esc(zeile.produkt or '–')}</td>"
            f"{_geld(zeile.mittel_plan)}{_geld(zeile.mittel_ist)}"
            f'<td class="zahl">{esc(zahl_de(zeile.personal_vzae))}</td></tr>')


def _amt(planung: Jahresplanung, nummer: int) -> str:
    amtplan = planung.aemter[nummer]
    kopf = ('<thead><tr><th class="c-id">ID</th><th>Titel</th><th class="c-art">Art</th>'
            '<th class="c-status">Umsetzungs&shy;stand</th><th class="c-neutral">haushalts&shy;'
            'neutral</th><th class="c-produkt">Produkt</th><th class="c-geld zahl">Mittel '
            'Plan</th><th class="c-geld zahl">Mittel Ist</th><th class="c-vzae zahl">VZÄ</th>'
            "</tr></thead>")
    zeilen = "".join(_zeile(z) for z in amtplan.zeilen)
    anzahl = anzahl_de(amtplan.summe.anzahl, "Ziel", "Ziele")
    fuss = (f'<tfoot><tr><th scope="row" colspan="6">Summe ({anzahl})</th>'
            f"{_summenzellen(amtplan.summe)}</tr></tfoot>")
    return (f'<section class="amt" data-amt="{esc(amtplan.amt.kuerzel)}">'
            f"<h2>Anlage {amtplan.amt.anlage} – {esc(amtplan.amt.name)}</h2>"
            f'<table class="ziele plan">{kopf}<tbody>{zeilen}</tbody>{fuss}</table></section>\n')


def _summen(planung: Jahresplanung) -> str:
    zeilen = "".join(
        f"<tr><td>{esc(a.amt.name)}</td><td class=\"zahl\">{a.summe.anzahl}</td>"
        f'<td class="zahl">{a.summe.haushaltsneutral}</td>'
        f'<td class="zahl">{a.summe.ohne_planansatz}</td>{_summenzellen(a.summe)}</tr>'
        for a in planung.aemter)
    g = planung.gesamt
    return (f'<section id="summen"><h2>Summen {planung.jahr}</h2><table class="summen">'
            "<thead><tr><th>Organisationseinheit</th><th class=\"zahl\">Ziele</th>"
            '<th class="zahl">haushaltsneutral</th><th class="zahl">ohne Planansatz</th>'
            '<th class="zahl">Mittel Plan</th><th class="zahl">Mittel Ist</th>'
            '<th class="zahl">VZÄ</th></tr></thead>'
            f"<tbody>{zeilen}</tbody><tfoot><tr><th scope=\"row\">Summe</th>"
            f'<td class="zahl">{g.anzahl}</td><td class="zahl">{g.haushaltsneutral}</td>'
            f'<td class="zahl">{g.ohne_planansatz}</td>{_summenzellen(g)}</tr></tfoot>'
            "</table></section>\n")


def jahresplanung_html(planung: Jahresplanung) -> str:
    """The whole Jahresplanung as one HTML5 document (no scripts, nothing external)."""
    teile = [f"<header><h1>{esc(planung.titel)}</h1>"
             f'<p class="untertitel">{esc(planung.stand_text)} · '
             f"{anzahl_de(planung.gesamt.anzahl, 'Ziel', 'Ziele')}</p></header>\n"
             f"{grundlage_html(planung)}"
             f'<p class="klein">{esc(planung.erlaeuterung)}</p>\n']
    if not planung.aemter:
        teile.append(f'<p class="leer">Kein Ziel hat das Umsetzungsjahr {planung.jahr}.</p>')
    teile += [_amt(planung, n) for n in range(len(planung.aemter))]
    if planung.aemter:
        teile.append(_summen(planung))
    if planung.entfallen:
        teile.append('<p class="klein">Entfallen und nicht mitgezählt: '
                     f'{esc(", ".join(z.id for z in planung.entfallen))}</p>')
    if planung.ohne_jahr:
        punkte = "".join(f"<li>{esc(z.id)} {esc(z.titel)} ({esc(z.status)})</li>"
                         for z in planung.ohne_jahr)
        teile.append(f'<section id="ohne-jahr"><h2>Noch keinem Haushaltsjahr zugeordnet '
                     f"({len(planung.ohne_jahr)} Ziele)</h2><ul>{punkte}</ul></section>\n")
    stand = datum_de(planung.stichtag)
    return dokument(f"{planung.titel} – Stand {stand}", "".join(teile),
                    kopfzeile=f"{planung.titel} · Stand {stand}",
                    fusszeile=planung.grundlage.zeile(), zusatz_stil=ZUSATZ_STIL)
