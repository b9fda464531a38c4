"""The frame of a DOCX report: A4 pages, German styles, footer with the Grundlage, Word tables.

Headings use Word's built-in styles (``Heading 1``–``3``, shown in a German Word as
Überschrift 1–3), so the navigation pane and a table of contents work, and a Vorlage writer
can restyle the whole document through them. A ``vorlage.docx`` in the folder of own
templates is the starting document instead of python-docx's default: its styles, page
layout and header (a logo) are kept, its body is emptied.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, cast

from docx import Document
from docx.document import Document as Dokument
from docx.enum.section import WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Mm, Pt, RGBColor
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from strategie.ausgabe.farben import (
    AMPEL_HEX,
    BEWERTUNG_HEX,
    STATUS_HEX,
    STATUS_MUSTER,
    grauwert,
)
from strategie.auswertung.bericht import Bericht
from strategie.auswertung.jahresplanung import Jahresplanung
from strategie.text.sicher import entschaerfe

VORLAGE_DOCX = "vorlage.docx"
"""The name of the starting document in a folder of own templates."""

AKZENT = RGBColor(0x1D, 0x4F, 0x91)
GRAU = RGBColor(0x5B, 0x64, 0x70)
WARNUNG = RGBColor(0x8A, 0x4B, 0x00)
HELL = "F2F4F7"
HELLSTE = 215
"""A mark brighter than this (grey value 0–255) would vanish on white paper as a filled
square; it is drawn as an outline (□) instead – HTML gives it a border."""

# Characters XML 1.0 cannot hold at all (after entschaerfe made the controls visible).
_UNMOEGLICH = re.compile("[\ufffe\uffff\ud800-\udfff]")


def text(wert: object) -> str:
    """Text from a goal file for Word: controls visible, nothing Word could not store."""
    sicher = entschaerfe(str(wert))
    if _UNMOEGLICH.search(sicher):
        sicher = _UNMOEGLICH.sub(lambda m: f"<U+{ord(m.group()):04X}>", sicher)
    return sicher


def neues_dokument(vorlagen: Path | None, titel: str, betreff: str) -> Dokument:
    """A new document on A4 (from ``vorlage.docx`` if the template folder has one)."""
    vorlage = vorlagen / VORLAGE_DOCX if vorlagen else None
    if vorlage is not None and vorlage.is_file():
        dokument = Document(str(vorlage))
        koerper = dokument.element.body
        for kind in list(koerper):
            if kind.tag != qn("w:sectPr"):
                koerper.remove(kind)
    else:
        dokument = Document()
        _grundstil(dokument)
        abschnitt = dokument.sections[0]
        abschnitt.page_width, abschnitt.page_height = Mm(210), Mm(297)
        abschnitt.left_margin, abschnitt.right_margin = Mm(20), Mm(15)
        abschnitt.top_margin, abschnitt.bottom_margin = Mm(18), Mm(18)
        abschnitt.header_distance = abschnitt.footer_distance = Mm(8)
    eigenschaften = dokument.core_properties
    eigenschaften.title, eigenschaften.subject = text(titel), text(betreff)
    eigenschaften.author = eigenschaften.last_modified_by = "strategie"
    eigenschaften.language = "de-DE"
    return dokument


def _grundstil(dokument: Dokument) -> None:
    """Arial-compatible font, German as the language (spelling), compact headings."""
    normal = dokument.styles["Normal"]
    normal.font.name, normal.font.size = "Arial", Pt(9)
    normal.paragraph_format.space_after = Pt(3)
    normal.paragraph_format.line_spacing = 1.05
    rpr = dokument.styles.element.find(qn("w:docDefaults"))
    if rpr is not None:
        for sprache in rpr.iter(qn("w:lang")):
            sprache.set(qn("w:val"), "de-DE")
    for stufe, groesse, davor in ((1, 14, 6), (2, 12, 6), (3, 10, 5)):
        stil = dokument.styles[f"Heading {stufe}"]
        stil.font.name, stil.font.size, stil.font.color.rgb = "Arial", Pt(groesse), AKZENT
        stil.paragraph_format.space_before = Pt(davor)
        stil.paragraph_format.space_after = Pt(2)
        stil.paragraph_format.keep_with_next = True
    for name in ("Title", "Subtitle"):
        dokument.styles[name].font.name = "Arial"


def stil_id(dokument: Dokument, name: str) -> str:
    """The id of a style by its (English, built-in) name, looked up once per document:
    python-docx scans all styles on every lookup by name, which made 46 Steckbriefe slow."""
    ids: dict[str, str] = dokument.__dict__.setdefault("_strategie_stile", {})
    if name not in ids:
        ids[name] = dokument.styles[name].style_id
    return ids[name]


def ueberschrift(dokument: Dokument, inhalt: str, stufe: int) -> Paragraph:
    """A heading in Word's style ``Heading <stufe>`` (``Title`` for 0)."""
    neu = dokument.add_paragraph()
    neu._p.style = stil_id(dokument, "Title" if stufe == 0 else f"Heading {stufe}")
    lauf(neu, inhalt)
    return neu


