"""Paint a goal's blocks for the terminal without Rich: the same lines, a tenth of the imports.

``strategie zeige`` prints one goal; importing Rich costs it more than reading the goal. This
painter lays out the few things the view uses – wrapped paragraphs, a label grid, tables with a
heading rule, framed boxes – with Rich's own rules (column widths from ``rich.table``, word
wrap from ``rich.text``), so that its plain output is Rich's, character for character
(``tests/unit/test_schlicht.py`` compares both for every goal at many widths and for hostile
texts). Colour is a few SGR codes; ``NO_COLOR`` keeps only bold, dim and italic.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Sequence
from math import ceil
from typing import TextIO

from strategie.ausgabe.terminal.ziel_bloecke import Absatz, Kasten, Raster, Spannen, Tabelle, Teil
from strategie.text.zellen import auf_breite, gesichert, umbruchstellen, zellen

Zeile = list[tuple[str, str]]
"""One painted line: (text, style) pieces."""

_SCHWER = "┏━┓┃┃┗━┛"
_RUND = "╭─╮││╰─╯"
_LEERRAUM_AM_ENDE = re.compile(r"\s+$")

ATTRIBUTE = {"bold": "1", "dim": "2", "italic": "3"}
FARBEN_16 = {"red": "31", "green": "32", "yellow": "33", "cyan": "36"}
"""Colours every terminal has."""
FARBEN_256 = {"dark_orange": 208, "dodger_blue1": 33, "grey50": 244, "grey62": 247,
              "light_sky_blue3": 110, "medium_orchid": 134, "rosy_brown": 138,
              "slate_blue1": 99}
"""The colours of ``strategie.ausgabe.farben`` as numbers of the 256-colour palette."""
FARBEN_16_ERSATZ = {"dark_orange": "91", "dodger_blue1": "94", "grey50": "37", "grey62": "37",
                    "light_sky_blue3": "37", "medium_orchid": "95", "rosy_brown": "37",
                    "slate_blue1": "94"}
"""The nearest of 16 colours, as Rich picks them (``tests/unit/test_schlicht.py`` checks)."""


# --- styled text --------------------------------------------------------------------------

def _klar(zeile: Iterable[tuple[str, str]]) -> str:
    return "".join(t for t, _ in zeile)


def _stueck(zeile: Zeile, von: int, bis: int) -> Zeile:
    """The characters *von*..*bis* of a line, styles kept."""
    teile: Zeile = []
    anfang = 0
    for text, style in zeile:
        ende = anfang + len(text)
        if ende > von and anfang < bis:
            teile.append((text[max(von - anfang, 0):bis - anfang], style))
        anfang = ende
    return teile


def _kappe(zeile: Zeile, breite: int) -> Zeile:
    """The line cropped to *breite* cells (a wide character across the edge becomes a space)."""
    teile: Zeile = []
    rest = breite
    for text, style in zeile:
        if rest <= 0:
            break
        laenge = zellen(text)
        if laenge <= rest:
            teile.append((text, style))
            rest -= laenge
        else:
            teile.append((auf_breite(text, rest), style))
            rest = 0
    return teile


def _auf_breite(zeile: Zeile, breite: int) -> Zeile:
    """The line cropped or padded with spaces to exactly *breite* cells."""
    laenge = zellen(_klar(zeile))
    if laenge > breite:
        return _kappe(zeile, breite)
    return [*zeile, (" " * (breite - laenge), "")] if laenge < breite else zeile


def _kuerze(zeile: Zeile, breite: int, ellipse: bool) -> Zeile:
    """``Text.truncate``: a line wider than *breite* cropped, with "…" when *ellipse*."""
    if zellen(_klar(zeile)) <= breite:
        return zeile
    if ellipse:
        return [*_auf_breite(zeile, breite - 1), ("…", zeile[-1][1] if zeile else "")]
    return _auf_breite(zeile, breite)


def _tabs(zeile: Zeile) -> Zeile:
    """Tabs as spaces up to the next multiple of 8 cells (``Text.expand_tabs``)."""
    if "\t" not in _klar(zeile):
        return zeile
    teile: Zeile = []
    spalte = 0
    for text, style in zeile:
        stuecke = text.split("\t")
        for nummer, stueck in enumerate(stuecke):
            if nummer < len(stuecke) - 1:
                stueck += " "
                spalte += zellen(stueck)
                if spalte % 8:
                    stueck += " " * (8 - spalte % 8)
                    spalte += 8 - spalte % 8
            else:
                spalte += zellen(stueck)
            teile.append((stueck, style))
    return teile


def _absatz_zeilen(spannen: Spannen, breite: int, *, rechts: bool = False, buendig: bool = False,
                   ellipse: bool = False, umbruch: bool = True) -> list[Zeile]:
    """``Text.wrap``: the text's lines broken to *breite* cells.

    *buendig* pads each line (justify ``left``), *rechts* aligns right; *ellipse* crops an
    overlong word with "…" instead of folding it.
    """
    zeilen: list[Zeile] = []
    ganz: Zeile = [t for t in spannen if t[0]]
    klar = _klar(ganz)
    anfang = 0
    for absatz in klar.split("\n"):
        zeile = _tabs(_stueck(ganz, anfang, anfang + len(absatz)))
        anfang += len(absatz) + 1
        text = _klar(zeile)
        if umbruch:
            stellen = [0, *umbruchstellen(text, breite, falten=not ellipse), len(text)]
            neue = [_stueck(zeile, a, b) for a, b in zip(stellen, stellen[1:], strict=False)]
        else:
            neue = [zeile]
        fertig = []
        for teil in neue:
            text = _klar(teil)
            if umbruch and len(text) > breite and (raum := _LEERRAUM_AM_ENDE.search(text)):
                teil = _stueck(teil, 0, len(text) - min(len(raum.group()), len(text) - breite))
            if rechts:
                text = _klar(teil)
                teil = _kuerze(_stueck(teil, 0, len(text.rstrip())), breite, ellipse)
                teil = [(" " * (breite - zellen(_klar(teil))), ""), *teil]
            elif buendig:
                teil = _auf_breite(_kuerze(teil, breite, ellipse), breite)
            fertig.append(_kuerze(teil, breite, ellipse))
        zeilen += fertig
    return zeilen


def _masse(spannen: Spannen) -> tuple[int, int]:
    """``Text.__rich_measure__``: the longest word and the longest line, in cells."""
    klar = _klar(spannen)
    zeilen = klar.splitlines()
    hoechstens = max((zellen(z) for z in zeilen), default=0)
    woerter = klar.split()
    mindestens = max((zellen(w) for w in woerter), default=hoechstens)
    mindestens = min(max(0, mindestens), hoechstens)
    return mindestens, max(mindestens, hoechstens)


# --- tables --------------------------------------------------------------------------------

def _verteile(gesamt: int, anteile: Sequence[int], mindestens: Sequence[int] | None = None,
              ) -> list[int]:
    """``rich._ratio.ratio_distribute``."""
    if mindestens:
        anteile = [a if m else 0 for a, m in zip(anteile, mindestens, strict=True)]
    summe = sum(anteile)
    rest = gesamt
    ergebnis = []
    for anteil, minimum in zip(anteile, mindestens or [0] * len(anteile), strict=True):
        teil = max(minimum, ceil(anteil * rest / summe)) if summe > 0 else rest
        ergebnis.append(teil)
        summe -= anteil
        rest -= teil
    return ergebnis


def _verringere(gesamt: int, anteile: Sequence[int], hoechstens: Sequence[int],
                werte: Sequence[int]) -> list[int]:
    """``rich._ratio.ratio_reduce``."""
    anteile = [a if h else 0 for a, h in zip(anteile, hoechstens, strict=True)]
    summe = sum(anteile)
    if not summe:
        return list(werte)
    rest = gesamt
    ergebnis = []
    for anteil, maximum, wert in zip(anteile, hoechstens, werte, strict=True):
        if anteil and summe > 0:
            teil = min(maximum, round(anteil * rest / summe))
            ergebnis.append(wert - teil)
            rest -= teil
            summe -= anteil
        else:
            ergebnis.append(wert)
    return ergebnis


def _stauche(breiten: list[int], umbrechbar: Sequence[bool], hoechstens: int) -> list[int]:
    """``Table._collapse_widths``: the widest wrapping columns narrowed first."""
    gesamt = sum(breiten)
    zuviel = gesamt - hoechstens
    if any(umbrechbar):
        while gesamt and zuviel > 0:
            breiteste = max(b for b, u in zip(breiten, umbrechbar, strict=True) if u)
            zweite = max(b if u and b != breiteste else 0
                         for b, u in zip(breiten, umbrechbar, strict=True))
            abstand = breiteste - zweite
            anteile = [1 if b == breiteste and u else 0
                       for b, u in zip(breiten, umbrechbar, strict=True)]
            if not any(anteile) or not abstand:
                break
            breiten = _verringere(zuviel, anteile, [min(zuviel, abstand)] * len(breiten),
                                  breiten)
            gesamt = sum(breiten)
            zuviel = gesamt - hoechstens
    return breiten


class _Spalte:
    """A column as the painter needs it: cells, paddings, wrapping, alignment, style."""

    def __init__(self, zellen_: list[Spannen], links: int, rechts: int, *, umbruch: bool,
                 rechtsbuendig: bool, anteil: int | None, style: str = "") -> None:
        self.zellen, self.links, self.rechts = zellen_, links, rechts
        self.umbruch, self.rechtsbuendig, self.anteil, self.style = (
            umbruch, rechtsbuendig, anteil, style)

    def miss(self, breite: int) -> tuple[int, int]:
        """``Table._measure_column`` at *breite* cells."""
        rand = self.links + self.rechts
        unten: list[int] = []
        oben: list[int] = []
        for zelle in self.zellen:
            if breite < 1:
                mn = mx = 0
            elif breite - rand < 1:
                mn = mx = breite
            else:
                mn, mx = _masse(zelle)
                mn, mx = min(mn, breite - rand) + rand, min(mx, breite - rand) + rand
                mn, mx = min(mn, breite), min(mx, breite)
            unten.append(mn)
            oben.append(mx)
        mn, mx = (max(unten) if unten else 1), (max(oben) if oben else breite)
        return min(mn, breite), min(mx, breite)


def _breiten(spalten: Sequence[_Spalte], hoechstens: int, ausdehnen: bool) -> list[int]:
    """``Table._calculate_column_widths``."""
    masse = [s.miss(hoechstens) for s in spalten]
    breiten = [mx or 1 for _, mx in masse]
    if ausdehnen:
        anteile = [s.anteil or 0 for s in spalten if s.anteil is not None]
        if any(anteile):
            fest = [0 if s.anteil is not None else mx for s, (_, mx) in zip(spalten, masse,
                                                                              strict=True)]
            minima = [1 + s.links + s.rechts for s in spalten if s.anteil is not None]
            flexibel = iter(_verteile(hoechstens - sum(fest), anteile, minima))
            for nummer, spalte in enumerate(spalten):
                if spalte.anteil is not None:
                    breiten[nummer] = fest[nummer] + next(flexibel)
    gesamt = sum(breiten)
    if gesamt > hoechstens:
        breiten = _stauche(breiten, [s.umbruch for s in spalten], hoechstens)
        gesamt = sum(breiten)
        if gesamt > hoechstens:
            breiten = _verringere(gesamt - hoechstens, [1] * len(breiten), breiten, breiten)
            gesamt = sum(breiten)
        breiten = [s.miss(b)[1] or 0 for s, b in zip(spalten, breiten, strict=True)]
    if gesamt < hoechstens and ausdehnen:
        breiten = [b + p for b, p in zip(breiten, _verteile(hoechstens - gesamt, breiten),
                                         strict=True)]
    return breiten


def _zelle(spalte: _Spalte, spannen: Spannen, breite: int, style: str) -> list[Zeile]:
    innen = breite - spalte.links - spalte.rechts
    gefaerbt = tuple((t, f"{style} {s}".strip()) for t, s in spannen)
    zeilen = _absatz_zeilen(gefaerbt, max(innen, 0), rechts=spalte.rechtsbuendig,
                            buendig=not spalte.rechtsbuendig, ellipse=True,
                            umbruch=spalte.umbruch) if innen > 0 else [[]]
    return [_auf_breite([(" " * spalte.links, ""), *z, (" " * spalte.rechts, "")], breite)
            for z in zeilen]


def _reihen(spalten: Sequence[_Spalte], breiten: Sequence[int], trenner: str, rand: str,
            kopf: bool) -> list[Zeile]:
    """The rows of cells side by side; with *kopf* the first row bold and ruled below."""
    zeilen: list[Zeile] = []
    for nummer in range(len(spalten[0].zellen)):
        style = "bold" if kopf and nummer == 0 else ""
        zellen_ = [_zelle(s, s.zellen[nummer], b, f"{s.style} {style}".strip())
                   for s, b in zip(spalten, breiten, strict=True)]
        hoehe = max(len(z) for z in zellen_)
        for z, b in zip(zellen_, breiten, strict=True):
            z += [[(" " * b, "")]] * (hoehe - len(z))
        for reihe in range(hoehe):
            zeile: Zeile = [(rand, "")] if rand else []
            for nummer_spalte, z in enumerate(zellen_):
                if nummer_spalte:
                    zeile.append((trenner, ""))
                zeile += z[reihe]
            if rand:
                zeile.append((rand, ""))
            zeilen.append(zeile)
        if kopf and nummer == 0:
            zeilen.append([(" " + "─" * (sum(breiten) + len(breiten) - 1) + " ", "")])
    return zeilen


def _raster(raster: Raster, breite: int) -> list[Zeile]:
    """``Table.grid(padding=(0, 2))``: labels dim and unwrapped, values wrapping."""
    spalten = [_Spalte([((n, ""),) for n, _ in raster.zeilen], 0, 2, umbruch=False,
                       rechtsbuendig=False, anteil=None, style="dim"),
               _Spalte([w for _, w in raster.zeilen], 0, 0, umbruch=True,
                       rechtsbuendig=False, anteil=None)]
    return _reihen(spalten, _breiten(spalten, breite, False), "", "", False)


def _tabelle(tabelle: Tabelle, breite: int) -> list[Zeile]:
    """``Table(box=SIMPLE_HEAD, pad_edge=False, expand=True)``."""
    letzte = len(tabelle.spalten) - 1
    spalten = [_Spalte([((s.titel, ""),), *(z[n] for z in tabelle.zeilen)],
                       0 if n == 0 else 1, 0 if n == letzte else 1, umbruch=s.umbruch,
                       rechtsbuendig=s.rechts, anteil=1 if s.dehnbar else None)
               for n, s in enumerate(tabelle.spalten)]
    rand = 2 + letzte
    breiten = _breiten(spalten, breite - rand, True)
    leer: Zeile = [(" " * (sum(breiten) + rand), "")]
    return [leer, *_reihen(spalten, breiten, " ", " ", True), leer]


def _teil(teil: Teil, breite: int) -> list[Zeile]:
    if isinstance(teil, Absatz):
        zeilen = [[(" " * teil.einzug, ""), *z]
                  for z in _absatz_zeilen(teil.spannen, breite - teil.einzug)]
        return zeilen + [[]] * teil.unten
    return _raster(teil, breite) if isinstance(teil, Raster) else _tabelle(teil, breite)


def _kasten(kasten: Kasten, breite: int) -> list[Zeile]:
    """``Panel(padding=(0, 1))`` as wide as the console, heavy or rounded with a title."""
    oben_links, oben, oben_rechts, links, rechts, unten_links, unten, unten_rechts = tuple(
        _SCHWER if kasten.titel is None else _RUND)
    innen = breite - 4
    if kasten.titel is None or breite <= 4:
        kopf = oben_links + oben * (breite - 2) + oben_rechts
    else:  # the title cropped to the line, or padded with the line's own character
        titel = " " + kasten.titel.replace("\n", " ") + " "
        rest = innen - zellen(titel)
        titel = auf_breite(titel, innen) if rest < 0 else titel + oben * rest
        kopf = oben_links + oben + titel + oben + oben_rechts
    zeilen: list[Zeile] = [[(kopf, "")]]
    for teil in kasten.teile:
        for zeile in _teil(teil, innen):
            zeilen.append([(links + " ", ""), *_auf_breite(zeile, innen), (" " + rechts, "")])
    zeilen.append([(unten_links + unten * (breite - 2) + unten_rechts, "")])
    return zeilen


def darstellbar(kaesten: Iterable[Kasten]) -> bool:
    """Whether every character of the boxes is one whose width is known the same as Rich's
    (``zellen.GESICHERT_BEREICHE``); other texts are painted by Rich."""
    def texte(teil: Teil) -> Iterable[str]:
        if isinstance(teil, Absatz):
            yield from (t for t, _ in teil.spannen)
        elif isinstance(teil, Raster):
            for name, wert in teil.zeilen:
                yield name
                yield from (t for t, _ in wert)
        else:
            yield from (s.titel for s in teil.spalten)
            yield from (t for zeile in teil.zeilen for zelle in zeile for t, _ in zelle)

    return all(gesichert(text) for kasten in kaesten
               for text in (kasten.titel or "", *(t for teil in kasten.teile
                                                  for t in texte(teil))))


def zeilen(kaesten: Iterable[Kasten], breite: int) -> list[Zeile]:
    """All lines of the boxes at *breite* cells."""
    return [zeile for kasten in kaesten for zeile in _kasten(kasten, breite)]


# --- the terminal --------------------------------------------------------------------------

def _sgr(style: str, farben: str | None, attribute: bool) -> str:
    codes = []
    for wort in style.split():
        if wort in ATTRIBUTE and attribute:
            codes.append(ATTRIBUTE[wort])
        elif farben is None:
            continue
        elif wort in FARBEN_16:
            codes.append(FARBEN_16[wort])
        elif wort in FARBEN_256:
            codes.append(FARBEN_16_ERSATZ[wort] if farben == "standard"
                         else f"38;5;{FARBEN_256[wort]}")
    return ";".join(codes)


def als_text(zeilen_: Iterable[Zeile], farben: str | None = None, attribute: bool = False,
             ) -> str:
    """The lines as text: plain, or with SGR codes (*farben* ``standard`` or ``256``)."""
    ausgabe = []
    for zeile in zeilen_:
        teile = []
        for text, style in zeile:
            code = _sgr(style, farben, attribute) if style and (farben or attribute) else ""
            teile.append(f"\x1b[{code}m{text}\x1b[0m" if code and text else text)
        ausgabe.append("".join(teile))
    return "".join(z + "\n" for z in ausgabe)


def terminal(strom: TextIO | None = None) -> tuple[int, str | None, bool] | None:
    """(width, colours, attributes) as Rich's Console would choose them for *strom*, or None
    where this painter does not reach (an encoding other than UTF-8, a very narrow width)."""
    strom = strom or sys.stdout
    if (getattr(strom, "encoding", "") or "").lower().replace("-", "") != "utf8":
        return None
    umgebung = os.environ
    term = umgebung.get("TERM", "").strip().lower()
    if umgebung.get("TTY_COMPATIBLE", "") in ("0", "1"):
        ist_terminal = umgebung["TTY_COMPATIBLE"] == "1"
    elif "FORCE_COLOR" in umgebung:
        ist_terminal = umgebung["FORCE_COLOR"] != ""
    else:
        try:
            ist_terminal = strom.isatty()
        except (AttributeError, ValueError):
            ist_terminal = False
    dumm = ist_terminal and term in ("dumb", "unknown")
    spalten = umgebung.get("COLUMNS", "")
    if spalten.isdigit() and umgebung.get("LINES", "").isdigit():
        breite = int(spalten)
    elif dumm:
        breite = 80
    else:
        breite = 0
        for nummer in (0, 1, 2):
            try:
                breite = os.get_terminal_size(nummer).columns
                break
            except (AttributeError, ValueError, OSError):
                continue
        breite = int(spalten) if spalten.isdigit() else breite or 80
    if breite < 20:
        return None
    if not ist_terminal or dumm:
        return breite, None, False
    farbig = umgebung.get("NO_COLOR", "") == ""
    tiefe = term.rpartition("-")[2]
    system = "256" if (umgebung.get("COLORTERM", "").strip().lower() in ("truecolor", "24bit")
                       or tiefe in ("256color", "kitty")) else "standard"
    return breite, system if farbig else None, True
