# context chain where the handler re-raises a new exception type twice
def parse(s):
    try:
        return int(s)
    except ValueError:
        try:
            return float(s)
        except ValueError:
            raise TypeError(f"not a number: {s!r}")
print(parse("1"), parse("2.5"))
parse("x")
