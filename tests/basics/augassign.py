# Augmented assignment on many types, including in-place list semantics vs tuple rebinding.
a = [1, 2]
b = a
a += [3]
print(a, b, a is b)
t = (1, 2)
u = t
t += (3,)
print(t, u, t is u)
s = "ab"
s *= 3
print(s)
x = 7
x <<= 2; print(x)
x >>= 1; print(x)
x |= 1; print(x)
x &= 6; print(x)
x ^= 15; print(x)
x /= 2; print(x)
d = {"k": 1}
d["k"] += 10
print(d)
l = [[0], [1]]
l[1][0] -= 5
l[0] *= 3
print(l)
class C:
    pass
c = C()
c.v = 1
c.v += 41
print(c.v)
