"""``strategie sync``'s fetch, begun from the bare command line before the parser is built.

A plain ``strategie sync`` (with at most ``--store PFAD``) starts ``git fetch`` here, before
argparse and the command group are imported; ``befehl_sync`` takes it over (``nimm``), or
``main`` stops it if the command never gets there (``beende``). Any other option: the fetch
begins in ``befehl_sync`` as before, after parsing.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:  # pathlib is not imported before the fetch began: it costs as long as git
    from collections.abc import Sequence
    from pathlib import Path

    from strategie.git.vorab import Vorab

_begonnen: Vorab | None = None


def _store(argv: Sequence[str]) -> tuple[bool, str | None]:
    """Whether *argv* is a plain sync, and its ``--store`` value."""
    rest, store, i = [], None, 0
    while i < len(argv):
        if argv[i] == "--store" and i + 1 < len(argv):
            store, i = argv[i + 1], i + 2
            continue
        if argv[i].startswith("--store="):
            store = argv[i].removeprefix("--store=")
        else:
            rest.append(argv[i])
        i += 1
    return rest == ["sync"], store


def beginne(argv: Sequence[str]) -> None:
    """Start ``git fetch --quiet`` in the store a plain ``sync`` in *argv* will use."""
    global _begonnen
    schlicht, store = _store(argv)
    if not schlicht:
        return
    from strategie.modell.fehler import StrategieFehler
    from strategie.speicher.finden import finde_ordner

    try:
        verzeichnis = finde_ordner(store)
    except StrategieFehler:
        return  # the command says so after parsing
    from strategie.git.vorab import Vorab

    _begonnen = Vorab(verzeichnis, "fetch", "--quiet")


def nimm(verzeichnis: Path) -> Vorab | None:
    """The fetch begun for *verzeichnis*, handed over once; None if none was."""
    global _begonnen
    vorab, _begonnen = _begonnen, None
    if vorab is not None and vorab.ort != str(verzeichnis):
        vorab.beende()
        return None
    return vorab


def beende() -> None:
    """Stop a fetch begun here that no sync took over (the command ended before)."""
    global _begonnen
    if _begonnen is not None:
        _begonnen.beende()
        _begonnen = None
