"""A tiny embedded module used by tests/imports/pylib_embedded.py."""


def apply(f, x):
    return f(x)
