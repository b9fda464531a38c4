"""The German command line ``strategie``: one module per group of commands."""
