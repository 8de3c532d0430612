# Exception raised inside except block: __context__ chaining, nested handlers, sys.exc_info.
import sys
def f():
    try:
        raise KeyError("a")
    except KeyError:
        print("exc_info in handler:", sys.exc_info()[0].__name__, repr(sys.exc_info()[1]))
        try:
            raise ValueError("b")
        except ValueError:
            print("inner exc_info:", sys.exc_info()[0].__name__)
        print("restored exc_info:", sys.exc_info()[0].__name__)
    print("after handler:", sys.exc_info())
f()
try:
    try:
        raise KeyError("first")
    except KeyError as k:
        raise ValueError("second")
except ValueError as v:
    ctx = v.__context__
    print(repr(v), repr(ctx), ctx.__context__)
