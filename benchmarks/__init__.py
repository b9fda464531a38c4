"""Benchmarks that compare our operations with floors measured in the same run."""
