# try/except* semantics: splitting, wrapping, re-raising, raising in handlers.
def raiser():
    raise ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"), OSError("o")])

try:
    try:
        raiser()
    except* ValueError as eg:
        print("ValueErrors:", repr(eg))
    except* TypeError as eg:
        print("TypeErrors:", repr(eg))
except ExceptionGroup as rest:
    print("unhandled:", repr(rest))

# a naked exception gets wrapped
try:
    raise KeyError("k")
except* KeyError as eg:
    print("wrapped:", type(eg).__name__, repr(eg.exceptions))

# everything handled -> no exception; else runs only without exception
try:
    pass
except* ValueError:
    print("no")
else:
    print("else ran")

# raising inside an except* handler
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise RuntimeError("from handler")
except ExceptionGroup as e:
    print("combined:", repr(e))
    print([type(x).__name__ for x in e.exceptions])

# bare raise in the handler re-raises the matched part
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("re-raising")
        raise
except ExceptionGroup as e:
    print("reraised:", repr(e))

# naked exception not matched passes through unchanged
try:
    try:
        raise IndexError("idx")
    except* ValueError:
        print("no")
except IndexError as e:
    print("plain IndexError:", e)

# sys.exc_info() inside the handler is the matched group
import sys
try:
    raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
except* ValueError:
    print("exc_info:", repr(sys.exc_info()[1]))

# finally runs
def f():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as e:
        print("handled", e.exceptions)
    finally:
        print("finally")
f()
