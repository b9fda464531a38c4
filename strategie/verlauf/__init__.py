"""History from file contents: a goal's Verlauf and the Änderungen of a period, field by
field, computed from the goal files' versions in git (not from the commit messages' trailers).

May import: ``speicher``, ``git``, ``toml``, ``modell``, ``text``. Not ``aendern`` (its
independent sibling): reading history never loads the edit path.
"""
