"""Editing a text in the user's editor: which editor, and German messages when there is none."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

from strategie.cli.gemeinsam import fehlerkonsole
from strategie.modell.befund import StrategieFehler
from strategie.text.sicher import entschaerfe

EDITOREN = ("nano", "vi")
"""Editors tried, in this order, when neither $VISUAL nor $EDITOR is set (nano: shown keys)."""


def _editor() -> list[str]:
    """The editor command: $VISUAL, else $EDITOR, else the first of EDITOREN installed; without
    a choice of the user's, one line on stderr says which one opens and how to choose."""
    gewaehlt = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if gewaehlt:
        return shlex.split(gewaehlt)
    vorhanden = next((e for e in EDITOREN if shutil.which(e)), None)
    if vorhanden is None:
        raise StrategieFehler(
            f"Kein Editor gefunden ($VISUAL und $EDITOR sind nicht gesetzt, "
            f"{' und '.join(EDITOREN)} nicht installiert); nichts gespeichert. Einen wählen, "
            "z. B.: EDITOR=\"code --wait\" strategie …, oder die Eingabe über eine Pipe geben.")
    fehlerkonsole().print(
        f"Öffne den Editor {vorhanden} (einen anderen wählen: $EDITOR setzen, z. B. "
        f"EDITOR=vim).", markup=False, highlight=False, style="dim")
    return [vorhanden]


def im_editor(text: str, *, prefix: str = "steckbrief-", suffix: str = ".md") -> str:
    """Open *text* in the editor (``_editor``) and return what was saved."""
    befehl = _editor()
    name = " ".join(befehl)
    with tempfile.NamedTemporaryFile("w", suffix=suffix, prefix=prefix, delete=False,
                                     encoding="utf-8") as datei:
        datei.write(text)
    try:
        try:
            ergebnis = subprocess.run([*befehl, datei.name], check=False)
        except FileNotFoundError:
            raise StrategieFehler(
                f"Der Editor „{entschaerfe(befehl[0])}“ ist nicht installiert (aus $VISUAL/"
                "$EDITOR); nichts gespeichert. Einen anderen wählen, z. B. EDITOR=nano."
            ) from None
        except PermissionError:
            raise StrategieFehler(
                f"Der Editor „{entschaerfe(befehl[0])}“ lässt sich nicht starten (keine "
                "Ausführungsrechte); nichts gespeichert.") from None
        if ergebnis.returncode != 0:
            raise StrategieFehler(f"Der Editor ({entschaerfe(name)}) wurde mit einem Fehler "
                                  "beendet; nichts gespeichert.")
        return Path(datei.name).read_text(encoding="utf-8")
    finally:
        os.unlink(datei.name)
