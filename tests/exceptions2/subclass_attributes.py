# Attributes of user exception subclasses (compact storage) and look-ups on classes
# themselves (`Base.__init__(self, ...)`, `Cls.CONST`) through rebinding and deletion.
import copy
import gc
import pickle


class AppError(Exception):
    kind = "app"

    def __init__(self, code, detail=None):
        Exception.__init__(self, code)
        self.code = code
        if detail is not None:
            self.detail = detail


class NotFound(AppError):
    pass


class Slotted(AppError):
    __slots__ = ("extra",)


def raise_and_catch(cls, *args):
    try:
        raise cls(*args)
    except AppError as e:
        return e


for i in range(5):
    e = raise_and_catch(NotFound if i % 2 else AppError, i, "d" if i > 2 else None)
    print(type(e).__name__, e.args, e.code, getattr(e, "detail", "-"), vars(e), e.kind)

e = raise_and_catch(NotFound, 7)
e.kind = "shadowed"
print(e.kind, NotFound.kind, sorted(e.__dict__))
del e.code
print(hasattr(e, "code"), e.__dict__)
try:
    e.code
except AttributeError as err:
    print("AttributeError:", err)
e.__dict__["late"] = 1
print(e.late, vars(e))
e.__dict__ = {"replaced": True}
print(e.__dict__, hasattr(e, "late"))

s = Slotted(3)
s.extra = "x"
s.more = "y"
print(s.extra, s.more, s.__dict__, s.args)

# pickling and copying keep the attributes (BaseException.__reduce__ adds __dict__)
p = pickle.loads(pickle.dumps(raise_and_catch(NotFound, 9, "why")))
print(type(p).__name__, p.args, p.code, p.detail)
c = copy.copy(raise_and_catch(AppError, 4))
print(c.args, c.code, c.__dict__)

# notes live in the instance dict as well
n = AppError(1)
n.add_note("first")
n.add_note("second")
print(n.__notes__, sorted(vars(n)))

# a cycle through an attribute is collected
class Holder(AppError):
    def __del__(self):
        print("collected", self.code)

h = Holder(11)
h.me = h
del h
gc.collect()

# look-ups on the class: rebinding and deleting are seen at once
class Base:
    LIMIT = 1

    def hello(self):
        return "base hello"


class Child(Base):
    pass


def use(obj):
    return Base.hello(obj), Child.LIMIT, Base.LIMIT


x = Child()
for step in range(4):
    if step == 1:
        Base.LIMIT = 2
    if step == 2:
        Child.LIMIT = 3
        Base.hello = lambda self: "patched hello"
    if step == 3:
        del Child.LIMIT
        del Base.hello
    try:
        print(step, use(x))
    except AttributeError as err:
        print(step, "AttributeError:", err)


class Meta(type):
    LIMIT = "meta"

    @property
    def shown(cls):
        return "meta property of " + cls.__name__


class WithMeta(metaclass=Meta):
    pass


for _ in range(2):
    print(WithMeta.LIMIT, WithMeta.shown)


class Methods:
    @classmethod
    def cm(cls):
        return cls.__name__

    @staticmethod
    def sm(v):
        return v * 2


class MoreMethods(Methods):
    pass


for cls in (Methods, MoreMethods, Methods):
    print(cls.cm(), cls.sm(4), cls.__name__, cls.__init__ is object.__init__)
