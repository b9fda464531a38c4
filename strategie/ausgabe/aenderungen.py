"""The changes of a period as every medium shows them: per goal, each field as a diff.

HTML (``vorlagen/aenderungen.html.j2``) and DOCX lay it out; here every text stays plain text
(each medium escapes it), a word diff is a list of (mark, text) pieces.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from strategie.ausgabe.wortdiff import darstellung, wortdiff
from strategie.auswertung.bericht import Bericht
from strategie.modell.vergleich import Feldaenderung, beschreibe, wert_kurz
from strategie.text.format import datum_oder_angabe
from strategie.text.kuerzen import kuerze
from strategie.verlauf.eintraege import ART_TEXT, Verlaufseintrag, nach_ziel
from strategie.verlauf.sammel import sammelaenderungen

KOMMENTAR_HOECHSTENS = 400
"""Characters of a commit comment shown in the changes section."""


def feld_darstellung(aenderung: Feldaenderung) -> dict[str, Any]:
    """How one field change is shown: its form and the plain texts the template needs."""
    form = darstellung(aenderung)
    if form == "eintrag":
        return {"form": "eintrag", "text": beschreibe(aenderung)}
    alt, neu = aenderung.alt, aenderung.neu
    daten: dict[str, Any] = {"titel": aenderung.titel}
    if form == "neu gefasst":
        return {**daten, "form": form, "neu": wert_kurz(neu, 300)}
    if form == "wortdiff":
        stuecke = [({"-": "del", "+": "ins"}.get(s.art, ""), s.text) for s in wortdiff(alt, neu)]
        return {**daten, "form": form, "stuecke": stuecke}
    if neu is None:
        return {**daten, "form": "entfernt", "alt": wert_kurz(alt, 80)}
    if alt is None:
        return {**daten, "form": "gesetzt", "neu": wert_kurz(neu, 80)}
    return {**daten, "form": "alt neu", "alt": wert_kurz(alt, 80), "neu": wert_kurz(neu, 80)}


@dataclass(frozen=True)
class Aenderungssicht:
    """What the changes section shows, ready for the template."""

    seit: str
    bis: str
    anzahl: int
    commits: int
    sammel: list[tuple[Verlaufseintrag, int]]
    """Commits that changed more than SAMMEL_AB goals, once each, with their goal count."""
    gruppen: list[dict[str, Any]]
    """Per goal (newest change first): ziel, titel, eintraege (eintrag, sammel, felder)."""

    @staticmethod
    def kommentar(eintrag: Verlaufseintrag) -> str:
        """The commit's comment (else its subject), shortened."""
        return kuerze(eintrag.kommentar or eintrag.betreff, KOMMENTAR_HOECHSTENS)


def aenderungen_sicht(bericht: Bericht) -> Aenderungssicht:
    """The section 'Änderungen seit …' of the report: per goal, newest first."""
    zeitraum = bericht.aenderungen
    assert zeitraum is not None
    sammel = sammelaenderungen(zeitraum.eintraege)
    titel_von = {z.id: z.titel for z in bericht.ziele}
    gruppen = []
    for ziel_id, eintraege in nach_ziel(zeitraum.eintraege).items():
        gruppen.append({"ziel": ziel_id, "titel": titel_von.get(ziel_id, ""), "eintraege": [
            {"eintrag": e,
             "sammel": len(sammel[e.commit].ziele) if e.commit in sammel else 0,
             "felder": ([feld_darstellung(a) for a in e.aenderungen] if e.art == "geändert"
                        else [{"form": "eintrag", "text": ART_TEXT[e.art]}])}
            for e in eintraege]})
    return Aenderungssicht(
        seit=datum_oder_angabe(zeitraum.seit),
        bis=datum_oder_angabe(zeitraum.bis) if zeitraum.bis else "",
        anzahl=len(zeitraum.eintraege), commits=len({e.commit for e in zeitraum.eintraege}),
        sammel=[(s.eintrag, len(s.ziele)) for s in sammel.values()], gruppen=gruppen)
