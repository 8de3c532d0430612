"""`Base.__init__(self, ...)` and other `Cls.name(...)` method sites on a class (the
CLASS_OF entry the fill function tries first), `__init__` slot wrappers called directly
(`Exception.__init__(self, x)`, `object.__init__(self)`), and iteration over strs."""


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class Plain:
    def __init__(self):
        object.__init__(self)
        self.ok = True


def call_base(cls, obj, *args):
    # one site, several classes and receivers
    return cls.__init__(obj, *args)


for i in range(5):
    e = AppError(i)
    print(e.args, e.code, str(e), repr(e))
print(Plain().ok)

# wrong receivers and arguments: the generic path's errors
# (each built-in exception class has its own `__init__` wrapper in CPython; pyc's are
# BaseException's: receivers of other exception classes are left out here)
for cls, obj, args in [(BaseException, 3, (1,)), (Exception, AppError(0), (1, 2)), (object, Plain(), (1,)),
                       (BaseException, KeyError("k"), ("v",)), (object, 5, ())]:
    for _ in range(3):
        try:
            r = call_base(cls, obj, *args)
            print("ok", cls.__name__, type(obj).__name__, r, getattr(obj, "args", None))
        except TypeError as ex:
            print("TypeError", ex)

# keyword arguments to an __init__ slot wrapper
try:
    Exception.__init__(AppError(1), x=1)
except TypeError as ex:
    print("TypeError", ex)


# the class's __init__ replaced, deleted, then restored while a site holds an entry
class Base:
    def __init__(self, v):
        self.v = v

    def hello(self):
        return "base hello"


class Child(Base):
    def __init__(self, v):
        Base.__init__(self, v * 2)

    def greet(self):
        return Base.hello(self)


def new_init(self, v):
    self.v = -v


for step in range(6):
    if step == 2:
        Base.__init__ = new_init
    if step == 3:
        del Base.__init__
    if step == 4:
        Base.hello = lambda self: "patched hello"
    if step == 5:
        Base.__init__ = new_init
    try:
        c = Child(step)
        print(step, c.v, c.greet())
    except TypeError as ex:
        print(step, "TypeError", ex)


# a metaclass attribute of the same name, and a class whose attribute is shadowed by it
class Meta(type):
    def hello(cls):
        return "meta hello"


class WithMeta(metaclass=Meta):
    pass


class WithBoth(metaclass=Meta):
    def hello(self):
        return "own hello"


for _ in range(3):
    print(WithMeta.hello(), WithBoth.hello(WithBoth()))


# a site whose receiver changes between a class and an instance of it
class K:
    def m(self=None):
        return "K.m"


for obj in [K, K(), K, K(), K]:
    print(obj.m())

# str iteration: ASCII, non-ASCII, empty, a str subclass
class S(str):
    pass


for text in ["abc", "héllo wörld €", "", S("sub"), "a" * 3 + "\u20ac" + "z"]:
    print([ch for ch in text], sum(ord(ch) for ch in text))
it = iter("ab")
print(next(it), next(it), next(it, "end"), list(it))
