"""strategie: the goals of a social strategy as TOML files in git — core library, no UI."""

from strategie.befund import Befund, StrategieFehler
from strategie.filter import Filter
from strategie.model import Ziel
from strategie.rahmen import Rahmen
from strategie.speicher import Zielspeicher, finde_speicher, lade_speicher

__version__ = "0.1.0"

__all__ = [
    "Befund",
    "Filter",
    "Rahmen",
    "StrategieFehler",
    "Ziel",
    "Zielspeicher",
    "finde_speicher",
    "lade_speicher",
]
