# collections: Counter, deque, defaultdict, OrderedDict, namedtuple, ChainMap in a small inventory program.
from collections import Counter, deque, defaultdict, OrderedDict, namedtuple, ChainMap
import heapq  # Counter.most_common(n) imports heapq lazily

Item = namedtuple("Item", "name category price qty")
Item.__doc__ = "A stock item."
stock = [Item("apple", "fruit", 0.5, 10), Item("pear", "fruit", 0.75, 4), Item("leek", "veg", 1.2, 7),
         Item("kale", "veg", 2.5, 0), Item("plum", "fruit", 0.3, 25)]
print(stock[0], stock[0]._asdict(), stock[0]._replace(qty=3), Item._fields, Item._make(["x", "y", 1, 2]))
print(Item.__doc__, stock[1].price, stock[1][3], len(stock[0]), stock[0] == ("apple", "fruit", 0.5, 10))
Pt = namedtuple("Pt", ["x", "y"], defaults=[0])
print(Pt(1), Pt(1, 2), Pt._field_defaults, Pt(1, 2) + (3,))
try:
    namedtuple("Bad", "a a")
except ValueError as e:
    print("ValueError", e)
try:
    Pt()
except TypeError as e:
    print("TypeError", e)

by_cat = defaultdict(list)
for it in stock:
    by_cat[it.category].append(it.name)
print(dict(by_cat), by_cat["none"], sorted(by_cat))
value = Counter()
for it in stock:
    value[it.category] += it.price * it.qty
print(value, value.most_common(1))
letters = Counter("mississippi")
print(letters, letters.most_common(2), letters["z"], sorted(letters.elements()))
print(letters + Counter("sip"), letters - Counter("sss"), letters & Counter("ssp"), letters | Counter("zz"))
letters.subtract("iiii")
print(letters, +letters, -letters, letters.total())
print(Counter(a=3, b=1) == Counter(b=1, a=3), Counter({"x": 2}).keys())

q = deque(maxlen=3)
for i in range(5):
    q.append(i)
print(q, q.maxlen)
q.appendleft(9)
q.rotate(1)
print(q, q.pop(), q.popleft(), q)
d = deque("abcde")
d.rotate(-2)
d.extendleft("xy")
print(d, d.index("c"), d.count("a"), d[2], list(reversed(d)))
d.remove("x")
del d[0]
print(d, len(d), "b" in d)
try:
    deque().pop()
except IndexError as e:
    print("IndexError", e)

od = OrderedDict()
od["b"] = 1
od["a"] = 2
od["c"] = 3
od.move_to_end("b")
print(od, list(od), od.popitem(last=False), od)
od.move_to_end("c", last=False)
print(od, od == OrderedDict([("c", 3), ("b", 1)]), od == {"b": 1, "c": 3})

defaults = {"color": "red", "user": "guest"}
cm = ChainMap({"user": "admin"}, defaults)
print(cm["user"], cm["color"], len(cm), sorted(cm), cm.maps)
cm2 = cm.new_child({"color": "blue"})
print(cm2["color"], cm2.parents["color"])
