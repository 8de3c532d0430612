# A running frame's state seen from a callee: f_locals and f_lineno of callers
# (logging's findCaller, warnings' stacklevel, inspect.stack).
import sys

def locals_of_caller():
    return sorted(sys._getframe(1).f_locals.items())


def with_locals(x, y=2):
    z = x + y
    return locals_of_caller()


print(with_locals(1))



def where():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno


def caller():
    x = 1
    return where()


print(caller())
print(where())
