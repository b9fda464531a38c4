"""The environment of a git that talks to the shared repository over ssh: ssh gives up on a
server that does not answer within a time limit – unless the user chose ssh's command or
these options themselves.

Without it a server that swallows packets (a VPN gone, a firewall that drops) keeps
``strategie sync`` waiting until the kernel gives up on the connection, two minutes and more;
with it, sync says "nicht erreichbar" after ``FRIST_S`` seconds and everything stays local.
HTTP gets no limit: git has no connect timeout for it, and a minimum rate would end a push
whose server hook runs long (git sends only a few bytes of keep-alive meanwhile) as failed,
though the server took it. Uses ``os`` only: the fetch begun before the parser
(``cli.abruf``) starts with it.
"""

from __future__ import annotations

import os

from strategie.git.ordner import git_ordner

FRIST_S = 20
"""Seconds ssh waits for the server's answer (connection and handshake) and, once
connected, about as long again for an answer to its keep-alive."""
FRIST_VARIABLE = "STRATEGIE_NETZFRIST"
"""Seconds instead of ``FRIST_S``; 0 sets no limit."""

_SSH_EIGENES = ("GIT_SSH_COMMAND", "GIT_SSH", "GIT_SSH_VARIANT")


def netz_umgebung(ort: str) -> dict[str, str]:
    """What to add to the environment of ``git fetch``/``git push`` run in *ort* (a folder of
    a work tree): ``GIT_SSH_COMMAND`` with a connect timeout and keep-alive, each option only
    where the user's ssh configuration does not set it (``~/.ssh/config``,
    ``/etc/ssh/ssh_config`` and what they include), nothing where ssh itself was chosen
    (``GIT_SSH_COMMAND``, ``GIT_SSH``, ``core.sshCommand``, ``ssh.variant``) or where a git
    config file includes others (what they say is unknown: their choice wins)."""
    try:
        frist = int(os.environ.get(FRIST_VARIABLE, FRIST_S))
    except ValueError:
        frist = FRIST_S
    if frist <= 0 or any(os.environ.get(name) for name in _SSH_EIGENES):
        return {}
    texte = [_konfig_text(datei) for datei in _konfig_dateien(ort)]
    texte += [os.environ[name] for name in os.environ if name.startswith("GIT_CONFIG_")]
    gewaehlt = " ".join(texte).lower()
    if any(wort in gewaehlt for wort in ("include", "sshcommand", "variant")):
        return {}
    eigene = _ssh_optionen()
    optionen = []
    if "connecttimeout" not in eigene:
        optionen.append(f"-o ConnectTimeout={frist}")
    if not eigene & {"serveraliveinterval", "serveralivecountmax"}:
        optionen.append(f"-o ServerAliveInterval={max(1, frist // 2)} -o ServerAliveCountMax=2")
    return {"GIT_SSH_COMMAND": " ".join(["ssh", *optionen])} if optionen else {}


def _ssh_optionen() -> set[str]:
    """The keywords (lower case) the user's and the system's ssh configuration set, in any
    ``Host`` block, following their ``Include`` lines (relative ones as ssh reads them)."""
    heim = os.path.expanduser("~")
    gesehen: set[str] = set()
    stichworte: set[str] = set()
    offen = [(os.path.join(heim, ".ssh", "config"), os.path.join(heim, ".ssh")),
             ("/etc/ssh/ssh_config", "/etc/ssh")]
    while offen:
        datei, basis = offen.pop()
        if datei in gesehen or len(gesehen) > 50:
            continue
        gesehen.add(datei)
        for zeile in _konfig_text(datei).splitlines():
            teile = zeile.strip().replace("=", " ", 1).split()
            if not teile or teile[0].startswith("#"):
                continue
            stichwort = teile[0].lower()
            stichworte.add(stichwort)
            if stichwort == "include":
                for muster in teile[1:]:
                    muster = os.path.join(basis, os.path.expanduser(muster))
                    offen += [(gefunden, basis) for gefunden in _passende(muster)]
    return stichworte


def _passende(muster: str) -> list[str]:
    """The files an ``Include`` pattern names: the usual ``ORDNER/*.conf`` without ``glob``
    (which would load ``re`` before the fetch begins), anything else with it."""
    ordner, name = os.path.split(muster)
    if not any(zeichen in muster for zeichen in "*?["):
        return [muster]
    if not any(zeichen in ordner for zeichen in "*?[") and name.count("*") == 1 \
            and not any(zeichen in name for zeichen in "?["):
        vor, nach = name.split("*")
        try:
            namen = os.listdir(ordner)
        except OSError:
            return []
        return sorted(os.path.join(ordner, n) for n in namen if n.startswith(vor)
                      and n.endswith(nach) and len(n) >= len(vor) + len(nach))
    import glob

    return sorted(glob.glob(muster))


def _konfig_text(datei: str) -> str:
    try:
        with open(datei, encoding="utf-8", errors="replace") as inhalt:
            return inhalt.read()
    except OSError:  # not there (the usual case), or not readable: git cannot read it either
        return ""


def _konfig_dateien(ort: str) -> list[str]:
    """The config files git reads in *ort*: system, global, the repository's (and its
    worktree's), as git finds them (``GIT_CONFIG_*`` variables honoured)."""
    heim = os.path.expanduser("~")
    dateien = []
    if not os.environ.get("GIT_CONFIG_NOSYSTEM"):
        dateien.append(os.environ.get("GIT_CONFIG_SYSTEM", "/etc/gitconfig"))
    if "GIT_CONFIG_GLOBAL" in os.environ:
        dateien.append(os.environ["GIT_CONFIG_GLOBAL"])
    else:
        xdg = os.environ.get("XDG_CONFIG_HOME") or os.path.join(heim, ".config")
        dateien += [os.path.join(xdg, "git", "config"), os.path.join(heim, ".gitconfig")]
    if (ordner := git_ordner(ort)) is not None:
        _, eigenes, gemeinsam = ordner
        dateien += [os.path.join(gemeinsam, "config"), os.path.join(eigenes, "config.worktree")]
    return dateien
