# unpacking error messages
cases = [
    ("a, b = [1]", None),
]
def t(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)
def f1(): a, b = [1]
def f2(): a, b = [1, 2, 3]
def f3(): a, b = None
def f4(): a, *b, c, d = [1, 2]
def f5(): a, b = iter([1, 2, 3])
def f6(): (a, b), c = 1, 2
def f7(): a, b = 1.5
def f8(): a, = ()
def f9(): a, *b = []
for f in (f1, f2, f3, f4, f5, f6, f7, f8, f9):
    t(f)
