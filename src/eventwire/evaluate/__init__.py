"""Scoring the coder against gold sets in the shared data folder (development evaluation)."""
