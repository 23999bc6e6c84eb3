"""perspectives."""
