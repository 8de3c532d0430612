# Return semantics: implicit None, multiple returns, early return in loops, return in nested.
def nothing():
    pass
def early(xs):
    for x in xs:
        if x < 0:
            return x
    return "none negative"
def multi():
    return 1, [2], "3"
def bare():
    return
print(nothing(), early([1, 2, -3, -4]), early([]), multi(), bare())
def classify(n):
    if n < 0:
        return "neg"
    elif n == 0:
        return "zero"
    if n % 2:
        return "odd"
    return "even"
print([classify(n) for n in (-2, 0, 3, 4)])
def find(grid, target):
    for r, row in enumerate(grid):
        for c, v in enumerate(row):
            if v == target:
                return r, c
print(find([[1, 2], [3, 4]], 4), find([[1]], 9))
