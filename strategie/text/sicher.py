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
