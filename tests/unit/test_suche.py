"""The text search over goals (CLI --suche and the app's live search)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from strategie.auswertung.filter import Filter
from strategie.speicher.laden import lade_speicher


def test_suche_unabhaengig_von_der_unicode_form() -> None:
    """macOS terminals send 'ü' decomposed (NFD); the search finds it all the same."""
    ziele = lade_speicher(Path(__file__).resolve().parents[2] / "ziele").ziele
    nfc = Filter(suche="Prävention").anwenden(ziele)
    nfd = Filter(suche=unicodedata.normalize("NFD", "Prävention")).anwenden(ziele)
    assert nfc and nfd == nfc
