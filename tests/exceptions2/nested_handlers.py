# nested try blocks, exceptions in handlers, sys.exc_info
import sys
def show():
    t, v, tb = sys.exc_info()
    print(t.__name__ if t else None, v)
show()
try:
    raise KeyError("outer")
except KeyError:
    show()
    try:
        raise ValueError("inner")
    except ValueError:
        show()
    show()
show()
def gen_exc():
    try:
        raise IndexError("gen")
    except IndexError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
g = gen_exc()
print(next(g))
print(sys.exc_info())
print(next(g))
print(sys.exception() if hasattr(sys, "exception") else "no sys.exception")
