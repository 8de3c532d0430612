"""Attribute values tested at once (`if self.flag:`, `while p.link is not None:`) and
stores through a local (`self.x = v`) skip reference-count pairs in native code. These
check the cases where code runs during the test or the store and could free the value
or the object: __bool__/__len__ rebinding or deleting the attribute, properties and
__getattr__ returning fresh objects, exceptions from __bool__, __del__ of a replaced
value, __setattr__, __slots__, and class attributes shadowed or changed meanwhile."""
import sys


class Noisy:
    def __init__(self, name, truth=True):
        self.name = name
        self.truth = truth

    def __bool__(self):
        print("bool of", self.name)
        return self.truth

    def __del__(self):
        print("del", self.name)


class Holder:
    pass


def test_bool_deletes_attr():
    h = Holder()

    class Killer:
        def __bool__(self):
            print("killer: deleting own attribute")
            del h.flag
            return True

        def __del__(self):
            print("killer freed")

    h.flag = Killer()
    if h.flag:
        print("taken; has flag:", hasattr(h, "flag"))
    print("after if")


def test_bool_rebinds_attr():
    h = Holder()

    class Rebinder:
        def __init__(self, n):
            self.n = n

        def __bool__(self):
            print("rebinder", self.n, "rebinding")
            h.flag = None
            return self.n > 0

        def __del__(self):
            print("rebinder freed", self.n)

    h.flag = Rebinder(1)
    if not h.flag:
        print("not taken?")
    else:
        print("else branch; flag is", h.flag)
    h.flag = Rebinder(0)
    while h.flag:
        print("loop body")
    print("loop done")


def test_len_deletes_attr():
    h = Holder()

    class L:
        def __len__(self):
            del h.items
            return 3

        def __del__(self):
            print("L freed")

    h.items = L()
    if h.items:
        print("len truthy")


class Prop:
    def __init__(self):
        self.count = 0
        self.mcount = 0

    @property
    def fresh(self):
        self.count += 1
        return Noisy("fresh%d" % self.count, self.count % 2 == 1)

    @property
    def maybe(self):
        self.mcount += 1
        return None if self.mcount > 3 else [self.mcount]


def test_property_values():
    p = Prop()
    for _ in range(3):
        if p.fresh:
            print("fresh true")
        else:
            print("fresh false")
    n = 0
    while p.maybe is not None:
        n += 1
    print("maybe loops", n)


class GA:
    def __init__(self):
        self.hits = 0

    def __getattr__(self, name):
        self.hits += 1
        if self.hits > 2:
            return None
        return Noisy("ga%d" % self.hits)


def test_getattr():
    g = GA()
    while g.link is not None:
        print("link present", g.hits)
    if g.other:
        print("other true")
    else:
        print("other false")


class Boom:
    def __bool__(self):
        raise ValueError("no truth")

    def __del__(self):
        print("boom freed")


def test_bool_raises():
    h = Holder()
    h.b = Boom()
    try:
        if h.b:
            print("unreachable")
    except ValueError as e:
        print("caught", e)
    del h.b
    print("after del")

    class P:
        @property
        def b(self):
            return Boom()

    q = P()
    try:
        while q.b:
            pass
    except ValueError as e:
        print("caught from property", e)


class Node:
    def __init__(self, value, link=None):
        self.value = value
        self.link = link


def test_linked_list():
    head = None
    for i in range(5):
        head = Node(i, head)
    p = head
    total = 0
    while p.link is not None:
        total += p.value
        p = p.link
    print("total", total, "last", p.value)
    if head.link:
        print("has link")
    if not p.link:
        print("end has no link")


def test_class_shadowing():
    class C:
        flag = True
        link = None

    c = C()
    print("class flag", bool(c.flag) and "yes")
    if c.flag:
        print("class attr true")
    c.flag = 0
    if c.flag:
        print("unreachable")
    else:
        print("instance attr shadows")
    del c.flag
    C.flag = []
    if c.flag:
        print("unreachable 2")
    else:
        print("class attr changed")
    c.link = Node(1)
    if c.link is not None:
        print("instance link set")
    del c.link
    if c.link is None:
        print("class link none")


