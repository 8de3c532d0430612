"""A small package used by tests/stdlib_programs/local_package.py (relative imports)."""
from .models import Product, Cart
from .util import money

__all__ = ["Product", "Cart", "money", "VERSION"]
VERSION = "1.2"
