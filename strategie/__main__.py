"""``python -m strategie`` runs the command line."""

from strategie.cli.main import main

raise SystemExit(main())
