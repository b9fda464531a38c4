"""The Maßnahmensteckbriefe as in Vorlage 2024/144: one printed page per goal, Anlagen by Amt."""

from __future__ import annotations

from strategie.ausgabe.html.stil import (
    ampel_html,
    bewertung_html,
    dokument,
    esc,
    grundlage_html,
    status_html,
    text_html,
)
from strategie.ausgabe.html.svg import kennzahl_svg
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.zusammenfassung import Hinweis, Kennzahlstand
from strategie.modell.feld import STECKBRIEF_UEBERSCHRIFTEN
from strategie.modell.rahmen import Amt
from strategie.modell.ziel import Ziel
from strategie.text.format import datum_de, euro_de, mit_einheit, zahl_de

ZUSATZ_STIL = """
.anlage { break-before: page; }
.anlage-titel { font-size: 12pt; margin: 0 0 2.5mm; }
.steckbrief { font-size: 8.5pt; line-height: 1.3; }
.steckbrief + .steckbrief { break-before: page; }
.sb-kopf { border: 0.8pt solid var(--akzent); border-left-width: 2.5mm; padding: 1.2mm 3mm;
           margin: 0 0 2mm; }
.sb-kopf p { margin: 0; font-size: 7pt; letter-spacing: 0.06em; text-transform: uppercase;
             color: var(--grau); }
.sb-kopf h3 { margin: 0.3mm 0 0; font-size: 11.5pt; line-height: 1.25; }
.sb-id { color: var(--akzent); margin-right: 2mm; }
table.sb-raster { font-size: 8pt; margin-bottom: 1.8mm; }
table.sb-raster th, table.sb-raster td, .sb-feld th, .sb-feld td { padding: 0.7mm 1.3mm; }
table.sb-raster th { width: 31mm; background: var(--hell); font-weight: bold; }
.leitsatz { font-style: italic; color: var(--grau); }
.sb-zwei { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm; }
.sb-feld { margin: 0 0 1.6mm; break-inside: avoid; }
.sb-feld h4 { margin: 0 0 0.8mm; padding: 0.4mm 2mm; font-size: 9pt; color: var(--akzent);
              background: var(--hell); border-left: 1.2mm solid var(--akzent); }
.sb-feld > p { margin: 0 0 0 3.2mm; }
.sb-feld table, .sb-feld ul { margin: 0 0 0 3.2mm; width: calc(100% - 3.2mm); font-size: 8pt; }
.sb-datum { float: right; font-size: 8pt; font-weight: normal; color: var(--grau); }
.c-nr { width: 7mm; } .c-status { width: 22mm; } .c-termin { width: 19mm; }
.c-wer { width: 36mm; } .c-wert { width: 17mm; } .c-bew { width: 19mm; }
.c-diagramm { width: 50mm; }
td.c-diagramm { padding: 0.3mm; }
td.c-diagramm svg { width: 49mm; }
.ueberfaellig { color: #b71c1c; font-weight: bold; }
.deckblatt h1 { font-size: 22pt; margin-top: 12mm; }
.deckblatt ul { margin-bottom: 4mm; }
table.anlagen { width: auto; min-width: 120mm; }
"""


