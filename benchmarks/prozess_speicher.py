"""The data the process benchmarks run on: generated stores (cached), taskwarrior's equivalent
tasks, and a team set-up with a bare remote and a colleague's clone."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from benchmarks import speicher_erzeugen
from benchmarks.prozess_messen import umgebung
from benchmarks.speicher_erzeugen import BEISPIEL, erzeuge_speicher

AUFBAU_VERSION = 1
"""Raise when the preparation below changes what a cached store contains."""

IDENTITAET = ("Benchmark", "bench@example.org")
TASK_INSTALLIEREN = "sudo apt-get install taskwarrior   (Debian/Ubuntu, Paket 'taskwarrior')"
TIME_INSTALLIEREN = "sudo apt-get install time   (Debian/Ubuntu, Paket 'time': GNU time)"

_STATUS = re.compile(r'^status = "([^"]*)"', re.MULTILINE)


def git(repo: Path, *args: str) -> str:
    """Run git in *repo*; its stdout."""
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True,
                          text=True).stdout


def commits_fuer(anzahl: int) -> int:
    """Two commits per goal (like a year of status changes) up to 10,000 goals; the 50,000-goal
    store has only its first commit, since fast-import needs minutes for 100,000 more."""
    return 2 * anzahl if anzahl <= 10_000 else 1


def generatorversion() -> str:
    """A short hash of everything a generated store is made from."""
    kennung = hashlib.sha1(f"{AUFBAU_VERSION}".encode())
    kennung.update(Path(speicher_erzeugen.__file__).read_bytes())
    for datei in sorted(BEISPIEL.rglob("*.toml")):
        kennung.update(datei.read_bytes())
    return kennung.hexdigest()[:10]


@dataclass(frozen=True)
class Speicher:
    """A generated store: the repository, its ``ziele/`` folder and its goal ids (sorted)."""

    wurzel: Path
    anzahl: int
    commits: int
    ids: tuple[str, ...]

    @property
    def ordner(self) -> Path:
        return self.wurzel / "ziele"

    @property
    def cache(self) -> Path:
        """strategie's cache folder; removing it makes the next command start cold."""
        return self.wurzel / ".git" / "strategie"

    def id_bei(self, anteil: float) -> str:
        """The goal id at this fraction of the sorted ids (0.5: one in the middle)."""
        return self.ids[min(len(self.ids) - 1, int(len(self.ids) * anteil))]

    def datei(self, ziel_id: str) -> Path:
        return next(self.ordner.glob(f"*/{ziel_id}.toml"))

    def meiste_aenderungen(self) -> tuple[str, int]:
        """The goal changed by most commits, and how many commits touched its file."""
        pfade = git(self.wurzel, "log", "--format=", "--name-only", "--", "ziele").split()
        zaehler = Counter(p for p in pfade if not p.endswith("strategie.toml"))
        pfad = max(sorted(zaehler), key=zaehler.__getitem__)  # ties: the first path
        return Path(pfad).stem, zaehler[pfad]


def speicher(basis: Path, anzahl: int) -> Speicher:
    """The store of *anzahl* goals under *basis*, generated once per generator version and
    reset to its first state (``git reset --hard``) on every call."""
    commits = commits_fuer(anzahl)
    wurzel = basis / f"prozesse-{anzahl}-{commits}-{generatorversion()}"
    fertig = wurzel / ".git" / "benchmark-anfang"
    if not fertig.is_file():
        print(f"Erzeuge {anzahl} Ziele mit {commits} Commits in {wurzel} …", file=sys.stderr,
              flush=True)
        erzeuge_speicher(wurzel, anzahl, commits)
        git(wurzel, "config", "user.name", IDENTITAET[0])
        git(wurzel, "config", "user.email", IDENTITAET[1])
        git(wurzel, "config", "gc.auto", "0")  # no gc in the middle of a measured commit
        fertig.write_text(git(wurzel, "rev-parse", "HEAD"), encoding="utf-8")
    git(wurzel, "reset", "-q", "--hard", fertig.read_text(encoding="utf-8").strip())
    ids = tuple(sorted(p.stem for p in (wurzel / "ziele").glob("*/*.toml")))
    if len(ids) != anzahl:
        raise RuntimeError(f"{wurzel}: {len(ids)} statt {anzahl} Ziele – Ordner löschen")
    return Speicher(wurzel, anzahl, commits, ids)


def anderer_status(datei: Path) -> str:
    """A Umsetzungsstand other than the file's, valid without a Begründung."""
    alt = _STATUS.search(datei.read_text(encoding="utf-8"))
    return "in Umsetzung" if alt and alt.group(1) == "umgesetzt" else "umgesetzt"


def setze_status_zeile(datei: Path) -> str:
    """Change the status line of *datei* as an editor would (for the plain-git floor)."""
    neu = anderer_status(datei)
    text = datei.read_text(encoding="utf-8")
    datei.write_text(_STATUS.sub(f'status = "{neu}"', text, count=1), encoding="utf-8")
    return neu


