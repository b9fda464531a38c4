"""The domain model: the field specification of a goal file, goals and frames as data, typed
values from user input, changes as operations, Befunde, field-level comparison, JSON Schema.

May import: ``text``. Reads and writes no files and starts no processes.
"""
