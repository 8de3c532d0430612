# Frame objects: tb_frame globals, f_back chains, f_locals of running frames, clear().
import sys

MARK = "module-global"


def who_called():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_back.f_code.co_name if f.f_back else None


def outer():
    return who_called()


print(outer())
print(who_called())


def chain():
    names = []
    f = sys._getframe()
    while f is not None:
        names.append(f.f_code.co_name)
        f = f.f_back
    return names


def a():
    return b()


def b():
    return chain()


print(a())


def fail(n):
    if n == 0:
        raise ValueError("deep")
    return fail(n - 1)


try:
    fail(2)
except ValueError as e:
    tb = e.__traceback__
    rows = []
    while tb is not None:
        fr = tb.tb_frame
        rows.append((fr.f_code.co_name, tb.tb_lineno, fr.f_globals.get("MARK"), fr.f_globals is globals()))
        tb = tb.tb_next
    print(rows)
    # The module frame is still running: CPython refuses to clear it; finished ones clear.
    try:
        e.__traceback__.tb_frame.clear()
    except RuntimeError as err:
        print("RuntimeError:", err)
    e.__traceback__.tb_next.tb_frame.clear()
    print("cleared a finished frame")


class K:
    def m(self):
        pass

    def documented(self):
        "a docstring"


print(K().m.__doc__, K.m.__doc__, K().documented.__doc__, K.__doc__)
print(type(sys._getframe()).__name__)