def test_slots():
    class S:
        __slots__ = ("a", "b")

    s = S()
    s.a = Noisy("slot-a")
    if s.a:
        print("slot a true")
    s.a = None
    print("after slot store")
    try:
        if s.b:
            pass
    except AttributeError as e:
        print("AttributeError", e)


def test_store_through_local():
    class T:
        pass

    t = T()
    t.v = Noisy("first")
    print("storing second")
    t.v = Noisy("second")
    print("stored")

    class SA:
        def __setattr__(self, name, value):
            print("setattr", name)
            object.__setattr__(self, name, value)

    s = SA()
    s.x = 1
    s.x = Noisy("sa")
    print("sa x is", s.x.name)
    s.x = 2
    print("done stores")

    class Desc:
        def __set__(self, obj, value):
            print("desc set", value)

        def __get__(self, obj, owner):
            return 42

    class D:
        d = Desc()

    o = D()
    o.d = 5
    print("desc get", o.d)


def test_store_frees_object_owner():
    # the stored-to object is held only by the local while the old value's __del__ runs
    class Box:
        pass

    def fill(b):
        b.item = Noisy("old")
        b.item = Noisy("new")
        return b.item.name

    print(fill(Box()))


def test_refcounts():
    h = Holder()
    v = object()
    h.v = v
    before = sys.getrefcount(v)
    for _ in range(100):
        if h.v:
            pass
        if h.v is None:
            pass
        if h.v is not None:
            pass
    print("refcount stable", sys.getrefcount(v) == before)
    for _ in range(100):
        h.v = v
    print("refcount after stores", sys.getrefcount(v) == before)


def test_dict_replaced():
    h = Holder()
    h.flag = Noisy("dictval")
    h.__dict__ = {"flag": None}
    print("dict replaced")
    if h.flag is None:
        print("flag none after dict swap")
    h.__dict__["flag"] = 7
    if h.flag:
        print("flag from new dict", h.flag)


def test_class_attr_changed_while_running():
    class K:
        on = True

        def loop(self):
            n = 0
            while self.on:
                n += 1
                if n == 3:
                    K.on = False
            return n

    print("loop ran", K().loop())


def test_compare_rebinds_attr():
    h = Holder()

    class Cmp:
        def __init__(self, name):
            self.name = name

        def __lt__(self, other):
            print("lt deleting h.v; other is", other.name)
            del h.v
            print("other still", other.name)
            return True

        def __eq__(self, other):
            h.v = Cmp("replacement")
            return other.name == "orig"

        def __del__(self):
            print("cmp freed", self.name)

    h.v = Cmp("orig")
    a = Cmp("left")
    if a < h.v:
        print("lt true")
    h.v = Cmp("orig")
    print("eq", a == h.v)
    print("h.v now", h.v.name)
    del a
    del h.v


def test_compare_values():
    class P3:
        def __init__(self, x):
            self.x = x

    a, b = P3(1.5), P3(2.5)
    print(a.x > b.x, a.x < b.x, a.x == b.x, a.x != b.x, a.x >= b.x, a.x <= b.x)
    best = a
    for p in [P3(0.5), P3(3.5), P3(-1.0), P3(10 ** 30), P3(2)]:
        best = best if best.x > p.x else p
    print("best", best.x)

    class Raises:
        def __gt__(self, other):
            raise TypeError("no order")

    r = P3(Raises())
    try:
        if 1 < r.x:
            pass
    except TypeError as e:
        print("caught", e)

    class Q:
        @property
        def x(self):
            return [1, 2]

    q = Q()
    print("property compare", [1, 2] == q.x, [0] < q.x)


for t in [test_compare_rebinds_attr, test_compare_values, test_bool_deletes_attr, test_bool_rebinds_attr, test_len_deletes_attr,
          test_property_values, test_getattr, test_bool_raises, test_linked_list,
          test_class_shadowing, test_slots, test_store_through_local,
          test_store_frees_object_owner, test_refcounts, test_dict_replaced,
          test_class_attr_changed_while_running]:
    print("--", t.__name__)
    t()
print("end")
