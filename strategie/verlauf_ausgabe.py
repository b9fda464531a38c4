"""History for people and scripts: Rich (terminal), Markdown and JSON renderings."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from strategie.ausgabe.terminal.sicher import sicherer_text
from strategie.ausgabe.wortdiff import MARKEN, weitgehend_neu, wortdiff
from strategie.modell.vergleich import Feldaenderung, beschreibe, wert_kurz
from strategie.text.format import zeitpunkt
from strategie.text.sicher import entschaerfe, json_sicher
from strategie.verlauf.eintraege import Verlaufseintrag, nach_ziel


def aenderung_text(aenderung: Feldaenderung) -> Text:
    """One field change as Rich text; long texts as a coloured word diff."""
    if aenderung.pfad.split(".")[-1].isdigit():
        return Text(entschaerfe(beschreibe(aenderung)))
    zeile = Text.assemble((f"{aenderung.titel}: ", "bold"))
    if aenderung.ist_text and isinstance(aenderung.alt, str) and isinstance(aenderung.neu, str):
        if weitgehend_neu(aenderung.alt, aenderung.neu):
            zeile.append("neu gefasst: ")
            zeile.append(entschaerfe(wert_kurz(aenderung.neu, 300)), style="green")
            return zeile
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
    if eintrag.art == "angelegt":
        text.append("\n  • Ziel angelegt")
    elif eintrag.art == "gelöscht":
        text.append("\n  • Datei gelöscht", style="red")
    elif eintrag.art == "ungültig":
        text.append("\n  • Datei in diesem Stand ungültig (kein gültiges TOML)", style="red")
    elif eintrag.art == "repariert":
        text.append("\n  • Datei wieder gültig (vorher kein gültiges TOML)", style="green")
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


def md_text(text: str) -> str:
    """Markdown-safe: escape characters that would start markup, neutralise control codes."""
    text = entschaerfe(text)
    for zeichen in "\\`*_{}[]<>#|":
        text = text.replace(zeichen, "\\" + zeichen)
    return text


def _md_aenderung(aenderung: Feldaenderung) -> str:
    if aenderung.pfad.split(".")[-1].isdigit():
        return md_text(beschreibe(aenderung))
    if aenderung.ist_text and isinstance(aenderung.alt, str) and isinstance(aenderung.neu, str):
        if weitgehend_neu(aenderung.alt, aenderung.neu):
            neu = md_text(wert_kurz(aenderung.neu, 300))
            return f"{md_text(aenderung.titel)} neu gefasst: {neu}"
        teile = []
        for stueck in wortdiff(aenderung.alt, aenderung.neu):
            text = md_text(stueck.text)
            teile.append({"-": f"~~{text.strip()}~~ ", "+": f"**{text.strip()}** "}.get(
                stueck.art, text))
        return f"{md_text(aenderung.titel)}: {''.join(teile).strip()}"
    return (f"{md_text(aenderung.titel)}: {md_text(wert_kurz(aenderung.alt, 80))} → "
            f"{md_text(wert_kurz(aenderung.neu, 80))}")


def md_eintrag(eintrag: Verlaufseintrag) -> list[str]:
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


def _json_wert(wert: Any) -> Any:
    if isinstance(wert, (dt.date, dt.datetime)):
        return wert.isoformat()
    if isinstance(wert, dict):
        return {k: _json_wert(v) for k, v in wert.items()}
    if isinstance(wert, list):
        return [_json_wert(v) for v in wert]
    return wert


def eintrag_json(eintrag: Verlaufseintrag) -> dict[str, Any]:
    """A history entry with stable keys (documented in the README)."""
    return {
        "commit": eintrag.commit,
        "datum": eintrag.datum.isoformat(),
        "autor": eintrag.autor,
        "email": eintrag.email,
        "betreff": eintrag.betreff,
        "kommentar": eintrag.kommentar,
        "ziel": eintrag.ziel_id,
        "datei": eintrag.datei,
        "art": eintrag.art,
        "aenderungen": [{"feld": a.pfad, "titel": a.titel, "alt": _json_wert(a.alt),
                         "neu": _json_wert(a.neu)} for a in eintrag.aenderungen],
    }


def als_json(eintraege: Sequence[Verlaufseintrag]) -> str:
    """A JSON array of history entries, newest first."""
    return json_sicher(json.dumps([eintrag_json(e) for e in eintraege], ensure_ascii=False,
                                  indent=2))
