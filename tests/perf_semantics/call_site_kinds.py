# Call sites that remember a class, a built-in, or several functions, and method calls
# on locals known to hold a list or dict: every change the program makes must be seen.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Other:
    def __init__(self, x, y):
        self.sum = x + y


def make(cls, a, b):
    return cls(a, b)           # one site, several classes


def build_all():
    out = []
    for cls in (Point, Other, Point, Other):
        o = make(cls, 1, 2)
        out.append(type(o).__name__)
    return out


print(build_all())

# __init__ replaced after the site has cached it
for round_ in range(3):
    p = make(Point, round_, 10)
    print(round_, vars(p))
    if round_ == 1:
        def new_init(self, x, y):
            self.total = x * y
        Point.__init__ = new_init


# a base class's __init__ changes: the subclass's construction sees it
class Base:
    def __init__(self, v):
        self.v = v


class Sub(Base):
    pass


for k in range(3):
    s = Sub(k)
    print(sorted(vars(s).items()))
    if k == 0:
        Base.__init__ = lambda self, v: setattr(self, "w", -v)


# __init__ returning a value, wrong argument count, exceptions at the same site
class Bad:
    def __init__(self):
        return 5


class Err(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


for cls in (Bad, Err, Point):
    try:
        obj = cls() if cls is Bad else cls(7) if cls is Err else cls(1)
        print("made", type(obj).__name__)
    except TypeError as e:
        print("TypeError:", e)
for k in range(3):
    try:
        raise Err(k)
    except Err as e:
        print("caught", e.code, e.args)


# a site whose callee alternates between functions, built-ins and classes
def one(x):
    return x + 1


def two(x):
    return x * 2


callees = [one, two, len, abs, str, one, Point.__name__.upper, two]
args = [1, 2, "abc", -4, 5, 6, None, 7]
for f, a in zip(callees, args):
    try:
        print(f(a) if a is not None else f())
    except TypeError as e:
        print("TypeError:", e)


# a built-in global rebound while a loop calls it
def count_len(items):
    return [len(x) for x in items]


print(count_len(["a", "bb", [1, 2, 3]]))
import builtins
saved = builtins.len
builtins.len = lambda x: 42
print(count_len(["a", "bb"]))
builtins.len = saved
print(count_len(["a", "bb"]))

# a method descriptor called on the wrong receiver at a cached site
for recv in ([1], [2], (3,), "x"):
    try:
        list.append(recv, 0)
        print("appended", recv)
    except TypeError as e:
        print("TypeError:", e)


# known list / dict locals
def words():
    parts = []
    counts = {}
    for w in "a b a c b a".split():
        parts.append(w)
        counts[w] = counts.get(w, 0) + 1
    print(parts, counts, counts.get("z"), counts.get("z", "none"))
    try:
        counts.get([1])
    except TypeError as e:
        print("TypeError:", e)
    try:
        parts.append()
    except TypeError as e:
        print("TypeError:", e)
    parts = []
    parts.append(parts)
    print(parts)
    return parts


words()


def rebound():
    acc = []
    acc.append(1)
    acc = "not a list any more"      # a second binding: the local's type is unknown
    try:
        acc.append(2)
    except AttributeError as e:
        print("AttributeError:", e)


rebound()


def deleted():
    d = {}
    d.get(1)
    del d
    try:
        d.get(1)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


deleted()


class KeyWithEq:
    def __init__(self, k):
        self.k = k

    def __hash__(self):
        return hash(self.k)

    def __eq__(self, other):
        print("eq called")
        return isinstance(other, KeyWithEq) and self.k == other.k


def custom_keys():
    table = {}
    table[KeyWithEq(1)] = "one"
    print(table.get(KeyWithEq(1)), table.get(KeyWithEq(2), "missing"))


custom_keys()


# list iteration: mutation during the loop, subclasses, exhausted iterators
class MyList(list):
    def __iter__(self):
        print("own __iter__")
        return super().__iter__()


def iterate(xs):
    seen = []
    for x in xs:
        seen.append(x)
        if x == 1 and type(xs) is list:
            xs.append(9)
    return seen


print(iterate([1, 2]), iterate(MyList([3, 4])), iterate([]))
it = iter([5, 6, 7])
for a in it:
    for b in it:
        print(a, b)
print(list(it))


def deep(n):
    # the recursion limit is still enforced through the cached sites
    return [] if n == 0 else deep(n - 1) + [n]


try:
    deep(100000)
except RecursionError as e:
    print("RecursionError:", e)
