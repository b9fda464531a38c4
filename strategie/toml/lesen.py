"""Reading a goal file's bytes: UTF-8 without BOM, then TOML, or a Befund why not."""

from __future__ import annotations

import tomllib
from pathlib import Path

from strategie.modell.befund import Befund
from strategie.toml.fehler import toml_fehler_befund


def parse_toml(verzeichnis: Path, relpfad: str, roh: bytes
               ) -> tuple[dict | None, str, Befund | None]:
    """Decode and parse a file's bytes: (data, text, None) or (None, text, Befund)."""
    if roh.startswith(b"\xef\xbb\xbf"):
        return None, "", Befund(
            verzeichnis / relpfad, "Die Datei beginnt mit einer Byte-Order-Mark (BOM); bitte als "
            "UTF-8 ohne BOM speichern", zeile=1)
    try:
        text = roh.decode("utf-8")
    except UnicodeDecodeError as fehler:
        return None, "", toml_fehler_befund(verzeichnis / relpfad, roh, fehler)
    try:
        return tomllib.loads(text), text, None
    except tomllib.TOMLDecodeError as fehler:
        return None, text, toml_fehler_befund(verzeichnis / relpfad, roh, fehler)
