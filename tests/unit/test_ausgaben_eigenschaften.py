"""One property for every output: any string from a goal file, a commit or an author – control
and bidi characters, zero-width characters, Rich/Textual markup, HTML, Markdown, formulas –
comes out neutralised for its medium and still reads as the text it was."""

from __future__ import annotations

import copy
import csv
import datetime as dt
import html.parser
import io
import json
import re
from pathlib import Path
from typing import Any

import docx
import openpyxl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from strategie.aendern.nachricht import Zielvorgang, nachricht
from strategie.api import bericht
from strategie.ausgabe.berichte import rendere_bericht
from strategie.ausgabe.tabellen.csv import als_csv
from strategie.ausgabe.terminal.sicher import klartext
from strategie.ausgabe.terminal.verlauf import eintrag_ansicht
from strategie.ausgabe.terminal.ziele import listen_tabelle, listen_text, ziel_ansicht
from strategie.modell.vergleich import Feldaenderung
from strategie.modell.ziel import ziel_aus_daten
from strategie.speicher.laden import Zielspeicher, lade_speicher
from strategie.text.sicher import einzeilig, entschaerfe, ist_formel
from strategie.verlauf.eintraege import Verlaufseintrag
from tests.conftest import BEISPIEL

ROH = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Characters no output may carry raw (LF and TAB are text; CR only inside CR LF)."""

TUECKEN = ["\x1b[2J", "\x1b]8;;http://x\x07", "\x07", "\x00", "\x7f", "\x85", "\x9b31m",
           "\u202e", "\u2066", "\u200b", "\u200d", "\ufeff", "\u2028", "\n", "\r", "\r\n", "\t",
           "[bold]", "[/]", "[@click=app.quit]", "[reverse]x", "[", "]", "[link=http://x]",
           "<script>alert(1)</script>", "<b>", "&amp;", "&", '"', "'", "**fett**", "_", "`",
           "|", "# ", "> ", "[x](javascript:alert(1))", "{{ 7*7 }}", "{%", "=1+1",
           "=HYPERLINK(\"http://x\")", "+1", "-2", "@SUMME(A1)", "  =1", "\t=1", "ä", "💥"]
texte = st.lists(st.one_of(st.sampled_from(TUECKEN), st.text(max_size=4)), min_size=1,
                 max_size=6).map("".join).filter(lambda t: t.strip() != "")

_SPEICHER = lade_speicher(BEISPIEL, cache=False)
_VORLAGE = next(z for z in _SPEICHER.ziele if z.id == "SA-01")


def _speicher_mit(text: str) -> Zielspeicher:
    """A store of one goal whose title, texts, Maßnahme, Kennzahl name and Einheit are *text*."""
    daten: dict[str, Any] = copy.deepcopy(_VORLAGE.daten)
    daten["titel"] = daten["wirkungsziel"] = daten["leistungsziel"] = text
    daten["verantwortlich"] = text
    daten["massnahmen"][0]["titel"] = text
    daten["kennzahlen"][0]["name"] = daten["kennzahlen"][0]["einheit"] = text
    daten.setdefault("steckbrief", {})["aktueller_stand"] = text
    ziel = ziel_aus_daten(daten, _VORLAGE.pfad)
    return Zielspeicher(_SPEICHER.verzeichnis, _SPEICHER.rahmen, (ziel,), ())


def _flach(text: str) -> str:
    return " ".join(text.split())


def _ohne_raum(text: str) -> str:
    """The text without white space: media may wrap, indent or collapse it."""
    return re.sub(r"\s+", "", text)


class _Textleser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.teile: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.teile.append(data)


def _pruefe_terminal(text: str, speicher: Zielspeicher) -> None:
    ziel = speicher.ziele[0]
    for ansicht in (listen_tabelle(speicher.ziele), ziel_ansicht(ziel, speicher.rahmen)):
        ausgabe = klartext(ansicht, 400)
        assert not ROH.search(ausgabe), repr(ausgabe)
    zeilen = [z for z in listen_text(speicher.ziele, 400).splitlines() if z.strip()]
    assert len(zeilen) == 2, zeilen  # the head and one row: a line break never makes a row
    ausgabe = klartext(listen_tabelle(speicher.ziele), 2000)
    assert _ohne_raum(einzeilig(text)) in _ohne_raum(ausgabe), (
        "Markup wurde ausgewertet oder Text fehlt", repr(text), ausgabe)
    ansicht = _ohne_raum(klartext(ziel_ansicht(ziel, speicher.rahmen), 2000))
    for wort in entschaerfe(ziel.kennzahlen[0].einheit).split():  # cells wrap at line breaks
        assert wort in ansicht, ("die Einheit wurde als Markup gelesen", repr(text), wort)


def _pruefe_html(text: str, ausgabe: str) -> None:
    assert not ROH.search(ausgabe)
    leser = _Textleser()
    leser.feed(ausgabe)
    assert "script" not in leser.tags or "<script" not in text.lower()
    assert _ohne_raum(entschaerfe(text)) in _ohne_raum("".join(leser.teile)), repr(text)


def _pruefe_csv(text: str, ausgabe: str, trenner: str = ";") -> None:
    for zeile in csv.reader(io.StringIO(ausgabe.lstrip("\ufeff")), delimiter=trenner):
        for zelle in zeile:
            assert not ist_formel(zelle) or re.fullmatch(r"-[\d.]+(,\d+)?", zelle), (
                repr(text), zelle)
            assert not ROH.search(zelle.replace("\r\n", "\n")), repr(zelle)


def _pruefe_xlsx(text: str, inhalt: bytes) -> None:
    mappe = openpyxl.load_workbook(io.BytesIO(inhalt))
    gefunden = False
    for blatt in mappe.worksheets:
        for zeile in blatt.iter_rows():
            for zelle in zeile:
                assert zelle.data_type != "f", (repr(text), zelle.value)
                if isinstance(zelle.value, str):
                    assert not ROH.search(zelle.value.replace("\r\n", "\n")), repr(zelle.value)
                    if ist_formel(zelle.value):
                        assert zelle.quotePrefix, (repr(text), zelle.value)
                    gefunden = gefunden or entschaerfe(text) in zelle.value
    assert gefunden, repr(text)


def _pruefe_markdown(text: str, ausgabe: str) -> None:
    assert not ROH.search(ausgabe.replace("\r\n", "\n"))
    for zeile in ausgabe.splitlines():
        if zeile.startswith("| "):
            assert zeile.endswith(" |"), (repr(text), zeile)  # a table row stays one line
    if any(z in text for z in "[]<>`*_|") and len(text.strip()) > 1:
        # masked characters (``\_``) taken out: what is left must not hold the raw text, or a
        # markup character of it reached Markdown unmasked (a text starting with a masked
        # ``_`` is no longer mistaken for a raw one)
        unmaskiert = re.sub(r"\\.", "", ausgabe, flags=re.DOTALL)
        assert text.strip() not in unmaskiert, ("Markdown nicht maskiert", repr(text))


def _pruefe_json(text: str, ausgabe: str) -> None:
    assert not ROH.search(ausgabe)
    daten = json.loads(ausgabe)
    (ziel,) = daten["ziele"]
    assert ziel["titel"] == text  # the exact string, escapes and all


def _pruefe_docx(text: str, inhalt: bytes) -> None:
    dokument = docx.Document(io.BytesIO(inhalt))
    teile = [p.text for p in dokument.paragraphs]
    for tabelle in dokument.tables:
        teile += [zelle.text for reihe in tabelle.rows for zelle in reihe.cells]
    alles = "\n".join(teile)
    assert not ROH.search(alles.replace("\r\n", "\n"))
    assert _ohne_raum(entschaerfe(text)) in _ohne_raum(alles), repr(text)


def _pruefe_commit(text: str) -> None:
    vorgang = Zielvorgang("SA-01", (Feldaenderung("titel", "Alt", text),
                                    Feldaenderung("massnahmen.1.titel", text, "neu")),
                          {"titel": text})
    meldung = nachricht([vorgang], text)
    assert not ROH.search(meldung)
    betreff, _, rest = meldung.partition("\n")
    assert rest.startswith("\n") or rest == ""
    trailer = meldung.rstrip("\n").split("\n\n")[-1].splitlines()
    assert all(re.match(r"^[A-Za-z-]+: \S", z) for z in trailer), trailer
    assert len(trailer) == 8, trailer  # no value broke onto a line of its own
    eintrag = Verlaufseintrag("0" * 40, dt.datetime(2026, 1, 1, tzinfo=dt.UTC), text,
                              text, text, text, "SA-01", "sa/SA-01.toml", "geändert",
                              vorgang.aenderungen)
    ausgabe = klartext(eintrag_ansicht(eintrag, mit_ziel=True), 400)
    assert not ROH.search(ausgabe), repr(ausgabe)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texte)
@example(text="_\u200b")  # a masked "_" at the start of a Markdown cell (once taken for raw)
@example(text="[/] [bold red]x")  # an Einheit once reached Rich as markup: MarkupError
def test_jede_ausgabe_neutralisiert_fuer_ihr_medium(text: str, tmp_path_factory: Any) -> None:
    speicher = _speicher_mit(text)
    modell = bericht(speicher)
    _pruefe_terminal(text, speicher)
    terminal = rendere_bericht(modell, "terminal")
    assert isinstance(terminal, str) and not ROH.search(terminal)
    _pruefe_html(text, str(rendere_bericht(modell, "html")))
    _pruefe_csv(text, str(rendere_bericht(modell, "csv")))
    _pruefe_csv(text, als_csv(speicher.ziele))
    _pruefe_xlsx(text, bytes(rendere_bericht(modell, "xlsx")))  # type: ignore[arg-type]
    _pruefe_markdown(text, str(rendere_bericht(modell, "markdown")))
    _pruefe_json(text, str(rendere_bericht(modell, "json")))
    _pruefe_docx(text, bytes(rendere_bericht(modell, "docx")))  # type: ignore[arg-type]
    _pruefe_commit(text)


def test_der_speicher_der_eigenschaft_ist_echt() -> None:
    speicher = _speicher_mit("=1+1")
    assert speicher.ziele[0].titel == "=1+1" and Path(speicher.verzeichnis).is_dir()
