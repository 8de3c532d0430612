# __getattr__ fallback, __setattr__ interception, __getattribute__-free; getattr/setattr/delattr/hasattr.
class Config:
    def __init__(self):
        object.__setattr__(self, "data", {})
    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return self.data.get(name, f"<no {name}>")
    def __setattr__(self, name, value):
        print("set", name, value)
        self.data[name] = value
c = Config()
c.host = "localhost"
c.port = 8080
print(c.host, c.port, c.user, getattr(c, "port"), hasattr(c, "_secret"))
setattr(c, "debug", True)
print(c.data)
class Plain:
    pass
p = Plain()
setattr(p, "a", 1)
print(getattr(p, "a"), hasattr(p, "a"), hasattr(p, "b"))
delattr(p, "a")
print(hasattr(p, "a"))
try:
    getattr(p, "zzz")
except AttributeError as e:
    print("AttributeError", e)
try:
    delattr(p, "zzz")
except AttributeError as e:
    print("AttributeError", e)
