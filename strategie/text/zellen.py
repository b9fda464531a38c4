"""Terminal cells of text: how wide a string shows, and where to cut and wrap it – as Rich does.

Rich's own measure (``rich.cells``) loads Unicode tables that cost more to import than
``strategie zeige`` takes to read its goal; this one asks ``unicodedata`` (the interpreter's own,
in C). The rules follow ``rich.cells`` and ``rich._wrap``: a grapheme is a character with the
zero-width characters after it (combining marks, format characters, a ZWJ with the character
it joins); East Asian wide and full-width characters take two cells, control characters none.
``tests/unit/test_schlicht.py`` compares both measures on the characters goal files bring.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_EINZELN = re.compile("[\x20-\x7e\xa0-\xac\xae-\u02ff\u0370-\u0482\u2500-\u25fc\u2800-\u28ff]*")
"""Characters of one cell each (Rich's fast path): Latin, Greek, Cyrillic, box drawing."""

GESICHERT_BEREICHE = (
    (0x09, 0x0A), (0x20, 0x7E), (0xA0, 0x2FF), (0x370, 0x377), (0x37A, 0x37F), (0x384, 0x38A),
    (0x38C, 0x38C), (0x38E, 0x3A1), (0x3A3, 0x482), (0x48A, 0x52F), (0x2010, 0x2027),
    (0x2030, 0x205E), (0x20A0, 0x20C0), (0x2100, 0x214F), (0x2190, 0x23FF), (0x2400, 0x2426),
    (0x2500, 0x25FF), (0x2600, 0x2613), (0x2705, 0x2705), (0x2713, 0x2714), (0x2717, 0x2718),
    (0xFFFD, 0xFFFD))
"""Characters whose width this measure and Rich's tables agree on, each tested
(``tests/unit/test_schlicht.py``): Latin, Greek, Cyrillic, punctuation, currency, arrows,
technical signs, the control pictures ``entschaerfe`` writes, box drawing, shapes – no
unassigned code points, no combining marks. Texts with other characters (CJK, emoji) are
left to Rich."""
_GESICHERT = re.compile("[%s]*" % "".join(  # noqa: UP031
    re.escape(chr(a)) + ("-" + re.escape(chr(b)) if b > a else "")
    for a, b in GESICHERT_BEREICHE))


def gesichert(text: str) -> bool:
    """Whether every character of *text* is one of ``GESICHERT_BEREICHE``."""
    return _GESICHERT.fullmatch(text) is not None


_WORT = re.compile(r"\s*\S+\s*")
_ZWJ, _VS16 = "\u200d", "\ufe0f"


@lru_cache(maxsize=4096)
def zeichenbreite(zeichen: str) -> int:
    """Cells of one character: 0, 1 or 2."""
    code = ord(zeichen)
    if code == 0xAD:
        return 1  # the soft hyphen: shown as a hyphen, as Rich counts it
    if (code and code < 32) or 0x7F <= code < 0xA0:
        return 0
    if unicodedata.category(zeichen) in ("Mn", "Me", "Cf") or 0x1160 <= code <= 0x11FF:
        return 0
    return 2 if unicodedata.east_asian_width(zeichen) in ("W", "F") else 1


def _grapheme(text: str) -> list[tuple[int, int, int]]:
    """(start, end, cells) of each grapheme of *text*, covering every index."""
    teile: list[tuple[int, int, int]] = []
    i, n = 0, len(text)
    while i < n:
        zeichen = text[i]
        if zeichen in (_ZWJ, _VS16) and teile:
            ende = i + (2 if zeichen == _ZWJ and i < n - 1 else 1)
            start, _, breite = teile[-1]
            teile[-1] = (start, ende, breite)
            i = ende
            continue
        breite = zeichenbreite(zeichen)
        if breite or not teile:
            teile.append((i, i + 1, breite))
        else:
            start, _, alt = teile[-1]
            teile[-1] = (start, i + 1, alt)
        i += 1
    return teile


def zellen(text: str) -> int:
    """Cells *text* takes in a terminal."""
    if _EINZELN.fullmatch(text):
        return len(text)
    return sum(b for _, _, b in _grapheme(text))


def teile_bei(text: str, stelle: int) -> tuple[str, str]:
    """*text* cut after *stelle* cells; a wide character across the cut becomes two spaces."""
    if _EINZELN.fullmatch(text):
        return text[:stelle], text[stelle:]
    if stelle <= 0:
        return "", text
    links = 0
    for start, ende, breite in _grapheme(text):
        if links == stelle:
            return text[:start], text[start:]
        if links + breite > stelle:
            return text[:start] + " ", " " + text[ende:]
        links += breite
    return text, ""


def auf_breite(text: str, breite: int) -> str:
    """*text* cropped or padded with spaces to exactly *breite* cells."""
    if breite <= 0:
        return ""
    jetzt = zellen(text)
    if jetzt < breite:
        return text + " " * (breite - jetzt)
    return text if jetzt == breite else teile_bei(text, breite)[0]


def zerhacke(text: str, breite: int) -> list[str]:
    """*text* cut into pieces of at most *breite* cells (a word longer than a line)."""
    if _EINZELN.fullmatch(text):
        return [text[i:i + breite] for i in range(0, len(text), breite)]
    stuecke: list[str] = []
    anfang = belegt = 0
    for start, _, zelle in _grapheme(text):
        if belegt + zelle > breite:
            stuecke.append(text[anfang:start])
            anfang, belegt = start, 0
        belegt += zelle
    if belegt:
        stuecke.append(text[anfang:])
    return stuecke


def umbruchstellen(text: str, breite: int, falten: bool = True) -> list[int]:
    """Indices at which *text* (one paragraph) breaks to fit *breite* cells: greedily by words,
    a word longer than a line folded, or left whole for cropping when not *falten*
    (``rich._wrap.divide_line``)."""
    stellen: list[int] = []
    belegt = 0
    for wort in _WORT.finditer(text):
        start, teil = wort.start(), wort.group()
        laenge = zellen(teil.rstrip())
        if breite - belegt >= laenge:
            belegt += zellen(teil)
        elif laenge > breite and falten:
            stuecke = zerhacke(teil, breite)
            for nummer, stueck in enumerate(stuecke, start=1):
                if start:
                    stellen.append(start)
                if nummer == len(stuecke):
                    belegt = zellen(stueck)
                else:
                    start += len(stueck)
        elif laenge > breite:
            if start:
                stellen.append(start)
            belegt = zellen(teil)
        elif belegt and start:
            stellen.append(start)
            belegt = zellen(teil)
    return stellen
