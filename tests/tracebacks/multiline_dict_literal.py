# traceback for an error inside a multi-line dict literal
def build(a):
    return {
        "a": a,
        "b": a / 0,
        "c": 3,
    }
build(1)
