# type() of values, comparing types, type names of builtin functions/methods, isinstance with tuples.
values = [0, 0.0, "", b"", [], (), {}, set(), frozenset(), None, True, range(0), len, str.upper, "a".upper, print, object()]
for v in values:
    print(type(v).__name__, end=" ")
print()
print(type(1) == int, type(True) == int, type(True) == bool, type(type(1)).__name__)
def f(): pass
class C:
    def m(self): pass
print(type(f).__name__, type(C().m).__name__, type(C.m).__name__, type(C).__name__, type(C()).__name__)
print(int.__name__, str.__qualname__, len.__name__, print.__name__)
