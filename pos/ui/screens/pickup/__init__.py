"""The pickup desk screen's views: desk, picking, handover, and what they share."""
