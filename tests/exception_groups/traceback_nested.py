# Uncaught nested exception groups print CPython's boxed group traceback.
def f():
    raise ValueError("bad value")

def g():
    try:
        f()
    except ValueError as e:
        raise ExceptionGroup("inner", [e, TypeError("t")])

try:
    g()
except ExceptionGroup as e:
    eg = e
raise ExceptionGroup("outer", [eg, KeyError("k"), ExceptionGroup("one", [IndexError(2)])])
