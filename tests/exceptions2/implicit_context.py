# implicit exception context (__context__) in except and finally blocks
try:
    try:
        raise KeyError("first")
    except KeyError:
        raise ValueError("second")
except ValueError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)
try:
    try:
        raise KeyError("a")
    finally:
        raise IndexError("b")
except IndexError as e:
    print(repr(e.__context__))
def f():
    try:
        raise OSError("inner")
    except OSError:
        return g()
def g():
    raise RuntimeError("from g")
try:
    f()
except RuntimeError as e:
    print(repr(e.__context__))
try:
    err = ValueError("same")
    try:
        raise err
    except ValueError:
        raise err
except ValueError as e:
    print(e.__context__ is None)
try:
    try:
        raise KeyError(1)
    except KeyError as k:
        pass
    raise ValueError("after handled")
except ValueError as e:
    print(e.__context__)
