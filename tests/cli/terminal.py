"""Run the CLI with a pseudo-terminal as stdin/stdout, as a user at a terminal would."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
from collections.abc import Mapping


def im_terminal(argumente: list[str], eingabe: str = "",
                umgebung: Mapping[str, str] | None = None, frist: float = 60) -> tuple[int, str]:
    """Exit code and everything the command wrote to the terminal; *eingabe* is typed."""
    haupt, neben = pty.openpty()
    try:
        prozess = subprocess.Popen([sys.executable, "-m", "strategie", *argumente],
                                   stdin=neben, stdout=neben, stderr=neben,
                                   env={**os.environ, **(umgebung or {})})
    finally:
        os.close(neben)
    if eingabe:
        os.write(haupt, eingabe.encode("utf-8"))
    ausgabe = b""
    while True:
        try:
            stueck = os.read(haupt, 4096)
        except OSError:  # the other side closed: the command has ended
            break
        if not stueck:
            break
        ausgabe += stueck
    os.close(haupt)
    return prozess.wait(frist), ausgabe.decode("utf-8", "replace")


def app_im_terminal(argumente: list[str], erkennbar: str, tasten: str,
                    umgebung: Mapping[str, str] | None = None, frist: float = 60
                    ) -> tuple[int, str]:
    """Like ``im_terminal`` for a full-screen program: *tasten* are typed only once the screen
    shows *erkennbar* (keys typed earlier would be lost while it starts); a program that
    never shows it is ended after *frist* seconds (exit code -9)."""
    haupt, neben = pty.openpty()
    try:
        prozess = subprocess.Popen([sys.executable, "-m", "strategie", *argumente],
                                   stdin=neben, stdout=neben, stderr=neben,
                                   env={**os.environ, "TERM": "xterm-256color",
                                        **(umgebung or {})})
    finally:
        os.close(neben)
    ausgabe, getippt = b"", False
    while True:
        bereit, _, _ = select.select([haupt], [], [], frist)
        if not bereit:  # never showed what we wait for: end it, the caller sees why
            prozess.kill()
            break
        try:
            stueck = os.read(haupt, 65536)
        except OSError:
            break
        if not stueck:
            break
        ausgabe += stueck
        if not getippt and erkennbar.encode("utf-8") in ausgabe:
            os.write(haupt, tasten.encode("utf-8"))
            getippt = True
    os.close(haupt)
    return prozess.wait(frist), ausgabe.decode("utf-8", "replace")
