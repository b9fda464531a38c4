"""The lean painter of ``strategie zeige`` draws what Rich draws: the same characters for every
goal at every width, hostile texts included; colours Rich would pick; the terminal Rich sees."""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len
from rich.color import Color, ColorSystem
from rich.console import Console

from strategie.ausgabe.farben import AMPEL_FARBEN, STATUS_FARBEN
from strategie.ausgabe.terminal import schlicht
from strategie.ausgabe.terminal.sicher import klartext
from strategie.ausgabe.terminal.ziel_bloecke import ziel_bloecke
from strategie.ausgabe.terminal.ziele import ziel_ansicht
from strategie.modell.ziel import Ziel, ziel_aus_daten
from strategie.speicher.laden import lade_speicher
from strategie.text.sicher import entschaerfe
from strategie.text.zellen import GESICHERT_BEREICHE, gesichert, zellen
from tests.conftest import BEISPIEL
from tests.unit.test_ausgaben_eigenschaften import TUECKEN

SPEICHER = lade_speicher(BEISPIEL, cache=False)
SGR = re.compile("\x1b\\[[0-9;]*m")
ZEICHEN = ["a", " ", "ä", "ß", "€", "–", "…", "★", "●", "漢字", "ｶﾀｶﾅ", "한글", "e\u0301",
           "👍🏽", "👨\u200d👩\u200d👧", "🇩🇪", "\u2764\ufe0f", "\t", "\u00ad", "\u200b", "ﬁ",
           "가", "␛"]
"""Characters goal files bring: umlauts, wide scripts, combining marks, emoji sequences."""


def _schlicht(ziel: Ziel, breite: int) -> str:
    return schlicht.als_text(schlicht.zeilen(ziel_bloecke(ziel, SPEICHER.rahmen), breite))


@pytest.mark.parametrize("breite", [20, 23, 31, 40, 52, 64, 80, 97, 120, 143, 160, 233])
def test_jedes_ziel_sieht_aus_wie_bei_rich(breite: int) -> None:
    for ziel in SPEICHER.ziele:
        rich = klartext(ziel_ansicht(ziel, SPEICHER.rahmen), breite)
        assert _schlicht(ziel, breite) == rich, (ziel.id, breite)


def _ziel_mit(text: str) -> Ziel:
    """SA-01 with *text* in every text the view shows, a Maßnahme and a Beschluss added."""
    vorlage = next(z for z in SPEICHER.ziele if z.id == "SA-01")
    daten: dict[str, Any] = copy.deepcopy(vorlage.daten)
    for feld in ("titel", "wirkungsziel", "leistungsziel", "verantwortlich", "status_begruendung",
                 "ampel_begruendung"):
        daten[feld] = text
    daten["beteiligte"] = [text, "Jobcenter"]
    daten["massnahmen"][0]["titel"] = daten["massnahmen"][0]["status"] = text
    daten["kennzahlen"][0]["name"] = daten["kennzahlen"][0]["einheit"] = text
    daten.setdefault("steckbrief", {})["aktueller_stand"] = text
    daten["beschluesse"] = [{"datum": dt.date(2025, 3, 4), "gremium": text, "drucksache": text,
                             "inhalt": text}]
    return ziel_aus_daten(daten, vorlage.pfad)


GESICHERT = [chr(c) for a, b in GESICHERT_BEREICHE for c in range(a, b + 1)]
GESICHERT_TUECKEN = [t for t in TUECKEN if gesichert(entschaerfe(t))]
ALPHABET = st.sampled_from(GESICHERT)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.lists(st.one_of(st.sampled_from([*GESICHERT_TUECKEN, "Wort", " ", "\t", "\n",
                                                "–", "…", "\xad"]),
                               st.text(ALPHABET, max_size=6), st.text("ab \t\n-", max_size=30)),
                     min_size=1, max_size=8).map("".join),
       breite=st.integers(20, 130))
@example(text="Wort" * 40, breite=20)  # longer than any column: folded, or cut with "…"
@example(text="\t\tx\ty", breite=33)
@example(text="\x1b[2J\n[/] [bold red]x", breite=47)
def test_tueckische_texte_wie_bei_rich(text: str, breite: int) -> None:
    ziel = _ziel_mit(text)
    bloecke = ziel_bloecke(ziel, SPEICHER.rahmen)
    assert schlicht.darstellbar(bloecke)
    assert _schlicht(ziel, breite) == klartext(ziel_ansicht(ziel, SPEICHER.rahmen), breite)


