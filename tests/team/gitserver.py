"""Real git servers for the collaboration tests: a bare remote, clones, a local gitolite.

How these stand in for the servers a Landratsamt runs is written down in ``README.md`` next
to this module. Everything here is real git (and real gitolite); nothing is mocked. Only sshd
is replaced, by a small program that does exactly what sshd does with gitolite's
``authorized_keys``: find the line of the client's key, run its ``command="…"`` with
``SSH_ORIGINAL_COMMAND`` set, in the server account's clean environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import BEISPIEL

REPO = "strategie"
"""Name of the shared repository on every server."""


@dataclass(frozen=True)
class Person:
    """A controller: server account, and the author name and e-mail of their commits."""

    konto: str
    name: str
    email: str


TEAM = (
    Person("anna", "Anna Berger", "anna.berger@lrakn.example"),
    Person("bernd", "Bernd Kaiser", "bernd.kaiser@lrakn.example"),
    Person("clara", "Clara Vogt", "clara.vogt@lrakn.example"),
    Person("dirk", "Dirk Maier", "dirk.maier@lrakn.example"),
    Person("eva", "Eva Roth", "eva.roth@lrakn.example"),
    Person("felix", "Felix Brandt", "felix.brandt@lrakn.example"),
)
"""Six people for six Ämter; clone i belongs to TEAM[i]."""


def lauf(repo: Path, *args: str, env: Mapping[str, str] | None = None,
         check: bool = True) -> subprocess.CompletedProcess[str]:
    """Run git in *repo* (stdout and stderr captured); *env* replaces the environment."""
    ergebnis = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True,
                              env=None if env is None else dict(env))
    if check and ergebnis.returncode:
        raise AssertionError(f"git {' '.join(args)} in {repo} scheiterte "
                             f"({ergebnis.returncode}):\n{ergebnis.stdout}{ergebnis.stderr}")
    return ergebnis


@dataclass
class Klon:
    """One controller's clone: its work tree, its owner, and how it reaches the server."""

    pfad: Path
    person: Person
    url: str

    @property
    def speicher(self) -> Path:
        """The goal store in the work tree (``…/ziele``)."""
        return self.pfad / "ziele"

    def git(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        """Run git in this clone, in the test's environment (the clone's config applies)."""
        return lauf(self.pfad, *args, check=check)

    def kopf(self, rev: str = "HEAD") -> str:
        """The commit id of *rev*."""
        return self.git("rev-parse", rev).stdout.strip()

    def committe(self, nachricht: str) -> str:
        """Commit everything changed in the work tree; returns the new commit id."""
        self.git("add", "-A")
        self.git("commit", "-q", "-m", nachricht)
        return self.kopf()

    def aendere_zeile(self, ziel: str, schluessel: str, wert: str,
                      nachricht: str | None = None) -> str:
        """Set the top-level line ``schluessel = "wert"`` of a goal file and commit it."""
        pfad = next(self.speicher.glob(f"*/{ziel}.toml"))
        zeilen = pfad.read_text(encoding="utf-8").split("\n")
        nummer = next(i for i, z in enumerate(zeilen) if z.startswith(f"{schluessel} = "))
        zeilen[nummer] = f'{schluessel} = "{wert}"'
        pfad.write_text("\n".join(zeilen), encoding="utf-8")
        return self.committe(nachricht or f"{ziel}: {schluessel} {wert}")

    def push(self, *args: str) -> subprocess.CompletedProcess[str]:
        """``git push`` (not checked: tests look at refusals)."""
        return self.git("push", *(args or ("origin", "HEAD:main")), check=False)


def klone(url: str, ziel: Path, person: Person, ssh_befehl: str | None = None) -> Klon:
    """Clone *url* into *ziel* with *person* as its git identity (in the clone's own config)."""
    vorab = ["-c", f"core.sshCommand={ssh_befehl}"] if ssh_befehl else []
    lauf(ziel.parent, *vorab, "clone", "-q", url, ziel.name)
    lauf(ziel, "config", "user.name", person.name)
    lauf(ziel, "config", "user.email", person.email)
    if ssh_befehl:
        lauf(ziel, "config", "core.sshCommand", ssh_befehl)
    return Klon(ziel, person, url)


def bare_mit_beispiel(ziel: Path, *, arbeitskopie: Path | None = None) -> Path:
    """A bare repository at *ziel* holding the example store under ``ziele/`` in one commit."""
    start = arbeitskopie or ziel.parent / (ziel.name.removesuffix(".git") + "-start")
    start.mkdir(parents=True)
    lauf(start, "init", "-q", "-b", "main")
    shutil.copytree(BEISPIEL, start / "ziele")
    lauf(start, "add", "-A")
    lauf(start, "-c", "user.name=Sozialcontrolling", "-c", "user.email=controlling@lrakn.example",
         "commit", "-q", "-m", "Beispielspeicher übernommen")
    lauf(ziel.parent, "clone", "-q", "--bare", str(start), ziel.name)
    shutil.rmtree(start)
    return ziel


@dataclass
class Team:
    """A central bare repository and the clones of it (clone i belongs to TEAM[i])."""

    bare: Path
    klone: list[Klon] = field(default_factory=list)

    def refs(self) -> dict[str, str]:
        """The server's refs: name → commit id."""
        ausgabe = lauf(self.bare, "for-each-ref", "--format=%(refname) %(objectname)").stdout
        return dict(zeile.split(" ", 1) for zeile in ausgabe.splitlines())

    def hook(self, name: str, text: str) -> Path:
        """Install an executable hook (``pre-receive`` …) in the bare repository."""
        pfad = self.bare / "hooks" / name
        pfad.write_text(text, encoding="utf-8")
        pfad.chmod(0o755)
        return pfad


def lege_team_an(wurzel: Path, anzahl: int) -> Team:
    """A bare remote with the example store at ``wurzel/server/strategie.git`` and clones."""
    (wurzel / "server").mkdir(parents=True)
    bare = bare_mit_beispiel(wurzel / "server" / f"{REPO}.git")
    team = Team(bare)
    for person in TEAM[:anzahl]:
        team.klone.append(klone(str(bare), wurzel / person.konto, person))
    return team


# --- gitolite --------------------------------------------------------------------------------

SSHD_ERSATZ = '''\
#!{python}
"""Stands in for ssh + sshd: runs what gitolite's authorized_keys says for the client's key."""
import os, re, subprocess, sys

HOME = {home!r}
args = sys.argv[1:]
schluessel = None
while args and args[0].startswith("-"):
    option = args.pop(0)
    if option in ("-i", "-o", "-p", "-l", "-F"):
        wert = args.pop(0)
        if option == "-i":
            schluessel = wert
if schluessel is None or len(args) < 2:
    sys.exit("ssh-Ersatz: Aufruf ohne -i SCHLÜSSEL oder ohne Befehl: " + " ".join(sys.argv))
with open(schluessel + ".pub", encoding="ascii") as datei:
    art, blob = datei.read().split()[:2]
befehl = None
with open(os.path.join(HOME, ".ssh", "authorized_keys"), encoding="utf-8") as datei:
    for zeile in datei:
        treffer = re.match(r'command="((?:[^"\\\\]|\\\\.)*)",(\\S+) (\\S+) (\\S+)', zeile)
        if treffer and (treffer[3], treffer[4]) == (art, blob):
            befehl = treffer[1]
if befehl is None:
    sys.exit("Permission denied (publickey).")
umgebung = {{
    "HOME": HOME, "USER": "git", "LOGNAME": "git", "SHELL": "/bin/sh", "LANG": "C.UTF-8",
    "PATH": os.environ["PATH"],
    "SSH_CONNECTION": "127.0.0.1 50022 127.0.0.1 22", "SSH_CLIENT": "127.0.0.1 50022 22",
    "SSH_ORIGINAL_COMMAND": " ".join(args[1:]),
}}
if "GIT_PROTOCOL" in os.environ:  # sshd with "AcceptEnv GIT_PROTOCOL", as git recommends
    umgebung["GIT_PROTOCOL"] = os.environ["GIT_PROTOCOL"]
sys.exit(subprocess.run(["/bin/sh", "-c", befehl], env=umgebung).returncode)
'''

ANNEHMEN = "#!/bin/sh\n# accepts every push until a test writes its own hook here\nexit 0\n"

HOOK_NAME = "strategie-pruefen"
"""Name of our hook in gitolite's ``LOCAL_CODE/hooks/repo-specific/``."""


def gitolite_fehlt() -> str | None:
    """Why the gitolite tests cannot run here (German), or None."""
    for programm, paket in (("gitolite", "gitolite3"), ("ssh-keygen", "openssh-client"),
                            ("perl", "perl")):
        if shutil.which(programm) is None:
            return f"{programm} fehlt (Debian-Paket {paket}); .ci/run installiert es mit apt"
    return None


@dataclass
class Gitolite:
    """A gitolite server in a tmp dir, reached through the sshd stand-in (see module doc)."""

    wurzel: Path

    @property
    def home(self) -> Path:
        """The server account's HOME: ``.gitolite.rc``, ``.gitolite/``, ``repositories/``."""
        return self.wurzel / "git-home"

    @property
    def schluessel(self) -> Path:
        """The clients' ssh keys, one pair per account (``anna``, ``anna.pub``)."""
        return self.wurzel / "schluessel"

    @property
    def ssh(self) -> Path:
        """The sshd stand-in; git finds it through ``core.sshCommand``."""
        return self.wurzel / "bin" / "ssh"

    @property
    def hook_datei(self) -> Path:
        """Our repo-specific pre-receive hook in gitolite's LOCAL_CODE."""
        return self.home / "local" / "hooks" / "repo-specific" / HOOK_NAME

    @property
    def bare(self) -> Path:
        """The shared repository on the server's disk."""
        return self.home / "repositories" / f"{REPO}.git"

    def url(self, repo: str = REPO) -> str:
        """What a controller writes as remote: every account uses git@host, the key decides."""
        return f"git@gitolite:{repo}"

    def ssh_befehl(self, konto: str) -> str:
        """``core.sshCommand`` of a client that owns the key of *konto*."""
        return f"{self.ssh} -i {self.schluessel / konto}"

    def server_umgebung(self) -> dict[str, str]:
        """The environment of commands run on the server by its administrator."""
        return {"HOME": str(self.home), "USER": "git", "LOGNAME": "git", "LANG": "C.UTF-8",
                "PATH": os.environ["PATH"], "GIT_CONFIG_NOSYSTEM": "1"}

    def einrichten(self, konten: list[str]) -> None:
        """``gitolite setup`` with repo-specific hooks enabled, keys for *konten*, repo REPO."""
        self.home.mkdir(parents=True)
        self.schluessel.mkdir()
        self.ssh.parent.mkdir()
        # no init.defaultBranch here: gitolite's admin repository must stay on master
        (self.home / ".gitconfig").write_text(
            "[user]\n\tname = gitolite\n\temail = git@gitolite.example\n", encoding="utf-8")
        for konto in ["admin", *konten]:
            subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", konto,
                            "-f", str(self.schluessel / konto)], check=True)
        subprocess.run(["gitolite", "setup", "-pk", str(self.schluessel / "admin.pub")],
                       env=self.server_umgebung(), check=True, capture_output=True)
        self._rc_aendern()
        self.hook_datei.parent.mkdir(parents=True)
        self.schreibe_hook(ANNEHMEN)
        self._schreibe_ssh()
        admin = self.wurzel / "gitolite-admin"
        lauf(self.wurzel, "-c", f"core.sshCommand={self.ssh_befehl('admin')}", "clone", "-q",
             self.url("gitolite-admin"), admin.name)
        for konto in konten:
            shutil.copy(self.schluessel / f"{konto}.pub", admin / "keydir" / f"{konto}.pub")
        self.konfiguriere(
            f"repo {REPO}\n    RW+ = admin\n    RW = {' '.join(konten)}\n"
            f"    option hook.pre-receive = {HOOK_NAME}\n")
        # the project's branch is main; gitolite created the repository with git's default
        lauf(self.bare, "symbolic-ref", "HEAD", "refs/heads/main", env=self.server_umgebung())

    def _schreibe_ssh(self) -> None:
        self.ssh.write_text(SSHD_ERSATZ.format(python=sys.executable, home=str(self.home)),
                            encoding="utf-8")
        self.ssh.chmod(0o755)

    def kopie(self, ziel: Path) -> Gitolite:
        """An independent copy of this server at *ziel* (setting one up takes seconds).

        gitolite writes absolute paths only into symlinks (the repositories' hooks) and the
        sshd stand-in; both are pointed at the copy.
        """
        shutil.copytree(self.wurzel, ziel, symlinks=True)
        for pfad in ziel.rglob("*"):
            if pfad.is_symlink() and (alt := os.readlink(pfad)).startswith(f"{self.wurzel}/"):
                pfad.unlink()
                pfad.symlink_to(ziel / Path(alt).relative_to(self.wurzel))
        kopie = Gitolite(ziel)
        kopie._schreibe_ssh()
        return kopie

    def _rc_aendern(self) -> None:
        """Switch on LOCAL_CODE (managed on the server) and the repo-specific-hooks trigger."""
        rc = self.home / ".gitolite.rc"
        text = rc.read_text(encoding="utf-8")
        for alt, neu in (('# LOCAL_CODE                =>  "$ENV{HOME}/local",',
                          'LOCAL_CODE                =>  "$ENV{HOME}/local",'),
                         ("# 'repo-specific-hooks',", "'repo-specific-hooks',")):
            assert text.count(alt) == 1, f"{alt!r} steht nicht genau einmal in {rc}"
            text = text.replace(alt, neu)
        rc.write_text(text, encoding="utf-8")

    def konfiguriere(self, regeln: str) -> None:
        """Replace the rules for REPO in ``conf/gitolite.conf`` and push the admin repository.

        The push runs gitolite's compile and POST_COMPILE triggers: ``ssh-authkeys`` rewrites
        ``authorized_keys`` from ``keydir/``, ``repo-specific-hooks`` links the hooks the
        ``option hook.…`` lines name, new repositories are created.
        """
        admin = self.wurzel / "gitolite-admin"
        konf = admin / "conf" / "gitolite.conf"
        konf.write_text("repo gitolite-admin\n    RW+ = admin\n\n" + regeln, encoding="utf-8")
        lauf(admin, "add", "-A")
        lauf(admin, "-c", "user.name=admin", "-c", "user.email=admin@gitolite.example",
             "commit", "-q", "-m", "Regeln für strategie")
        lauf(admin, "-c", f"core.sshCommand={self.ssh_befehl('admin')}", "push", "-q",
             "origin", "HEAD:master")

    def schreibe_hook(self, text: str) -> None:
        """Write our hook's program (gitolite links to it, so it takes effect at once)."""
        self.hook_datei.write_text(text, encoding="utf-8")
        self.hook_datei.chmod(0o755)

    def klon(self, ziel: Path, person: Person) -> Klon:
        """A clone of REPO through gitolite, authenticated by *person*'s key."""
        return klone(self.url(), ziel, person, self.ssh_befehl(person.konto))

    def fuelle_mit_beispiel(self) -> None:
        """Push the example store into REPO as admin (one commit, like ``bare_mit_beispiel``)."""
        start = self.wurzel / "start"
        bare_mit_beispiel(self.wurzel / "beispiel.git", arbeitskopie=start)
        lauf(self.wurzel / "beispiel.git", "-c", f"core.sshCommand={self.ssh_befehl('admin')}",
             "push", "-q", self.url(), "main")
        shutil.rmtree(self.wurzel / "beispiel.git")
