# Compact instances: vars()/__dict__ order must be the insertion order of each instance,
# whatever order other instances of the same class used.


class P:
    def __init__(self, flag):
        if flag:
            self.a = 1
        self.b = 2
        self.c = 3


p1 = P(False)   # teaches the class b, c
p2 = P(True)    # a is a new name, inserted before b and c
p3 = P(False)
print(vars(p1), vars(p2), vars(p3))
print(list(p2.__dict__), [k for k in vars(p3)])


class Q:
    pass


q1 = Q()
q1.x, q1.y, q1.z = 1, 2, 3
q2 = Q()
q2.z = 30
q2.y = 20
q2.x = 10
print(vars(q1), vars(q2))

# overwrite keeps the position; delete then re-add moves the name to the end
q3 = Q()
q3.x, q3.y, q3.z = 1, 2, 3
q3.x = 100
print(vars(q3))
del q3.x
print(vars(q3))
q3.x = 7
print(vars(q3))
del q3.z
q3.z = 8
print(vars(q3), q3.x, q3.y, q3.z)

# deleting the last one and re-adding it keeps the order
q4 = Q()
q4.x, q4.y = 1, 2
del q4.y
q4.y = 3
print(vars(q4))

# many instances sharing the layout
objs = []
for i in range(50):
    o = Q()
    o.x = i
    if i % 3 == 0:
        o.w = -i
    o.y = i * i
    objs.append(o)
print([list(vars(o)) for o in objs[:4]])
print(sum(o.x + o.y for o in objs), sum(getattr(o, "w", 0) for o in objs))

# dir() sees instance attributes whether or not a dict exists
r = Q()
r.zz = 1
r.aa = 2
print([n for n in dir(r) if not n.startswith("__")])

# errors
try:
    print(r.nope)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del r.nope
except AttributeError as e:
    print("AttributeError:", e)
del r.zz
try:
    del r.zz
except AttributeError as e:
    print("AttributeError:", e)
try:
    r.zz
except AttributeError as e:
    print("AttributeError:", e)
print(vars(r), hasattr(r, "zz"), hasattr(r, "aa"))
r.zz
