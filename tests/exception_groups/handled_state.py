# sys.exc_info() and __context__ around except*; handlers see the matched group.
import sys

try:
    raise KeyError("outer")
except KeyError:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("in handler:", repr(sys.exc_info()[1]))
    except* TypeError as tg:
        print("context of group:", repr(tg.__context__))
    print("after try:", repr(sys.exc_info()[1]))
print("outside:", sys.exc_info())

try:
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as vg:
        raise RuntimeError("new")
except RuntimeError as e:
    print("RuntimeError context:", repr(e.__context__))
except ExceptionGroup as eg:
    print("group:", repr(eg), "| member context:", repr(eg.exceptions[0].__context__))
