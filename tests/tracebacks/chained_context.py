# "During handling of the above exception" chained traceback
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise ValueError(f"bad key {k!r}")
lookup({}, "missing")
