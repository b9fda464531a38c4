"""Neutralising text from goal files: control and bidi characters made visible or escaped."""

from __future__ import annotations

import re

# C0 controls except TAB and LF, DEL, C1 controls, and the bidi overrides/isolates that can
# make text display in a different order than it is stored ("Trojan Source").
_GEFAEHRLICH = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def _sichtbar(treffer: re.Match[str]) -> str:
    zeichen = treffer.group()
    code = ord(zeichen)
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC → ␛, BEL → ␇
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def entschaerfe(text: str) -> str:
    """Replace control characters with visible placeholders; everything else stays as it is."""
    return _GEFAEHRLICH.sub(_sichtbar, text) if _GEFAEHRLICH.search(text) else text


def json_sicher(json_text: str) -> str:
    """Escape C1/DEL/bidi characters that ``json.dumps(ensure_ascii=False)`` leaves raw.

    The result is the same JSON value, only with ``\\uXXXX`` escapes a terminal cannot act on.
    """
    return _GEFAEHRLICH.sub(lambda m: f"\\u{ord(m.group()):04x}", json_text)


_ZEILENWECHSEL = re.compile("[\n\r\u2028\u2029]+")


def einzeilig(text: str) -> str:
    """*text* on one line, neutralised: line breaks (also CR and U+2028/2029) become ' ⏎ ',
    tabs a space; for list rows, table cells, commit subjects and trailers, where a line break
    would draw or read as the next row."""
    text = _ZEILENWECHSEL.sub(" ⏎ ", text.replace("\t", " "))
    return entschaerfe(text)


FORMEL_ZEICHEN = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
"""A spreadsheet cell whose text starts with one of these (also after spaces) is taken for a
formula by Excel or LibreOffice: '=HYPERLINK(…)', '+1', '-2+3', '@SUMME(…)' (and the
full-width forms some versions accept)."""


def ist_formel(text: str) -> bool:
    """Whether a spreadsheet would take *text* in a cell for a formula (also after spaces)."""
    return text.lstrip(" \u00a0\u3000").startswith(FORMEL_ZEICHEN)


def zelle_sicher(text: str) -> str:
    """Text for a CSV cell: control characters visible, never a formula – a text that a
    spreadsheet would calculate gets a leading apostrophe, the spreadsheets' own sign for
    'this is text'. (XLSX marks such a cell as text instead: ``ist_formel``.)"""
    return entschaerfe("'" + text if ist_formel(text) else text)
