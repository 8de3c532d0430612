# `if s:` on strs is tested inline for exact strs; subclasses keep __bool__/__len__.
def check(v):
    r = []
    if v:
        r.append("T")
    else:
        r.append("F")
    r.append("nt" if not v else "t")
    while v:
        r.append("w")
        break
    return "".join(r)

class B(str):
    def __bool__(self):
        print("  __bool__ of", repr(str(self)))
        return False

class L(str):
    def __len__(self):
        print("  __len__ of", repr(str(self)))
        return 0

class Plain(str):
    pass

for v in ["", "a", "é", "日本", " ", "\0", "x" * 1000, B("yes"), B(""), L("abc"), Plain(""), Plain("p"), 0, 1, None, True, False, [], [0], 0.0, 2.5]:
    print(repr(v), check(v))

prev = ""
out = []
for w in "one two  three".split(" "):
    if prev:
        out.append(prev + "_" + w)
    prev = w
print(out)

class Bad(str):
    def __bool__(self):
        raise ValueError("no truth")
try:
    if Bad("x"):
        pass
except ValueError as e:
    print("ValueError", e)