def _eigener_kopf(abschnitt: object) -> bool:
    """Whether the section's header already holds something (the logo of a vorlage.docx)."""
    kopf = abschnitt.header  # type: ignore[attr-defined]
    return not kopf.is_linked_to_previous and any(
        p.text.strip() or p._p.xpath(".//w:drawing") for p in kopf.paragraphs)


def _leerer_absatz(teil: object) -> Paragraph:
    """The header's or footer's first paragraph if it is empty, else a new one after it."""
    absaetze = teil.paragraphs  # type: ignore[attr-defined]
    if absaetze and not absaetze[-1].text.strip() and not absaetze[-1]._p.xpath(".//w:drawing"):
        return cast(Paragraph, absaetze[-1])
    return cast(Paragraph, teil.add_paragraph())  # type: ignore[attr-defined]


def kopf_und_fuss(dokument: Dokument, kopfzeile: str, bericht: Bericht | Jahresplanung) -> None:
    """The first section: running head (after a vorlage.docx's own header, e.g. its logo);
    in the footer the Grundlage with 'Seite X von Y' and, below it, the frame's notice (e.g.
    Beispieldaten), so that every printed page carries both. Later sections share the footer."""
    abschnitt = dokument.sections[0]
    dokument.__dict__["_strategie_eigener_kopf"] = _eigener_kopf(abschnitt)
    _kopfzeile(abschnitt, kopfzeile)
    fuss = abschnitt.footer
    absatz_ = _leerer_absatz(fuss)
    for inhalt in (bericht.grundlage.zeile(), " · Seite ", "PAGE", " von ", "NUMPAGES"):
        if inhalt in ("PAGE", "NUMPAGES"):
            _feld(absatz_, inhalt)
        else:
            teil = absatz_.add_run(text(inhalt))
            teil.font.size, teil.font.color.rgb = Pt(7), GRAU
    hinweis_ = " ".join(bericht.rahmen.hinweis.split())
    if hinweis_:
        teil = fuss.add_paragraph().add_run(text(hinweis_))
        teil.font.size, teil.font.color.rgb, teil.italic = Pt(7), WARNUNG, True


def _kopfzeile(abschnitt: object, kopfzeile: str) -> None:
    teil = _leerer_absatz(abschnitt.header).add_run(text(kopfzeile))  # type: ignore[attr-defined]
    teil.font.size, teil.font.color.rgb = Pt(7.5), GRAU


