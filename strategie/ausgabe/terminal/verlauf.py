"""History in the terminal: a goal's Verlauf and the Änderungen of a period, with Rich."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.text import Text

from strategie.ausgabe.terminal.sicher import sicherer_text
from strategie.ausgabe.wortdiff import MARKEN, darstellung, wortdiff
from strategie.modell.vergleich import Feldaenderung, beschreibe, wert_kurz
from strategie.text.format import zeitpunkt
from strategie.text.sicher import entschaerfe
from strategie.verlauf.eintraege import ART_TEXT, Verlaufseintrag, nach_ziel

_ART_STIL = {"gelöscht": "red", "ungültig": "red", "repariert": "green"}


def aenderung_text(aenderung: Feldaenderung) -> Text:
    """One field change as Rich text; long texts as a coloured word diff."""
    form = darstellung(aenderung)
    if form == "eintrag":
        return Text(entschaerfe(beschreibe(aenderung)))
    zeile = Text.assemble((f"{aenderung.titel}: ", "bold"))
    if form == "neu gefasst":
        zeile.append("neu gefasst: ")
        zeile.append(entschaerfe(wert_kurz(aenderung.neu, 300)), style="green")
        return zeile
    if form == "wortdiff":
        for stueck in wortdiff(aenderung.alt, aenderung.neu):
            auf, zu = MARKEN.get(stueck.art, ("", ""))
            stil = {"-": "red", "+": "green", "…": "dim"}.get(stueck.art, "")
            zeile.append(f"{auf}{entschaerfe(stueck.text)}{zu}", style=stil)
        return zeile
    zeile.append(entschaerfe(wert_kurz(aenderung.alt, 80)), style="red")
    zeile.append(" → ", style="default")
    zeile.append(entschaerfe(wert_kurz(aenderung.neu, 80)), style="green")
    return zeile


def eintrag_ansicht(eintrag: Verlaufseintrag, mit_ziel: bool = False) -> Text:
    """One commit's effect on one goal, as one block of text lines."""
    text = Text.assemble((zeitpunkt(eintrag.datum), "bold"), "  ",
                         (entschaerfe(eintrag.autor), "cyan"), "  ", (eintrag.kurz, "dim"))
    if mit_ziel:
        text.append(f"  {eintrag.ziel_id}", style="bold")
    if eintrag.kommentar:
        text.append("\n  ").append_text(sicherer_text(eintrag.kommentar, "italic"))
    elif not eintrag.aenderungen or eintrag.art != "geändert":
        text.append("\n  ").append_text(sicherer_text(eintrag.betreff, "italic"))
    if eintrag.art in ART_TEXT:
        text.append(f"\n  • {ART_TEXT[eintrag.art]}", style=_ART_STIL.get(eintrag.art, ""))
    else:
        for aenderung in eintrag.aenderungen:
            text.append("\n  • ").append_text(aenderung_text(aenderung))
    return text


def verlauf_ansicht(eintraege: Sequence[Verlaufseintrag]) -> RenderableType:
    """A goal's Verlauf, newest first, a blank line between commits."""
    return Group(*(eintrag_ansicht(e) + Text("\n") for e in eintraege))


def aenderungen_ansicht(eintraege: Sequence[Verlaufseintrag], titel: dict[str, str]
                        ) -> RenderableType:
    """Changes of a period grouped by goal; *titel* maps ids to current titles."""
    teile: list[RenderableType] = []
    for ziel_id, gruppe in nach_ziel(eintraege).items():
        teile.append(Text.assemble((ziel_id, "bold reverse"), " ",
                                   (entschaerfe(titel.get(ziel_id, "")), "bold")))
        teile.extend(eintrag_ansicht(e) + Text("\n") for e in gruppe)
    if not teile:
        teile.append(Text("Keine Änderungen in diesem Zeitraum.", style="dim"))
    return Group(*teile)
