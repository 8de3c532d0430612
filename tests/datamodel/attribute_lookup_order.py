# full attribute lookup order: data descriptor > instance dict > non-data descriptor > class attr > __getattr__
log = []
class Data:
    def __get__(self, o, t=None): return "data"
    def __set__(self, o, v): log.append("data set")
class NonData:
    def __get__(self, o, t=None): return "nondata"
class C:
    d = Data()
    n = NonData()
    plain = "class attr"
    def __getattr__(self, name):
        return f"getattr({name})"
c = C()
c.__dict__.update(d="inst d", n="inst n", plain="inst plain")
print(c.d, c.n, c.plain, c.missing)
del c.__dict__["n"], c.__dict__["plain"]
print(c.n, c.plain)
c.d = 1
print(log, C.d, C.n)
