"""Traceback entries added while an exception unwinds through frames: tb_lineno /
tb_frame / f_locals of every entry, a re-raised exception keeping and extending its
traceback, implicit __context__ set once (on the first entry), finally blocks
re-raising, an exception raised inside __init__, and sys.exc_info()."""
import sys
import traceback


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class BadInit(Exception):
    def __init__(self, code):
        raise ValueError("init failed %d" % code)


def check(i):
    local_in_check = i * 2
    if i % 2:
        raise AppError(i)
    raise BadInit(i)


def middle(i):
    m = [i]
    return check(i) + 1


def outer(i, stats):
    try:
        return middle(i)
    finally:
        stats[0] += 1


# Frames whose locals are shown (outer and reraise unwound through a handler of their
# own: a `finally`, an `except ... raise`; tests/tracebacks/exit_locals.py has more).
SHOWN = {"check", "middle", "__init__", "main", "finally_raise", "outer", "reraise"}


def entries(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        f = tb.tb_frame
        names = sorted(k for k in f.f_locals if not k.startswith("__")) if f.f_code.co_name in SHOWN else None
        out.append((f.f_code.co_name, tb.tb_lineno, names))
        tb = tb.tb_next
    return out


def reraise(i):
    try:
        outer(i, [0])
    except AppError as e:
        print("inner", entries(e))
        raise


def context_chain():
    try:
        raise KeyError("first")
    except KeyError:
        try:
            middle(1)
        except AppError as e:
            print("context", repr(e.__context__), e.__suppress_context__, e.__cause__)
            print("exc_info", sys.exc_info()[0].__name__, sys.exc_info()[1] is e)
        print("after", sys.exc_info()[0].__name__)
    print("outside", sys.exc_info())


def finally_raise():
    try:
        try:
            middle(3)
        finally:
            raise RuntimeError("from finally")
    except RuntimeError as e:
        print("finally", entries(e), repr(e.__context__))
        traceback.print_exception(e, file=sys.stdout)


def main():
    stats = [0]
    for i in range(4):
        try:
            outer(i, stats)
        except AppError as e:
            print("AppError", e.code, e.args, str(e), repr(e), entries(e))
        except ValueError as e:
            print("ValueError", e.args, entries(e), repr(e.__context__))
    print("stats", stats)
    try:
        reraise(5)
    except AppError as e:
        print("outer", entries(e))
        traceback.print_exc(file=sys.stdout)
    context_chain()
    finally_raise()
    e = AppError(9)
    for k in range(3):
        try:
            raise e
        except AppError:
            pass
    print("raised thrice", len(entries(e)))
    outer(1, stats)


main()
