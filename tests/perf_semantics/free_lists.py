# Dead floats and list iterators are kept for reuse by the runtime (free lists): a
# reused object must start clean, and a list released by a dying iterator may run
# finalizers that make and drop iterators and floats themselves.

import gc


class Noisy:
    log = []

    def __init__(self, name):
        self.name = name

    def __del__(self):
        # runs while the iterator that held the last reference to the list is freed
        total = 0.0
        for x in [1.5, 2.5, self.name]:
            if isinstance(x, float):
                total += x
        Noisy.log.append((self.name, total))


def iterate_fresh_lists(rounds):
    seen = []
    for r in range(rounds):
        for v in [r, r + 0.5, str(r)]:
            seen.append(v)
    return seen


def last_holder():
    # the iterator is the list's only owner once the loop starts
    out = []
    for n in [Noisy("a"), Noisy("b")]:
        out.append(n.name)
    return out


def partial_iterators():
    xs = [10, 20, 30]
    a = iter(xs)
    next(a)
    del a  # freed mid-list
    b = iter(xs)  # may reuse the dead iterator's block: must start at 0
    return list(b), b.__length_hint__()


def many_floats(n):
    # more dead floats at once than the free list keeps
    vals = [i * 0.25 for i in range(n)]
    s = sum(vals)
    del vals
    again = [i * 0.5 for i in range(n)]
    return s, sum(again), again[-1]


def nested_loops():
    grid = [[i * j for j in range(4)] for i in range(4)]
    acc = []
    for row in grid:
        for v in row:
            for w in row:
                if v == w:
                    acc.append(v)
    return acc


def float_reuse_identity():
    a = 1.25 * 2
    del a
    b = 3.75 * 2
    return b, type(b).__name__


print(iterate_fresh_lists(3))
print(last_holder())
print(Noisy.log)
print(partial_iterators())
print(many_floats(1000))
print(nested_loops())
print(float_reuse_identity())
gc.collect()
it = iter([1, 2])
print(type(it).__name__, list(it), list(it))
