# `except C:` with a class whose metaclass is `type` (abi.rs pyrt_check_exc_match's
# quick test), the locals an unwinding frame leaves in its traceback entries (written in
# place: traceback.rs keep_locals_from), str truth and fresh str keys (protocol.rs
# is_true, dict.rs key_hash): each against the general paths.
import abc


class Base(Exception):
    pass


class Child(Base):
    pass


class Meta(type):
    pass


class WithMeta(Exception, metaclass=Meta):
    pass


class Abstract(Exception, metaclass=abc.ABCMeta):
    pass


class NotAnException:
    pass


def raiser(cls, *a):
    raise cls(*a)


for cls in (Base, Child, WithMeta, Abstract, ValueError, KeyError):
    for handler in (Child, Base, WithMeta, Abstract, (KeyError, Child), Exception, LookupError):
        try:
            try:
                raiser(cls, 1)
            except handler:
                print(cls.__name__, "caught by", getattr(handler, "__name__", handler))
        except Exception as e:
            print(cls.__name__, "passed", getattr(handler, "__name__", handler), type(e).__name__)

for bad in (NotAnException, int, 5, "x", (ValueError, NotAnException)):
    try:
        try:
            raise ValueError("v")
        except bad:
            print("caught?")
    except TypeError as e:
        print("TypeError", e, "| context:", type(e.__context__).__name__)


# locals kept by the entries of frames an exception left
def many_locals(x):
    a, b, c, d, e, f, g, h, i, j = range(10)
    y = x * 2.5
    return 1 // (x - x)


def with_cell(x):
    z = x + 1

    def inner():
        return z

    w = inner
    raise KeyError(z)


def catch(f, *a):
    try:
        f(*a)
    except Exception as e:
        tb = e.__traceback__
        while tb.tb_next:
            tb = tb.tb_next
        loc = tb.tb_frame.f_locals
        print(type(e).__name__, sorted((k, v) for k, v in loc.items() if not callable(v)),
              sorted(k for k, v in loc.items() if callable(v)))


for n in range(3):
    catch(many_locals, n)
    catch(with_cell, n)


def unbound_at_raise(flag):
    if flag:
        late = 1
    raise RuntimeError(flag)


for flag in (0, 1):
    catch(unbound_at_raise, flag)

# str truth and fresh keys
class S(str):
    def __bool__(self):
        return False

    def __hash__(self):
        return 7


class L(str):
    def __len__(self):
        return 0


for s in ("", "a", S("x"), S(""), L("abc"), "é", "\udc80"):
    print(repr(s), bool(s), "yes" if s else "no")

d = {}
words = "the quick brown fox jumps over the lazy dog the end".split()
for w in words:
    d[w] = d.get(w, 0) + 1
for w in (S("the"), "th" + "e", "".join(["f", "o", "x"]), L("dog")):
    print(repr(w), w in d, d.get(w))
print(sorted(d.items()))
