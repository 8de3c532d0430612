# special methods are looked up on the type, not the instance
class C:
    def __len__(self): return 1
    def __repr__(self): return "C()"
c = C()
c.__len__ = lambda: 99
c.__repr__ = lambda: "instance repr"
print(len(c), repr(c), c.__len__(), c.__repr__())
class G:
    def __getattr__(self, name):
        return lambda *a: f"getattr {name}"
g = G()
print(g.anything())
try:
    len(g)
except TypeError as e:
    print(e)
try:
    g + 1
except TypeError as e:
    print(e)
