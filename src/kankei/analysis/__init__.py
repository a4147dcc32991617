"""Analyses over stored events: evaluation against gold, series."""
