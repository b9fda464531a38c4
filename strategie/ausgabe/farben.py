"""Display colours for vocabulary values, shared by the CLI, the reports and the app.

The Ampel keeps the colours of a traffic light (round dot). The Umsetzungsstand uses other
hues (square): the way from *nicht begonnen* to *im Regelbetrieb* runs from light blue to dark
violet, each step clearly darker, so that the states stay apart in a grey print too; the two
states off that way, *zurückgestellt* and *entfallen*, are hatched (``STATUS_MUSTER``). No
Umsetzungsstand shares a colour with an Ampel value (``tests/bericht/test_farben.py``).
"""

from __future__ import annotations

AMPEL_FARBEN = {"grün": "green", "gelb": "yellow", "rot": "red", "grau": "grey50"}
AMPEL_HEX = {"grün": "#43a047", "gelb": "#ffd54f", "rot": "#b71c1c", "grau": "#a8acb0"}

STATUS_FARBEN = {
    "nicht begonnen": "grey62",
    "in Vorbereitung": "light_sky_blue3",
    "in Umsetzung": "dodger_blue1",
    "umgesetzt": "slate_blue1",
    "im Regelbetrieb": "medium_orchid",
    "zurückgestellt": "dark_orange",
    "entfallen": "rosy_brown",
}
"""Terminal (Rich) colours: distinct hues that read on dark and light backgrounds."""
STATUS_HEX = {
    "nicht begonnen": "#e8edf3",
    "in Vorbereitung": "#a9c6ea",
    "in Umsetzung": "#5b93d6",
    "umgesetzt": "#5b4fb0",
    "im Regelbetrieb": "#35205e",
    "zurückgestellt": "#d08a2e",
    "entfallen": "#8c8c8c",
}
"""Print and screen colours (HTML, SVG, DOCX)."""
STATUS_MUSTER = {"zurückgestellt": "schraeg", "entfallen": "gegenschraeg"}
"""States drawn hatched in their colour: '/' (schraeg) or '\\' (gegenschraeg) stripes."""
STATUS_ZEICHEN = {"zurückgestellt": "▒", "entfallen": "░"}
"""Bar characters of the hatched states in the terminal (the others: █)."""


BEWERTUNGSFARBEN = {"gefährdet": "bold red", "keine aktuellen Messwerte": "yellow",
                    "auf Kurs": "green", "erreicht": "bold dark_cyan", "keine Messwerte": "dim"}
"""Rich colours of the Kennzahl verdicts (``strategie.auswertung.kennzahlen.BEWERTUNGEN``)."""
BEWERTUNG_HEX = {"gefährdet": "#b71c1c", "keine aktuellen Messwerte": "#a15c00",
                 "auf Kurs": "#2e7d32", "erreicht": "#00695c", "keine Messwerte": "#6b7280"}
"""Text colours of the Kennzahl verdicts in HTML and DOCX: red for behind the line, brown
for values too old, green for on the line, teal for reached, grey for none – each its own hue
(the word says the verdict; the colour only guides the eye)."""


def ampel_farbe(ampel: str) -> str:
    """Rich colour name for an Ampel value ('' for an unknown value)."""
    return AMPEL_FARBEN.get(ampel, "")


def status_farbe(status: str) -> str:
    """Rich colour name for an Umsetzungsstand value ('' for an unknown value)."""
    return STATUS_FARBEN.get(status, "")


def status_zeichen(status: str) -> str:
    """The character a terminal bar of this Umsetzungsstand is drawn with."""
    return STATUS_ZEICHEN.get(status, "█")


def grauwert(farbe: str) -> float:
    """The brightness 0–255 of a #rrggbb colour in a grey print (ITU-R BT.601 luma)."""
    rot, gruen, blau = (int(farbe[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * rot + 0.587 * gruen + 0.114 * blau
