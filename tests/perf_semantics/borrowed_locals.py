# Native code reads locals without counting a reference when the value is consumed
# at once (obj.attr, v[i], a < b, a + b). Rebinding, in-place operators, raising
# operands and finalizers must still see exact reference counts.
import sys


class Tracked:
    def __init__(self, name):
        self.name = name
        self.value = len(name)

    def __del__(self):
        print("del", self.name)

    def __lt__(self, other):
        if other is None:
            raise TypeError("cannot compare with None")
        return self.value < other.value

    def __add__(self, other):
        return Tracked(self.name + "+" + other.name)

    def __getitem__(self, i):
        return self.name[i]


def walrus(v):
    w = [10, 20, 30]
    r = v[(v := w)[0] - 9]   # v is rebound before the subscript runs
    return r, v


def attr_and_items():
    t = Tracked("alpha")
    out = [t.value, t[0], t.name[1:3]]
    t = Tracked("beta")      # frees alpha here
    out.append(t.value)
    return out


def compare_and_raise():
    a = Tracked("a1")
    b = Tracked("bb2")
    out = [a < b, b < a]
    try:
        out.append(a < None)
    except TypeError as e:
        out.append(str(e))
    return out


def inplace():
    xs = [1]
    ys = xs
    xs += [2]
    s = "ab"
    s += "c"
    n = 5
    n += 1
    t = Tracked("t")
    t += Tracked("u")
    return xs is ys, xs, s, n, t.name


def fails():
    return 1 // 0


def live_across_call():
    v = [1, 2, 3]
    try:
        return v[fails()]
    except ZeroDivisionError:
        return v[-1], sys.getrefcount(v) - sys.getrefcount([]) if hasattr(sys, "getrefcount") else None


print(walrus([5, 6, 7]))
print(attr_and_items())
print(compare_and_raise())
print(inplace())
print(live_across_call()[0])
for i in range(3):
    x = [i, i + 1]
    print(x[0] + x[1], x[-1] < x[0])
print("end")
