"""Display colours for vocabulary values, shared by the CLI, the reports and the app."""

from __future__ import annotations

AMPEL_FARBEN = {"grün": "green", "gelb": "yellow", "rot": "red", "grau": "grey50"}
AMPEL_HEX = {"grün": "#2e7d32", "gelb": "#f9a825", "rot": "#c62828", "grau": "#9e9e9e"}

STATUS_FARBEN = {
    "nicht begonnen": "grey50",
    "in Vorbereitung": "cyan",
    "in Umsetzung": "blue",
    "umgesetzt": "green",
    "im Regelbetrieb": "green",
    "zurückgestellt": "yellow",
    "entfallen": "grey37",
}
STATUS_HEX = {
    "nicht begonnen": "#bdbdbd",
    "in Vorbereitung": "#4fc3f7",
    "in Umsetzung": "#1e88e5",
    "umgesetzt": "#43a047",
    "im Regelbetrieb": "#2e7d32",
    "zurückgestellt": "#fbc02d",
    "entfallen": "#757575",
}


BEWERTUNGSFARBEN = {"gefährdet": "red", "keine aktuellen Messwerte": "yellow",
                    "auf Kurs": "green", "erreicht": "bold green", "keine Messwerte": "dim"}
"""Rich colours of the Kennzahl verdicts (``strategie.auswertung.kennzahlen.BEWERTUNGEN``)."""


def ampel_farbe(ampel: str) -> str:
    """Rich colour name for an Ampel value ('' for an unknown value)."""
    return AMPEL_FARBEN.get(ampel, "")


def status_farbe(status: str) -> str:
    """Rich colour name for an Umsetzungsstand value ('' for an unknown value)."""
    return STATUS_FARBEN.get(status, "")
