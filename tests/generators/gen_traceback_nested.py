# An exception raised deep in a chain of native generators (for-loop, yield from)
# escapes uncaught: CPython's traceback names every frame, and a
# throw() into the chain first unwinds through each suspended yield.
def inner(n):
    for i in range(n):
        yield i
    raise ValueError("inner exhausted at %d" % n)


def middle(n):
    got = yield from inner(n)
    yield got


def outer(n):
    for x in middle(n):
        yield x * 2


def catcher():
    try:
        yield from outer(2)
    except ValueError as e:
        print("caught in catcher:", e)
        yield "recovered"


print(list(catcher()))

g = outer(5)
print(next(g), next(g))
try:
    g.throw(KeyError("thrown"))
except KeyError as e:
    tb = e.__traceback__
    lines = []
    while tb:
        lines.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("KeyError", e, lines)

total = 0
for v in outer(3):
    total += v
print("not reached", total)
