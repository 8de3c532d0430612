# Tracebacks through three native frames reached by register-argument calls, caught and
# printed, then uncaught.
import traceback


def level3(x, y):
    return divmod(x, y)


def level2(x, y):
    return level3(x, y)[0] + 1


def level1(x, y):
    return level2(x, y) * 2


print(level1(10, 3))
try:
    level1(1, 0)
except ZeroDivisionError:
    tb = traceback.format_exc().splitlines()
    print("\n".join(line for line in tb if not line.strip().startswith("File")))


def check(n, limit):
    if n > limit:
        raise ValueError(f"{n} > {limit}")
    return n


def walk(n, limit):
    total = 0
    for i in range(n):
        total += check(i, limit)
    return total


print(walk(5, 10))
print(level1(7, 2), walk(3, 1))
