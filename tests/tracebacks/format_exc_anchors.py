# traceback.format_exc/print_exc place `~` and `^` under the operator or subscript of
# the failing expression, as the interpreter's own report does (traceback.py parses the
# segment with `ast`).
import traceback


def subscript(d, k):
    return d[k]


def nested(t):
    return t[0][1]


def binop(a, b):
    return a[b] // a[0]


def spaced(x, y):
    return x   +   y


def whole_line(m):
    m.missing()


for fn, args in [(subscript, ({}, "k")), (nested, ([[]],)), (binop, ([0], 0)), (spaced, (1, "s")), (whole_line, (object(),))]:
    try:
        fn(*args)
    except Exception:
        print(traceback.format_exc().replace(__file__, "FILE"))