def _feld(absatz: Paragraph, name: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word and LibreOffice fill in when they lay out."""
    feld = OxmlElement("w:fldSimple")
    feld.set(qn("w:instr"), name)
    lauf = OxmlElement("w:r")
    eigen = OxmlElement("w:rPr")
    groesse = OxmlElement("w:sz")
    groesse.set(qn("w:val"), "14")
    eigen.append(groesse)
    lauf.append(eigen)
    wert = OxmlElement("w:t")
    wert.text = "1"
    lauf.append(wert)
    feld.append(lauf)
    absatz._p.append(feld)


def neuer_abschnitt(dokument: Dokument, kopfzeile: str) -> None:
    """A section break to a new page with its own running head; the footer stays the first
    section's. Under the header of a vorlage.docx (a logo), the header stays shared too."""
    abschnitt = dokument.add_section(WD_SECTION.NEW_PAGE)
    if not dokument.__dict__.get("_strategie_eigener_kopf"):
        abschnitt.header.is_linked_to_previous = False
        _kopfzeile(abschnitt, kopfzeile)


def absatz(ziel: Dokument | _Cell, inhalt: str = "", *, klein: bool = False,
           kursiv: bool = False, fett: bool = False, farbe: RGBColor | None = None,
           stil: str | None = None) -> Paragraph:
    """A paragraph of text (its line breaks kept)."""
    neu = ziel.add_paragraph()
    if stil is not None:
        neu._p.style = stil_id(_dokument_von(ziel), stil)
    lauf(neu, inhalt, klein=klein, kursiv=kursiv, fett=fett, farbe=farbe)
    return neu


def lauf(ziel: Paragraph, inhalt: str, *, klein: bool = False, kursiv: bool = False,
         fett: bool = False, farbe: RGBColor | None = None) -> None:
    """Text appended to a paragraph; line breaks of the text become line breaks in Word."""
    for nummer, zeile in enumerate(text(inhalt).split("\n")):
        teil = ziel.add_run()
        if nummer:
            teil.add_break()
        teil.add_text(zeile)
        teil.bold, teil.italic = fett or None, kursiv or None
        if klein:
            teil.font.size = Pt(8)
        if farbe is not None:
            teil.font.color.rgb = farbe


def _dokument_von(ziel: Dokument | _Cell) -> Dokument:
    """The document a cell belongs to (or the document itself)."""
    return cast(Any, ziel.part).document if isinstance(ziel, _Cell) else ziel


def hinweis(dokument: Dokument | _Cell, inhalt: str) -> None:
    """The frame's notice (e.g. Beispieldaten) as a shaded, framed paragraph."""
    if not inhalt.strip():
        return
    neu = absatz(dokument, " ".join(inhalt.split()), klein=True, kursiv=True, farbe=WARNUNG)
    eigen = neu._p.get_or_add_pPr()
    rahmen = OxmlElement("w:pBdr")
    for seite in ("top", "left", "bottom", "right"):
        linie = OxmlElement(f"w:{seite}")
        for schluessel, wert in (("val", "single"), ("sz", "4"), ("space", "3"),
                                 ("color", "C5CAD1")):
            linie.set(qn(f"w:{schluessel}"), wert)
        rahmen.append(linie)
    eigen.append(rahmen)
    eigen.append(_schattierung(HELL))


def _schattierung(farbe: str) -> BaseOxmlElement:
    schatten = OxmlElement("w:shd")
    schatten.set(qn("w:val"), "clear")
    schatten.set(qn("w:color"), "auto")
    schatten.set(qn("w:fill"), farbe)
    return schatten


def tabelle(dokument: Dokument | _Cell, kopf: Sequence[str] | None,
            zeilen: Iterable[Sequence[object]], *, rechts: Iterable[int] = (),
            breiten: Sequence[float] | None = None, spalten: int | None = None) -> Table:
    """A Word table (style Table Grid) with a shaded header row that repeats on each page."""
    zeilen = [list(z) for z in zeilen]
    spalten = spalten or (len(kopf) if kopf else max((len(z) for z in zeilen), default=1))
    neu = dokument.add_table(rows=0, cols=spalten)
    neu._tbl.tblStyle_val = stil_id(_dokument_von(dokument), "Table Grid")
    _zellabstand(neu)
    neu.alignment = WD_TABLE_ALIGNMENT.LEFT
    rechts = set(rechts)
    if kopf:
        zellen = neu.add_row().cells
        for nummer, titel in enumerate(kopf):
            _zelltext(zellen[nummer], titel, fett=True, rechts=nummer in rechts)
            zellen[nummer]._tc.get_or_add_tcPr().append(_schattierung(HELL))
        wiederholen = OxmlElement("w:tblHeader")
        wiederholen.set(qn("w:val"), "true")
        neu.rows[0]._tr.get_or_add_trPr().append(wiederholen)
    for werte in zeilen:
        zeile(neu, werte, rechts=rechts)
    if breiten:
        setze_breiten(neu, breiten)
    return neu


def zeile(tabelle_: Table, werte: Sequence[object], *, rechts: Iterable[int] = ()) -> None:
    """One more row of values (text, or a ``Marke`` for a coloured vocabulary value)."""
    rechts = set(rechts)
    zellen = tabelle_.add_row().cells
    for nummer, wert in enumerate(werte):
        if isinstance(wert, Marke):
            wert.setze(zellen[nummer])
        else:
            _zelltext(zellen[nummer], "" if wert is None else str(wert), rechts=nummer in rechts)


def hinweiszeile(tabelle_: Table, inhalt: str, *, ab: int = 1) -> None:
    """A row under the previous one with a note across the columns from *ab* on (small)."""
    zellen = tabelle_.add_row().cells
    zusammen = zellen[ab].merge(zellen[-1]) if len(zellen) > ab + 1 else zellen[ab]
    absatz_ = zusammen.paragraphs[0]
    lauf(absatz_, inhalt, farbe=WARNUNG)
    absatz_.paragraph_format.space_after = Pt(0)
    for teil in absatz_.runs:
        teil.font.size = Pt(8)


def _zellabstand(tabelle_: Table) -> None:
    """Some air between a cell's text and its border (Word's default is none at top/bottom)."""
    abstand = OxmlElement("w:tblCellMar")
    for seite, twips in (("top", "25"), ("left", "85"), ("bottom", "25"), ("right", "85")):
        rand = OxmlElement(f"w:{seite}")
        rand.set(qn("w:w"), twips)
        rand.set(qn("w:type"), "dxa")
        abstand.append(rand)
    tabelle_._tbl.tblPr.append(abstand)


def fette_zeile(tabelle_: Table, nummer: int = -1) -> None:
    """Set a row (the sum row) in bold."""
    for zelle in tabelle_.rows[nummer].cells:
        for absatz_ in zelle.paragraphs:
            for teil in absatz_.runs:
                teil.bold = True


def setze_breiten(tabelle_: Table, breiten: Sequence[float]) -> None:
    """Column widths in mm (Word reads them per cell, LibreOffice per grid column)."""
    for spalte, breite in zip(tabelle_.columns, breiten, strict=False):
        spalte.width = Mm(breite)
    for zeile in tabelle_.rows:
        for zelle, breite in zip(zeile.cells, breiten, strict=False):
            zelle.width = Mm(breite)


def _zelltext(zelle: _Cell, inhalt: str, *, fett: bool = False, rechts: bool = False) -> None:
    absatz_ = zelle.paragraphs[0]
    lauf(absatz_, inhalt, fett=fett)
    absatz_.paragraph_format.space_after = Pt(0)
    if rechts:
        absatz_.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    for teil in absatz_.runs:
        teil.font.size = Pt(8.5)


class Marke:
    """A table cell that shows a vocabulary value with its colour: Ampel ●, Umsetzungsstand ■
    (hatched states ▨/▧, as in HTML); a Kennzahl's verdict (art 'bewertung') as a word in its
    colour."""

    def __init__(self, wert: str, art: str, zusatz: str = "") -> None:
        self.wert, self.art, self.zusatz = wert, art, zusatz

    def setze(self, zelle: _Cell) -> None:
        """Write the coloured mark and the word into *zelle*."""
        absatz_ = zelle.paragraphs[0]
        absatz_.paragraph_format.space_after = Pt(0)
        if self.art == "bewertung":
            wort = absatz_.add_run(text(self.wert) + self.zusatz)
            wort.font.size = Pt(8.5)
            if self.wert in BEWERTUNG_HEX:
                wort.font.color.rgb = RGBColor.from_string(BEWERTUNG_HEX[self.wert].lstrip("#"))
                wort.bold = self.wert != "keine Messwerte" or None
            return
        farben = AMPEL_HEX if self.art == "ampel" else STATUS_HEX
        if self.wert and self.wert in farben:
            form = "●" if self.art == "ampel" else {"schraeg": "▨", "gegenschraeg": "▧"}.get(
                STATUS_MUSTER.get(self.wert, ""), "■")
            farbe = farben[self.wert]
            if grauwert(farbe) > HELLSTE and form == "■":  # nearly white: drawn as an outline
                form, farbe = "□", "#9AA1A9"
            zeichen = absatz_.add_run(f"{form} ")
            zeichen.font.color.rgb = RGBColor.from_string(farbe.lstrip("#").upper())
            zeichen.font.size = Pt(8.5)
        wort = absatz_.add_run(text(self.wert or "–") + self.zusatz)
        wort.font.size = Pt(8.5)


def als_bytes(dokument: Dokument) -> bytes:
    """The document as the bytes of a .docx file."""
    puffer = io.BytesIO()
    dokument.save(puffer)
    return puffer.getvalue()
