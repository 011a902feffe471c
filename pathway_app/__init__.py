"""Pathway Planner: plan a young person's move from care into adult life, with them."""

__version__ = "0.1.0"
