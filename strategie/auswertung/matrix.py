"""The Amt × Handlungsfeld matrix of the Abschlussbericht (section 5.1), with sums."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel


@dataclass(frozen=True)
class Matrix:
    """Counts of goals per Amt (rows) and Handlungsfeld (columns)."""

    aemter: tuple[str, ...]
    handlungsfelder: tuple[int, ...]
    zellen: dict[tuple[str, int], int]

    def zeilensumme(self, amt: str) -> int:
        """Goals of one Amt."""
        return sum(self.zellen.get((amt, h), 0) for h in self.handlungsfelder)

    def spaltensumme(self, handlungsfeld: int) -> int:
        """Goals of one Handlungsfeld."""
        return sum(self.zellen.get((a, handlungsfeld), 0) for a in self.aemter)

    @property
    def gesamt(self) -> int:
        """All goals counted."""
        return sum(self.zellen.values())


def zaehle_matrix(ziele: Iterable[Ziel], rahmen: Rahmen) -> Matrix:
    """Count goals by Amt × Handlungsfeld.

    The rows follow the frame's order of the Ämter where the matrix reproduces a published
    table (``[berichte] matrix_quelle``), otherwise the order of the Anlagen, as everywhere.
    """
    zellen = Counter((z.amt, z.handlungsfeld) for z in ziele)
    aemter = rahmen.aemter if rahmen.berichte.matrix_quelle else rahmen.aemter_in_anlagenfolge()
    return Matrix(
        aemter=tuple(a.kuerzel for a in aemter),
        handlungsfelder=tuple(h.nummer for h in rahmen.handlungsfelder),
        zellen=dict(zellen),
    )
