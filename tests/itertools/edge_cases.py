# Laziness, exhaustion and argument errors of itertools, compared with CPython.
import itertools as it

def noisy(n):
    for i in range(n):
        print("yield", i)
        yield i

# islice consumes only what it needs
s = it.islice(noisy(10), 1, 5, 2)
print(next(s)); print(next(s))
print(list(s))
print(list(it.islice(range(10), None)), list(it.islice(range(10), 3, None)))
# takewhile consumes the failing element
src = iter([1, 2, 10, 3])
print(list(it.takewhile(lambda x: x < 5, src)), list(src))
# chain is lazy over its iterables
c = it.chain(noisy(2), noisy(1))
print(next(c), list(c))
# groupby: a group is invalidated when the parent advances
g = it.groupby("aaabbb")
k, grp = next(g)
next(g)
print(k, list(grp))
# tee copies
a, b, c = it.tee([1, 2, 3], 3)
print(list(a), list(b), next(c), list(it.tee(c)[0]))
print(it.tee([1], 0))
# repeat and count reprs and hints
r = it.repeat(None, 2)
print(r.__length_hint__(), next(r), r.__length_hint__(), repr(r))
print(repr(it.count(2**70, 3)), repr(it.count(-1.5)))
# zip_longest stops when every input is done
print(list(it.zip_longest()), list(it.zip_longest([1], [], fillvalue=0)))
# product of nothing, permutations longer than the pool
print(list(it.product([], [1])), list(it.permutations([1, 2], 3)), list(it.combinations_with_replacement([], 0)))
print(list(it.accumulate([])), list(it.accumulate([], initial=5)), list(it.accumulate("abc")))
print(list(it.starmap(lambda *a: sum(a), [(1, 2), [3, 4, 5]])))
print(list(it.compress(range(10), it.cycle([1, 0]))))
print(list(it.pairwise([])), list(it.pairwise([1])))

class MyChain(it.chain):
    pass
print(type(MyChain([1])).__name__, list(MyChain([1], [2])))
print(it.chain.__module__, it.count.__name__, isinstance(it.count(), it.count))

errors = [
    "it.count(1, 2, 3)", "it.count('a')", "it.cycle()", "it.cycle(1)", "it.repeat()", "it.repeat(1, 'a')",
    "it.accumulate()", "it.chain(x=1)", "list(it.chain(1))", "it.chain.from_iterable()", "it.compress([1])",
    "it.dropwhile(None)", "it.takewhile(1)", "it.filterfalse(None)", "list(it.starmap(len, [1]))",
    "it.groupby()", "it.islice([1])", "it.islice([1], -1)", "it.islice([1], 'a')", "it.islice([1], -1, 2)",
    "it.islice([1], 0, 2, 0)", "it.islice([1], 1, 2, 3, 4)", "it.islice([1], stop=2)", "it.pairwise()",
    "it.tee()", "it.tee([], -1)", "it.zip_longest([], x=1)", "it.product([], repeat=-1)", "it.product([], x=1)",
    "it.permutations([], -1)", "it.permutations([], 'a')", "it.combinations([])", "it.combinations([], -1)",
    "it.repeat(1).__length_hint__()",
]
for e in errors:
    try:
        eval(e)
        print(e, "no error")
    except Exception as x:
        print(e, "->", type(x).__name__, x)
