"""Parsing and validating many goal files on all cores: the work of a cold load, in processes.

A cold load of 10,000 goal files spends nearly all its time in ``tomllib`` and the checks, file
by file, each independent of the others. With at least ``AB`` files to read, more than one core
and no other thread in the process (a command line run, not the app: forking next to threads
can leave a lock taken in the child), the files go in pieces to forked worker processes, which
return each goal as the snapshot keeps it (``schnappschuss.eintrag_von``) or its Befunde.
The caller keeps the order and everything that needs all files at once (duplicate ids, the
caches).

Nothing here writes: if the workers cannot be started or one fails, ``pruefe_parallel``
returns None and the caller reads the files itself, as it would without this module. A worker
ends by itself when the process that started it dies.
"""

from __future__ import annotations

import contextlib
import gc
import os
import threading
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

from strategie.modell.befund import Befund
from strategie.modell.rahmen import Rahmen
from strategie.modell.ziel import Ziel
from strategie.speicher.schnappschuss import Eintrag, eintrag_von, ziel_von

AB = 400
"""Files to read from which workers pay off (a forked worker starts in a few milliseconds; a
few hundred files take a few hundred milliseconds)."""

STUECKE_JE_KERN = 4
"""Pieces per worker, so that a worker with easy files takes over from one with hard ones."""

Ergebnis = tuple[Ziel | None, list[Befund]]

_KONTEXT: tuple[Path, Rahmen, Mapping[str, str] | None] | None = None


def kerne() -> int:
    """The cores this process may use."""
    with contextlib.suppress(AttributeError, OSError):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def pruefe_parallel(verzeichnis: Path, rahmen: Rahmen, dateien: Sequence[tuple[str, bytes]],
                    dateien_nach_id: Mapping[str, str] | None = None, *,
                    prozesse: int | None = None) -> list[Ergebnis] | None:
    """``lade_ziel`` of each (relpfad, bytes), in the same order, worked out in *prozesse*
    worker processes (default: one per core); None when it does not pay off or the workers
    fail (the caller then does it itself)."""
    prozesse = kerne() if prozesse is None else prozesse
    if prozesse < 2 or len(dateien) < AB or threading.active_count() > 1:
        return None  # forking a process with threads (the app) risks a lock held in the child
    import multiprocessing  # only here: 10 ms of imports a warm load does without
    from concurrent.futures import ProcessPoolExecutor

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    import strategie.speicher.validierung  # noqa: F401 - imported once, before the fork
    groesse = max(1, -(-len(dateien) // (prozesse * STUECKE_JE_KERN)))
    stuecke = [dateien[i:i + groesse] for i in range(0, len(dateien), groesse)]
    try:
        with ProcessPoolExecutor(prozesse, mp_context=multiprocessing.get_context("fork"),
                                 initializer=_setze_kontext,
                                 initargs=(verzeichnis, rahmen, dateien_nach_id,
                                           os.getpid())) as pool:
            teile = list(pool.map(_pruefe_stueck, stuecke))
    except Exception:  # noqa: BLE001 - any failure of the workers: the caller reads itself
        return None
    return [(None, roh) if isinstance(roh, list) else (ziel_von(roh), [])
            for teil in teile for roh in teil]


def _setze_kontext(verzeichnis: Path, rahmen: Rahmen,
                   dateien_nach_id: Mapping[str, str] | None, eltern: int) -> None:
    global _KONTEXT  # noqa: PLW0603 - one worker process, one store
    _KONTEXT = (verzeichnis, rahmen, dateien_nach_id)
    gc.disable()  # the worker builds many objects that survive until its piece is sent
    threading.Thread(target=_stirb_mit, args=(eltern,), daemon=True).start()


def _stirb_mit(eltern: int) -> None:
    """End the worker when the process that started it is gone (killed with -9, say): a
    forked worker would otherwise wait for work forever, since its siblings keep the queue
    open."""
    while os.getppid() == eltern:
        time.sleep(0.2)
    os._exit(1)


def _pruefe_stueck(stueck: Sequence[tuple[str, bytes]]) -> list[Eintrag | list[Befund]]:
    """In a worker: each file of the piece as the snapshot keeps it, or its Befunde."""
    from strategie.speicher.validierung import lade_ziel

    assert _KONTEXT is not None
    verzeichnis, rahmen, dateien_nach_id = _KONTEXT
    teil: list[Eintrag | list[Befund]] = []
    for relpfad, inhalt in stueck:
        ziel, befunde = lade_ziel(verzeichnis, relpfad, inhalt, rahmen, dateien_nach_id)
        teil.append(befunde if ziel is None else eintrag_von(ziel))
    return teil
