"""The parts of Benchmarks/compare.py: scales, datasets, processes, answer checks, reports."""
