# A running caller's current line, seen from callees: sys._getframe(1).f_lineno at calls
# on different lines, in loops, after handled exceptions, in methods, generators and
# nested calls, and logging's caller line.
import logging
import sys


def here():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno


def chain():
    f = sys._getframe(1)
    out = []
    while f is not None and f.f_code.co_name != "<module>":
        out.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return out


def lines(n):
    out = [here()]
    for i in range(n):
        out.append(here())
        if i % 2:
            out.append(here())
    try:
        1 / 0
    except ZeroDivisionError:
        out.append(here())
    out.append(
        here()
    )
    return out


print(lines(3))


def inner(a):
    return chain()


def middle(a, b):
    x = a + b
    return inner(x)


def top():
    return middle(1, 2)


print(top())


class Widget:
    def method(self, k):
        first = here()
        second = here()
        return first, second, k


print(Widget().method(5))


def gen():
    yield here()
    yield here()


print(list(gen()))


def arg_line(a, b):
    return a, b


def nested_args():
    return arg_line(here(),
                    here())


print(nested_args())

logging.basicConfig(stream=sys.stdout, format="%(funcName)s:%(lineno)d %(message)s")
log = logging.getLogger("live")


def work(n):
    log.warning("start %d", n)
    total = 0
    for i in range(n):
        total += i
    log.warning("end %d", total)
    return total


work(4)
log.warning("module level")
