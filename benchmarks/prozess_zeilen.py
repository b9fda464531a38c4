"""The rows of the process benchmark: our commands beside their floors and peers (taskwarrior,
plain git, the interpreter), with the targets of issues 10 and 11."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.prozess_messen import Befehl, umgebung
from benchmarks.prozess_speicher import (
    Speicher,
    Taskwarrior,
    Team,
    anderer_status,
    setze_status_zeile,
)

PYTHON = sys.executable
_SKRIPT = Path(sys.executable).parent / "strategie"
STRATEGIE: tuple[str, ...] = (str(_SKRIPT),) if _SKRIPT.is_file() else (PYTHON, "-m", "strategie")
"""The installed ``strategie`` command, as a user starts it."""

ZIEL_ID = re.compile(rb"[A-Z]{2,5}-\d{5}")
"""A goal id on the screen: the app has painted its list."""

TOMLLIB = """\
import os, tomllib
n = 0
for ordner, _, namen in os.walk("."):
    for name in namen:
        if name.endswith(".toml"):
            with open(os.path.join(ordner, name), "rb") as datei:
                tomllib.load(datei)
            n += 1
print(n)
"""

APP_BODEN = """\
from textual.app import App
from textual.widgets import DataTable
class Boden(App):
    BINDINGS = [("q", "quit")]
    def compose(self):
        yield DataTable()
    def on_mount(self):
        tabelle = self.query_one(DataTable)
        tabelle.add_columns("ID", "Titel")
        tabelle.add_row("BODEN-00001", "eine Zeile")
Boden().run()
"""


Pruefung = Callable[[bytes], str | None]
Vorher = Callable[[], Sequence[str] | None]


SCHLUESSEL = {
    "Programmstart": ("hilfe", "hilfe-task", "version", "import"),
    "Speicher": ("liste-json", "liste-json-task", "liste-amt-task", "liste-pipe-task",
                 "liste-kalt", "boden-git", "bericht-json", "matrix", "zeige", "zeige-task",
                 "zeige-46", "verlauf", "verlauf-task", "status", "status-task", "app",
                 "app-gesetzt"),
    "Team": ("sync-nichts", "sync-eine", "sync-boden", "sync-boden-abruf"),
}
"""The row keys of each kind of group (``--nur`` matches their beginnings)."""


@dataclass(frozen=True)
class Ziel:
    """A target of the issues: ratio to the row's peer, median time, peak memory."""

    verhaeltnis: float | None = None
    sekunden: float | None = None
    rss_mb: float | None = None


@dataclass(frozen=True)
class Zeile:
    """One row: our command (None while it does not exist yet) and what it is compared with."""

    schluessel: str
    unsere: Befehl | None
    vergleich: Befehl | None
    ziel: Ziel = Ziel()
    hinweis: str = ""


@dataclass
class Gruppe:
    """Rows measured together, interleaved, in one run."""

    titel: str
    zeilen: list[Zeile] = field(default_factory=list)
    ziele: int = 0
    """Goals of the group's store (0: no store)."""


def _json_anzahl(erwartet: int) -> Pruefung:
    def pruefe(ausgabe: bytes) -> str | None:
        anzahl = len(json.loads(ausgabe))
        return None if anzahl == erwartet else f"{anzahl} statt {erwartet} Einträge"
    return pruefe


def _enthaelt(text: str) -> Pruefung:
    def pruefe(ausgabe: bytes) -> str | None:
        return None if text.encode() in ausgabe else f"{text!r} fehlt"
    return pruefe


def _druckt(zahl: int) -> Pruefung:
    def pruefe(ausgabe: bytes) -> str | None:
        return None if ausgabe.split() == [str(zahl).encode()] else f"{ausgabe[:80]!r}"
    return pruefe


def _mb(zahl: int) -> str:
    return f"{zahl:,}".replace(",", ".")


