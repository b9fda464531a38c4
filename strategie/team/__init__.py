"""Working together on one shared remote: sync, the field-level merge driver for goal files,
Zuständigkeit (who may change what) and the server hook that enforces it.

Empty for now: this is the room for that work. May import: ``auswertung``, ``aendern``,
``verlauf``, ``speicher``, ``git``, ``toml``, ``modell``, ``text``. Not ``ausgabe`` (its
independent sibling), ``cli`` or ``api``; the CLI and the app call into it.
"""
