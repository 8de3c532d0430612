# Typed loop copies reading closure cells and testing list items for truth
# (codegen/versioned.rs): nqueens' `if cols[col] or diag[d]: continue` runs in a copy
# that reads the cells once on entering and leaves for everything else. Results must
# not change.


def queens(n):
    cols = [False] * n
    diag_down = [False] * (2 * n)
    diag_up = [False] * (2 * n)
    placement = [0] * n

    def place(row):
        if row == n:
            return 1
        total = 0
        for col in range(n):
            d1 = row + col
            d2 = row - col + n
            if cols[col] or diag_down[d1] or diag_up[d2]:
                continue
            cols[col] = diag_down[d1] = diag_up[d2] = True
            placement[row] = col
            total += place(row + 1)
            cols[col] = diag_down[d1] = diag_up[d2] = False
        return total

    return place(0)


print([queens(n) for n in range(1, 9)])


class Truthy:
    def __init__(self, v):
        self.v = v

    def __bool__(self):
        print("bool", self.v)
        return self.v


class Broken:
    def __bool__(self):
        raise ValueError("no truth")


def count_true(flags, picks):
    def run():
        hits = 0
        for i in range(len(picks)):
            k = picks[i]
            if flags[k]:
                continue
            hits += 1
        return hits
    return run()


print(count_true([True, False, 0, 1, 2 ** 70, None, "", "x", [], [0], 0.0, -1], list(range(12))))
print(count_true([Truthy(True), Truthy(False), True], [0, 1, 2, 1]))
try:
    count_true([False, Broken()], [0, 1, 0])
except ValueError as e:
    print("ValueError", e)
try:
    count_true([False, True], [0, 1, 5])
except IndexError as e:
    print("IndexError", e)


# a cell rebound by the generic part of the loop, and one not bound yet
def rebinding():
    table = [False, True, False]
    seen = []

    def scan():
        nonlocal table
        for i in range(6):
            if table[i % 3]:
                continue
            seen.append(i)
            table = [True, False, True] if table[0] is False else [False, True, False]
    scan()
    return seen


print(rebinding())


def unbound_cell():
    def scan():
        total = 0
        for i in range(3):
            if late[i]:
                continue
            total += 1
        return total
    try:
        print(scan())
    except NameError as e:
        print("NameError", e)
    late = [True, False, True]
    print(scan())


unbound_cell()


# a local given an f64 home that the loop binds to ints
def mixed(rows, n):
    x = 0.5
    out = []
    for i in range(n):
        x = i + 1
        y = x * 2
        out.append(y)
    return out, x


print(mixed([], 4), mixed([], 0))
