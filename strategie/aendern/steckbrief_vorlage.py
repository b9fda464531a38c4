"""The plain-text template in which the Steckbrief texts are edited ($EDITOR or stdin)."""

from __future__ import annotations

from strategie.modell.befund import StrategieFehler
from strategie.modell.feld import STECKBRIEF_TEXTE, STECKBRIEF_UEBERSCHRIFTEN


def vorlage(ziel_id: str, titel: str, texte: dict[str, str]) -> str:
    """The template: a '## ' heading per text; lines starting with '#' are comments."""
    zeilen = [f"# Maßnahmensteckbrief {ziel_id}: {titel}",
              "# Zeilen mit '#' werden ignoriert. Überschriften mit '## ' nicht ändern.", ""]
    for schluessel in STECKBRIEF_TEXTE:
        ueberschrift = STECKBRIEF_UEBERSCHRIFTEN[schluessel]
        zeilen += [f"## {ueberschrift}", texte.get(schluessel, "").strip(), ""]
    return "\n".join(zeilen)


def lies_vorlage(text: str) -> dict[str, str]:
    """The texts under the template's '## ' headings; an empty section is left out (no change).

    Text without any known heading, or under a heading the template does not have, is
    refused: nothing the user wrote is dropped silently.
    """
    nach_titel = {v.casefold(): k for k, v in STECKBRIEF_UEBERSCHRIFTEN.items()}
    erwartet = "; ".join(f"## {u}" for u in STECKBRIEF_UEBERSCHRIFTEN.values())
    texte: dict[str, str] = {}
    aktuell: str | None = None
    zeilen: list[str] = []
    gefunden = False
    for nummer, zeile in enumerate([*text.splitlines(), "## ENDE"], start=1):
        if zeile.startswith("## "):
            if aktuell is not None and (inhalt := "\n".join(zeilen).strip()):
                texte[aktuell] = inhalt
            ueberschrift = zeile[3:].strip()
            aktuell = nach_titel.get(ueberschrift.casefold())
            if aktuell is None and ueberschrift != "ENDE":
                raise StrategieFehler(
                    f'Zeile {nummer}: unbekannte Überschrift "{ueberschrift}"; nichts gespeichert. '
                    f"Erwartet werden diese Überschriften: {erwartet}")
            gefunden = gefunden or aktuell is not None
            zeilen = []
        elif not zeile.startswith("#") and aktuell is not None:
            zeilen.append(zeile)
        elif not zeile.startswith("#") and zeile.strip():
            raise StrategieFehler(
                f"Zeile {nummer}: Text vor der ersten Überschrift; nichts gespeichert. Jeder "
                f"Text gehört unter eine dieser Überschriften: {erwartet}")
    if not gefunden:
        raise StrategieFehler(f"Keine der Überschriften des Steckbriefs gefunden; nichts "
                              f"gespeichert. Erwartet werden: {erwartet}")
    return texte