@pytest.mark.parametrize("text", ["漢字", "👍🏽", "e\u0301", "\u200b", "\ufeff", "𘴟"])
def test_andere_zeichen_malt_rich(text: str) -> None:
    """Where this measure and Rich's tables may differ, ``zeige`` leaves the view to Rich."""
    assert not schlicht.darstellbar(ziel_bloecke(_ziel_mit(f"Titel {text}"), SPEICHER.rahmen))


def test_zellen_wie_rich_fuer_jedes_gesicherte_zeichen() -> None:
    for zeichen in GESICHERT:
        assert zellen(zeichen) == cell_len(zeichen), hex(ord(zeichen))
        assert ord(zeichen) < 0x7F or unicodedata.category(zeichen) not in ("Cn", "Mn", "Me")
        assert gesichert(zeichen)
    assert not any(gesichert(chr(c)) for c in (0x300, 0x378, 0x483, 0x200B, 0x200D, 0xFEFF,
                                                0x3000, 0x4E00, 0x1F44D, 0x18D1F))


@given(st.text(ALPHABET, max_size=12))
def test_zellen_wie_rich(text: str) -> None:
    assert zellen(text) == cell_len(text)


def test_farben_wie_rich() -> None:
    for name, nummer in schlicht.FARBEN_256.items():
        farbe = Color.parse(name)
        assert farbe.number == nummer, name
        ersatz = farbe.downgrade(ColorSystem.STANDARD).get_ansi_codes()
        assert ersatz == (schlicht.FARBEN_16_ERSATZ[name],), name
    for name, code in schlicht.FARBEN_16.items():
        assert Color.parse(name).get_ansi_codes() == (code,), name
    # every colour the view uses is known to the painter
    for farbe in [*STATUS_FARBEN.values(), *AMPEL_FARBEN.values()]:
        assert farbe in schlicht.FARBEN_256 or farbe in schlicht.FARBEN_16, farbe


def test_farbig_ist_ohne_codes_der_klartext() -> None:
    ziel = next(z for z in SPEICHER.ziele if z.ampel and z.kennzahlen)
    zeilen = schlicht.zeilen(ziel_bloecke(ziel, SPEICHER.rahmen), 90)
    klar = schlicht.als_text(zeilen)
    for farben in ("standard", "256", None):
        farbig = schlicht.als_text(zeilen, farben, attribute=True)
        assert SGR.sub("", farbig) == klar
        assert "\x1b[1m" in farbig  # the ID and the column heads in bold
    assert f"\x1b[38;5;{schlicht.FARBEN_256[STATUS_FARBEN[ziel.status]]}m" in (
        schlicht.als_text(zeilen, "256", attribute=True))
    assert "\x1b[36m" in schlicht.als_text(zeilen, "standard", attribute=True)  # sparkline
    ohne = schlicht.als_text(zeilen, None, attribute=True)  # NO_COLOR: bold, dim, italic stay
    assert "\x1b[2m" in ohne and not re.search("\x1b\\[(3[0-9]|9[0-7]|38;5;)", ohne)


UMGEBUNGEN: list[dict[str, str]] = [
    {}, {"COLUMNS": "97"}, {"COLUMNS": "abc"}, {"TERM": "dumb", "COLUMNS": "120"},
    {"TERM": "dumb", "COLUMNS": "120", "LINES": "50"}, {"COLUMNS": "0"},
    {"TERM": "xterm-256color"}, {"TERM": "xterm-kitty"}, {"TERM": "xterm"},
    {"COLORTERM": "truecolor", "TERM": "xterm"}, {"NO_COLOR": "1", "TERM": "xterm-256color"},
    {"FORCE_COLOR": "1"}, {"FORCE_COLOR": ""}, {"TTY_COMPATIBLE": "0"},
    {"TTY_COMPATIBLE": "1", "TERM": "screen-16color"}, {"TERM": "unknown"},
]


