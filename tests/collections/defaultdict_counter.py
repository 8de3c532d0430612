# defaultdict grouping, Counter arithmetic and most_common, OrderedDict, namedtuple.
import heapq  # Counter.most_common(n) imports it lazily
from collections import defaultdict, Counter, OrderedDict, namedtuple, ChainMap

groups = defaultdict(list)
for word in "apple avocado banana blueberry cherry".split():
    groups[word[0]].append(word)
print(groups)
print(groups["z"], sorted(groups), groups.default_factory)
counts = defaultdict(int)
for ch in "mississippi":
    counts[ch] += 1
print(dict(counts), counts.copy(), repr(defaultdict()))
print(defaultdict(int, a=1) | {"b": 2}, {"c": 3} | defaultdict(int))
nested = defaultdict(lambda: defaultdict(int))
nested["x"]["y"] += 2
print({k: dict(v) for k, v in nested.items()})
try:
    defaultdict(1)
except TypeError as e:
    print(e)
try:
    defaultdict()["missing"]
except KeyError as e:
    print("KeyError", e)
dd = defaultdict(list); dd.default_factory = set; dd["s"].add(1); print(dd)

c = Counter("abracadabra")
print(c, c.most_common(2), c["a"], c["z"], c.total())
d = Counter(a=1, b=5)
print(c + d, c - d, c & d, c | d, -d, +Counter(a=-1, b=2))
c.update("aaa"); c.subtract(b=10); print(c)
print(sorted(c.elements())[:6], list(Counter(x=2, y=1).elements()))

od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a"); print(od)
od.move_to_end("c", last=False); print(od, list(od))
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(x=1, y=2) == OrderedDict(y=2, x=1), dict(x=1, y=2) == OrderedDict(y=2, x=1))

Point = namedtuple("Point", "x y")
p = Point(1, y=2)
print(p, p.x, p[1], p._replace(y=5), p._asdict(), Point._fields, Point._make([3, 4]))
x, y = p; print(x + y, p == (1, 2), Point.x.__doc__)
P3 = namedtuple("P3", ["a", "b", "c"], defaults=[0])
print(P3(1, 2), P3._field_defaults)
try:
    Point(1)
except TypeError as e:
    print(e)
try:
    namedtuple("Bad", "x def")
except ValueError as e:
    print(e)
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm))
