"""User input to typed values: numbers, dates and vocabulary as a user types them."""

from __future__ import annotations

import pytest

from strategie.modell.befund import StrategieFehler
from strategie.modell.werte import zahl_aus_text


@pytest.mark.parametrize("text", ["inf", "-inf", "Infinity", "nan", "NaN", "1e400", "-1e400"])
def test_nicht_endliche_zahlen_werden_abgelehnt(text: str) -> None:
    with pytest.raises(StrategieFehler, match="keine endliche Zahl"):
        zahl_aus_text(text)


@pytest.mark.parametrize(("text", "zahl"), [("1.234,5", 1234.5), ("1234.5", 1234.5),
                                            ("-7", -7), ("1e3", 1000.0)])
def test_gewoehnliche_zahlen(text: str, zahl: float) -> None:
    assert zahl_aus_text(text) == zahl and type(zahl_aus_text(text)) is type(zahl)
