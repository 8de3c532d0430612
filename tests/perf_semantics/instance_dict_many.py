# More attribute names than a class's shared key table holds, many classes, dynamic
# names, subclasses and built-in subclasses.


class Big:
    pass


objs = [Big() for _ in range(3)]
for n, o in enumerate(objs):
    for i in range(45):
        setattr(o, f"attr{(i * 7 + n) % 45}", i)
print([len(vars(o)) for o in objs])
print(list(vars(objs[0]))[:5], list(vars(objs[1]))[-3:])
print(sum(getattr(objs[2], f"attr{i}") for i in range(45)))
for i in range(0, 45, 2):
    delattr(objs[0], f"attr{i}")
print(len(vars(objs[0])), hasattr(objs[0], "attr0"), objs[0].attr1)

# a class used as a record with varying names
class Rec:
    pass


recs = []
for i in range(40):
    r = Rec()
    setattr(r, "k%d" % i, i)
    setattr(r, "common", -i)
    recs.append(r)
print(sum(r.common for r in recs), vars(recs[35]), vars(recs[3]))


class Base:
    def __init__(self):
        self.base_attr = "b"


class Child(Base):
    def __init__(self):
        self.child_attr = "c"
        super().__init__()


print(vars(Child()), vars(Base()))


class L(list):
    pass


l = L([1, 2])
l.tag = "t"
l.append(3)
print(l, l.tag, vars(l))


class D(dict):
    pass


dd = D(a=1)
dd.attr = 2
print(dd, dd.attr, vars(dd))


class E(Exception):
    pass


e = E("msg")
e.code = 5
print(e, e.code, vars(e))

print(Big().__sizeof__() == Big().__sizeof__(), object().__sizeof__())