def steckbriefe_html(bericht: Bericht) -> str:
    """All Maßnahmensteckbriefe of the report as one HTML5 document, one goal per A4 page."""
    hinweise = {a.ziel.pfad: a.hinweise for a in bericht.zusammenfassung.auffaellig}
    kennzahlen: dict[str, list[Kennzahlstand]] = {}
    for stand in bericht.zusammenfassung.kennzahlen:
        kennzahlen.setdefault(stand.ziel.pfad, []).append(stand)
    erledigt = {w.name for w in bericht.rahmen.massnahmenstatus if w.abgeschlossen}
    aemter = bericht.aemter()
    teile = [_deckblatt(bericht, aemter)]
    for nummer, amt in enumerate(aemter, start=1):
        steckbriefe = "".join(
            _steckbrief(bericht, amt, ziel, hinweise.get(ziel.pfad, ()),
                        kennzahlen.get(ziel.pfad, []), erledigt)
            for ziel in bericht.ziele_von(amt.kuerzel))
        teile.append(f'<section class="anlage anlage{nummer}" data-amt="{esc(amt.kuerzel)}" '
                     f'id="anlage-{nummer}"><h2 class="anlage-titel">{esc(_anlage(amt))}</h2>'
                     f"{steckbriefe}</section>\n")
    titel = f"Maßnahmensteckbriefe {bericht.rahmen.name}"
    stichtag = datum_de(bericht.stichtag)
    return dokument(
        f"{titel} – Stand {stichtag}", "".join(teile),
        kopfzeile=f"{titel} · Stand {stichtag}", fusszeile=bericht.grundlage.zeile(),
        zusatz_stil=ZUSATZ_STIL + "".join(f"\nsection.anlage{n} {{ page: anlage{n}; }}"
                                          for n in range(1, len(aemter) + 1)),
        benannt={f"anlage{n}": f"{_anlage(amt)} · Stand {stichtag}"
                 for n, amt in enumerate(aemter, start=1)})


def _anlage(amt: Amt) -> str:
    """'Anlage 2 – Maßnahmensteckbriefe Sozialamt' (without a number if the frame has none)."""
    return (f"Anlage {amt.anlage} – " if amt.anlage else "") + f"Maßnahmensteckbriefe {amt.name}"


def _deckblatt(bericht: Bericht, aemter: tuple[Amt, ...]) -> str:
    zeilen = "".join(
        f'<tr><td class="zahl">{amt.anlage or "–"}</td><td><a href="#anlage-{n}">'
        f'{esc(amt.name)}</a></td><td class="zahl">'
        f"{zahl_de(len(bericht.ziele_von(amt.kuerzel)))}</td></tr>"
        for n, amt in enumerate(aemter, start=1))
    punkte = "".join(f"<li>{esc(t)}</li>" for t in STECKBRIEF_UEBERSCHRIFTEN.values())
    traeger = f"{esc(bericht.rahmen.traeger)} · " if bericht.rahmen.traeger else ""
    return (f'<header class="deckblatt"><h1>Maßnahmensteckbriefe</h1>'
            f'<p class="untertitel">{esc(bericht.rahmen.name)}<br>{traeger}Stand '
            f"{datum_de(bericht.stichtag)} · {zahl_de(len(bericht.ziele))} Ziele</p>"
            f"{grundlage_html(bericht)}<p>Je Ziel ein Maßnahmensteckbrief, nach "
            "Organisationseinheiten sortiert in der Reihenfolge der Anlagen der Vorlage 2024/144. "
            f"Jeder Steckbrief gibt einen schnellen Überblick über</p><ul>{punkte}</ul>"
            '<table class="anlagen"><thead><tr><th class="zahl">Anlage</th>'
            '<th>Organisationseinheit</th><th class="zahl">Steckbriefe</th></tr></thead>'
            f"<tbody>{zeilen}</tbody></table></header>\n")


def _zeile(titel: str, wert: str, titel2: str = "", wert2: str = "") -> str:
    """A row of the Steckbrief's grid: one label and value across, or two pairs side by side."""
    if not wert and not wert2:
        return ""
    if titel2:
        return (f'<tr><th scope="row">{esc(titel)}</th><td>{wert or "–"}</td>'
                f'<th scope="row">{esc(titel2)}</th><td>{wert2 or "–"}</td></tr>')
    return f'<tr><th scope="row">{esc(titel)}</th><td colspan="3">{wert}</td></tr>'


def _haushalt(ziel: Ziel) -> str:
    h = ziel.haushalt
    if h is None:
        return ""
    teile = [f"Produkt {esc(h.produkt)}" if h.produkt else "",
             f"Mittel (Plan) {euro_de(h.mittel_plan)}" if h.mittel_plan is not None else "",
             f"Mittel (Ist) {euro_de(h.mittel_ist)}" if h.mittel_ist is not None else "",
             f"Personal {mit_einheit(h.personal_vzae, 'VZÄ')}"
             if h.personal_vzae is not None else ""]
    return " · ".join(t for t in teile if t)


