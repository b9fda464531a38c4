"""The shared frame of the HTML reports: escaping, CSS for screen and A4 print, page boxes."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping

from strategie.ausgabe.farben import AMPEL_HEX, STATUS_HEX
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.jahresplanung import Jahresplanung
from strategie.text.format import datum_de
from strategie.text.sicher import entschaerfe

UNBEKANNT_HEX = "#9e9e9e"
"""Colour of a vocabulary value the palette does not know."""

# Unicode noncharacters are parse errors in HTML; entschaerfe() already handles the controls.
_NICHTZEICHEN = re.compile("[\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0010fffe\U0010ffff]")


def esc(text: object) -> str:
    """Text from a goal file as HTML text or attribute value: never markup, controls visible."""
    wert = entschaerfe(str(text))
    if _NICHTZEICHEN.search(wert):
        wert = _NICHTZEICHEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", wert)
    return html.escape(wert, quote=True)


def css_text(text: str) -> str:
    """A CSS string literal (for ``content:``) that no value can break out of."""
    teile = []
    for zeichen in entschaerfe(text):
        if zeichen.isalnum() or zeichen in " .,:;-–·()/+_":
            teile.append(zeichen)
        else:
            teile.append(f"\\{ord(zeichen):06x}")
    return '"' + "".join(teile) + '"'


_UMLAUTE = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})


def klasse(praefix: str, wert: str) -> str:
    """A CSS class name for a vocabulary value: 'a-gruen', 's-in-umsetzung'."""
    ersetzt = wert.lower().translate(_UMLAUTE)
    return f"{praefix}-" + ("-".join(re.findall(r"[a-z0-9]+", ersetzt)) or "leer")


def _farbregeln() -> str:
    regeln = [f".{klasse('a', name)} {{ background: {farbe}; }}"
              for name, farbe in AMPEL_HEX.items()]
    regeln += [f".{klasse('s', name)} {{ background: {farbe}; }}"
               for name, farbe in STATUS_HEX.items()]
    return "\n".join(regeln)


STIL = """
:root { --text: #1f2a37; --grau: #5b6470; --linie: #c5cad1; --hell: #f2f4f7;
        --akzent: #1d4f91; --warn: #8a4b00; }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif;
       font-size: 9.5pt; line-height: 1.38; color: var(--text); background: #fff;
       max-width: 190mm; margin: 0 auto; padding: 8mm 6mm; }
