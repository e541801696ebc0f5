"""Data only: translations, icons, styles, demo data."""
