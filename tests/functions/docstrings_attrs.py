# Function attributes: __name__, __doc__, __qualname__, custom attributes, __defaults__, __kwdefaults__.
def documented(a, b=2, *, c=3):
    """Adds things."""
    return a + b + c
print(documented.__name__, documented.__doc__, documented.__qualname__)
print(documented.__defaults__, documented.__kwdefaults__)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer().__name__)
documented.tag = "custom"
print(documented.tag, getattr(documented, "missing", "nope"))
class A:
    def meth(self):
        "method doc"
    class B:
        def deep(self): pass
print(A.meth.__qualname__, A.meth.__doc__, A.B.deep.__qualname__, A.__name__, A.B.__qualname__)
def nodoc(): pass
print(nodoc.__doc__, (lambda: 0).__doc__)
