"""The table of the CLI's commands (the group module that defines each, its one-line help) and
the other texts of the top-level help.

The top-level help (``strategie --help``), ``--version`` and a wrong command name are answered
from this table alone, without importing any command group; a named command imports only its
own group (``strategie.cli.<modul>``), which adds the arguments. The order is the help's order.
"""

from __future__ import annotations

BEFEHLE: dict[str, tuple[str, str]] = {
    "liste": ("lesen", "Ziele auflisten und filtern"),
    "zeige": ("lesen", "ein Ziel vollständig zeigen"),
    "matrix": ("lesen", "Ziele je Amt und Handlungsfeld zählen"),
    "status": ("aendern", "Umsetzungsstand setzen (ein Commit)"),
    "setze": ("aendern", "ein Feld setzen (ein Commit)"),
    "steckbrief": ("aendern", "Steckbrief-Texte bearbeiten (ein Commit)"),
    "messwert": ("aendern", "Messwert einer Kennzahl erfassen (ein Commit)"),
    "massnahme": ("aendern", "Maßnahme hinzufügen (ein Commit)"),
    "rueckgaengig": ("aendern", "eine Änderung rückgängig machen"),
    "neu": ("fortschreibung", "neues Ziel anlegen (ein Commit)"),
    "entfallen": ("fortschreibung", "Ziel auf Beschluss entfallen lassen (ein Commit)"),
    "verlauf": ("geschichte", "Änderungsgeschichte eines Ziels"),
    "aenderungen": ("geschichte", "Änderungen seit einem Datum oder Commit"),
    "bericht": ("berichte", "Sachstandsbericht für Ausschuss und Skripte"),
    "steckbriefe": ("berichte", "Maßnahmensteckbriefe je Organisationseinheit"),
    "jahresplanung": ("berichte",
                      "die für ein Haushaltsjahr vorgesehenen Ziele mit Mitteln und Personal"),
    "pruefen": ("pruefen", "alle Zieldateien prüfen"),
    "schema": ("pruefen", "JSON Schema einer Zieldatei ausgeben"),
    "sync": ("team", "mit dem gemeinsamen Repository abgleichen: abrufen, einarbeiten, teilen"),
    "konflikte": ("team", "offene Konflikte zeigen"),
    "loese": ("team", "einen Konflikt lösen"),
    "einrichten": ("team",
                   "Klon für die Zusammenarbeit einrichten (Merge-Treiber, Hooks, CODEOWNERS)"),
    "server-hook": ("team",
                    "(auf dem Server) pre-receive-Hook: Zieldateien und Zuständigkeit prüfen"),
    "vorab-pruefen": ("team",
                      "(pre-commit-Hook) vorgemerkte Zieldateien prüfen, Zuständigkeit vorab"),
    "merge-treiber": ("team", "(ruft git auf) Zieldateien feldweise zusammenführen"),
    "init": ("einrichten", "neuen Zielspeicher in einem neuen git-Repository anlegen"),
}
"""Command name → (module in ``strategie.cli`` that registers it, one-line help)."""

GRUPPEN = tuple(dict.fromkeys(modul for modul, _ in BEFEHLE.values()))
"""The command group modules, in the order of the help."""

BESCHREIBUNG = ("Die Ziele der Sozialstrategie: lesen, prüfen, ändern, berichten. "
                "Ohne Befehl öffnet sich die Terminal-App.")
HILFE_HILFE = "diese Hilfe zeigen und beenden"
STORE_HILFE = ("Zielspeicher (Ordner mit strategie.toml); sonst $STRATEGIE_STORE oder Suche ab "
               "dem aktuellen Ordner")
VERSION_HILFE = "Versionsnummer zeigen und beenden"
TUI_HILFE = "die Terminal-App öffnen"
TUI_BESCHREIBUNG = "Öffnet die Terminal-App auf dem Zielspeicher."
