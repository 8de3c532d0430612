# Caught class-related errors: missing attribute, calling non-callable attr, bad super use, abstract call.
class Foo:
    def __init__(self):
        self.a = 1
    def meth(self):
        return self.nope
f = Foo()
for thunk in (lambda: f.b, lambda: f.meth(), lambda: Foo.missing, lambda: f.a(), lambda: Foo(1),
              lambda: f + 1, lambda: len(f), lambda: f[0], lambda: iter(f), lambda: -f, lambda: f < f,
              lambda: int(f), lambda: object().x, lambda: None.attr, lambda: (1).real.foo):
    try:
        thunk()
    except Exception as e:
        print(type(e).__name__ + ":", e)
