"""The stock screen's panels and its adjustment dialog."""