def _raster(bericht: Bericht, amt: Amt, ziel: Ziel) -> str:
    """The grid under the title: who, where in the strategy, how far, what budget."""
    hf = bericht.rahmen.handlungsfeld(ziel.handlungsfeld)
    handlungsfeld = str(ziel.handlungsfeld)
    if hf:
        handlungsfeld = f"{hf.nummer} – {esc(hf.name)}"
        if hf.leitsatz:
            handlungsfeld += (f'<br><span class="leitsatz">Strategischer Leitsatz: '
                              f"„{esc(hf.leitsatz)}“</span>")
    art = [esc(ziel.art)] if ziel.art else []
    if ziel.umsetzungsjahr:
        art.append(f"Umsetzungsjahr {ziel.umsetzungsjahr}")
    if ziel.haushaltsneutral is not None:
        art.append("haushaltsneutral" if ziel.haushaltsneutral else "nicht haushaltsneutral")
    leuchtturm = ('<span class="stern">★</span> Leuchtturmprojekt' if ziel.leuchtturm
                  else "nein")
    return ('<table class="sb-raster"><tbody>'
            + _zeile("Organisationseinheit", esc(amt.name),
                     "verantwortlich", esc(ziel.verantwortlich))
            + _zeile("Beteiligte", esc("; ".join(ziel.beteiligte)))
            + _zeile("Handlungsfeld", handlungsfeld)
            + _zeile("Aktionsbereiche", esc("; ".join(ziel.aktionsbereiche)) or "–")
            + _zeile("Leuchtturm", leuchtturm, "Art", " · ".join(art))
            + _zeile("Haushalt", _haushalt(ziel))
            + _zeile("Umsetzungsstand", f"<b>{status_html(ziel.status)}</b>",
                     "Ampel", f"<b>{ampel_html(ziel.ampel)}</b>")
            + _zeile("Begründung des Umsetzungsstands", text_html(ziel.status_begruendung)
                     if ziel.status_begruendung.strip() else "")
            + _zeile("Begründung der Ampel", text_html(ziel.ampel_begruendung)
                     if ziel.ampel_begruendung.strip() else "")
            + "</tbody></table>")


def _feld(titel: str, inhalt: str, zusatz: str = "") -> str:
    return f'<div class="sb-feld"><h4>{esc(titel)}{zusatz}</h4>{inhalt}</div>'


def _massnahmen(bericht: Bericht, ziel: Ziel, erledigt: set[str]) -> str:
    if not ziel.massnahmen:
        return _feld("Maßnahmen", '<p class="leer">keine Maßnahmen erfasst</p>')
    heute = bericht.zusammenfassung.heute
    zeilen = []
    for nummer, m in enumerate(ziel.massnahmen, start=1):
        termin = datum_de(m.termin)
        if m.termin and m.termin < heute and m.status not in erledigt:
            termin = f'<span class="ueberfaellig">{termin} überfällig</span>'
        zeilen.append(f'<tr><td class="zahl">{nummer}</td><td>{esc(m.titel)}</td>'
                      f'<td>{esc(m.status) or "–"}</td><td>{termin}</td>'
                      f'<td>{esc(m.verantwortlich) or "–"}</td></tr>')
    return _feld("Maßnahmen", (
        '<table><thead><tr><th class="c-nr zahl">Nr.</th><th>Maßnahme</th>'
        '<th class="c-status">Status</th><th class="c-termin">Termin</th>'
        f'<th class="c-wer">verantwortlich</th></tr></thead><tbody>{"".join(zeilen)}'
        "</tbody></table>"))