@pytest.mark.parametrize("umgebung", UMGEBUNGEN)
@pytest.mark.parametrize("tty", [False, True])
def test_das_terminal_wie_rich_es_sieht(umgebung: dict[str, str], tty: bool,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("COLUMNS", "LINES", "TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR",
                 "TTY_COMPATIBLE"):
        monkeypatch.delenv(name, raising=False)
    for name, wert in umgebung.items():
        monkeypatch.setenv(name, wert)
    if tty:  # a real pseudo-terminal of 111 columns
        import fcntl
        import struct
        import termios

        leiter, folger = os.openpty()
        fcntl.ioctl(folger, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 111, 0, 0))
        strom = open(folger, "w", encoding="utf-8", closefd=True)  # noqa: SIM115
        monkeypatch.setattr(os, "get_terminal_size",
                            lambda fd=0: os.terminal_size((111, 30)))
    else:
        strom = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
    try:
        konsole = Console(file=strom, highlight=False, soft_wrap=False, emoji=False)
        gefunden = schlicht.terminal(strom)
        if konsole.width < 20:  # too narrow for the lean painter: Rich paints
            assert gefunden is None
            return
        assert gefunden is not None
        breite, farben, attribute = gefunden
        assert breite == konsole.width
        assert attribute == (konsole.is_terminal and not konsole.is_dumb_terminal)
        erwartet = {None: None, ColorSystem.STANDARD: "standard", ColorSystem.EIGHT_BIT: "256",
                    ColorSystem.TRUECOLOR: "256"}[konsole._color_system]
        assert farben == (None if konsole.no_color else erwartet)
    finally:
        strom.close()
        if tty:
            os.close(leiter)


def test_andere_kodierung_und_schmales_fenster_gehen_an_rich(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    assert schlicht.terminal(io.TextIOWrapper(io.BytesIO(), encoding="latin-1")) is None
    monkeypatch.setenv("COLUMNS", "19")
    assert schlicht.terminal(io.TextIOWrapper(io.BytesIO(), encoding="utf-8")) is None


def _zeige(umgebung: dict[str, str], *argumente: str, kodierung: str = "utf-8") -> str:
    env = {k: v for k, v in os.environ.items()
           if k not in ("COLUMNS", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE")}
    ergebnis = subprocess.run([sys.executable, "-m", "strategie", "zeige", *argumente,
                               "--store", str(BEISPIEL)],
                              env={**env, **umgebung, "PYTHONIOENCODING": kodierung},
                              capture_output=True, check=True)
    return ergebnis.stdout.decode(kodierung)


def test_strategie_zeige_druckt_was_rich_druckt() -> None:
    ziel = next(z for z in SPEICHER.ziele if z.id == "SA-01")
    schlank = _zeige({"COLUMNS": "87"}, "SA-01")
    assert schlank == klartext(ziel_ansicht(ziel, SPEICHER.rahmen), 87)
    # another encoding goes through Rich: the same text
    assert _zeige({"COLUMNS": "87"}, "SA-01", kodierung="utf-16") == schlank
    farbig = _zeige({"COLUMNS": "87", "FORCE_COLOR": "1", "TERM": "xterm-256color"}, "SA-01")
    assert SGR.sub("", farbig) == schlank and "\x1b[38;5;" in farbig


def test_strategie_zeige_mit_cjk_druckt_was_rich_druckt(tmp_path: Path) -> None:
    speicher = tmp_path / "ziele"
    shutil.copytree(BEISPIEL, speicher)
    datei = speicher / "sa" / "SA-01.toml"
    text = datei.read_text(encoding="utf-8")
    datei.write_text(re.sub(r'(?m)^titel = ".*"$', 'titel = "Pflege 介護 👍🏽 stärken"', text,
                            count=1), encoding="utf-8")
    ziel = next(z for z in lade_speicher(speicher, cache=False).ziele if z.id == "SA-01")
    assert "介護" in ziel.titel
    ausgabe = subprocess.run([sys.executable, "-m", "strategie", "zeige", "SA-01", "--store",
                              str(speicher)], env={**os.environ, "COLUMNS": "61"},
                             capture_output=True, check=True).stdout.decode("utf-8")
    assert ausgabe == klartext(ziel_ansicht(ziel, SPEICHER.rahmen), 61)
