"""The domain model: the field specification of a goal file, goals and frames as data, typed
values from user input, changes as operations, Befunde, field-level comparison, JSON Schema.

May import: ``text``. Reads and writes no files and starts no processes.

Its types, and those of ``git``, ``toml``, ``aendern``, ``team``, ``speicher`` and
``auswertung`` that every edit, ``sync`` and ``liste`` load, are ``typing.NamedTuple``s (or
plain classes where they change), not dataclasses: a frozen dataclass costs about 1 ms to
create (its methods are compiled with ``exec``) and ``dataclasses`` imports ``inspect``; for
the 28 types on the way of ``strategie status`` that was a fifth of the whole command. A type
with cached lookups is a NamedTuple subclass with a ``__dict__`` (``Abschnitt``, ``Rahmen``,
``Zielspeicher``, ``Filter``); ``Ziel`` is a plain immutable class, because the cache builds
10,000 of them by filling ``__dict__``. Operations compare equal only to their own kind.
``tests/cli/test_importe.py`` checks that ``status``, ``sync`` and ``liste`` load no
``dataclasses``.
"""
