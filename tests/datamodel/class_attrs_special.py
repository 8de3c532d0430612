# special class attributes: __name__, __qualname__, __module__, __bases__, __mro__, __dict__ keys, __doc__
class Base:
    "base doc"
    pass
class Child(Base):
    x = 1
print(Child.__name__, Child.__qualname__, Child.__module__, Child.__bases__ == (Base,))
print([c.__name__ for c in Child.__mro__], Child.__doc__, Base.__doc__)
print(sorted(k for k in Child.__dict__ if k in ("x", "__module__", "__doc__", "__qualname__")))
Child.__name__ = "Renamed"
print(Child.__name__, Child.__qualname__)
print(type(Child()).__name__, Child().__class__.__name__)
print(object.__subclasses__ is not None, Base.__subclasses__()[0].__name__)
print(int.__name__, int.__qualname__, int.__module__, type.__module__)
