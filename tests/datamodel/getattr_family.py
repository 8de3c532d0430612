# getattr/setattr/hasattr/delattr with defaults and errors
class O:
    a = 1
o = O()
print(getattr(o, "a"), getattr(o, "b", "dflt"), hasattr(o, "a"), hasattr(o, "b"))
setattr(o, "b", 2)
print(o.b, getattr(o, "b"))
delattr(o, "b")
print(hasattr(o, "b"))
try:
    getattr(o, "nope")
except AttributeError as e:
    print(e)
try:
    getattr(o, 5)
except TypeError as e:
    print(e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(e)
try:
    delattr(o, "a")
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
try:
    getattr(o)
except TypeError as e:
    print(e)
class Raises:
    @property
    def p(self):
        raise ValueError("not AttributeError")
try:
    hasattr(Raises(), "p")
except ValueError as e:
    print("hasattr propagates", e)
print(getattr([], "append").__name__, getattr(int, "bit_length")(255))
try:
    (1).real = 5
except AttributeError as e:
    print(e)
