# `+` and `+=` on two exact strs take a direct path; everything else must still see
# str subclasses' __add__/__radd__, NotImplemented handling and CPython's TypeErrors.

class S(str):
    def __add__(self, other):
        return "S.add(" + str.__add__(self, other) + ")"

    def __radd__(self, other):
        return "S.radd(" + other + "|" + str(self) + ")"


class Plain(str):
    pass


class R:
    def __radd__(self, other):
        return ("R.radd", other)


a, b = "ab", "cd"
print(a + b, b + a, a + "", "" + a, "" + "")
print(S("x") + "y", "y" + S("x"), S("p") + S("q"))
p = Plain("pl")
r1 = p + "z"
print(r1, type(r1).__name__)
r2 = "z" + p
print(r2, type(r2).__name__)
print(type(p + "").__name__, type("" + p).__name__)
print("q" + R())
s = "acc"
s += "-1"
s += S("t")
print(s)
t = S("u")
t += "v"
print(t)
# identity of the empty-operand results (CPython returns the other operand itself)
x = "hello" * 3
print((x + "") is x, ("" + x) is x)
# unicode: non-ASCII and astral characters, lengths and indexing of the result
u = "é" + "ß" + "\U0001F600" + "z"
print(u, len(u), u[2], u[-1], ascii(u))
print(len("a" + "\U0001F600"), ("\U0001F600" + "b")[1])
w = "x" * 600
print(len(w + w), (w + "é")[-1])
for bad in (1, 2.5, None, b"x", ["l"]):
    try:
        "s" + bad
    except TypeError as e:
        print("TypeError:", e)
    try:
        bad + "s"
    except TypeError as e:
        print("TypeError:", e)
try:
    s2 = "s"
    s2 += 3
except TypeError as e:
    print("TypeError:", e)
# keys built by concatenation look up the same entries
d = {}
for i in range(5):
    k = "k" + str(i % 2) + "_" + "v"
    d[k] = d.get(k, 0) + 1
print(sorted(d.items()))
