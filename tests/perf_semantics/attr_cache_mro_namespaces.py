# Warm attribute, method and construction sites guard on the receiver's type version
# alone: every change of a namespace anywhere along the type's MRO (a grand-base, the
# second base of a diamond, a base's __init__, a deletion that uncovers a grand-base's
# attribute, a change made by __set_name__ or __init_subclass__) must give the type a new
# version, or a warm site would keep the old answer.


class Root:
    tag = "root"

    def describe(self):
        return "root.describe"

    def __init__(self, v):
        self.v = v


class Mid(Root):
    tag = "mid"


class Leaf(Mid):
    pass


class Left(Root):
    pass


class Right(Root):
    def side(self):
        return "right.side"


class Diamond(Left, Right):
    pass


def tag_of(o):
    return o.tag


def describe(o):
    return o.describe()


def side(o):
    return o.side()


def make_leaf(v):
    return Leaf(v)


def warm(label, f, *args):
    results = [f(*args) for _ in range(3)]
    print(label, results[-1])


leaf = Leaf(1)
diamond = Diamond(2)
warm("leaf tag", tag_of, leaf)
warm("leaf describe", describe, leaf)
warm("diamond side", side, diamond)
warm("make_leaf", lambda: make_leaf(3).v)

# a grand-base method replaced
Root.describe = lambda self: "root.describe v2"
warm("leaf describe after Root change", describe, leaf)

# the middle class's attribute deleted: the grand-base's shows through
del Mid.tag
warm("leaf tag after del Mid.tag", tag_of, leaf)

# the grand-base's attribute changed under the deletion
Root.tag = "root v2"
warm("leaf tag after Root.tag change", tag_of, leaf)

# the second base of a diamond changed
Right.side = lambda self: "right.side v2"
warm("diamond side after Right change", side, diamond)

# a method defined on the first base now shadows the second's
Left.side = lambda self: "left.side"
warm("diamond side after Left gains side", side, diamond)


# a base's __init__ replaced after construction sites are warm
def new_init(self, v):
    self.v = v * 100


Root.__init__ = new_init
warm("make_leaf after Root.__init__ change", lambda: make_leaf(3).v)
Mid.__init__ = lambda self, v: setattr(self, "v", -v)
warm("make_leaf after Mid.__init__", lambda: make_leaf(3).v)


# __set_name__ and __init_subclass__ changing namespaces while classes are made
class Recorder:
    def __set_name__(self, owner, name):
        # writes into a base's namespace during the subclass's creation
        setattr(Root, "recorded", name)


class Late(Leaf):
    marker = Recorder()

    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        Mid.tag = "mid from init_subclass"


def recorded(o):
    return o.recorded


warm("recorded on leaf", recorded, leaf)


class Later(Late):
    pass


warm("leaf tag after __init_subclass__", tag_of, leaf)
warm("later tag", tag_of, Later(5))

# a class attribute shadowed by an instance attribute and back
leaf.tag = "instance"
warm("leaf tag instance", tag_of, leaf)
del leaf.tag
warm("leaf tag class again", tag_of, leaf)


# classes made and freed one after another (a new class may take a freed one's
# address) going through the same warm sites: each instance must see its own class
def value_of(o):
    return o.value


def kind_of(o):
    return o.kind()


seen = []
for round_no in range(6):
    class Temp:
        value = round_no * 10

        def kind(self, r=round_no):
            return "temp%d" % r

    t = Temp()
    seen.append((value_of(t), kind_of(t)))
    if round_no % 2:
        t.value = -round_no
        seen.append((value_of(t), kind_of(t)))
    del Temp, t
print("temps", seen)


# two classes alternating at one site, one of them changed in between
class A:
    x = "a"


class B:
    x = "b"


def xs(objs):
    return "".join(o.x for o in objs)


objs = [A(), B(), A(), B()]
print(xs(objs), xs(objs))
A.x = "A"
print(xs(objs))
B.x = "B"
print(xs(objs))
