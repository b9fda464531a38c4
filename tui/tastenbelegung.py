"""The user's keymap: binding id → keys, read from ``$XDG_CONFIG_HOME/strategie/tasten.toml``."""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from pathlib import Path

from strategie.modell.befund import anzeigepfad, os_fehlertext
from tui.tasten import NACH_KENNUNG


def keymap_datei(umgebung: Mapping[str, str] | None = None) -> Path:
    """Where the keymap lives: the XDG config folder, else ``~/.config``."""
    umgebung = os.environ if umgebung is None else umgebung
    basis = umgebung.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(basis) / "strategie" / "tasten.toml"


def _flach(daten: Mapping[str, object], vorn: str = "") -> dict[str, object]:
    """``[haupt] messwert = "k"`` and ``"haupt.messwert" = "k"`` mean the same."""
    flach: dict[str, object] = {}
    for schluessel, wert in daten.items():
        if isinstance(wert, dict):
            flach.update(_flach(wert, f"{vorn}{schluessel}."))
        else:
            flach[f"{vorn}{schluessel}"] = wert
    return flach


def lade_keymap(datei: Path) -> tuple[dict[str, str], list[str]]:
    """The keymap of *datei* and German notices for what in it was not used.

    A missing file is no error (empty keymap); a broken file or a bad line costs only that
    file or line, never the start of the app.
    """
    ort = anzeigepfad(datei)
    try:
        text = datei.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as fehler:
        grund = os_fehlertext(fehler) if isinstance(fehler, OSError) else "kein UTF-8"
        return {}, [f"Tastenbelegung {ort} nicht lesbar ({grund}) – es gelten die "
                    "voreingestellten Tasten."]
    try:
        daten = tomllib.loads(text)
    except tomllib.TOMLDecodeError as fehler:
        return {}, [f"Tastenbelegung {ort} ist kein gültiges TOML ({fehler}) – es gelten die "
                    "voreingestellten Tasten."]
    keymap: dict[str, str] = {}
    meldungen = []
    for kennung, wert in _flach(daten).items():
        if kennung not in NACH_KENNUNG:
            meldungen.append(f"Tastenbelegung {ort}: unbekannte Kennung „{kennung}“ "
                             "(die Hilfe ? nennt alle Kennungen) – übergangen.")
        elif not isinstance(wert, str) or not wert.strip():
            meldungen.append(f"Tastenbelegung {ort}: „{kennung}“ braucht Tasten als Text, "
                             'z. B. "w" oder "ctrl+k,w" – übergangen.')
        else:
            keymap[kennung] = ",".join(t.strip() for t in wert.split(",") if t.strip())
    return keymap, meldungen
