# Nested groups with except*, tuples of types, handler order and the 'as' name.
def raise_nested():
    raise ExceptionGroup("root", [
        ValueError("a"),
        ExceptionGroup("sub", [TypeError("b"), ValueError("c")]),
        OSError("d"),
    ])

try:
    raise_nested()
except* (TypeError, OSError) as eg:
    print("types/os:", repr(eg))
except* ValueError as eg:
    print("values:", repr(eg))
    print("leaves:", [str(x) for x in eg.exceptions])

try:
    eg
except NameError as e:
    print("NameError:", e)

# a handler that matches nothing is skipped
try:
    raise ExceptionGroup("g", [ValueError(1)])
except* KeyError:
    print("no")
except* ValueError:
    print("value handled")

# exceptions raised by several handlers are combined
try:
    try:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise KeyError("from value handler")
    except* TypeError:
        raise IndexError("from type handler")
except ExceptionGroup as e:
    print("combined:", repr(e))

# except* inside a loop and a function
def process(batches):
    handled = []
    for b in batches:
        try:
            if b:
                raise ExceptionGroup("batch", [ValueError(x) for x in b])
        except* ValueError as eg:
            handled.append(len(eg.exceptions))
    return handled
print(process([[1, 2], [], [3]]))

# BaseExceptionGroup with except*
try:
    raise BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(5)])
except* KeyboardInterrupt as eg:
    print("KI:", type(eg).__name__, repr(eg.exceptions))
except* ValueError as eg:
    print("VE:", type(eg).__name__, repr(eg.exceptions))
