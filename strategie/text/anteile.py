"""Shares in percent that add up to 100: largest-remainder rounding, the one rule for reports."""

from __future__ import annotations

from collections.abc import Sequence


def prozente(anzahlen: Sequence[int], summe: int = 100) -> list[int]:
    """Whole percentages of *anzahlen* that add up to *summe* (all 0 if there is nothing).

    Each share is rounded down, then the points still missing go to the shares with the
    largest remainders (ties: the earlier one), so that 5/9/17/7/4/3/1 of 46 gives
    11/20/37/15/9/6/2 rather than 11/20/37/15/9/7/2 = 101.
    """
    gesamt = sum(anzahlen)
    if gesamt <= 0:
        return [0] * len(anzahlen)
    genau = [a * summe / gesamt for a in anzahlen]
    ganz = [int(g) for g in genau]
    fehlt = summe - sum(ganz)
    reihe = sorted(range(len(anzahlen)), key=lambda i: (-(genau[i] - ganz[i]), i))
    for i in reihe[:fehlt]:
        ganz[i] += 1
    return ganz