@dataclass(frozen=True)
class Taskwarrior:
    """A private taskwarrior database with one task per goal; never the user's own."""

    rc: Path
    daten: Path

    @property
    def env(self) -> dict[str, str]:
        return {"TASKRC": str(self.rc), "TASKDATA": str(self.daten)}


TASKRC = """\
# Written by benchmarks/prozesse.py: nothing may prompt or talk.
data.location={daten}
confirmation=off
verbose=nothing
hooks=off
uda.umsetzung.type=string
uda.umsetzung.label=Umsetzungsstand
uda.ampel.type=string
uda.ampel.label=Ampel
uda.handlungsfeld.type=numeric
uda.handlungsfeld.label=Handlungsfeld
uda.ziel.type=string
uda.ziel.label=Ziel
"""


def _aufgabe(ziel: dict[str, object]) -> dict[str, object]:
    aufgabe: dict[str, object] = {
        "description": ziel["titel"], "project": ziel["amt"], "status": "pending",
        "entry": "20240101T080000Z", "ziel": ziel["id"],
        "umsetzung": str(ziel["status"]).replace(" ", "_"),
        "ampel": ziel.get("ampel", "grau"), "handlungsfeld": ziel["handlungsfeld"]}
    if ziel.get("leuchtturm"):
        aufgabe["tags"] = ["leuchtturm"]
    return aufgabe


def taskwarrior(basis: Path, quelle: Speicher) -> Taskwarrior | None:
    """taskwarrior with one task per goal of *quelle* (Amt = project, title = description,
    status, Ampel and Handlungsfeld as UDAs, Leuchtturm as tag), imported afresh on every
    call; None when ``task`` is not installed."""
    if shutil.which("task") is None:
        return None
    ordner = basis / f"taskwarrior-{quelle.wurzel.name}"
    aufgaben = ordner / "aufgaben.json"
    if not aufgaben.is_file():
        ordner.mkdir(parents=True, exist_ok=True)
        zeilen = []
        for ziel_id in quelle.ids:
            with quelle.datei(ziel_id).open("rb") as datei:
                zeilen.append(json.dumps(_aufgabe(tomllib.load(datei)), ensure_ascii=False))
        aufgaben.write_text("\n".join(zeilen) + "\n", encoding="utf-8")
    tw = Taskwarrior(ordner / "taskrc", ordner / "daten")
    shutil.rmtree(tw.daten, ignore_errors=True)
    tw.daten.mkdir()
    tw.rc.write_text(TASKRC.format(daten=tw.daten), encoding="utf-8")
    subprocess.run(["task", "import", str(aufgaben)], env=umgebung(tw.env), check=True,
                   capture_output=True)
    return tw


@dataclass(frozen=True)
class Team:
    """The store with a bare remote (``origin``) and a colleague's clone that pushes to it."""

    speicher: Speicher
    remote: Path
    kollege: Path

    def kollege_aendert(self, ziel_id: str) -> None:
        """The colleague changes one goal's status and pushes it (after pulling ours)."""
        git(self.kollege, "pull", "-q", "--rebase")
        datei = next(self.kollege.glob(f"ziele/*/{ziel_id}.toml"))
        neu = setze_status_zeile(datei)
        git(self.kollege, "commit", "-q", "-am", f"{ziel_id}: Umsetzungsstand → {neu}")
        git(self.kollege, "push", "-q")


def team(basis: Path, speicher: Speicher) -> Team:
    """Remote and colleague for *speicher*, made once, then brought to the store's state."""
    ordner = basis / f"{speicher.wurzel.name}-team"
    remote, kollege = ordner / "remote.git", ordner / "kollege"
    if not (kollege / ".git").is_dir():
        shutil.rmtree(ordner, ignore_errors=True)
        ordner.mkdir(parents=True)
        subprocess.run(["git", "clone", "-q", "--bare", str(speicher.wurzel), str(remote)],
                       check=True)
        subprocess.run(["git", "clone", "-q", str(remote), str(kollege)], check=True)
        for repo in (speicher.wurzel, kollege):
            git(repo, "config", "user.name", IDENTITAET[0])
            git(repo, "config", "user.email", IDENTITAET[1])
        if "origin" in git(speicher.wurzel, "remote").split():
            git(speicher.wurzel, "remote", "remove", "origin")
        git(speicher.wurzel, "remote", "add", "origin", str(remote))
    git(speicher.wurzel, "push", "-q", "-f", "origin", "HEAD:main")
    git(speicher.wurzel, "branch", "-q", "-u", "origin/main")
    git(kollege, "fetch", "-q")
    git(kollege, "reset", "-q", "--hard", "origin/main")
    return Team(speicher, remote, kollege)