h1 { font-size: 18pt; line-height: 1.2; color: var(--akzent); margin: 0 0 1.5mm; }
h2 { font-size: 13pt; color: var(--akzent); margin: 7mm 0 2.5mm; padding-bottom: 0.8mm;
     border-bottom: 0.8pt solid var(--akzent); break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
h4 { font-size: 9.5pt; margin: 3mm 0 1mm; break-after: avoid; }
p { margin: 0 0 2mm; }
td p:last-child, th p:last-child { margin-bottom: 0; }
ul { margin: 0 0 2mm; padding-left: 5mm; }
table { border-collapse: collapse; width: 100%; margin: 0 0 3.5mm; font-size: 8.5pt; }
caption { text-align: left; font-weight: bold; padding-bottom: 1mm; }
th, td { border: 0.5pt solid var(--linie); padding: 0.9mm 1.4mm; text-align: left;
         vertical-align: top; }
td { overflow-wrap: anywhere; }
th { overflow-wrap: break-word; }
thead th { background: var(--hell); }
thead { display: table-header-group; }
tfoot th, tfoot td { background: var(--hell); font-weight: bold; }
tr, .block { break-inside: avoid; }
.zahl { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.klein { font-size: 8pt; color: var(--grau); }
.nowrap { white-space: nowrap; }
.absatz { white-space: pre-line; }
.leer { color: var(--grau); font-style: italic; }
.warnung { color: var(--warn); }
.untertitel { font-size: 11pt; color: var(--grau); margin: 0 0 3mm; }
.grundlage { border: 0.6pt solid var(--linie); background: var(--hell); padding: 2mm 3mm;
             margin: 3mm 0 4mm; font-size: 8.5pt; break-inside: avoid; }
.grundlage dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.4mm 3mm;
                margin: 0; }
.grundlage dt { color: var(--grau); }
.grundlage dd { margin: 0; overflow-wrap: anywhere; }
.grundlage p { margin: 1.5mm 0 0; }
.punkt, .feld { display: inline-block; width: 0.8em; height: 0.8em; margin-right: 0.35em;
                vertical-align: -0.08em; border: 0.4pt solid rgba(0, 0, 0, 0.3); }
.punkt { border-radius: 50%; }
.feld { border-radius: 1.5pt; }
.marke { white-space: nowrap; }
.stern { color: #b8860b; }
.b-erreicht, .b-auf-kurs { color: #1b5e20; font-weight: bold; }
.b-gefaehrdet { color: #b71c1c; font-weight: bold; }
.b-keine-aktuellen-messwerte { color: #8a5a00; font-weight: bold; }
.b-keine-messwerte { color: var(--grau); }
.seite-neu { break-before: page; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif; }
del { color: #b71c1c; }
ins { color: #1b5e20; text-decoration: none; background: #e8f5e9; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  a { color: inherit; text-decoration: none; }
}
"""


SEITENSCHRIFT = ('font-family: "Liberation Sans", Arial, Helvetica, "DejaVu Sans", sans-serif; '
                 "font-size: 7pt; color: #5b6470;")


def seitenregeln(kopfzeile: str, fusszeile: str, benannt: Mapping[str, str] | None = None
                 ) -> str:
    """@page rules for A4: running head, the report's basis and page numbers on every page.

    *benannt* maps a named page (CSS ``page:``) to its own running head.
    """
    kopf = f"{SEITENSCHRIFT} vertical-align: bottom; padding-bottom: 3mm;"
    fuss = f"{SEITENSCHRIFT} vertical-align: top; padding-top: 3mm;"
    regeln = [
        "@page { size: A4; margin: 16mm 15mm 18mm 18mm;\n"
        f"  @top-left {{ content: {css_text(kopfzeile)}; {kopf} }}\n"
        f"  @bottom-left {{ content: {css_text(fusszeile)}; {fuss} }}\n"
        '  @bottom-right { content: "Seite " counter(page) " von " counter(pages); '
        f"{fuss} white-space: nowrap; }}\n}}"]
    regeln += [f"@page {name} {{ @top-left {{ content: {css_text(text)}; {kopf} }} }}"
               for name, text in (benannt or {}).items()]
    return "\n".join(regeln)


def dokument(titel: str, koerper: str, *, kopfzeile: str, fusszeile: str,
             zusatz_stil: str = "", benannt: Mapping[str, str] | None = None) -> str:
    """A complete, self-contained HTML5 document (no scripts, no external references)."""
    stil = "\n".join((STIL, _farbregeln(), zusatz_stil, seitenregeln(kopfzeile, fusszeile,
                                                                      benannt)))
    return (f'<!DOCTYPE html>\n<html lang="de">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f'<meta name="generator" content="strategie">\n'
            f"<title>{esc(titel)}</title>\n<style>{stil}</style>\n</head>\n<body>\n"
            f"{koerper}</body>\n</html>\n")


def ampel_html(ampel: str, anzahl: str = "") -> str:
    """A coloured dot and the Ampel's word ('–' for none), optionally with a count."""
    if not ampel:
        return '<span class="leer">–</span>'
    zahl = f": {anzahl}" if anzahl else ""
    return (f'<span class="marke"><span class="punkt {klasse("a", ampel)}"></span>'
            f"{esc(ampel)}{zahl}</span>")


def status_html(status: str, anzahl: str = "") -> str:
    """A coloured square and the Umsetzungsstand, optionally with a count."""
    zahl = f": {anzahl}" if anzahl else ""
    return (f'<span class="marke"><span class="feld {klasse("s", status)}"></span>'
            f"{esc(status)}{zahl}</span>")


def bewertung_html(bewertung: str) -> str:
    """A Kennzahl's verdict in its colour (``kennzahlen.BEWERTUNGEN``)."""
    return f'<span class="{klasse("b", bewertung)}">{esc(bewertung)}</span>'


def text_html(text: str, leer: str = "keine Angabe") -> str:
    """A multi-line text from a goal file as a paragraph that keeps its line breaks."""
    if not text.strip():
        return f'<p class="leer">{esc(leer)}</p>'
    return f'<p class="absatz">{esc(text.strip())}</p>'


def grundlage_html(bericht: Bericht | Jahresplanung) -> str:
    """The box stating the report's basis: store, commit, Stichtag, time, selection, defects."""
    g = bericht.grundlage
    zeilen = [("Zielspeicher", esc(g.speicher))]
    if g.commit:
        zusatz = (' <span class="warnung">(Arbeitskopie mit nicht eingecheckten Änderungen)'
                  "</span>" if g.ungespeichert else "")
        zeilen.append(("Commit", f'<span class="nowrap">{esc(g.commit)}</span>{zusatz}'))
    else:
        zeilen.append(("Commit", '<span class="warnung">ohne git-Verlauf</span>'))
    zeilen.append(("Stichtag", esc(datum_de(g.stichtag)) if g.stichtag
                   else f"aktueller Stand ({esc(datum_de(bericht.stichtag))})"))
    zeilen.append(("Erstellt", esc(f"{g.erstellt:%d.%m.%Y %H:%M} Uhr")))
    if g.filter:
        zeilen.append(("Auswahl", esc(g.filter)))
    inhalt = "".join(f"<dt>{titel}</dt><dd>{wert}</dd>" for titel, wert in zeilen)
    zusatz = ""
    if bericht.befunde:
        dateien = sorted({b.als_zeile() for b in bericht.befunde})
        liste = "".join(f"<li>{esc(d)}</li>" for d in dateien[:20])
        mehr = f"<li>… und {len(dateien) - 20} weitere</li>" if len(dateien) > 20 else ""
        zusatz = (f'<p class="warnung">{len({b.pfad for b in bericht.befunde})} Zieldatei(en) '
                  f"fehlerhaft und nicht berücksichtigt (strategie pruefen):</p>"
                  f'<ul class="warnung klein">{liste}{mehr}</ul>')
    if bericht.rahmen.hinweis:
        zusatz += f'<p class="klein">{esc(bericht.rahmen.hinweis)}</p>'
    return (f'<section class="grundlage" aria-label="Grundlage"><dl>{inhalt}</dl>{zusatz}'
            "</section>\n")
