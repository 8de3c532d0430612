# _random.Random: CPython's Mersenne Twister sequence for int seeds, getrandbits,
# getstate/setstate round trips, subclassing, and the argument errors.
import _random

r = _random.Random(42)
print([r.random() for _ in range(5)])
print(r.getrandbits(100), r.getrandbits(5), r.getrandbits(32), r.getrandbits(33), r.getrandbits(0))
for s in (0, 1, -7, 2**32, 2**32 - 1, 2**100 + 3, 12345678901234567890, -(2**64)):
    r.seed(s)
    print(s, r.random(), r.getrandbits(64))

st = r.getstate()
a = [r.random() for _ in range(700)]
r.setstate(st)
print(a == [r.random() for _ in range(700)], len(st), type(st).__name__, st[-1])
r2 = _random.Random()
r2.setstate(st)
print(r2.random() == a[0])

# seeds that are not ints use their hash (deterministic for these types)
r.seed(3.0)
x = r.random()
r.seed(3)
print(x == r.random())
r.seed(None)
print(0.0 <= r.random() < 1.0)

class R(_random.Random):
    def __init__(self, x, extra=None):
        super().__init__(x)
        self.extra = extra

s = R(42, extra="kw")
print(s.random(), s.extra, isinstance(s, _random.Random))

for bad in [lambda: r.getrandbits(-1), lambda: r.setstate((1, 2)), lambda: r.setstate([1]),
            lambda: _random.Random(1, 2), lambda: r.getrandbits(1.5),
            lambda: r.setstate(tuple([0] * 624 + [625])), lambda: r.setstate(tuple([-1] * 625)),
            lambda: _random.Random(x=1), lambda: r.seed(1, 2), lambda: r.random(1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(_random.Random.__module__, _random.Random.__name__)
