# raise ... from None hides the context in the traceback
def f():
    try:
        [][0]
    except IndexError:
        raise KeyError("clean") from None
f()
