# Exception objects created and caught in hot loops: attributes, args, context,
# cause, traceback entries and their line numbers, KeyError from dict subscripts.
import sys


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class NotFound(AppError):
    pass


def check(i):
    if i % 7 == 0:
        raise NotFound(i)
    if i % 13 == 0:
        raise ValueError("bad value")
    return i


def middle(i):
    return check(i) + 1


def tb_lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


seen = {}
for i in range(200):
    try:
        middle(i)
    except NotFound as e:
        key = ("NotFound", e.args, e.code, isinstance(e, AppError), e.__context__, e.__cause__)
        seen.setdefault("nf", key)
        assert e.code == i and e.args == (i,)
        assert tb_lines(e) == [("<module>", 40), ("middle", 25), ("check", 18)], tb_lines(e)
    except ValueError as e:
        seen.setdefault("ve", (str(e), e.args, tb_lines(e)))
print(seen)

# context is set when raising inside a handler, cause with "from"
last = None
for i in range(100):
    try:
        try:
            {}[i]
        except KeyError as k:
            raise RuntimeError("wrapped %d" % i) from (k if i % 2 else None)
    except RuntimeError as e:
        last = (str(e), repr(e.__context__), repr(e.__cause__), e.__suppress_context__)
print(last)

# KeyError args keep the key object; a missing key in a loop
d = {}
errs = 0
for i in range(1000):
    try:
        d[i % 10] += 1
    except KeyError as e:
        errs += 1
        assert e.args == (i % 10,)
        d[i % 10] = 1
print(errs, d, repr(KeyError("x")), str(KeyError("x")), str(KeyError()))

# the exception variable is cleared after the handler; sys.exc_info inside
e = None
try:
    raise NotFound(5)
except AppError as e:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1].code)
print("e" in dir(), sys.exc_info())

# many live exceptions (not just the last one) keep their own tracebacks
kept = []
for i in range(0, 70, 7):
    try:
        middle(i)
    except NotFound as e:
        kept.append(e)
print([(x.code, len(tb_lines(x))) for x in kept])
try:
    raise kept[3]
except NotFound as e:
    print(e.code, [ln for _, ln in tb_lines(e)])

# uncaught: full traceback to stderr, exit status 1
middle(49)