class Befehle:
    """Makes the commands of one store (and the floors and peers beside them)."""

    def __init__(self, speicher: Speicher) -> None:
        self.s = speicher
        self.n = speicher.anzahl
        self.tag = f"@{speicher.anzahl}"

    def strategie(self, name: str, text: str, *args: str, vorher: Vorher | None = None,
                  pruefe: Pruefung | None = None) -> Befehl:
        return Befehl(name + self.tag, text, (*STRATEGIE, *args), cwd=self.s.ordner,
                      vorher=vorher, pruefe=pruefe)

    def liste_json(self, kalt: bool = False) -> Befehl:
        vorher = (lambda: shutil.rmtree(self.s.cache, ignore_errors=True)) if kalt else None
        return self.strategie("liste-kalt" if kalt else "liste-json",
                              f"`liste --format json` ({'kalt' if kalt else 'warm'})",
                              "liste", "--format", "json", vorher=vorher,
                              pruefe=_json_anzahl(self.n))

    def zeige(self) -> Befehl:
        ziel_id = self.s.id_bei(0.5)
        return self.strategie("zeige", f"`zeige ID` ({_mb(self.n)} Ziele)", "zeige", ziel_id,
                              pruefe=_enthaelt(ziel_id))

    def status(self) -> Befehl:
        ziel_id = self.s.id_bei(0.25)
        datei = self.s.datei(ziel_id)
        argv = (*STRATEGIE, "status", ziel_id, "WERT", "-m", "Benchmark")
        return Befehl(f"status{self.tag}", "`status ID WERT -m …` (mit Commit)", argv,
                      cwd=self.s.ordner,
                      vorher=lambda: (*argv[:-3], anderer_status(datei), *argv[-2:]))

    def verlauf(self) -> tuple[Befehl, Befehl]:
        ziel_id, eintraege = self.s.meiste_aenderungen()
        pfad = self.s.datei(ziel_id).relative_to(self.s.ordner).as_posix()
        commits = "1 Commit" if eintraege == 1 else f"{eintraege} Commits"
        ours = self.strategie("verlauf", f"`verlauf ID` ({commits})", "verlauf", ziel_id)
        log = Befehl(f"git-log{self.tag}", "`git log -p -- Pfad`",
                     ("git", "log", "-p", "--", pfad), cwd=self.s.ordner)
        return ours, log

    def python_pass(self) -> Befehl:
        return Befehl("python-pass", "`python3 -c pass`", (PYTHON, "-c", "pass"))

    def tomllib(self) -> Befehl:
        return Befehl(f"tomllib{self.tag}", "tomllib-Durchlauf aller Dateien",
                      (PYTHON, "-c", TOMLLIB), cwd=self.s.ordner, pruefe=_druckt(self.n + 1))

    def cat(self) -> Befehl:
        return Befehl(f"cat{self.tag}", "`cat` aller Dateien",
                      ("sh", "-c", "find . -name '*.toml' -exec cat {} +"), cwd=self.s.ordner)

    def git_objekte(self) -> Befehl:
        return Befehl(f"git-objekte{self.tag}", "`git ls-tree -r` + `git cat-file --batch`",
                      ("sh", "-c", "git ls-tree -r --object-only HEAD | git cat-file --batch"),
                      cwd=self.s.ordner)

    def git_commit(self) -> Befehl:
        datei = self.s.datei(self.s.id_bei(0.75))
        argv = ("sh", "-c", 'git add -- "$1" && git commit -q -m "$2"', "sh", str(datei),
                f"{datei.stem}: Umsetzungsstand geändert")
        return Befehl(f"git-commit{self.tag}", "`git add` + `git commit` einer Datei", argv,
                      cwd=self.s.ordner, vorher=lambda: (setze_status_zeile(datei), argv)[1])

    def app(self) -> Befehl:
        return Befehl(f"app{self.tag}", f"App `strategie`: erste Anzeige ({_mb(self.n)} Ziele)",
                      STRATEGIE, cwd=self.s.ordner, bildschirm=ZIEL_ID)

    def app_gesetzt(self) -> Befehl:
        return Befehl(f"app-gesetzt{self.tag}", f"App `strategie`, 5 s nach der ersten Anzeige "
                      f"(Suchindex, Facetten; {_mb(self.n)} Ziele)", STRATEGIE,
                      cwd=self.s.ordner, bildschirm=ZIEL_ID, nachlauf_s=5.0)

    def app_boden(self) -> Befehl:
        return Befehl("app-boden", "leere Textual-App mit DataTable: erste Anzeige",
                      (PYTHON, "-c", APP_BODEN), bildschirm=ZIEL_ID)


