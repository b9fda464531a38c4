"""Starting the terminal app: the one place where strategie imports ``tui`` (lazily, on demand)."""

from __future__ import annotations

import argparse

from strategie.speicher.finden import finde_speicher


def starte_app(args: argparse.Namespace) -> int:
    """Open the Textual app on the store named by --store (or found); returns its exit code."""
    verzeichnis = finde_speicher(getattr(args, "store", None))
    from tui.app import starte  # lazy: the core never imports textual at module level

    return starte(verzeichnis)
