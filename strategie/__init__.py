"""strategie: the goals of a social strategy as TOML files in git — core library, no UI."""

from strategie.auswertung.filter import Filter
from strategie.modell.befund import Befund, StrategieFehler
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel
from strategie.speicher.finden import finde_speicher
from strategie.speicher.laden import Zielspeicher, lade_speicher
from strategie.version import __version__

__all__ = [
    "__version__",
    "Befund",
    "Filter",
    "Rahmen",
    "StrategieFehler",
    "Ziel",
    "Zielspeicher",
    "finde_speicher",
    "lade_speicher",
]
