"""The argparse parser of the command line: German texts, each command's one-line help from
the command table, and the arguments of the command groups asked for."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from types import ModuleType

from strategie.cli import argparse_de  # noqa: F401  (installs German argparse texts)
from strategie.cli.befehle import (
    BEFEHLE,
    BESCHREIBUNG,
    GRUPPEN,
    STORE_HILFE,
    TUI_BESCHREIBUNG,
    TUI_HILFE,
    VERSION_HILFE,
)
from strategie.cli.hilfe import VERSION, spalten
from strategie.cli.main import EXIT_CODES
from strategie.text.sicher import entschaerfe

TYPE_CHECKING = False  # typing itself is not imported: the help starts faster without it
if TYPE_CHECKING:
    from typing import Any

    from _typeshed import SupportsWrite


def befehlsgruppen() -> tuple[ModuleType, ...]:
    """The modules of all command groups, in the order of the help (imported now)."""
    import importlib

    return tuple(importlib.import_module(f"strategie.cli.{modul}") for modul in GRUPPEN)


class _Parser(argparse.ArgumentParser):
    """argparse with its messages (which echo what was typed) freed of control codes."""

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        super()._print_message(entschaerfe(message), file)

    def _get_formatter(self) -> argparse.HelpFormatter:
        # the width argparse would find, without its import of shutil (with bz2 and lzma,
        # 2 ms on every start: each add_argument makes a formatter)
        return self.formatter_class(prog=self.prog, width=spalten() - 2)  # type: ignore[call-arg]


class _Befehle(argparse._SubParsersAction):
    """The subcommands: each one's one-line help comes from the table in ``cli.befehle``."""

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if name in BEFEHLE:
            kwargs.setdefault("help", BEFEHLE[name][1])
        return super().add_parser(name, **kwargs)


def oeffne_app(args: argparse.Namespace) -> int:
    """Open the app (no command, or ``tui``)."""
    from strategie.cli.app import starte_app

    return starte_app(args)


def baue_parser(gruppen: Sequence[ModuleType] | None = None) -> argparse.ArgumentParser:
    """The command-line parser with the subcommands of *gruppen* (default: all groups).

    With no groups (``()``) every command is there by name and help only: enough for the
    top-level help, ``--version``, the app and the error for a wrong command name.
    """
    gemeinsam = _Parser(add_help=False)
    gemeinsam.add_argument(
        "--store", metavar="PFAD", default=argparse.SUPPRESS, help=STORE_HILFE)
    parser = _Parser(
        prog="strategie",
        description=BESCHREIBUNG,
        epilog=EXIT_CODES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        parents=[gemeinsam],
    )
    parser.add_argument("--version", action="version", version=VERSION,
                        help=VERSION_HILFE)
    befehle = parser.add_subparsers(title="Befehle", dest="befehl", metavar="BEFEHL",
                                    action=_Befehle)
    if gruppen is None:
        gruppen = befehlsgruppen()
    for gruppe in gruppen:
        gruppe.registriere(befehle, gemeinsam)
    if not gruppen:
        for name in BEFEHLE:
            befehle.add_parser(name, add_help=False)
    tui = befehle.add_parser("tui", parents=[gemeinsam], help=TUI_HILFE,
                             description=TUI_BESCHREIBUNG)
    tui.set_defaults(ausfuehren=oeffne_app)
    return parser
