# truthiness and len of built-in containers and their subclasses
class L(list): pass
class D(dict):
    def __len__(self):
        return 99
for v in [[], [0], (), (None,), {}, {0: 0}, set(), {0}, "", " ", b"", bytearray(b"x"), range(0), range(1), L(), L([1]), D()]:
    print(type(v).__name__, bool(v), len(v))
print(bool(D()), len(D()), D() == {})
