"""Receipts as plain data and as laid-out text, independent of any printer or of the app."""
