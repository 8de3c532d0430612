# List slicing: read with steps, slice assignment (grow/shrink), extended slice assign, del.
l = list(range(10))
print(l[2:7], l[::3], l[::-1], l[-3:], l[:-7], l[7:2:-2], l[100:], l[-100:2])
m = l[:]
m[2:5] = ["a", "b"]; print(m)
m[1:1] = [100, 200, 300]; print(m)
m[:] = m[::-1]; print(m)
m[::2] = [0] * len(m[::2]); print(m)
m[-2:] = []; print(m)
del m[::3]; print(m)
del m[1]; print(m)
del m[-2:]; print(m)
try:
    m[::2] = [1, 2, 3, 4, 5, 6, 7]
except ValueError as e:
    print("ValueError", e)
n = [1, 2, 3]
n[5:] = [4]; print(n)
n[-10:1] = ["x"]; print(n)
try:
    n[10] = 1
except IndexError as e:
    print("IndexError", e)
print(n[-1], n[-len(n)])
