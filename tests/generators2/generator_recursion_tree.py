# recursive generators for permutations, combinations and powerset
def perms(xs):
    if len(xs) <= 1:
        yield list(xs)
        return
    for i, x in enumerate(xs):
        for p in perms(xs[:i] + xs[i + 1:]):
            yield [x] + p
def combos(xs, k):
    if k == 0:
        yield []
        return
    for i in range(len(xs)):
        for c in combos(xs[i + 1:], k - 1):
            yield [xs[i]] + c
def powerset(xs):
    if not xs:
        yield []
        return
    for rest in powerset(xs[1:]):
        yield rest
        yield [xs[0]] + rest
print(list(perms([1, 2, 3])))
print(list(combos("abcd", 2)))
print(sorted(powerset([1, 2, 3]), key=lambda s: (len(s), s)))
print(sum(1 for _ in perms(list(range(6)))))
