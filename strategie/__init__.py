"""strategie: the goals of a social strategy as TOML files in git — core library, no UI.

The packages form layers (see ARCHITECTURE.md); this file imports nothing else, so that
``strategie --help`` stays fast. Scripts use ``from strategie import api``.
"""

from strategie.version import __version__

__all__ = ["__version__"]
