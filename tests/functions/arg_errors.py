# TypeError messages for bad calls (caught): counts, unexpected/multiple/missing kwargs, methods.
def f(a, b):
    return a + b
def g(a, b=1, *, c):
    return a
class K:
    def m(self, x):
        return x
    @staticmethod
    def s(x):
        return x
five, text = 5, "abc"
calls = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, c=3),
    lambda: f(1, 2, a=3),
    lambda: g(1),
    lambda: g(1, 2, 3, c=1),
    lambda: K().m(),
    lambda: K().m(1, 2),
    lambda: K.s(),
    lambda: K.m(1),
    lambda: (lambda: 0)(1),
    lambda: (lambda x, y, z: 0)(1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: f(*[1], **{"b": 2, "a": 1}),
    lambda: five(),
    lambda: text(1),
    lambda: abs(a=1),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print("TypeError:", e)
