"""History as Markdown: the Änderungen of a period (or a goal's Verlauf), for a Vorlage."""

from __future__ import annotations

from collections.abc import Sequence

from strategie.ausgabe.markdown.text import md_text
from strategie.ausgabe.wortdiff import darstellung, wortdiff
from strategie.modell.vergleich import Feldaenderung, beschreibe, wert_kurz
from strategie.text.format import zeitpunkt
from strategie.verlauf.eintraege import Verlaufseintrag, nach_ziel


def _md_aenderung(aenderung: Feldaenderung) -> str:
    form = darstellung(aenderung)
    if form == "eintrag":
        return md_text(beschreibe(aenderung))
    if form == "neu gefasst":
        neu = md_text(wert_kurz(aenderung.neu, 300))
        return f"{md_text(aenderung.titel)} neu gefasst: {neu}"
    if form == "wortdiff":
        teile = []
        for stueck in wortdiff(aenderung.alt, aenderung.neu):
            text = md_text(stueck.text)
            teile.append({"-": f"~~{text.strip()}~~ ", "+": f"**{text.strip()}** "}.get(
                stueck.art, text))
        return f"{md_text(aenderung.titel)}: {''.join(teile).strip()}"
    return (f"{md_text(aenderung.titel)}: {md_text(wert_kurz(aenderung.alt, 80))} → "
            f"{md_text(wert_kurz(aenderung.neu, 80))}")


def md_eintrag(eintrag: Verlaufseintrag) -> list[str]:
    """One commit's effect on one goal as Markdown list lines."""
    zeilen = [f"- **{zeitpunkt(eintrag.datum)}**, {md_text(eintrag.autor)} (`{eintrag.kurz}`)"
              + (f": {md_text(eintrag.kommentar)}" if eintrag.kommentar else "")]
    if eintrag.art != "geändert":
        zeilen.append(f"  - Ziel {eintrag.art}")
    else:
        zeilen.extend(f"  - {_md_aenderung(a)}" for a in eintrag.aenderungen)
    return zeilen


def aenderungen_markdown(eintraege: Sequence[Verlaufseintrag], titel: dict[str, str],
                         ueberschrift: str) -> str:
    """Changes of a period as Markdown, for pasting into a Vorlage."""
    zeilen = [f"# {md_text(ueberschrift)}", ""]
    gruppen = nach_ziel(eintraege)
    if not gruppen:
        zeilen.append("Keine Änderungen in diesem Zeitraum.")
    for ziel_id, gruppe in gruppen.items():
        zeilen += [f"## {ziel_id} – {md_text(titel.get(ziel_id, ''))}", ""]
        for eintrag in gruppe:
            zeilen += md_eintrag(eintrag)
        zeilen.append("")
    return "\n".join(zeilen).rstrip() + "\n"