class Aufgaben:
    """taskwarrior commands on the private database."""

    def __init__(self, tw: Taskwarrior, speicher: Speicher) -> None:
        self.tw, self.s = tw, speicher
        self._wert = 0

    def __call__(self, name: str, *args: str, vorher: Vorher | None = None,
                 pruefe: Pruefung | None = None) -> Befehl:
        return Befehl(f"task-{name}", f"`task {' '.join(args)}`", ("task", *args),
                      env=self.tw.env, vorher=vorher, pruefe=pruefe)

    def modify(self) -> Befehl:
        def vorher() -> tuple[str, ...]:
            self._wert += 1
            return ("task", "1", "modify", f"umsetzung:{('umgesetzt', 'begonnen')[self._wert % 2]}")
        return self("modify", "1", "modify", "umsetzung:…", vorher=vorher)


def programmstart(tw: Taskwarrior | None, ort: Speicher) -> Gruppe:
    """Start-up costs, independent of the store's size."""
    b = Befehle(ort)
    leer = b.python_pass()
    hilfe = Befehl("hilfe", "`strategie --help`", (*STRATEGIE, "--help"))
    gruppe = Gruppe("Programmstart", [
        Zeile("hilfe", hilfe, leer, Ziel(verhaeltnis=2.0)),
        Zeile("version", Befehl("version", "`strategie --version`", (*STRATEGIE, "--version")),
              leer),
        Zeile("import", Befehl("import", '`python3 -c "import strategie.cli.main"`',
                               (PYTHON, "-c", "import strategie.cli.main")), leer),
    ])
    if tw:
        gruppe.zeilen.insert(1, Zeile("hilfe-task", hilfe,
                                      Aufgaben(tw, ort)("version", "--version")))
    return gruppe


