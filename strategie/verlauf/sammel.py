"""Sammeländerungen: one commit that touched many goals (an import, a bulk edit) is shown once."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from strategie.verlauf.eintraege import ART_TEXT, Verlaufseintrag, nach_ziel

SAMMEL_AB = 3
"""A commit touching more goals than this is a Sammeländerung: its message is shown once."""
IDS_HOECHSTENS = 12
"""Goal ids listed for a Sammeländerung; beyond that the first few and a count."""

_ART_MEHRZAHL = {"angelegt": "angelegt", "geändert": "geändert", "gelöscht": "gelöscht",
                 "ungültig": "ungültig geworden", "repariert": "wieder gültig"}


@dataclass(frozen=True)
class Sammelaenderung:
    """One commit that touched more than SAMMEL_AB goals."""

    eintrag: Verlaufseintrag
    """Its first entry: commit, date, author, subject and comment are the same in all."""
    ziele: tuple[str, ...]
    """The ids of the goals it touched, sorted."""
    arten: tuple[tuple[str, int], ...]
    """(kind, number of goals) in order of frequency, e.g. (('angelegt', 46),)."""

    def zusammenfassung(self) -> str:
        """'46 Ziele angelegt' or '12 Ziele geändert, 3 angelegt'."""
        teile = [f"{anzahl} {_ART_MEHRZAHL.get(art, art)}" for art, anzahl in self.arten]
        erstes = teile[0].split(" ", 1)
        teile[0] = f"{erstes[0]} {'Ziel' if erstes[0] == '1' else 'Ziele'} {erstes[1]}"
        return ", ".join(teile)

    def ziel_liste(self) -> str:
        """The goal ids, all of them up to IDS_HOECHSTENS, else the first ones and a count."""
        if len(self.ziele) <= IDS_HOECHSTENS:
            return ", ".join(self.ziele)
        erste = self.ziele[:IDS_HOECHSTENS // 2]
        return f"{', '.join(erste)} … und {len(self.ziele) - len(erste)} weitere"


def sammelaenderungen(eintraege: Sequence[Verlaufseintrag]) -> dict[str, Sammelaenderung]:
    """The Sammeländerungen among *eintraege* by commit id, in the order of the entries."""
    ziele: dict[str, set[str]] = {}
    arten: dict[str, Counter[str]] = {}
    erste: dict[str, Verlaufseintrag] = {}
    for eintrag in eintraege:
        erste.setdefault(eintrag.commit, eintrag)
        ziele.setdefault(eintrag.commit, set()).add(eintrag.ziel_id)
        arten.setdefault(eintrag.commit, Counter())[eintrag.art] += 1
    return {commit: Sammelaenderung(eintrag, tuple(sorted(ziele[commit])),
                                    tuple(arten[commit].most_common()))
            for commit, eintrag in erste.items() if len(ziele[commit]) > SAMMEL_AB}


def je_ziel(eintraege: Sequence[Verlaufseintrag], sammel: dict[str, Sammelaenderung]
            ) -> dict[str, list[Verlaufseintrag]]:
    """The entries by goal (``nach_ziel``) without what a Sammeländerung already says: a goal
    it created, deleted or made (in)valid; its field changes stay with each goal."""
    gruppen = {}
    for ziel_id, gruppe in nach_ziel(eintraege).items():
        zeigen = [e for e in gruppe if not (e.commit in sammel and e.art in ART_TEXT)]
        if zeigen:
            gruppen[ziel_id] = zeigen
    return gruppen
