"""The git repository of a store: running git, reading objects in bulk, keeping the
commit-graph fresh, and the trailer block of the tool's commit messages.

May import: ``modell`` (Befund/StrategieFehler, the goal id's form), ``text``. Knows nothing
of goal files, their folders or TOML.
"""
