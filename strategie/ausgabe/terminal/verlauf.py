"""History in the terminal: a goal's Verlauf and the Änderungen of a period, with Rich.

On a terminal with colours a word diff is struck through (removed) and bold green (added);
where styles are lost (a pipe, a file) it carries the marks ~~entfernt~~ **neu** instead —
``farbig=False``; the CLI decides with ``mit_stilen``.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.text import Text

from strategie.ausgabe.terminal.sicher import sicherer_text
from strategie.ausgabe.wortdiff import darstellung, markiert, wortdiff
from strategie.modell.vergleich import Feldaenderung, beschreibe, wert_kurz
from strategie.text.format import zeitpunkt
from strategie.text.sicher import entschaerfe
from strategie.verlauf.eintraege import ART_TEXT, Verlaufseintrag
from strategie.verlauf.sammel import Sammelaenderung, je_ziel, sammelaenderungen

_ART_STIL = {"gelöscht": "red", "ungültig": "red", "repariert": "green"}
_WORTDIFF_STIL = {"-": "red strike", "+": "bold green", "…": "dim"}


def mit_stilen(konsole: Console) -> bool:
    """True when *konsole* shows styles (a terminal with colours), so a word diff needs no
    marks; False for pipes, files and dumb terminals."""
    return konsole.color_system is not None


def aenderung_text(aenderung: Feldaenderung, farbig: bool = True) -> Text:
    """One field change as Rich text; long texts as a word diff (see the module)."""
    form = darstellung(aenderung)
    if form == "eintrag":
        return Text(entschaerfe(beschreibe(aenderung)))
    zeile = Text.assemble((f"{aenderung.titel}: ", "bold"))
    if form == "neu gefasst":
        zeile.append("neu gefasst: ")
        zeile.append(entschaerfe(wert_kurz(aenderung.neu, 300)), style="green")
        return zeile
    if form == "wortdiff":
        stuecke = wortdiff(aenderung.alt, aenderung.neu)
        if not farbig:
            return zeile.append(markiert(stuecke, entschaerfe))
        for stueck in stuecke:
            zeile.append(entschaerfe(stueck.text), style=_WORTDIFF_STIL.get(stueck.art, ""))
        return zeile
    zeile.append(entschaerfe(wert_kurz(aenderung.alt, 80)), style="red")
    zeile.append(" → ", style="default")
    zeile.append(entschaerfe(wert_kurz(aenderung.neu, 80)), style="green")
    return zeile


def _kopfzeile(eintrag: Verlaufseintrag, mit_ziel: bool) -> Text:
    text = Text.assemble((zeitpunkt(eintrag.datum), "bold"), "  ",
                         (entschaerfe(eintrag.autor), "cyan"), "  ", (eintrag.kurz, "dim"))
    if mit_ziel:
        text.append(f"  {eintrag.ziel_id}", style="bold")
    return text


def eintrag_ansicht(eintrag: Verlaufseintrag, mit_ziel: bool = False, farbig: bool = True,
                    sammel: Sammelaenderung | None = None) -> Text:
    """One commit's effect on one goal, as one block of text lines; for a part of a
    Sammeländerung (shown once, ``sammel_ansicht``) a reference instead of its message."""
    text = _kopfzeile(eintrag, mit_ziel)
    if sammel is not None:
        text.append(f"\n  Sammeländerung an {len(sammel.ziele)} Zielen (oben)", style="italic")
    elif eintrag.kommentar:
        text.append("\n  ").append_text(sicherer_text(eintrag.kommentar, "italic"))
    elif not eintrag.aenderungen or eintrag.art != "geändert":
        text.append("\n  ").append_text(sicherer_text(eintrag.betreff, "italic"))
    if eintrag.art in ART_TEXT:
        text.append(f"\n  • {ART_TEXT[eintrag.art]}", style=_ART_STIL.get(eintrag.art, ""))
    else:
        for aenderung in eintrag.aenderungen:
            text.append("\n  • ").append_text(aenderung_text(aenderung, farbig))
    return text


def sammel_ansicht(sammel: Sammelaenderung) -> Text:
    """A Sammeländerung once: when, who, subject and comment, how many goals, which."""
    eintrag = sammel.eintrag
    text = _kopfzeile(eintrag, False)
    text.append("\n  ").append_text(sicherer_text(eintrag.betreff, "italic"))
    if eintrag.kommentar:
        text.append("\n  ").append_text(sicherer_text(eintrag.kommentar, "italic"))
    text.append(f"\n  • {sammel.zusammenfassung()}: {sammel.ziel_liste()}")
    return text


def verlauf_ansicht(eintraege: Sequence[Verlaufseintrag], farbig: bool = True
                    ) -> RenderableType:
    """A goal's Verlauf, newest first, a blank line between commits."""
    return Group(*(eintrag_ansicht(e, farbig=farbig) + Text("\n") for e in eintraege))


def aenderungen_ansicht(eintraege: Sequence[Verlaufseintrag], titel: dict[str, str],
                        farbig: bool = True) -> RenderableType:
    """Changes of a period: the Sammeländerungen once, then by goal; *titel* maps ids to
    current titles. A goal that a Sammeländerung only created is not repeated."""
    sammel = sammelaenderungen(eintraege)
    teile: list[RenderableType] = []
    if sammel:
        teile.append(Text("Sammeländerungen (ein Commit für mehrere Ziele)", style="bold reverse"))
        teile.extend(sammel_ansicht(s) + Text("\n") for s in sammel.values())
    for ziel_id, zeigen in je_ziel(eintraege, sammel).items():
        teile.append(Text.assemble((ziel_id, "bold reverse"), " ",
                                   (entschaerfe(titel.get(ziel_id, "")), "bold")))
        teile.extend(eintrag_ansicht(e, farbig=farbig, sammel=sammel.get(e.commit))
                     + Text("\n") for e in zeigen)
    if not teile:
        teile.append(Text("Keine Änderungen in diesem Zeitraum.", style="dim"))
    return Group(*teile)
