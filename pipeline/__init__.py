"""Lagebild: German news articles in, normalised Parquet tables out."""

__version__ = "0.1.0"
