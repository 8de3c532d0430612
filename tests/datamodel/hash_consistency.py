# hashes of equal values across types are equal; hash of user objects is stable
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(-0.0))
print(hash(2 ** 61 - 1) == hash(0), hash(2 ** 61) == hash(1), hash(-1) == hash(-2))
print(hash(1.5) == hash(1.5), hash(float("inf")), hash(float("-inf")))
print(hash((1, 2)) == hash((1.0, 2.0)), hash(frozenset({1, 2})) == hash(frozenset({2.0, 1.0})))
print(hash(complex(1, 0)) == hash(1), hash(10 ** 30) == hash(10 ** 30 % (2 ** 61 - 1)))
class O: pass
o = O()
print(hash(o) == hash(o), {o: 1}[o])
