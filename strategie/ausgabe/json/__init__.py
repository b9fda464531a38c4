"""JSON for scripts: one encoder, the goal list, history entries, the report and its schema.

Keys are German and stable (documented in the README); nothing here imports Rich.
"""
