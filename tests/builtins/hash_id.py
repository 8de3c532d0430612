# hash consistency (never printing str hashes), hash of ints, id only for identity comparisons.
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61))
print(hash(12345), hash(-12345), hash(10 ** 20) == hash(10 ** 20), hash(1.5), hash(-0.5))
print(hash("abc") == hash("abc"), hash("abc") == hash("".join(["a", "bc"])), hash((1, "a")) == hash((1, "a")))
print(hash(None) == hash(None), hash(()) == hash(()), hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is c, id(None) == id(None))
for bad in ([], {}, set()):
    try:
        hash(bad)
    except TypeError as e:
        print("TypeError", e)
