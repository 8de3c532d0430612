# augmented assignment on names, attributes, subscripts, slices
n = 5
n += 3; print(n)
n -= 1; print(n)
n *= 4; print(n)
n //= 3; print(n)
n %= 5; print(n)
n **= 3; print(n)
n <<= 2; print(n)
n >>= 1; print(n)
n |= 7; print(n)
n &= 12; print(n)
n ^= 5; print(n)
f = 7.0
f /= 2; print(f)
class C:
    def __init__(self): self.v = 1
c = C()
c.v += 10; print(c.v)
lst = [1, 2, 3]
lst[1] *= 7; print(lst)
d = {"a": 1}
d["a"] += 100; print(d)
calls = []
def key():
    calls.append("key")
    return "a"
d[key()] -= 1
print(d, calls)
s = "ab"
s *= 3; print(s)
t = (1,)
t += (2, 3); print(t)
l2 = l3 = [1]
l2 += [2]
print(l2, l3, l2 is l3)
t2 = t3 = (1,)
t2 += (2,)
print(t2, t3, t2 is t3)
