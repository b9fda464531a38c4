"""The environment of a git that talks to the shared repository: ssh gives up on a server that
does not answer within a time limit, HTTP on a transfer that stands still — unless the user
chose ssh's command or these limits themselves.

Without it a server that swallows packets (a VPN gone, a firewall that drops) keeps
``strategie sync`` waiting until the kernel gives up on the connection, two minutes and more;
with it, sync says "nicht erreichbar" after ``FRIST_S`` seconds and everything stays local.
Uses ``os`` only: the fetch begun before the parser (``cli.abruf``) starts with it.
"""

from __future__ import annotations

import os

from strategie.git.ordner import git_ordner

FRIST_S = 20
"""Seconds ssh waits for the server's answer (connection and handshake) and, once
connected, for an answer to its keep-alive; HTTP gives up after as long below 1 KB/s."""
FRIST_VARIABLE = "STRATEGIE_NETZFRIST"
"""Seconds instead of ``FRIST_S``; 0 sets no limit."""

_SSH_EIGENES = ("GIT_SSH_COMMAND", "GIT_SSH")
_HTTP_EIGENES = ("GIT_HTTP_LOW_SPEED_LIMIT", "GIT_HTTP_LOW_SPEED_TIME")


def netz_umgebung(ort: str) -> dict[str, str]:
    """What to add to the environment of ``git fetch``/``git push`` run in *ort* (a folder of
    a work tree): ``GIT_SSH_COMMAND`` with a connect timeout and keep-alive unless ssh was
    chosen by the user (``GIT_SSH_COMMAND``, ``GIT_SSH``, ``core.sshCommand``), and git's
    low-speed limit unless set (``http.lowSpeedLimit``/``lowSpeedTime``). A config file this
    cannot read plainly (one with ``include``) counts as having chosen: their choice wins."""
    try:
        frist = int(os.environ.get(FRIST_VARIABLE, FRIST_S))
    except ValueError:
        frist = FRIST_S
    if frist <= 0:
        return {}
    texte = [_konfig_text(datei) for datei in _konfig_dateien(ort)]
    texte += [os.environ[name] for name in os.environ if name.startswith("GIT_CONFIG_")]
    gewaehlt = " ".join(texte).lower()
    umgebung: dict[str, str] = {}
    unlesbar = "include" in gewaehlt
    if not unlesbar and "sshcommand" not in gewaehlt and "variant" not in gewaehlt \
            and not any(os.environ.get(name) for name in _SSH_EIGENES):
        umgebung["GIT_SSH_COMMAND"] = (f"ssh -o ConnectTimeout={frist} -o ServerAliveInterval="
                                       f"{max(1, frist // 2)} -o ServerAliveCountMax=2")
    if not unlesbar and "lowspeed" not in gewaehlt \
            and not any(os.environ.get(name) for name in _HTTP_EIGENES):
        umgebung["GIT_HTTP_LOW_SPEED_LIMIT"] = "1000"
        umgebung["GIT_HTTP_LOW_SPEED_TIME"] = str(frist)
    return umgebung


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
