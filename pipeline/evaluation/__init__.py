"""Measurement: `make eval` (accuracy against gold) and `make bench` (speed and memory)."""
