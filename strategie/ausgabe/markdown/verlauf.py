"""History as Markdown: the Änderungen of a period (or a goal's Verlauf), for a Vorlage."""

from __future__ import annotations

from collections.abc import Sequence

from strategie.ausgabe.markdown.text import md_text
from strategie.ausgabe.wortdiff import darstellung, markiert, wortdiff
from strategie.modell.vergleich import Feldaenderung, beschreibe, wert_kurz
from strategie.text.format import zeitpunkt
from strategie.verlauf.eintraege import Verlaufseintrag
from strategie.verlauf.sammel import Sammelaenderung, je_ziel, sammelaenderungen


def _md_aenderung(aenderung: Feldaenderung) -> str:
    form = darstellung(aenderung)
    if form == "eintrag":
        return md_text(beschreibe(aenderung))
    if form == "neu gefasst":
        neu = md_text(wert_kurz(aenderung.neu, 300))
        return f"{md_text(aenderung.titel)} neu gefasst: {neu}"
    if form == "wortdiff":
        text = markiert(wortdiff(aenderung.alt, aenderung.neu), md_text)
        return f"{md_text(aenderung.titel)}: {text}"
    return (f"{md_text(aenderung.titel)}: {md_text(wert_kurz(aenderung.alt, 80))} → "
            f"{md_text(wert_kurz(aenderung.neu, 80))}")


def _kopf(eintrag: Verlaufseintrag) -> str:
    return f"- **{zeitpunkt(eintrag.datum)}**, {md_text(eintrag.autor)} (`{eintrag.kurz}`)"


def md_eintrag(eintrag: Verlaufseintrag, sammel: Sammelaenderung | None = None) -> list[str]:
    """One commit's effect on one goal as Markdown list lines (for a part of a
    Sammeländerung a reference instead of its comment)."""
    if sammel is not None:
        zeilen = [f"{_kopf(eintrag)}: Sammeländerung an {len(sammel.ziele)} Zielen (oben)"]
    else:
        zeilen = [_kopf(eintrag) + (f": {md_text(eintrag.kommentar)}" if eintrag.kommentar
                                    else "")]
    if eintrag.art != "geändert":
        zeilen.append(f"  - Ziel {eintrag.art}")
    else:
        zeilen.extend(f"  - {_md_aenderung(a)}" for a in eintrag.aenderungen)
    return zeilen


def _md_sammel(sammel: Sammelaenderung) -> list[str]:
    eintrag = sammel.eintrag
    zeilen = [f"{_kopf(eintrag)}: {md_text(eintrag.betreff)}"]
    if eintrag.kommentar:
        zeilen.append(f"  - {md_text(eintrag.kommentar)}")
    zeilen.append(f"  - {sammel.zusammenfassung()}: {md_text(sammel.ziel_liste())}")
    return zeilen


def aenderungen_markdown(eintraege: Sequence[Verlaufseintrag], titel: dict[str, str],
                         ueberschrift: str) -> str:
    """Changes of a period as Markdown, for pasting into a Vorlage: the Sammeländerungen once,
    then by goal (a goal that a Sammeländerung only created is not repeated)."""
    zeilen = [f"# {md_text(ueberschrift)}", ""]
    sammel = sammelaenderungen(eintraege)
    if sammel:
        zeilen += ["## Sammeländerungen (ein Commit für mehrere Ziele)", ""]
        for sammlung in sammel.values():
            zeilen += _md_sammel(sammlung)
        zeilen.append("")
    gruppen = je_ziel(eintraege, sammel)
    if not gruppen and not sammel:
        zeilen.append("Keine Änderungen in diesem Zeitraum.")
    for ziel_id, gruppe in gruppen.items():
        zeilen += [f"## {ziel_id} – {md_text(titel.get(ziel_id, ''))}", ""]
        for eintrag in gruppe:
            zeilen += md_eintrag(eintrag, sammel.get(eintrag.commit))
        zeilen.append("")
    return "\n".join(zeilen).rstrip() + "\n"
