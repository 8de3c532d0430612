# List slicing and slice assignment: every step sign, huge and negative bounds,
# assignment of a different length, from itself, from tuples and iterators.
import sys

a = list(range(10))
steps = [None, 1, 2, 3, -1, -2, -3, sys.maxsize, -sys.maxsize, 100]
bounds = [None, 0, 1, 5, 9, 10, 11, -1, -5, -10, -11, sys.maxsize, -sys.maxsize - 1, 10**30, -10**30]
acc = 0
for st in steps:
    for lo in bounds:
        for hi in bounds:
            r = a[lo:hi:st]
            acc = (acc * 31 + len(r) * 7 + sum(r) + (r[0] if r else 0)) % 1000003
print("get", acc, a[::-1], a[5::-1], a[:3:-2], a[-3:], a[10**30:], a[-10**30:2])

# fannkuch's flip: prefix replaced by its own reversal
p = [3, 1, 4, 0, 2, 5]
flips = 0
while p[0]:
    k = p[0]
    p[:k + 1] = p[k::-1]
    flips += 1
print("flip", p, flips)

# assignment of every length into every step-1 slice
acc = 0
for lo in [0, 2, 5, 10, -3, -20, 100]:
    for hi in [0, 3, 7, 10, -1, 100, -100]:
        for n in [0, 1, 3, 8]:
            b = list(range(10))
            b[lo:hi] = range(100, 100 + n)
            c = list(range(10))
            c[lo:hi] = tuple(range(100, 100 + n))
            assert b == c
            acc = (acc * 31 + len(b) * 7 + sum(b)) % 1000003
print("assign", acc)

b = list(range(8))
b[2:5] = b
print(b)
b = list(range(8))
b[::2] = "abcd"
print(b)
b[::-2] = [0, 0, 0, 0]
print(b)
b[1:6:2] = iter([7, 8, 9])
print(b)
b[5:2] = [1, 2]
print(b)
del b[::3]
print(b)
del b[-1:-4:-1]
print(b)
b[:] = []
print(b)

for bad in [lambda: b.__setitem__(slice(None, None, 2), [1]),
            lambda: a.__setitem__(slice(None, None, 3), [1, 2]),
            lambda: a.__setitem__(slice(0, 2), 5),
            lambda: a.__setitem__(slice(0, 4, 2), 5),
            lambda: a[::0],
            lambda: a["x":],
            lambda: a[1.5]]:
    try:
        bad()
        print("no error")
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)


class Noisy:
    def __init__(self, tag, log):
        self.tag, self.log = tag, log

    def __del__(self):
        self.log.append(self.tag)


log = []
c = [Noisy(i, log) for i in range(5)]
c[1:3] = [Noisy(9, log)]
print(log, [x.tag for x in c])
c[::2] = [None, None]
print(log, [getattr(x, "tag", None) for x in c])
t = tuple(range(10))
print(t[::-3], t[2:8:2], t[-100:100], "abcdef"[::-2], "abcdef"[4:1:-1])
