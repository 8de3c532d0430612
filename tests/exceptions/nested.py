# Nested try blocks, re-raise with bare raise, exception propagating through inner finally.
def inner(x):
    try:
        try:
            if x == 0:
                raise ZeroDivisionError("inner zero")
            return 10 // x
        finally:
            print("inner finally", x)
    except KeyError:
        print("never")
def outer(x):
    try:
        return inner(x)
    except ZeroDivisionError as e:
        print("outer caught", e)
        return -1
print(outer(2), outer(0))
def reraiser():
    try:
        {}["k"]
    except KeyError:
        print("logging, then re-raise")
        raise
try:
    reraiser()
except KeyError as e:
    print("got", repr(e))
try:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as t:
            print("inner handled", t)
        raise
except ValueError as v:
    print("outer handled", v)
