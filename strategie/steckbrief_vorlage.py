"""The plain-text template in which the Steckbrief texts are edited ($EDITOR or stdin)."""

from __future__ import annotations

from collections.abc import Iterator

from strategie.model import STECKBRIEF_TEXTE

UEBERSCHRIFTEN = {
    "aktueller_stand": "Aktueller Stand der Umsetzung",
    "finanzielle_beurteilung": "Finanzielle Beurteilung der Verwaltung",
    "inhaltliche_beurteilung": "Inhaltliche Beurteilung der Verwaltung",
}


def vorlage(ziel_id: str, titel: str, texte: dict[str, str]) -> str:
    """The template: a '## ' heading per text; lines starting with '#' are comments."""
    zeilen = [f"# Maßnahmensteckbrief {ziel_id}: {titel}",
              "# Zeilen mit '#' werden ignoriert. Überschriften mit '## ' nicht ändern.", ""]
    for schluessel in STECKBRIEF_TEXTE:
        zeilen += [f"## {UEBERSCHRIFTEN[schluessel]}", texte.get(schluessel, "").strip(), ""]
    return "\n".join(zeilen)


def lies_vorlage(text: str) -> Iterator[tuple[str, str]]:
    """(field, text) for every heading found in an edited template."""
    nach_titel = {v.casefold(): k for k, v in UEBERSCHRIFTEN.items()}
    aktuell: str | None = None
    zeilen: list[str] = []
    for zeile in [*text.splitlines(), "## ENDE"]:
        if zeile.startswith("## "):
            if aktuell is not None:
                yield aktuell, "\n".join(zeilen).strip()
            aktuell = nach_titel.get(zeile[3:].strip().casefold())
            zeilen = []
        elif not zeile.startswith("#") and aktuell is not None:
            zeilen.append(zeile)
