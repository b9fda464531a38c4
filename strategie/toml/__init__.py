"""TOML files as people write them: reading with line positions and German error messages,
and minimal writing with tomlkit (key by key, so comments and layout survive).

May import: ``modell``, ``text``. Knows nothing of git or of the store's folders.
"""
