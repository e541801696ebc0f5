"""Dialogs opened from the screens (payment, settings…), one per module."""
