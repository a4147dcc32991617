"""Parsed sentences -> actor mentions, dates and coded events. Pure functions over data."""
