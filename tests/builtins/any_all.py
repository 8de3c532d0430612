# any/all short-circuit and on empty iterables.
def noisy(v):
    print("check", v)
    return v
print(any([]), all([]), any([0, "", None]), all([1, "a", [0]]), any("abc"), all(""))
print(any(noisy(x) for x in [0, 1, 2]))
print(all(noisy(x) for x in [1, 0, 2]))
print(any(x > 5 for x in range(10)), all(x < 5 for x in range(10)), all(isinstance(x, int) for x in (1, True)))
