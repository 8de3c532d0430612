# __init_subclass__ with keyword arguments and registration
class Plugin:
    registry = {}
    def __init_subclass__(cls, /, name=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[name or cls.__name__] = cls
        print("registered", name or cls.__name__)
class A(Plugin, name="alpha"):
    pass
class B(Plugin):
    pass
class C(A, name="gamma"):
    pass
print(sorted(Plugin.registry))
try:
    class D(Plugin, bogus=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
class Base:
    def __init_subclass__(cls):
        cls.tag = cls.__name__.lower()
class X(Base): pass
class Y(X): pass
print(X.tag, Y.tag, hasattr(Base, "tag"))
