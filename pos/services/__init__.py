"""Use cases the UI and scripts call: checkout, demo store… No Qt."""
