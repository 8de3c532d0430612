# Exception during handling of another: both tracebacks with the "During handling" separator.
def parse(s):
    try:
        return int(s)
    except ValueError:
        return fallback[s]
fallback = {"one": 1}
print(parse("5"), parse("one"))
print(parse("two"))