def _texte(ziel: Ziel, hinweise: tuple[Hinweis, ...]) -> str:
    steckbrief = ziel.steckbrief
    stand = steckbrief.stand if steckbrief else None
    alt = next((h.text for h in hinweise if h.art == "steckbrief"), "")
    warnung = f' – <span class="warnung">{esc(alt)}</span>' if alt else ""
    datum = f' <span class="sb-datum">Stand: {datum_de(stand)}{warnung}</span>'
    teile = []
    for nummer, (name, titel) in enumerate(STECKBRIEF_UEBERSCHRIFTEN.items()):
        text = str(getattr(steckbrief, name, "") or "") if steckbrief else ""
        teile.append(_feld(titel, text_html(text), datum if nummer == 0 else ""))
    return "".join(teile)


def _kennzahlen(staende: list[Kennzahlstand]) -> str:
    if not staende:
        return ""
    zeilen = []
    for stand in staende:
        k = stand.kennzahl
        letzter = "–"
        if stand.letzter:
            letzter = (f"{esc(mit_einheit(stand.letzter.wert, k.einheit))}<br>"
                       f'<span class="klein">{datum_de(stand.letzter.stichtag)}</span>')
        ziel = esc(mit_einheit(k.zielwert, k.einheit))
        if k.zieljahr:
            ziel += f'<br><span class="klein">bis {k.zieljahr}</span>'
        details = f"{esc(k.richtung)}" + (f" · Quelle: {esc(k.quelle)}" if k.quelle else "")
        zeilen.append(
            f'<tr><td>{esc(k.name)}<br><span class="klein">{details}</span></td>'
            f'<td class="zahl">{esc(mit_einheit(k.basiswert, k.einheit))}</td>'
            f'<td class="zahl">{letzter}</td><td class="zahl">{ziel}</td>'
            f"<td>{bewertung_html(stand.bewertung)}</td>"
            f'<td class="c-diagramm">{kennzahl_svg(k)}</td></tr>')
    return _feld("Kennzahlen", (
        '<table><thead><tr><th>Kennzahl</th><th class="c-wert zahl">Basis</th>'
        '<th class="c-wert zahl">zuletzt</th><th class="c-wert zahl">Ziel</th>'
        '<th class="c-bew">Bewertung</th><th class="c-diagramm">Verlauf</th></tr></thead>'
        f'<tbody>{"".join(zeilen)}</tbody></table>'))


def _beschluesse(ziel: Ziel) -> str:
    if not ziel.beschluesse:
        return ""
    punkte = "".join(
        f"<li>{esc(b.gremium)}, {datum_de(b.datum)}"
        f'{f" (Drucksache {esc(b.drucksache)})" if b.drucksache else ""}'
        f'{f": {esc(b.inhalt)}" if b.inhalt else ""}</li>' for b in ziel.beschluesse)
    return _feld("Beschlüsse", f"<ul>{punkte}</ul>")


def _steckbrief(bericht: Bericht, amt: Amt, ziel: Ziel, hinweise: tuple[Hinweis, ...],
                kennzahlen: list[Kennzahlstand], erledigt: set[str]) -> str:
    stern = ' <span class="stern" title="Leuchtturm">★</span>' if ziel.leuchtturm else ""
    return (f'<article class="steckbrief" id="ziel-{esc(ziel.id)}" data-ziel="{esc(ziel.id)}">'
            f'<header class="sb-kopf"><p>Maßnahmensteckbrief · {esc(amt.kurzname)}</p>'
            f'<h3><span class="sb-id">{esc(ziel.id)}</span> {esc(ziel.titel)}{stern}</h3></header>'
            f"{_raster(bericht, amt, ziel)}"
            '<div class="sb-zwei">'
            f'{_feld("Wirkungsziel", text_html(ziel.wirkungsziel))}'
            f'{_feld("Leistungsziel", text_html(ziel.leistungsziel))}</div>'
            f"{_massnahmen(bericht, ziel, erledigt)}{_texte(ziel, hinweise)}"
            f"{_kennzahlen(kennzahlen)}{_beschluesse(ziel)}</article>\n")
