# functools (lru_cache, partial, reduce, wraps, total_ordering, singledispatch, cached_property), itertools, heapq, bisect.
import functools
import itertools
import heapq
import bisect
import operator
import typing  # singledispatch.register imports typing lazily (not followed by the module graph yet)


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(80), fib.cache_info())
fib.cache_clear()
print(fib.cache_info())


@functools.lru_cache(maxsize=2)
def square(x):
    print("computing", x)
    return x * x


for v in [1, 2, 1, 3, 2, 1]:
    square(v)
print(square.cache_info(), square.__wrapped__(5))


def logged(f):
    @functools.wraps(f)
    def inner(*a, **k):
        return f(*a, **k)
    return inner


@logged
def greet(name, punct="!"):
    """Say hi."""
    return "hi " + name + punct


print(greet.__name__, greet.__doc__, greet("x"), functools.partial(greet, punct="?")("y"))
print(functools.reduce(operator.mul, range(1, 10)), functools.reduce(lambda a, b: a + b, [], 0))


@functools.total_ordering
class Money:
    def __init__(self, c):
        self.c = c
    def __eq__(self, o):
        return self.c == o.c
    def __lt__(self, o):
        return self.c < o.c


print(Money(1) <= Money(2), Money(3) > Money(2), Money(2) >= Money(2))


@functools.singledispatch
def show(x):
    return "object"


@show.register
def _(x: int):
    return "int"


@show.register(list)
def _(x):
    return "list"


print(show(1), show([1]), show("s"), show(True))


class Data:
    @functools.cached_property
    def heavy(self):
        print("computed once")
        return 42


d = Data()
print(d.heavy, d.heavy, functools.cmp_to_key(lambda a, b: b - a)(1) < functools.cmp_to_key(lambda a, b: b - a)(2))
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: b - a)))

print(list(itertools.islice(itertools.count(10, 5), 4)), list(itertools.accumulate([1, 2, 3, 4], operator.mul)))
print(list(itertools.chain.from_iterable(["ab", "cd"])), list(itertools.compress("abcdef", [1, 0, 1, 0, 1])))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdd")], list(itertools.pairwise("abcd")))
print(list(itertools.product("ab", repeat=2)), list(itertools.combinations(range(4), 2)))
print(list(itertools.permutations("abc", 2)), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])))
a, b = itertools.tee(iter([1, 2, 3]))
print(list(a), list(b), list(itertools.repeat("x", 3)), list(itertools.filterfalse(None, [0, 1, 0, 2])))

heap = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(heap, x)
print(heap, heapq.heappop(heap), heapq.nlargest(2, heap), heapq.nsmallest(2, heap), heapq.heappushpop(heap, 0))
tasks = [(3, "write"), (1, "plan"), (2, "code")]
heapq.heapify(tasks)
print([heapq.heappop(tasks)[1] for _ in range(3)], list(heapq.merge([1, 4, 7], [2, 5, 8])))
grades = [60, 70, 80, 90]
print([("FDCBA"[bisect.bisect(grades, s)]) for s in [33, 60, 75, 99]], bisect.bisect_left(grades, 70))
srt = []
for x in [5, 1, 4]:
    bisect.insort(srt, x)
print(srt, bisect.bisect_right(srt, 4, key=None))
