"""A test seam of the edit path: ``stoere(schritt)`` is called before each step that can fail.

In normal runs it does nothing. The fault-injection tests (tests/zuverlaessig) set
``STOERSTELLE`` to a function that raises at the step under test: 'temp' (create the temp
file), 'schreiben', 'fsync', 'umbenennen' (rename), 'git-add', 'git-commit', 'nachpruefung'
(after the commit).
"""

from __future__ import annotations

from collections.abc import Callable

STOERSTELLE: Callable[[str], None] | None = None


def stoere(schritt: str) -> None:
    """Let a test fail this step (see the module docstring); nothing otherwise."""
    if STOERSTELLE is not None:
        STOERSTELLE(schritt)
