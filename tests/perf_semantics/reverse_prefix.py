# `p[:k + 1] = p[k::-1]` (fannkuch's flip) reverses the first k + 1 items of an exact
# list in place when 0 <= k < len(p); every other case must run the two slices as
# CPython does (negative k, k past the end, other types, subclasses, errors).


class Item:
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return f"I{self.n}"

    def __del__(self):
        print("freed", self.n)


class Spy(list):
    def __getitem__(self, i):
        print("getitem", i)
        return list.__getitem__(self, i)

    def __setitem__(self, i, v):
        print("setitem", i, v)
        list.__setitem__(self, i, v)


def flip(p, k):
    p[:k + 1] = p[k::-1]
    return p


for k in range(-7, 8):
    print(k, flip(list(range(5)), k))
print(flip([], 0), flip([], -1), flip([9], 0))
print(flip(list("abcdef"), 2 ** 70), flip(list("abcdef"), -(2 ** 70)))
print(flip(list("abcdef"), True), flip(list("abcdef"), False))
print(flip(Spy([1, 2, 3, 4]), 2))
for bad in [(1, 2, 3), "abc", None, {0: 1}]:
    try:
        print(flip(bad, 1))
    except TypeError as e:
        print("TypeError:", e)
for k in (1.0, "1", None):
    try:
        print(flip([1, 2, 3], k))
    except TypeError as e:
        print("TypeError:", e)

# identities kept, nothing freed by the flip itself
items = [Item(i) for i in range(4)]
before = [id(x) for x in items]
flip(items, 3)
print(items, sorted(id(x) for x in items) == sorted(before))
flip(items, 1)
print(items)
del items
print("items gone")


# the flip in a loop, the way fannkuch runs it
def flips(perm):
    n = 0
    k = perm[0]
    while k != 0:
        perm[:k + 1] = perm[k::-1]
        n += 1
        k = perm[0]
    return n, perm


print(flips([3, 1, 4, 0, 2]), flips([2, 0, 1]), flips([0]))


def rebinding(p, k):
    # another statement between the two slices: not the fused form
    t = p[k::-1]
    p[:k + 1] = t
    return p


print(rebinding([1, 2, 3, 4], 2))
