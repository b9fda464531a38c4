"""Widgets of the app: goal list (Line API), detail pane, column header."""
