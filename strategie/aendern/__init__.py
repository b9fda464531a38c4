"""The one edit path: every change to goal files becomes one commit.

Planning and checking a change, applying operations, minimal writing (through ``toml``),
atomic writes, composing the commit message, undo; whether this place may commit at all.

May import: ``speicher``, ``git``, ``toml``, ``modell``, ``text``. Not ``verlauf`` (its
independent sibling), nor anything above.
"""
