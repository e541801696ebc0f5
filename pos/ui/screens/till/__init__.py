"""The till screen's parts: what it shows about the sale, and the product search."""
