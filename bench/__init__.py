"""Benchmarks for cupql: latency, SQL statements and peak memory of the contract queries (`python -m bench.run`)."""
