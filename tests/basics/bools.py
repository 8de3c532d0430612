# bool semantics: truthiness, and/or short-circuit values, bool as int.
vals = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {1: 2}, None, True, False, set(), range(0), range(1)]
for v in vals:
    print(repr(v), bool(v), not v)
print(True + True, True * 10, False - 1, True / 2, sum([True, True, False]))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" or 0 or [], [] and 1)
print(True == 1, False == 0, True is True, isinstance(True, int), type(True), str(False))
def side(x):
    print("side", x)
    return x
print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) and side(0) or side(3))
print(not 1 == 2, not (1 == 2), (not 1) == 2)
print(True < 2, True > False, [True, 1, 1.0].count(1), hash(True) == hash(1))
