"""Comptoir: the store-side point of sale and click-and-collect desk."""

__version__ = "0.1.0"
