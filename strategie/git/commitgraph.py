"""Keeps git's commit-graph with changed-path Bloom filters fresh, so history stays fast."""

from __future__ import annotations

from strategie.git.repo import GitRepo

STAND_DATEI = "strategie-commit-graph"
"""Under .git/: the HEAD commit the graph was last written for."""


def halte_graph_aktuell(repo: GitRepo) -> bool:
    """Write the commit-graph incrementally if HEAD moved since the last write; True if written.

    With Bloom filters for changed paths, `git log -- path` skips commits that did not touch
    the path without opening their trees (DESIGN: 6.8 s → 34 ms for one goal at 20,000
    commits). A split graph only adds a layer for the new commits, so the update is cheap.
    """
    try:
        kopf = repo.kopf()
    except ValueError:  # no commits yet
        return False
    gitdir = repo.gitdir
    stand = f"{gitdir}/{STAND_DATEI}"
    try:
        with open(stand, encoding="ascii") as datei:
            if datei.read().strip() == kopf:
                return False
    except OSError:
        pass
    repo.lies_bytes("commit-graph", "write", "--reachable", "--changed-paths", "--split")
    try:
        with open(stand, "w", encoding="ascii") as datei:
            datei.write(kopf + "\n")
    except OSError:
        pass  # a read-only repository: the graph is just not remembered
    return True
