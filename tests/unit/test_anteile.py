"""Shares in percent by largest remainder: they add up to 100 and stay within a point."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from strategie.text.anteile import prozente


def test_beispielspeicher() -> None:
    # Umsetzungsstand of the 46 example goals: rounded each for itself they make 101
    assert [round(a * 100 / 46) for a in (5, 9, 17, 7, 4, 3, 1)] == [11, 20, 37, 15, 9, 7, 2]
    assert prozente([5, 9, 17, 7, 4, 3, 1]) == [11, 20, 37, 15, 9, 6, 2]
    assert prozente([20, 12, 5, 9, 0]) == [43, 26, 11, 20, 0]


def test_randfaelle() -> None:
    assert prozente([]) == [] and prozente([0, 0]) == [0, 0]
    assert prozente([1, 1, 1]) == [34, 33, 33]  # ties: the earlier value gets the point
    assert prozente([7]) == [100]


@given(st.lists(st.integers(min_value=0, max_value=10_000), min_size=1, max_size=12))
def test_summe_und_abstand(anzahlen: list[int]) -> None:
    anteile = prozente(anzahlen)
    gesamt = sum(anzahlen)
    if gesamt == 0:
        assert anteile == [0] * len(anzahlen)
        return
    assert sum(anteile) == 100
    for anzahl, anteil in zip(anzahlen, anteile, strict=True):
        assert abs(anteil - anzahl * 100 / gesamt) < 1
        assert anzahl or anteil == 0  # nothing counted never gets a share
