"""strategie: the goals of a social strategy as TOML files in git — core library, no UI."""

from strategie.befund import Befund, StrategieFehler
from strategie.filter import Filter
from strategie.model import Ziel
from strategie.rahmen import Rahmen
from strategie.speicher import Zielspeicher, finde_speicher, lade_speicher
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
