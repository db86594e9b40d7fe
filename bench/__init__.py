"""Benchmarks run by ``make bench`` (``bench/run.py``); one module per section."""
