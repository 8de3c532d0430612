# raise ... from ... sets __cause__ and __suppress_context__
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, type(e.__context__).__name__)
try:
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("no cause") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__, repr(e.__context__))
try:
    raise TypeError("x") from ValueError("explicit cause")
except TypeError as e:
    print(repr(e.__cause__), e.__context__)
try:
    raise TypeError from KeyError
except TypeError as e:
    print(repr(e), repr(e.__cause__))
try:
    raise TypeError("x") from 5
except TypeError as e:
    print(type(e).__name__, e)
e = ValueError("manual")
e.__cause__ = KeyError("k")
print(e.__suppress_context__, repr(e.__cause__))
