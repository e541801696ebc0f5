"""Qt models over the domain's views."""
