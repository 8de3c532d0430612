# Modules embedded from runtime/pylib behave like C modules: importable anywhere, and
# their frames do not appear in tracebacks.
try:
    from _pyc_selftest import apply
except ImportError:  # CPython has no such module; operator.call is C code too
    from operator import call as apply

print(apply(lambda v: v * 2, 21))


def boom(v):
    return 1 / v


apply(boom, 0)