def groesse(s: Speicher, klein: Speicher, tw: Taskwarrior | None) -> Gruppe:
    """The rows for one store; at 10,000 and 50,000 goals also the issue's comparisons."""
    b = Befehle(s)
    warm, kalt, cat, zeige = b.liste_json(), b.liste_json(kalt=True), b.cat(), b.zeige()
    status, verlauf = b.status(), b.verlauf()
    zehntausend, gross = s.anzahl == 10_000, s.anzahl >= 50_000
    bericht = b.strategie("bericht-json", "`bericht --format json`", "bericht", "--format",
                          "json", pruefe=_enthaelt('"strategie-bericht"'))
    zeilen = [
        Zeile("liste-json", warm, cat, Ziel(sekunden=3.0, rss_mb=400) if gross else Ziel()),
        Zeile("liste-kalt", kalt, b.tomllib(), Ziel(verhaeltnis=1.2) if gross else Ziel()),
        Zeile("boden-git", b.git_objekte(), cat),
        Zeile("bericht-json", bericht, cat, Ziel(sekunden=4.0, rss_mb=400) if gross else Ziel()),
        Zeile("zeige", zeige, b.python_pass()),
        Zeile("verlauf", *verlauf),
        Zeile("status", status, b.git_commit(), Ziel(verhaeltnis=4.0) if zehntausend else Ziel()),
    ]
    if s.anzahl != klein.anzahl:
        zeilen.insert(5, Zeile("zeige-46", zeige, Befehle(klein).zeige(),
                               Ziel(verhaeltnis=1.2) if zehntausend else Ziel()))
    if gross:
        zeilen.insert(4, Zeile("matrix", b.strategie("matrix", "`matrix`", "matrix"), cat))
    if s.anzahl in (46, 10_000) or gross:  # 50,000: no target, the memory to watch
        zeilen.append(Zeile("app", b.app(), b.app_boden(),
                            Ziel(sekunden=1.0) if zehntausend else Ziel() if gross
                            else Ziel(verhaeltnis=1.6)))
    if zehntausend or gross:  # the memory the app keeps, not only up to its first frame
        zeilen.append(Zeile("app-gesetzt", b.app_gesetzt(), b.app_boden()))
    if zehntausend and tw:
        t = Aufgaben(tw, s)
        info = t("info", "1", "info", pruefe=_enthaelt("Description"))
        sa = sum(1 for i in s.ids if i.startswith("SA-"))
        zeilen[1:1] = [
            Zeile("liste-json-task", warm, t("export", "export", pruefe=_json_anzahl(s.anzahl)),
                  Ziel(verhaeltnis=1.0, rss_mb=100)),
            Zeile("liste-amt-task",
                  b.strategie("liste-amt", "`liste --amt SA --format json`", "liste", "--amt",
                              "SA", "--format", "json", pruefe=_json_anzahl(sa)),
                  t("export-sa", "project:SA", "export", pruefe=_json_anzahl(sa)),
                  Ziel(verhaeltnis=1.0)),
            Zeile("liste-pipe-task", b.strategie("liste-pipe", "`liste` in eine Pipe", "liste"),
                  t("list", "list")),
            Zeile("zeige-task", zeige, info, Ziel(verhaeltnis=0.5)),
            Zeile("verlauf-task", verlauf[0], info),
            Zeile("status-task", status, t.modify(), Ziel(verhaeltnis=0.7)),
        ]
    return Gruppe(f"{_mb(s.anzahl)} Ziele", zeilen, s.anzahl)


def sync_vorhanden() -> bool:
    """Whether this strategie knows the command ``sync`` (issue 10)."""
    return subprocess.run([*STRATEGIE, "sync", "--help"], capture_output=True,
                          env=umgebung({})).returncode == 0


def team(t: Team) -> Gruppe:
    """Issue 10's targets: sync with nothing to do, and merging one goal changed remotely."""
    s = t.speicher
    fremd = s.id_bei(0.9)
    hinweis = "" if sync_vorhanden() else "`strategie sync` gibt es noch nicht (Issue 10)"

    def kollege() -> None:
        t.kollege_aendert(fremd)
        return None

    def sync(name: str, text: str, vorher: Vorher | None = None) -> Befehl | None:
        if hinweis:
            return None
        return Befehl(name, text, (*STRATEGIE, "sync"), cwd=s.ordner, vorher=vorher)

    holen = Befehl("fetch-status", "`git fetch` + `git status`",
                   ("sh", "-c", "git fetch -q && git status"), cwd=s.ordner)
    return Gruppe(f"Team: {_mb(s.anzahl)} Ziele, {_mb(s.commits)} Commits, ein Remote", [
        Zeile("sync-nichts", sync("sync-nichts", "`strategie sync`, nichts zu tun"), holen,
              Ziel(verhaeltnis=1.5), hinweis),
        Zeile("sync-eine", sync("sync-eine", "`strategie sync`: eine fremde Änderung",
                                kollege),
              Befehl("pull-rebase", "`git pull --rebase`: eine fremde Änderung",
                     ("git", "pull", "-q", "--rebase"), cwd=s.ordner, vorher=kollege),
              Ziel(verhaeltnis=1.5), hinweis),
        # how much of that budget the interpreter's start alone takes, in the same rounds,
        # and the least any Python program that fetches takes (no code of strategie)
        Zeile("sync-boden", Befehle(s).python_pass(), holen),
        Zeile("sync-boden-abruf", Befehl(
            "python-abruf", "`python3`: nur `subprocess` + `git fetch`",
            (PYTHON, "-c", "import subprocess; subprocess.run(['git', 'fetch', '-q'])"),
            cwd=s.ordner), holen),
    ], s.anzahl)
