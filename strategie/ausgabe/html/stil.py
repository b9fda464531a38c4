"""The shared frame of the HTML reports: escaping for code, CSS names and strings, the document.

The CSS and the page frame themselves are templates (``vorlagen/stil.css.j2``,
``basis.html.j2``, ``seiten.css.j2``); this module holds what code needs to build HTML safely.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Mapping
from pathlib import Path

from markupsafe import Markup

from strategie.ausgabe.farben import AMPEL_HEX, BEWERTUNG_HEX, STATUS_HEX, STATUS_MUSTER
from strategie.text.sicher import entschaerfe

UNBEKANNT_HEX = "#9e9e9e"
"""Colour of a vocabulary value the palette does not know."""

# Unicode noncharacters are parse errors in HTML; entschaerfe() already handles the controls.
_NICHTZEICHEN = re.compile("[\ufdd0-\ufdef\ufffe\uffff\U0001fffe\U0001ffff\U0010fffe\U0010ffff]")


def sichtbar(text: str) -> str:
    """Text from a goal file with control, bidi and non-characters made visible (not escaped)."""
    wert = entschaerfe(text)
    if _NICHTZEICHEN.search(wert):
        wert = _NICHTZEICHEN.sub(lambda m: f"<U+{ord(m.group()):04X}>", wert)
    return wert


def esc(text: object) -> str:
    """Text from a goal file as HTML text or attribute value: never markup, controls visible."""
    return html.escape(sichtbar(str(text)), quote=True)


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


@functools.lru_cache(maxsize=512)
def klasse(praefix: str, wert: str) -> str:
    """A CSS class name for a vocabulary value: 'a-gruen', 's-in-umsetzung'."""
    ersetzt = wert.lower().translate(_UMLAUTE)
    return f"{praefix}-" + ("-".join(re.findall(r"[a-z0-9]+", ersetzt)) or "leer")


FARBEN = {"ampel": AMPEL_HEX, "status": STATUS_HEX, "muster": STATUS_MUSTER,
          "bewertung": BEWERTUNG_HEX}
"""The palette as the templates see it (``farben.css.j2``)."""


def dokument(titel: str, koerper: str, *, kopfzeile: str, fusszeile: str,
             zusatz_stil: str = "", benannt: Mapping[str, str] | None = None,
             vorlagen: Path | None = None) -> str:
    """A complete, self-contained HTML5 document around *koerper* (HTML built by code).

    The frame is ``basis.html.j2``; *benannt* maps a named page (CSS ``page:``) to its own
    running head.
    """
    from strategie.ausgabe.html.umgebung import rendere

    return rendere("basis.html.j2", vorlagen, titel=titel, koerper=Markup(koerper),
                   kopfzeile=kopfzeile, fusszeile=fusszeile, zusatz_stil=Markup(zusatz_stil),
                   benannt=dict(benannt or {}), farben=FARBEN)
