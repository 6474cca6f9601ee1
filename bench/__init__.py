"""Benchmarks (``make bench``); results are recorded in docs/BENCHMARKS.md."""
