# tb_frame.f_locals of frames an exception left through one of their own handlers: the
# end of a `finally`, a bare `raise` in `except`, a `with` block whose __exit__ declines,
# nested handlers, a handler that raises anew, and frames left without any handler.
# (Generator frames are left out: pyc keeps no locals of a finished generator frame.)
import sys


def names(tb):
    out = []
    while tb is not None:
        f = tb.tb_frame
        out.append((f.f_code.co_name, sorted(k for k in f.f_locals if not k.startswith("@"))))
        tb = tb.tb_next
    return out


def run(fn, *args):
    try:
        fn(*args)
    except BaseException as e:
        print(fn.__name__, type(e).__name__, names(e.__traceback__)[1:])


def via_finally(x):
    y = x * 2
    try:
        raise ValueError(y)
    finally:
        z = 3


def via_bare_raise(x):
    items = [x]
    try:
        {}[x]
    except KeyError:
        caught = True
        raise


def via_with(x):
    class Quiet:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

    with Quiet() as q:
        w = x + 1
        raise RuntimeError(w)


def nested(x):
    a = 1
    try:
        try:
            1 / 0
        finally:
            b = 2
    except ZeroDivisionError:
        c = 3
        raise


def raises_anew(x):
    try:
        raise KeyError(x)
    except KeyError:
        d = 4
        raise IndexError(x)


def no_handler(x):
    e = x - 1
    return [][e]


def two_levels(x):
    m = "mid"
    try:
        via_finally(x)
    finally:
        n = "after"


def caught_then_raised_later(x):
    try:
        raise TypeError("first")
    except TypeError as err:
        saved = err
    later = 5
    raise saved


def inspected_while_running(x):
    try:
        raise LookupError(x)
    except LookupError as err:
        frame = err.__traceback__.tb_frame
        print("running:", sorted(k for k in frame.f_locals if k != "frame"))
        late = 6
        raise


def cleared(x):
    try:
        raise OSError(x)
    finally:
        k = 7


for fn in (via_finally, via_bare_raise, via_with, nested, raises_anew, no_handler,
           two_levels, caught_then_raised_later, inspected_while_running):
    run(fn, 10)

try:
    cleared(1)
except OSError as e:
    f = e.__traceback__.tb_next.tb_frame
    print(sorted(f.f_locals))
    f.clear()
    print(sorted(f.f_locals))


def deep(n):
    if n == 0:
        raise ValueError("bottom")
    try:
        deep(n - 1)
    finally:
        level = n


try:
    deep(3)
except ValueError as e:
    print(names(e.__traceback__)[1:])
