# Exceptions inside comprehensions propagate; partial results discarded; nested function in comp.
def safe_int(s):
    try:
        return int(s)
    except ValueError:
        return None
print([safe_int(s) for s in ["1", "x", "3"]])
try:
    r = [10 // x for x in [1, 2, 0, 4]]
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    d = {k: {"a": 1}[k] for k in "ab"}
except KeyError as e:
    print("KeyError", e)
print([[f(x) for f in (abs, str, lambda v: v * v)] for x in (-2, 3)])
