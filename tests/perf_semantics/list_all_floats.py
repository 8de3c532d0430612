# Native code reads the items of a list it knows holds only exact floats without testing
# each item (the list's all-floats mark). Every way of putting something else into a
# list must drop the mark: each mutation below leaves a non-float (or a float subclass)
# where the readers then look, and the readers must see the real item. Mutations that
# keep the items floats (sort, reverse, repeat) must keep the numbers right too.

import operator


class Half(float):
    """A float subclass: not an exact float, its own arithmetic."""

    def __mul__(self, other):
        return "Half*" + repr(other)

    __rmul__ = __mul__


def weighted(xs):
    # item reads whose results stay unboxed in float arithmetic
    return xs[0] * 0.5 + xs[1] * 0.25 + xs[2]


def loop_sum(xs, n):
    # a counted loop over a list it only reads as floats (a typed loop copy)
    total = 0.0
    for i in range(n):
        total += xs[i] * 1.5
    return total


def pair_step(pairs):
    # lists bound per iteration, read and updated in place (as nbody's advance)
    for a, b in pairs:
        d = a[0] - b[0]
        a[1] -= d * 0.5
        b[1] += d * 0.25


def show(label, f, *args):
    try:
        print(label, repr(f(*args)))
    except TypeError as e:
        print(label, "TypeError:", e)


def readers(label, xs):
    show(label + " weighted", weighted, xs)
    show(label + " loop_sum", loop_sum, xs, len(xs))


def fresh():
    return [1.0, 2.0, 3.0, 4.0]


def mutations():
    cases = []

    xs = fresh(); xs[2] = 7; cases.append(("store int", xs))
    xs = fresh(); xs[-2] = "s"; cases.append(("store str", xs))
    xs = fresh(); xs[1:2] = [4]; cases.append(("slice assign", xs))
    xs = fresh(); xs[::2] = [5, 6]; cases.append(("extended slice", xs))
    xs = fresh(); xs.insert(1, 9); cases.append(("insert", xs))
    xs = fresh(); xs.append(5); xs[:] = xs[::-1]; cases.append(("append + reverse copy", xs))
    xs = fresh(); xs.extend([1, 2]); xs.reverse(); cases.append(("extend + reverse", xs))
    xs = fresh(); xs += [3]; xs.sort(key=lambda v: -v); cases.append(("iadd + sort", xs))
    xs = fresh(); list.__setitem__(xs, 0, 2); cases.append(("list.__setitem__", xs))
    xs = fresh(); operator.setitem(xs, 1, None); cases.append(("operator.setitem None", xs))
    xs = fresh(); xs[0] = True; cases.append(("store bool", xs))
    xs = fresh(); xs[0] = Half(1.5); cases.append(("store float subclass", xs))
    xs = fresh(); del xs[0]; xs.insert(0, 10); cases.append(("del + insert", xs))
    xs = fresh(); xs.clear(); xs.extend([1.0, 2, 3.0]); cases.append(("clear + extend", xs))
    xs = []; xs.append(1.0); xs.append(2); xs.append(3.0); cases.append(("appends", xs))
    xs = [float(i) for i in range(4)]; xs[1] = "a"; cases.append(("comprehension", xs))
    xs = [0.5] * 4; xs[2] = 1; cases.append(("repeat", xs))
    xs = list(map(float, "1234")); xs[0] = 2 ** 70; cases.append(("map + big int", xs))
    xs = fresh()[:]; xs[1] = 3 + 4j; cases.append(("copy + complex", xs))
    xs = fresh(); xs.pop(); xs.append(-1); cases.append(("pop + append int", xs))
    ys = fresh(); ys.remove(2.0); ys.append(7); cases.append(("remove + append", ys))
    return cases


for label, xs in mutations():
    readers(label, xs)

# mutations that keep only floats: the numbers must follow the items
xs = fresh(); xs.sort(reverse=True); readers("sorted floats", xs)
xs = fresh(); xs *= 2; readers("imul floats", xs)
xs = fresh(); xs.reverse(); xs[3] = 0.125; readers("reversed floats", xs)
xs = fresh(); xs[1:3] = [9.5, 8.5]; readers("slice floats", xs)

# a list the readers saw marked, then changed, then read again
xs = fresh()
readers("before", xs)
xs[3] = 40
readers("after int", xs)
xs[3] = 40.0
readers("float again", xs)
xs.sort()
readers("sorted again", xs)

# lists bound per iteration: a non-float item in one of them, a float shared with
# another list (updated in place only when nothing else holds it), a float subclass
shared = 0.5
p1 = [1.0, shared]
p2 = [0.25, 2.0]
p3 = [3.0, 1.0]
pairs = [(p1, p2), (p2, p3), (p3, p1)]
for step in range(3):
    pair_step(pairs)
print("pairs", p1, p2, p3, "shared", shared)

p2[0] = 1
pair_step(pairs)
print("int item", p1, p2, p3)

p3[1] = Half(0.5)
try:
    pair_step(pairs)
except TypeError as e:
    print("subclass item TypeError:", e)
print("subclass item", p1, p2, p3)

p3[1] = 2.0
p2.append("tail")  # an item no reader looks at
pair_step(pairs)
print("tail item", p1, p2, p3)

# a long list: mark dropped by a sort, found again by the loop's rescan
big = [float(i % 17) for i in range(1000)]
big.sort()
print("big", loop_sum(big, len(big)), weighted(big))
big[999] = 17
print("big int", loop_sum(big, len(big)))
big[999] = "x"
show("big str", loop_sum, big, len(big))

# a list bound per iteration shorter than the constant indexes the loop uses: the
# statements before the failing access still run, then IndexError
short = [5.0]
try:
    pair_step([(p1, p3), (p1, short)])
except IndexError as e:
    print("short list IndexError:", e)
print("after short", p1, p3, short)
