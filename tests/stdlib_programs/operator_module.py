# operator: the functions of _operator, itemgetter/attrgetter/methodcaller (reprs, reduce, errors).
import operator
from operator import itemgetter, attrgetter, methodcaller

print(operator.add(2, 3), operator.sub(2, 3), operator.mul("ab", 2), operator.truediv(7, 2), operator.floordiv(7, 2))
print(operator.mod(7, 3), operator.pow(2, 10), operator.lshift(1, 5), operator.rshift(64, 2), operator.and_(12, 10))
print(operator.or_(12, 10), operator.xor(12, 10), operator.neg(5), operator.pos(-5), operator.invert(5), operator.inv(0))
print(operator.abs(-3.5), operator.not_(0), operator.truth([1]), operator.index(7), operator.is_(None, None), operator.is_not(1, None))
print(operator.lt(1, 2), operator.le(2, 2), operator.eq(1, 1.0), operator.ne(1, 2), operator.gt(1, 2), operator.ge(3, 2))
print(operator.concat([1], [2]), operator.contains("abc", "b"), operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"))
d = {"a": 1}
operator.setitem(d, "b", 2)
operator.delitem(d, "a")
print(d, operator.getitem(d, "b"), operator.getitem([1, 2, 3], slice(1, None)))
x = [1]
print(operator.iadd(x, [2]) is x, x, operator.iconcat(x, [3]), operator.imul(3, 4), operator.ipow(2, 3), operator.isub(5, 1))
print(operator.ior({1}, {2}), operator.iand(6, 3), operator.ixor(6, 3), operator.ilshift(1, 3), operator.irshift(8, 1))
print(operator.imod(7, 4), operator.ifloordiv(7, 2), operator.itruediv(1, 4))
print(operator.length_hint([1, 2]), operator.length_hint(iter([1, 2, 3])), operator.length_hint(x for x in []), operator.length_hint(5, 9))
print(operator.call(abs, -3), operator.call(dict, a=1), operator.__add__(1, 2), operator.__not__(1))
import _operator
print(_operator._compare_digest(b"ab", b"ab"), _operator._compare_digest("ab", "ac"))

rows = [("b", 2, "x"), ("a", 3, "y"), ("c", 1, "z")]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0, 2)))
print(itemgetter(1)("abc"), itemgetter(slice(1, None))("abc"), itemgetter("k", "j")({"k": 1, "j": 2}))

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
        self.inner = self if x == 0 else None
    def scaled(self, k, *, plus=0):
        return Point(self.x * k + plus, self.y * k + plus)

p = Point(0, 5)
print(attrgetter("x")(p), attrgetter("x", "y")(p), attrgetter("inner.inner.y")(p))
q = methodcaller("scaled", 2, plus=1)(Point(1, 2))
print(q.x, q.y, methodcaller("upper")("abc"), methodcaller("split", ",")("a,b"))
print(repr(itemgetter(1)), repr(itemgetter(1, "a")), repr(attrgetter("a.b", "c")), repr(methodcaller("f", 1, k=2)))
print(itemgetter(1).__reduce__(), attrgetter("a.b").__reduce__(), methodcaller("f", 1).__reduce__())
print(type(itemgetter(1)), itemgetter.__module__, operator.add.__module__, operator.add)

def check(f, *a, **k):
    try:
        print(f(*a, **k))
    except Exception as e:
        print(type(e).__name__, e)

check(itemgetter)
check(attrgetter)
check(attrgetter, 1)
check(methodcaller)
check(methodcaller, 1)
check(attrgetter("a"), 1)
check(attrgetter("x.nope"), p)
check(itemgetter(5), [1])
check(itemgetter(1), [1, 2], [3])
check(itemgetter, 1, k=2)
check(operator.add, 1)
check(operator.add, a=1, b=2)
check(operator.indexOf, [1], 2)
check(operator.length_hint, 1, "x")
check(operator.add, 1, "a")
check(operator.concat, 1, 2)
check(operator.index, 1.5)
check(operator.countOf, 1, 1)
check(_operator._compare_digest, 1, 2)
check(_operator._compare_digest, "é", "é")
