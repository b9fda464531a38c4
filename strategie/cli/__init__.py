"""The German command line: parser, one module per group of commands, German errors and exit
codes; the terminal app is started from ``app`` (the only place that imports ``tui``).

May import every package of strategie except ``api``.
"""
