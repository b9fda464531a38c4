"""Whether a work tree is ready for a change: a crashed change settled, no git operation
unfinished (merge, rebase, cherry-pick, revert, am, bisect), a note on a detached HEAD."""

from __future__ import annotations

from strategie.aendern.journal import erhole
from strategie.git.befehl import Orte
from strategie.git.vorgang import laufender_vorgang, losgeloest
from strategie.modell.befund import StrategieFehler

LOSGELOEST = ("Hinweis: HEAD ist losgelöst (detached HEAD, kein Zweig ausgecheckt). Die "
              "Änderung ist gespeichert, hängt aber an keinem Zweig; mit git switch -c NAME "
              "einen Zweig dafür anlegen, sonst ist sie nach dem nächsten git switch schwer "
              "zu finden.")


def bereit(orte: Orte, *, schreiben: bool = True) -> list[str]:
    """German notes for the user; raises a StrategieFehler while a git operation is unfinished.

    With *schreiben* (the caller holds the write lock), a crashed change is settled first.
    """
    hinweise = []
    if schreiben and (meldung := erhole(orte)):
        hinweise.append(meldung)
    vorgang = laufender_vorgang(orte.gitdir)
    if vorgang is not None:
        raise StrategieFehler(vorgang.meldung())
    if losgeloest(orte.gitdir):
        hinweise.append(LOSGELOEST)
    return hinweise
